"""A small modal to set or correct an article's publication date (durable, marked as the user's)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import InputError, parse_published, printable

UNDO = ""  # what the screen returns to put back the date the article had before the user's


class SetDateScreen(ModalScreen[str | None]):
    """Returns the date typed (YYYY-MM-DD…), UNDO for an empty field, None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="set_date.cancel")]

    def __init__(self, title: str, current: str | None, basis: str | None) -> None:
        super().__init__()
        self.heading, self.current, self.basis = title, current, basis

    def compose(self) -> ComposeResult:
        with Vertical(id="set-date"):
            yield Static(Text(printable(self.heading, single_line=True)[:70], style="bold"))
            now = f"Now: {self.current or 'no date'}" + (f" ({self.basis})" if self.basis else "")
            yield Static(Text(now, style="dim"))
            yield Input(value=self.current or "", placeholder="YYYY-MM-DD", id="set-date-input")
            yield Static(Text("Enter sets it · empty + Enter puts back the date before yours · Esc cancels", style="dim"),
                         id="set-date-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.dismiss(UNDO)
            return
        try:
            parse_published(value, "date")
        except InputError as error:
            self.query_one("#set-date-help", Static).update(Text(printable(str(error), single_line=True), style="bold red"))
            return
        self.dismiss(value)
