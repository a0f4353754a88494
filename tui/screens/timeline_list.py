"""The whole timeline as a table: date, the dated expression in its sentence, the article.

Rows are added a chunk at a time as the cursor or the scroll nears the last one added, so tens of
thousands of events open at once; each row is two lines high and its sentence wraps inside its own
column, never under the date."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from store import Article, Event, Library

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..wording import clip, plural
from .jump_list import JumpListScreen
from .who_said import shown

DATE_WIDTH = 10
ROW_LINES = 2
ROWS_PER_CHUNK = 100  # a few screenfuls: enough to page through while the next chunk is added


def said_cell(event: Event, width: int) -> Text:
    """The expression, then as much of its sentence as the row's lines hold, cut at a word."""
    text = Text(shown(event.expression), style="italic")
    room = max(width * ROW_LINES - len(text) - width // 3, 10)  # lines break early, at words: leave slack
    text.append("  " + shown(clip(event.sentence, room)))
    return text


class TimelineListScreen(JumpListScreen):
    HELP_TITLE = "Timeline list (t)"
    HELP_EXTRA = [("↓ ↑, PgDn PgUp, Enter", "Move; Enter opens the article at the dated expression")]

    def __init__(self, library: Library) -> None:
        self.events: list[tuple[Event, Article]] = library.events_in_order()
        summary = Text(f"{plural(len(self.events), 'dated expression')} across {plural(len(library), 'article')}", style="dim")
        super().__init__("Timeline", summary, [])

    def make_list(self) -> DataTable:
        return DataTable(cursor_type="row", zebra_stripes=True, id="timeline-table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # The list box is 90% of the screen, less its border and padding, the scrollbar and cell padding.
        inner = int(self.app.size.width * 0.9) - 4 - 2 - 6
        title_width = max(12, inner // 4)
        said_width = max(20, inner - DATE_WIDTH - title_width)
        table.add_column("Date", width=DATE_WIDTH, key="date")
        table.add_column("Said", width=said_width, key="said")
        table.add_column("Article", width=title_width, key="article")
        self.said_width = said_width
        self._add_rows()
        self.watch(table, "scroll_y", self._scrolled, init=False)
        table.focus()

    def _add_rows(self) -> None:
        """The next chunk of events, after the rows already in the table."""
        table = self.query_one(DataTable)
        start = table.row_count
        for event, article in self.events[start : start + ROWS_PER_CHUNK]:
            table.add_row(Text(event.date, style="bold"), said_cell(event, self.said_width),
                          Text(shown(article_label(article)), style="dim"), height=ROW_LINES)

    def _near_the_end(self, row: int) -> None:
        table = self.query_one(DataTable)
        if row >= table.row_count - ROWS_PER_CHUNK // 2 and table.row_count < len(self.events):
            self._add_rows()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._near_the_end(event.cursor_row)

    def _scrolled(self, scroll_y: float) -> None:
        self._near_the_end(int(scroll_y + self.query_one(DataTable).size.height) // ROW_LINES)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        chosen, article = self.events[event.cursor_row]
        self.dismiss(JumpTo(article.id, chosen.start, chosen.end))
