"""The reader: one widget that draws an article line by line (Textual's Line API, as Toolong does).

The article is wrapped once per article and width into `Line`s that remember which characters of
the body they show; drawing a line only adds the highlight of the moment (a jump's span, a search
match) and turns it into a cached `Strip`. Quotes are coloured by speaker and stay the article's
own words: the speaker of the current quote is shown under the text, dates inline only on demand.
Article text is data: it enters as plain `rich.text.Text`, never as markup, and its control
characters are drawn as visible symbols of the same length, so offsets stay true.
"""
from __future__ import annotations

import zlib
from bisect import bisect_right
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import DIRECT, Article, Quote, printable

from .article_list import article_label

SPEAKER_COLOURS = ("#e5a50a", "#3daee9", "#e66100", "#26a269", "#c061cb", "#f66151", "#62a0ea", "#8ff0a4")
ENTITY_STYLE = "underline"
DATE_STYLE = "italic"
DATE_LABEL_STYLE = "dim italic"
# How the reader's info line says where a publication date comes from (`Article.published_basis`).
BASIS_WORDS = {
    "metadata": "from the metadata", "page": "from the saved page", "dateline": "from the dateline",
    "text": "reasoned from the text", "user": "set by you", "corpus": "borrowed from another article",
}
TARGET_STYLE = "reverse"
ABSTAINED_QUOTE_STYLE = "italic underline grey62"  # no speaker given: unlike any speaker's bold colour
SHOW_CONFIDENCE_BELOW = 0.7  # a speaker less sure than this says how sure it is
CONTEXT_LINES = 2  # lines kept above a span the reader jumps to

# Control characters drawn as one visible character each (offsets into the body stay valid).
# A line break inside a paragraph is wrapped like a space.
_VISIBLE_CONTROLS = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421, 0x09: 0x20, 0x0A: 0x20, 0x0D: 0x20}
_VISIBLE_CONTROLS |= {code: 0xFFFD for code in [*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def speaker_colour(name: str | None) -> str:
    if not name:
        return "grey62"
    return SPEAKER_COLOURS[zlib.crc32(name.encode()) % len(SPEAKER_COLOURS)]


def speaker_phrase(quote: Quote) -> str:
    """Who said it, as sure as the attribution is: a name, "? (perhaps X)" or "?", with the
    confidence when it is low (v shows why)."""
    if quote.speaker:
        phrase = quote.speaker
    elif quote.candidate:
        phrase = f"? (perhaps {quote.candidate})"
    else:
        return "?"
    if 0 < quote.confidence < SHOW_CONFIDENCE_BELOW:  # 0 with a speaker: not recorded, not "0% sure"
        phrase += f" · {quote.confidence:.0%} sure"
    return phrase


def quote_style(quote: Quote) -> str:
    return f"bold {speaker_colour(quote.speaker)}" if quote.speaker else ABSTAINED_QUOTE_STYLE


@dataclass(frozen=True)
class Line:
    """One wrapped line: its styled text and the body characters [start, end) it shows (-1: none)."""

    text: Text
    start: int = -1
    end: int = -1
    paragraph: Paragraph | None = None
    shown_start: int = 0  # where the line starts in its paragraph's drawn text (labels included)


class Paragraph:
    """A paragraph styled once, with inline date labels when asked for, and where its body starts."""

    def __init__(self, article: Article, index: int, offset: int, with_dates: bool) -> None:
        self.offset = offset
        raw = article.paragraphs[index].translate(_VISIBLE_CONTROLS)
        end = offset + len(raw)
        text = Text(raw)
        for entity in article.entities:
            for mention in entity.mentions:
                if offset <= mention.start < end:
                    text.stylize(ENTITY_STYLE, mention.start - offset, mention.end - offset)
        labels: list[tuple[int, str]] = []
        for event in article.events:
            if offset <= event.start < end:
                text.stylize(DATE_STYLE, event.start - offset, event.end - offset)
                if with_dates:
                    labels.append((event.end - offset, f" ‹{event.date}›"))
        for quote in article.quotes:
            if quote.kind == DIRECT and offset <= quote.start < end:
                text.stylize(quote_style(quote), quote.start - offset, min(quote.end, end) - offset)
        self.labels = sorted(labels)
        self.text = self._with_labels(text) if labels else text

    def _with_labels(self, text: Text) -> Text:
        shown, previous = Text(), 0
        for position, label in self.labels:
            shown.append_text(text[previous:position])
            shown.append(label, style=DATE_LABEL_STYLE)
            previous = position
        shown.append_text(text[previous:])
        return shown

    def shown_at(self, body_offset: int) -> int:
        """Where a body character is drawn in this paragraph's text (labels push it right)."""
        relative = body_offset - self.offset
        return relative + sum(len(label) for position, label in self.labels if position <= relative)

    def wrap(self, width: int) -> list[Line]:
        breaks = divide_line(self.text.plain, width, fold=True)
        starts = [0, *breaks]
        ends = [*breaks, len(self.text)]
        return [
            Line(piece, self._body(start), self._body(end), self, start)
            for piece, start, end in zip(self.text.divide(breaks), starts, ends, strict=True)
        ]

    def _body(self, shown: int) -> int:
        """Body offset of the character drawn at `shown` (label characters map to the label's place)."""
        relative, pushed = shown, 0
        for position, label in self.labels:
            if position + pushed + len(label) <= shown:
                pushed += len(label)
            elif position + pushed <= shown:
                return self.offset + position
        return self.offset + relative - pushed


class Reader(ScrollView, can_focus=True, inherit_bindings=False):
    """j/k and ↓/↑ scroll lines here, as every pager does; J/K change the article from anywhere."""

    BORDER_TITLE = "Reader"
    COMPONENT_CLASSES = {"reader--evidence"}  # the spans `set_marks` highlights (app.tcss)
    BINDINGS = [
        Binding("j,down", "line(1)", "Line down", show=False, id="reader.line_down",
                tooltip="Scroll the article one line down (J changes the article)"),
        Binding("k,up", "line(-1)", "Line up", show=False, id="reader.line_up",
                tooltip="Scroll the article one line up (K changes the article)"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="reader.page_down", tooltip="Page down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reader.page_up", tooltip="Page up"),
        Binding("home", "edge(0)", "Top", show=False, id="reader.top", tooltip="The top of the article"),
        Binding("end", "edge(1)", "Bottom", show=False, id="reader.bottom", tooltip="The end of the article"),
    ]

    show_dates: reactive[bool] = reactive(False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.target: tuple[int, int] | None = None
        self.marks: list[tuple[int, int]] = []  # evidence spans, kept until another article is shown
        self.heading = ""
        self.speaker_notes: dict[tuple[int, int], str] = {}  # quote span → "checked by you", "set by you (…)"
        self._paragraphs: list[Paragraph] = []
        self._lines: list[Line] = []
        self._wrapped_width = 0
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(maxsize=512)

    # --- what is shown -------------------------------------------------------------------------
    def show(self, article: Article | None, target: tuple[int, int] | None = None) -> None:
        """Show an article (at a span, if given); the same article again only moves the highlight."""
        if article is not None and self.article is not None and article.id == self.article.id:
            self.set_target(target)
            return
        self.article, self.target, self.marks = article, target, []
        self.heading = printable(article_label(article), single_line=True) if article else ""
        self._paragraphs = self._styled_paragraphs()
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        if target is not None:
            self._scroll_to_offset(target[0])
        self._update_subtitle()

    def watch_show_dates(self) -> None:
        top = self._body_offset_at(int(self.scroll_y))
        self._paragraphs = self._styled_paragraphs()
        self._rewrap()
        if top is not None:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)

    def set_target(self, target: tuple[int, int] | None) -> None:
        """Move the highlight within the article shown, and bring it into view."""
        self.target = target
        self._strips.clear()
        self.refresh()
        if target is not None:
            self._scroll_to_offset(target[0])
        self._update_subtitle()

    def set_marks(self, spans: list[tuple[int, int]]) -> None:
        """Highlight body spans (the evidence of an attribution) besides the target."""
        self.marks = list(spans)
        self._strips.clear()
        self.refresh()

    def _styled_paragraphs(self) -> list[Paragraph]:
        article = self.article
        if article is None:
            return []
        first = 1 if article.has_title_paragraph else 0
        offsets = article.paragraph_offsets
        return [Paragraph(article, i, offsets[i], self.show_dates) for i in range(first, len(article.paragraphs))]

    # --- lines ---------------------------------------------------------------------------------
    @property
    def _width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _rewrap(self) -> None:
        """Wrap the article at the current width: done once per article, width and date setting."""
        width = self._width
        self._wrapped_width = width
        self._strips.clear()
        lines: list[Line] = []
        if self.article is None:
            lines.append(Line(Text("No article selected.", style="dim")))
        else:
            article = self.article
            if article.title:  # an untitled article starts with its lead, which the list shows as its name
                lines += [Line(piece) for piece in Text(self.heading, style="bold").wrap(self.app.console, width)]
            published = ("≈" if article.date_inferred else "") + article.published if article.published else ""
            meta = Text(f"Published {published}" if published else "Publication date unknown", style="dim")
            if article.published_basis:
                why = BASIS_WORDS.get(article.published_basis, article.published_basis)
                if article.published_evidence:
                    why += f": {article.published_evidence}"
                meta.append(f" ({printable(why, single_line=True)[:100]})", style="dim italic")
            if article.outlet:
                meta.append(f"  ·  {printable(article.outlet, single_line=True)}", style="dim")
            if article.author:
                meta.append(f"  ·  by {printable(article.author, single_line=True)[:80]}", style="dim")
            if article.url:
                meta.append("  ·  o opens the original", style="dim italic")
            meta.append(f"  ·  {printable(article.file, single_line=True)}", style="dim")
            lines += [Line(piece) for piece in meta.wrap(self.app.console, width)]
            for paragraph in self._paragraphs:
                lines.append(Line(Text()))
                lines += paragraph.wrap(width)
        self._lines = lines
        self._body_lines = [(line.start, index) for index, line in enumerate(lines) if line.start >= 0]
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def notify_style_update(self) -> None:
        """A theme or style change: the cached strips carry the old colours."""
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        if self._width != self._wrapped_width:
            top = self._body_offset_at(int(self.scroll_y))
            self._rewrap()
            if top is not None:
                self.scroll_to(y=self.line_of(top), animate=False, immediate=True)

    def line_of(self, offset: int) -> int:
        """The line that shows a body offset (the last line starting before it)."""
        position = bisect_right(self._body_lines, (offset, len(self._lines))) - 1
        return self._body_lines[position][1] if position >= 0 else 0

    def _body_offset_at(self, index: int) -> int | None:
        return next((line.start for line in self._lines[index:] if line.start >= 0), None)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def visible_text(self) -> str:
        """The words on screen, as drawn (for tests and for reading back what the user sees)."""
        top = int(self.scroll_y)
        return "\n".join(line.text.plain for line in self._lines[top : top + self.scrollable_content_region.height])

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        key = (index, width)
        if key in self._strips:
            return self._strips[key]
        style = self.rich_style  # computed from the CSS on each access: once per line is enough
        if index >= len(self._lines):
            strip = Strip.blank(width, style)
        else:
            text = self._highlighted(self._lines[index])
            segments = list(text.render(self.app.console))
            strip = Strip(Segment.apply_style(segments, style), text.cell_len).extend_cell_length(width, style)
            strip = strip.crop(0, width)
        self._strips[key] = strip
        return strip

    def _highlighted(self, line: Line) -> Text:
        if line.start < 0:
            return line.text
        evidence = self.get_component_rich_style("reader--evidence", partial=True)
        spans = [(span, evidence) for span in self.marks] + ([(self.target, TARGET_STYLE)] if self.target else [])
        text = line.text
        for (span_start, span_end), style in spans:
            start, end = max(span_start, line.start), min(span_end, line.end)
            if start < end:
                text = text.copy() if text is line.text else text
                text.stylize(style, self._shown_in_line(line, start), self._shown_in_line(line, end - 1) + 1)
        return text

    @staticmethod
    def _shown_in_line(line: Line, offset: int) -> int:
        assert line.paragraph is not None
        return line.paragraph.shown_at(offset) - line.shown_start

    # --- scrolling -----------------------------------------------------------------------------
    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._update_subtitle()

    def _scroll_to_offset(self, offset: int) -> None:
        self.scroll_to(y=max(0, self.line_of(offset) - CONTEXT_LINES), animate=False, immediate=True)

    def action_line(self, step: int) -> None:
        self.scroll_to(y=self.scroll_y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        self.scroll_to(y=self.scroll_y + step * max(1, self.scrollable_content_region.height - 1), animate=False, immediate=True)

    def action_edge(self, bottom: int) -> None:
        self.scroll_to(y=self.max_scroll_y if bottom else 0, animate=False, immediate=True)

    def scroll_page_down(self, **_) -> None:
        self.action_page(1)

    def scroll_page_up(self, **_) -> None:
        self.action_page(-1)

    def scroll_home(self, **_) -> None:
        self.action_edge(0)

    # --- quotes --------------------------------------------------------------------------------
    def direct_quotes(self) -> list[Quote]:
        return [q for q in self.article.quotes if q.kind == DIRECT] if self.article else []

    def step_quote(self, step: int) -> Quote | None:
        """Move the highlight to the next (or previous) quote; return it, or None at the end."""
        quotes = self.direct_quotes()
        if not quotes:
            return None
        if self.target is not None and not self._on_screen(self.target[0]):
            # Scrolled away from the highlight (Home, paging): step from what is on screen now.
            top, bottom = self._screen_lines()
            if step > 0:
                index = next((i for i, q in enumerate(quotes) if self.line_of(q.start) >= top), len(quotes))
            else:
                index = next((i for i in range(len(quotes) - 1, -1, -1) if self.line_of(quotes[i].start) < bottom), -1)
            if not 0 <= index < len(quotes):
                return None
            self.set_target((quotes[index].start, quotes[index].end))
            return quotes[index]
        current = self.current_quote()
        if current is not None:  # step from the highlighted quote, or highlight the first one on screen
            index = quotes.index(current) + (0 if self.target is None else step)
        elif self.target is not None:  # from another highlight (a search match, a mention)
            index = sum(1 for q in quotes if q.start <= self.target[0]) - (1 if step < 0 else 0)
        else:
            index = 0 if step > 0 else len(quotes) - 1
        if not 0 <= index < len(quotes):
            return None
        quote = quotes[index]
        self.set_target((quote.start, quote.end))
        return quote

    def _screen_lines(self) -> tuple[int, int]:
        top = int(self.scroll_y)
        return top, top + max(1, self.scrollable_content_region.height)

    def _on_screen(self, offset: int) -> bool:
        top, bottom = self._screen_lines()
        return top <= self.line_of(offset) < bottom

    def current_quote(self) -> Quote | None:
        """The quote highlighted, else the first quote on screen."""
        quotes = self.direct_quotes()
        if self.target is not None:
            return next((q for q in quotes if q.start <= self.target[0] < max(q.end, q.start + 1)), None)
        top = int(self.scroll_y)
        bottom = top + max(1, self.scrollable_content_region.height)
        return next((q for q in quotes if top <= self.line_of(q.start) < bottom), None)

    def _update_subtitle(self) -> None:
        quote = self.current_quote()
        if quote is None:
            self.border_subtitle = Text("dates shown (d)" if self.show_dates else "")
            return
        quotes = self.direct_quotes()
        subtitle = Text(f"quote {quotes.index(quote) + 1}/{len(quotes)} — ")
        subtitle.append(printable(speaker_phrase(quote), single_line=True), style=f"bold {speaker_colour(quote.speaker)}")
        if note := self.speaker_notes.get((quote.start, quote.end)):
            subtitle.append(f" · ✓ {printable(note, single_line=True)}", style="italic")
        self.border_subtitle = subtitle
