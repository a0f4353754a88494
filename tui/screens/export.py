"""F2 in who said what: where to write the current result (the format follows the file's ending:
.csv, .jsonl or .md)."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import printable

FORMAT_OF_SUFFIX = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".md": "md"}


def export_format(path: Path) -> str | None:
    return FORMAT_OF_SUFFIX.get(path.suffix.lower())


class ExportScreen(ModalScreen[Path | None]):
    """Returns the path typed (absolute), None when cancelled."""

    HELP_TITLE = "Export (F2)"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]

    def __init__(self, what: str, count: int, default: Path) -> None:
        super().__init__()
        self.what, self.count, self.default = what, count, default

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(Text(printable(f"Export {self.count} quote(s) · {self.what}", single_line=True)[:85], style="bold"))
            yield Static(Text("Quote, speaker (how sure), checked, cue, sentence, title, date (≈ reasoned) and basis, "
                              "outlet, address, file; one row per report.", style="dim"))
            yield Input(value=str(self.default), id="export-path")
            yield Static(Text("Enter writes · .csv (UTF-8 with BOM, for spreadsheets), .jsonl or .md · Esc cancels",
                              style="dim"), id="export-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        if export_format(path) is None:
            self.query_one("#export-help", Static).update(
                Text("The file must end in .csv, .jsonl or .md", style="bold red"))
            return
        self.dismiss(path.absolute())
