"""A modal list of places in the corpus; choosing one returns where to jump in the reader."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..messages import JumpTo

Target = tuple[Text, JumpTo | None]


class JumpListScreen(ModalScreen[JumpTo | None]):
    """Title, a one-paragraph summary, and rows that each open an article at a span."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Back", id="jump_list.back")]

    def __init__(self, title: str, summary: Text, rows: list[Target]) -> None:
        super().__init__()
        self.heading, self.summary, self.rows = title, summary, rows

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-list"):
            yield Static(Text(self.heading, style="bold"), id="jump-list-title")
            yield Static(self.summary, id="jump-list-summary")
            yield OptionList(*[Option(label, id=str(i), disabled=target is None) for i, (label, target) in enumerate(self.rows)])
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id)][1])
