"""The help screen, generated from the same bindings that drive the keys and the footer."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

EXTRA_KEYS = [
    ("Article list", "↓ ↑ / j k", "next / previous article"),
    ("Entity sidebar", "↓ ↑, Enter", "move; show the entity's mentions and quotes across the corpus"),
    ("Timeline strip", "← →, shift+← →", "day by day, event to event"),
    ("Timeline strip", "Enter, Esc", "filter the list to that day; clear"),
    ("Who said what", "type words", "filter quotes containing them (who said X?)"),
    ("Any list", "Enter", "jump to the quote or mention in the reader"),
]


def key_label(binding: Binding) -> str:
    return ", ".join(binding.key_display or key for key in binding.key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table(title="ukr-tui keys", expand=True, show_edge=False)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        for binding in self.bindings:
            table.add_row(Text(key_label(binding)), Text(binding.description))
        for where, keys, does in EXTRA_KEYS:
            table.add_row(Text(keys), Text(f"{does} ({where})"))
        with VerticalScroll(id="help-body"):
            yield Static(table)
        yield Footer()
