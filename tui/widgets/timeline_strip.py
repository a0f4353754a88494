"""The timeline strip: one cell per day of the corpus, density as bar height, months labelled."""
from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from ..messages import DayChosen

BARS = " ▁▂▃▄▅▆▇█"
MONTH_NAMES = ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")


class TimelineStrip(Widget, can_focus=True):
    BORDER_TITLE = "Timeline"
    BINDINGS = [
        Binding("left", "move(-1)", "Day −1", id="timeline.previous_day"),
        Binding("right", "move(1)", "Day +1", id="timeline.next_day"),
        Binding("shift+left", "jump(-1)", "Previous event", id="timeline.previous_event"),
        Binding("shift+right", "jump(1)", "Next event", id="timeline.next_event"),
        Binding("enter", "choose", "Filter to day", id="timeline.filter"),
    ]

    cursor: reactive[int] = reactive(0)
    highlighted: reactive[frozenset] = reactive(frozenset)
    active_filter: reactive[str | None] = reactive(None)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.days: list[dt.date] = []
        self.counts: dict[str, int] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        if counts:
            first, last = dt.date.fromisoformat(min(counts)), dt.date.fromisoformat(max(counts))
            self.days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        else:
            self.days = []
        self.cursor = min(self.cursor, max(0, len(self.days) - 1))
        self.refresh()

    @property
    def cursor_day(self) -> str | None:
        return self.days[self.cursor].isoformat() if self.days else None

    def render(self) -> Text:
        if not self.days:
            return Text("No dated events yet.", style="dim")
        width = max(10, self.size.width)
        start = max(0, min(self.cursor - width // 2, len(self.days) - width))
        visible = self.days[start : start + width]
        peak = max(self.counts.values()) or 1
        bars, labels = Text(), Text()
        for i, day in enumerate(visible, start):
            iso = day.isoformat()
            count = self.counts.get(iso, 0)
            level = 0 if count == 0 else max(1, round(count / peak * (len(BARS) - 1)))
            style = "bold #e5a50a" if iso in self.highlighted else ""
            if iso == self.active_filter:
                style = "bold #26a269"
            if i == self.cursor:
                style += " reverse"
            bars.append(BARS[level] if count else "·", style=style.strip() or "dim")
        label_row = [" "] * len(visible)
        free_from = 0
        for i, day in enumerate(visible):
            if (day.day == 1 or i == 0) and i >= free_from:
                name = f"{MONTH_NAMES[day.month - 1]} {day.year % 100:02d}"
                for j, char in enumerate(name[: len(label_row) - i]):
                    label_row[i + j] = char
                free_from = i + len(name) + 1
        labels.append("".join(label_row), style="dim")
        status = Text(f"\n{self.cursor_day}  {self.counts.get(self.cursor_day or '', 0)} event(s)", style="dim")
        if self.active_filter:
            status.append(f"   filter: {self.active_filter} (Enter again or Esc clears)", style="bold")
        return Text.assemble(bars, "\n", labels, status)

    def action_move(self, step: int) -> None:
        if self.days:
            self.cursor = max(0, min(len(self.days) - 1, self.cursor + step))

    def action_jump(self, step: int) -> None:
        indices = [i for i, d in enumerate(self.days) if self.counts.get(d.isoformat())]
        later = [i for i in indices if (i > self.cursor if step > 0 else i < self.cursor)]
        if later:
            self.cursor = later[0] if step > 0 else later[-1]

    def action_choose(self) -> None:
        day = self.cursor_day
        self.post_message(DayChosen(None if day == self.active_filter else day))

    def move_to(self, day: str) -> None:
        iso = [d.isoformat() for d in self.days]
        if day in iso:
            self.cursor = iso.index(day)
