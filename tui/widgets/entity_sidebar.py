"""The entity sidebar: people, organisations and places with mention counts and roles."""
from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import ORGANIZATION, PERSON, PLACE, printable

from ..messages import EntityChosen

HEADINGS = {PERSON: "People", ORGANIZATION: "Organisations", PLACE: "Places"}


class EntitySidebar(OptionList):
    """j/k move inside the list here, as ↓/↑ do: the article does not change from this pane."""

    BORDER_TITLE = "Entities"
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="entities.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown_rows: list[tuple[str, str, int, list[str]]] | None = None

    def show(self, rows: list[tuple[str, str, int, list[str]]], scope: str) -> None:
        """rows: (kind, name, mentions, roles), already ranked."""
        self.border_title = Text(f"Entities · {scope}")  # a Text: never read as markup
        if rows == self._shown_rows:  # the same entities again: keep the options and the highlight
            return
        self._shown_rows = list(rows)
        options: list[Option] = []
        for kind, heading in HEADINGS.items():
            chosen = [r for r in rows if r[0] == kind]
            if not chosen:
                continue
            options.append(Option(Text(heading, style="bold underline"), disabled=True))
            for _, name, count, roles in chosen:
                label = Text(f"{printable(name, single_line=True)} ")
                label.append(f"{count}", style="bold")
                if roles:  # indented as a whole, so a wrapped role never looks like another entity
                    role = Padding(Text(printable(roles[0], single_line=True), style="italic dim"), (0, 0, 0, 2))
                    options.append(Option(Group(label, role), id=f"{kind}:{name}"))
                else:
                    options.append(Option(label, id=f"{kind}:{name}"))
        previous = self.highlighted_option.id if self.highlighted_option is not None else None
        self.set_options(options)
        # Keep the highlight on the same entity (by name, not by position), else the first one.
        ids = [o.id for o in options]
        if previous is not None and previous in ids:
            self.highlighted = ids.index(previous)
        else:
            self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntityChosen(event.option.id.split(":", 1)[1]))
