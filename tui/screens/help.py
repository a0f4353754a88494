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
    ("Entity sidebar (3)", "↓ ↑, Enter", "Move; Enter shows the entity's mentions and quotes across the corpus"),
    ("Who said what (w)", "type words", "Filter to quotes containing them: who said X?"),
    ("Who said what (w)", "Enter", "A speaker's quotes; on a quote, jump to it in the reader"),
    ("Lists (entity, timeline)", "Enter, Esc", "Jump to the highlighted place in the reader; go back"),
]
_KEY_NAMES = {"left": "←", "right": "→", "up": "↑", "down": "↓", "shift+left": "shift+←", "shift+right": "shift+→",
              "escape": "Esc", "enter": "Enter", "space": "Space"}


def key_label(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return ", ".join(_KEY_NAMES.get(key, key) for key in binding.key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    @property
    def bindings(self) -> list[Binding]:
        return [b for _, bindings in self.sections for b in bindings]

    def compose(self) -> ComposeResult:
        table = Table(title="ukr-tui keys", expand=True, show_edge=False)
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        for where, bindings in self.sections:
            for binding in bindings:
                table.add_row(Text(where), Text(key_label(binding)), Text(binding.tooltip or binding.description))
                where = ""
        for where, keys, does in EXTRA_KEYS:
            table.add_row(Text(where), Text(keys), Text(does))
        with VerticalScroll(id="help-body"):
            yield Static(table)
        yield Footer()
