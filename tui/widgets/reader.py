"""The reader: an article's title, dates and paragraphs, with quotes, entities and dates marked.

Article text is data: it enters as plain `rich.text.Text`, never as markup.
"""
from __future__ import annotations

import zlib

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from store import DIRECT, Article
from store.safe_text import printable

from .article_list import article_label

SPEAKER_COLOURS = ("#e5a50a", "#3daee9", "#e66100", "#26a269", "#c061cb", "#f66151", "#62a0ea", "#8ff0a4")
ENTITY_STYLE = "underline"
DATE_STYLE = "italic"
TARGET_STYLE = "reverse"


def speaker_colour(name: str | None) -> str:
    if not name:
        return "grey62"
    return SPEAKER_COLOURS[zlib.crc32(name.encode()) % len(SPEAKER_COLOURS)]


def _after_closing_mark(text: str, position: int) -> int:
    """Where a speaker label goes: after the quote's closing mark (`… discuter »`), if it has one."""
    probe = position
    while probe < len(text) and text[probe] in " \u00a0\u202f":
        probe += 1
    return probe + 1 if probe < len(text) and text[probe] in "»”\"" else min(position, len(text))


def render_paragraph(article: Article, index: int, target: tuple[int, int] | None) -> Text:
    offset = article.paragraph_offsets[index]
    raw = article.paragraphs[index]
    end = offset + len(raw)
    text = Text(raw)
    inserts: list[tuple[int, Text]] = []
    for entity in article.entities:
        for mention in entity.mentions:
            if offset <= mention.start < end:
                text.stylize(ENTITY_STYLE, mention.start - offset, mention.end - offset)
    for event in article.events:
        if offset <= event.start < end:
            text.stylize(DATE_STYLE, event.start - offset, event.end - offset)
            inserts.append((event.end - offset, Text(f" ‹{event.date}›", style="dim italic")))
    for quote in article.quotes:
        if quote.kind != DIRECT or not (offset <= quote.start < end):
            continue
        colour = speaker_colour(quote.speaker)
        text.stylize(f"bold {colour}", quote.start - offset, min(quote.end, end) - offset)
        label = f" — {quote.speaker}" if quote.speaker else " — ?"
        inserts.append((_after_closing_mark(raw, quote.end - offset), Text(label, style=f"italic {colour}")))
    if target is not None and offset <= target[0] < end:
        text.stylize(TARGET_STYLE, target[0] - offset, min(target[1], end) - offset)
    if not inserts:
        return text
    out, previous = Text(), 0
    for position, label in sorted(inserts, key=lambda item: item[0]):
        out.append_text(text[previous:position])
        out.append_text(label)
        previous = position
    out.append_text(text[previous:])
    return out


class Reader(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Up/down are left to the screen, so they move between articles from the reader too."""

    BORDER_TITLE = "Reader"
    BINDINGS = [
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.target: tuple[int, int] | None = None
        self.heading = ""
        self._paragraphs: dict[int, Static] = {}

    def show(self, article: Article | None, target: tuple[int, int] | None = None) -> None:
        if article is not None and self.article is not None and article.id == self.article.id and self._paragraphs:
            self.set_target(target)
            return
        self.article, self.target = article, target
        self.remove_children()
        self._paragraphs = {}
        if article is None:
            self.mount(Static(Text("No article selected."), classes="reader-empty"))
            return
        self.heading = printable(article_label(article), single_line=True)  # the name the list gives it
        header = Text(self.heading, style="bold")
        meta = Text(("≈" if article.date_inferred else "") + (article.published or "date unknown"), style="dim")
        if article.published_basis:
            why = f"{article.published_basis}: {article.published_evidence}" if article.published_evidence else article.published_basis
            meta.append(f"  ({printable(why, single_line=True)[:100]})", style="dim italic")
        if article.outlet:
            meta.append(f"  ·  {printable(article.outlet, single_line=True)}", style="dim")
        meta.append(f"  ·  {printable(article.file, single_line=True)}", style="dim")
        widgets = [Static(header, classes="reader-title"), Static(meta, classes="reader-meta")]
        first = 1 if article.has_title_paragraph else 0
        for index in range(first, len(article.paragraphs)):
            self._paragraphs[index] = Static(render_paragraph(article, index, target), classes="reader-paragraph")
        self.mount_all(widgets + list(self._paragraphs.values()))
        self.scroll_home(animate=False)
        if target is not None:
            self.call_after_refresh(self._scroll_to_offset, target[0])

    def set_target(self, target: tuple[int, int] | None) -> None:
        """Move the highlight within the article shown, re-rendering only the paragraphs it touches."""
        if self.article is None:
            return
        previous, self.target = self.target, target
        for span in (previous, target):
            if span is not None and (widget := self._paragraphs.get(self.paragraph_of(span[0]))) is not None:
                widget.update(render_paragraph(self.article, self.paragraph_of(span[0]), target))
        if target is not None:
            self._scroll_to_offset(target[0])

    def paragraph_of(self, offset: int) -> int:
        assert self.article is not None
        return max(i for i, start in enumerate(self.article.paragraph_offsets) if start <= offset)

    def _scroll_to_offset(self, offset: int) -> None:
        if self.article is None:
            return
        widget = self._paragraphs.get(self.paragraph_of(offset))
        if widget is not None:
            self.scroll_to_widget(widget, animate=False, top=True)

    def direct_quotes(self):
        return [q for q in self.article.quotes if q.kind == DIRECT] if self.article else []

    def step_quote(self, step: int):
        """Move the highlight to the next (or previous) quote; return it, or None at the end."""
        quotes = self.direct_quotes()
        if not quotes:
            return None
        starts = [q.start for q in quotes]
        current = self.target[0] if self.target else None
        if current is None:
            index = 0 if step > 0 else len(quotes) - 1
        else:
            later = [i for i, s in enumerate(starts) if (s > current if step > 0 else s < current)]
            if not later:
                return None
            index = later[0] if step > 0 else later[-1]
        quote = quotes[index]
        self.set_target((quote.start, quote.end))
        return quote

    def current_quote(self):
        if not self.target:
            return None
        return next((q for q in self.direct_quotes() if q.start == self.target[0]), None)
