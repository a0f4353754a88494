"""A modal list of places in the corpus; choosing one returns where to jump in the reader."""
from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..messages import JumpTo
from .help import HelpScreen

Target = tuple[RenderableType, JumpTo | None]  # a row, and where it jumps (None: a heading)


class JumpListScreen(ModalScreen[JumpTo | None]):
    """Title, a one-paragraph summary, and rows that each open an article at a span."""

    HELP_TITLE = "Lists (entity, timeline)"
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back", id="jump_list.back"),
        Binding("question_mark", "help", "Help", key_display="?", id="jump_list.help"),
    ]
    HELP_EXTRA = [("↓ ↑, Enter", "Move; Enter opens the article at the highlighted place")]

    def __init__(self, title: str, summary: Text, rows: list[Target]) -> None:
        super().__init__()
        self.heading, self.summary, self.rows = title, summary, rows

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-list"):
            yield Static(Text(self.heading, style="bold"), id="jump-list-title")
            yield Static(self.summary, id="jump-list-summary")
            yield self.make_list()
        yield Footer()

    def make_list(self) -> Widget:
        return OptionList(*[Option(label, id=str(i), disabled=target is None) for i, (label, target) in enumerate(self.rows)])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen.for_screen(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id)][1])
