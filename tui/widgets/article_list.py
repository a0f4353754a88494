"""The article list: date · outlet · title, one row per article, unread ones marked."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from store import Article, printable

from ..messages import ArticleChosen


def article_label(article: Article) -> str:
    return article.label


TITLE_WIDTH = 120
SOURCE_WIDTH = 14


class ArticleList(DataTable):
    BORDER_TITLE = "Articles"

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}

    def _add_columns(self, with_source: bool) -> None:
        self.add_column(" ", key="unread", width=1)
        self.add_column("Date", key="date", width=11)
        if with_source:  # only when some article names its outlet: a column of dashes would take the title's room
            self.add_column("Source", key="source", width=SOURCE_WIDTH)
        self.add_column("Title", key="title", width=TITLE_WIDTH)  # fixed: the pane clips it; the file is in the reader

    def show(self, articles: list[Article], read_ids: set[str]) -> None:
        """Fill the list and keep the cursor on the same article; programmatic moves post nothing."""
        current = self.current_id
        with self.prevent(DataTable.RowHighlighted):
            self._fill(articles, read_ids, current)

    def _fill(self, articles: list[Article], read_ids: set[str], current: str | None) -> None:
        with_source = any(article.outlet for article in articles)
        self.clear(columns=True)
        self._add_columns(with_source)
        self._ids = [a.id for a in articles]
        self._rows = {article_id: row for row, article_id in enumerate(self._ids)}
        for article in articles:
            cells = [
                Text("●" if article.id not in read_ids else " ", style="bold"),
                Text(("≈" if article.date_inferred else "") + (article.published or "—")),  # ≈: reasoned out, not stated
                Text(printable(article_label(article), single_line=True)[:TITLE_WIDTH]),
            ]
            if with_source:
                cells.insert(2, Text(printable(article.outlet or "—", single_line=True)[:SOURCE_WIDTH]))
            self.add_row(*cells, key=article.id)
        if current in self._rows:
            self.move_cursor(row=self._rows[current], animate=False)

    def mark(self, article_id: str, read: bool) -> None:
        if article_id in self._rows:
            self.update_cell(article_id, "unread", Text(" " if read else "●", style="bold"))

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def current_id(self) -> str | None:
        if not self._ids or self.cursor_row < 0 or self.cursor_row >= len(self._ids):
            return None
        return self._ids[self.cursor_row]

    def select_id(self, article_id: str) -> None:
        """Put the cursor on an article chosen elsewhere, without announcing it back."""
        if article_id in self._rows and self.cursor_row != self._rows[article_id]:
            with self.prevent(DataTable.RowHighlighted):
                self.move_cursor(row=self._rows[article_id], animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(ArticleChosen(event.row_key.value, read=True))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # A highlight that is no longer where the cursor is was overtaken by a later move: stale.
        if event.row_key.value and event.cursor_row == self.cursor_row:
            self.post_message(ArticleChosen(event.row_key.value))
