"""The whole timeline as a list: each dated expression, its sentence and its article."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

from store.library import Library

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..wording import clip, plural
from .jump_list import JumpListScreen, Target
from .who_said import shown

DATE_WIDTH = 10
SENTENCE_SHOWN = 160  # Enter opens the whole sentence in the reader


def event_row(date: str, expression: str, sentence: str, title: str) -> Table:
    """The date in its own column; the expression and sentence wrap inside theirs, at word
    boundaries, so nothing spills under the date; the article's title below, on one line."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(width=DATE_WIDTH, no_wrap=True)
    row.add_column(ratio=1, overflow="fold")
    text = Text(shown(expression), style="italic")
    text.append("  " + shown(clip(sentence, SENTENCE_SHOWN)))
    row.add_row(Text(date, style="bold"), text)
    row.add_row("", Text(shown(title), style="dim", no_wrap=True, overflow="ellipsis"))
    return row


def timeline_rows(library: Library) -> list[Target]:
    return [
        (event_row(event.date, event.expression, event.sentence, article_label(article)), JumpTo(article.id, event.start, event.end))
        for event, article in library.events_in_order()
    ]


class TimelineListScreen(JumpListScreen):
    HELP_TITLE = "Timeline list (t)"

    def __init__(self, library: Library) -> None:
        rows = timeline_rows(library)
        summary = Text(f"{plural(len(rows), 'dated expression')} across {plural(len(library), 'article')}", style="dim")
        super().__init__("Timeline", summary, rows)
