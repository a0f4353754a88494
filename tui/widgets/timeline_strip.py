"""The timeline strip: the corpus's days scaled to the width, density as bar height, every month
labelled, and what happened on the day under the cursor."""
from __future__ import annotations

import datetime as dt
import math

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from store import printable

from ..messages import DayChosen

BARS = " ▁▂▃▄▅▆▇█"
MONTH_NAMES = ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


class TimelineStrip(Widget, can_focus=True):
    BORDER_TITLE = "Timeline"
    BINDINGS = [
        Binding("left", "move(-1)", "Day −1", show=False, id="timeline.previous_day"),
        Binding("right", "move(1)", "Day +1", show=False, id="timeline.next_day"),
        Binding("shift+left", "jump(-1)", "Previous event", show=False, id="timeline.previous_event"),
        Binding("shift+right", "jump(1)", "Next event", show=False, id="timeline.next_event"),
        Binding("enter", "choose", "Filter to day", id="timeline.filter"),
    ]

    cursor: reactive[int] = reactive(0)
    highlighted: reactive[frozenset] = reactive(frozenset)
    active_filter: reactive[str | None] = reactive(None)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.days: list[dt.date] = []
        self.counts: dict[str, int] = {}
        self.sentences: dict[str, list[str]] = {}

    def set_days(self, counts: dict[str, int], sentences: dict[str, list[str]] | None = None) -> None:
        """Events per day (ISO dates) and, for the status line, the sentences that date them."""
        self.counts, self.sentences = counts, sentences or {}
        full = sorted(day for day in counts if len(day) == 10)
        if full:
            first, last = dt.date.fromisoformat(full[0]), dt.date.fromisoformat(full[-1])
            self.days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        else:
            self.days = []
        self.cursor = min(self.cursor, max(0, len(self.days) - 1))
        self.refresh()

    @property
    def cursor_day(self) -> str | None:
        return self.days[self.cursor].isoformat() if self.days else None

    def _cells(self, width: int) -> tuple[int, int]:
        """(days per cell, cells per day): the whole span always fits the width."""
        per_cell = max(1, math.ceil(len(self.days) / width))
        return per_cell, max(1, width // math.ceil(len(self.days) / per_cell))

    def render(self) -> Text:
        if not self.days:
            return Text("No dated events yet.", style="dim")
        width = max(10, self.size.width)
        per_cell, cell_width = self._cells(width)
        groups = [self.days[i : i + per_cell] for i in range(0, len(self.days), per_cell)]
        counts = [sum(self.counts.get(d.isoformat(), 0) for d in group) for group in groups]
        peak = max(counts) or 1
        runs: list[tuple[str, str]] = []  # (characters, style): one span per run of a style, not per cell
        for index, (group, count) in enumerate(zip(groups, counts, strict=True)):
            isos = {d.isoformat() for d in group}
            style = "bold #e5a50a" if isos & self.highlighted else ""
            if self.active_filter in isos:
                style = "bold #26a269"
            if self.cursor // per_cell == index:
                style += " reverse"
            level = max(1, round(count / peak * (len(BARS) - 1))) if count else 0
            cells, style = (BARS[level] if count else "·") * cell_width, style.strip() or "dim"
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + cells, style)
            else:
                runs.append((cells, style))
        bars = Text.assemble(*runs)
        return Text.assemble(bars, "\n", self._month_labels(groups, cell_width, width), "\n", self._day_line(width))

    def _month_labels(self, groups: list[list[dt.date]], cell_width: int, width: int) -> Text:
        """Every month named where it starts, as long a name as the room before the next allows."""
        starts = [(index * cell_width, group[0]) for index, group in enumerate(groups)
                  if index == 0 or any(d.day == 1 for d in group)]
        row = [" "] * width
        for number, (x, day) in enumerate(starts):
            month = next((d for d in groups[x // cell_width] if d.day == 1), day)
            room = (starts[number + 1][0] if number + 1 < len(starts) else width) - x - 1
            for name in (f"{MONTH_NAMES[month.month - 1]} {month.year % 100:02d}", MONTH_NAMES[month.month - 1],
                         MONTH_NAMES[month.month - 1][:1]):
                if len(name) <= max(1, room):
                    row[x : x + len(name)] = name[: width - x]
                    break
        return Text("".join(row)[:width], style="dim")

    def _day_line(self, width: int) -> Text:
        day = self.cursor_day or ""
        sentences = self.sentences.get(day, [])
        line = Text(f"{day}  {plural(self.counts.get(day, 0), 'event')}", style="bold" if sentences else "dim")
        if self.active_filter:
            line.append(f"  · list filtered to {self.active_filter} (Esc clears)", style="bold #26a269")
        if sentences:
            line.append("  " + printable(sentences[0], single_line=True), style="")
        line.truncate(width, overflow="ellipsis")
        return line

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
