"""The citation `y` copied, shown as text to select: whether the terminal let the copy through
(OSC 52) cannot be known from inside the app."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea


class CitationScreen(ModalScreen[None]):
    HELP_TITLE = "Citation (y)"
    BINDINGS = [
        Binding("escape,y,enter", "dismiss", "Close", id="citation.close"),
    ]
    HELP_EXTRA = [("shift+arrows, ctrl+c", "Select part of the citation (all of it at first); copy the selection again")]

    def __init__(self, citation: str) -> None:
        super().__init__()
        self.citation = citation

    def compose(self) -> ComposeResult:
        with Vertical(id="citation"):
            yield Static(Text(
                "Sent to the clipboard through the terminal (OSC 52). Terminals and tmux may refuse it "
                "(tmux: set -s set-clipboard on); if nothing arrives, select the text below.", style="dim"))
            yield TextArea(self.citation, read_only=True, soft_wrap=True, show_line_numbers=False, id="citation-text")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one(TextArea)
        box.focus()
        box.select_all()
