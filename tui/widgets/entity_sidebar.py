"""The entity sidebar: people, organisations and places with mention counts and roles."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import ORGANIZATION, PERSON, PLACE

from ..messages import EntityChosen

HEADINGS = {PERSON: "People", ORGANIZATION: "Organisations", PLACE: "Places"}


class EntitySidebar(OptionList):
    BORDER_TITLE = "Entities"

    def show(self, rows: list[tuple[str, str, int, list[str]]], scope: str) -> None:
        """rows: (kind, name, mentions, roles), already ranked."""
        self.border_title = f"Entities · {scope}"
        options: list[Option] = []
        for kind, heading in HEADINGS.items():
            chosen = [r for r in rows if r[0] == kind]
            if not chosen:
                continue
            options.append(Option(Text(heading, style="bold underline"), disabled=True))
            for _, name, count, roles in chosen:
                label = Text(f"{name} ")
                label.append(f"{count}", style="dim")
                if roles:
                    label.append(f"\n  {roles[0]}", style="italic dim")
                options.append(Option(label, id=f"{kind}:{name}"))
        highlighted = self.highlighted
        self.set_options(options)
        if options:
            first = next((i for i, o in enumerate(options) if not o.disabled), None)
            self.highlighted = highlighted if highlighted is not None and highlighted < len(options) and not options[highlighted].disabled else first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntityChosen(event.option.id.split(":", 1)[1]))
