"""Why this speaker (v): the evidence an attribution rests on — the speaker or the best guess with
its confidence, the reporting words, and the mention a chain was followed to — so a fact-checker
can check it against the text. The reader keeps the cue and the naming mention highlighted."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from store import Article, Quote, printable

from ..wording import clip

QUOTE_SHOWN = 160  # characters of the quote recalled at the top
SENTENCE_SHOWN = 300
_SENTENCE_ENDS = ".!?…"


def shown(text: str) -> str:
    return printable(text, single_line=True)


def evidence_spans(article: Article, quote: Quote) -> list[tuple[int, int]]:
    """The cue and the naming mention, where the attribution located them in the body."""
    limit = len(article.body)
    spans = [(quote.cue_start, quote.cue_end), (quote.via_start, quote.via_end)]
    return [(start, end) for start, end in spans if 0 <= start < end <= limit]


def paragraph_number(article: Article, offset: int) -> int:
    """The paragraph holding a body offset, counted as the reader shows them (the title is not one)."""
    index = sum(1 for start in article.paragraph_offsets if start <= offset) - 1
    return index + (0 if article.has_title_paragraph else 1)


def sentence_around(article: Article, start: int, end: int) -> tuple[str, int, int]:
    """The sentence (within its paragraph) holding body[start:end], and where the span is in it."""
    offsets = article.paragraph_offsets
    index = sum(1 for offset in offsets if offset <= start) - 1
    paragraph, base = article.paragraphs[index], offsets[index]
    relative_start, relative_end = start - base, min(end - base, len(paragraph))

    def ends_sentence(i: int) -> bool:
        if paragraph[i] not in _SENTENCE_ENDS or (i + 1 < len(paragraph) and not paragraph[i + 1].isspace()):
            return False
        word = paragraph[:i].rsplit(maxsplit=1)[-1] if paragraph[:i].strip() else ""
        return not (paragraph[i] == "." and word[:1].isupper() and len(word) <= 3)  # "M.", "Mme.", "Dr."

    first = max((i + 1 for i in range(relative_start) if i + 1 < len(paragraph) and ends_sentence(i)), default=0)
    last = next((i + 1 for i in range(relative_end, len(paragraph)) if ends_sentence(i)), len(paragraph))
    while first < relative_start and paragraph[first].isspace():
        first += 1
    return paragraph[first:last], relative_start - first, relative_end - first


def speaker_line(quote: Quote) -> Text:
    if quote.speaker:
        line = Text(shown(quote.speaker), style="bold")
    else:
        line = Text("?", style="bold")
        line.append(f" — perhaps {shown(quote.candidate)}" if quote.candidate else " — no candidate")
    if quote.speaker and quote.confidence <= 0:  # given by a path that records no confidence
        line.append(", confidence not recorded", style="dim")
    else:
        line.append(f", confidence {quote.confidence:.2f}", style="dim" if quote.speaker else "")
    if not quote.speaker:
        line.append("  (too weak to name a speaker)", style="dim italic")
    return line


def cue_line(article: Article, quote: Quote) -> Text:
    if not quote.cue:
        return Text("none recorded", style="dim italic")
    line = Text(f"« {shown(quote.cue)} »", style="bold")
    if 0 <= quote.cue_start < len(article.body):
        line.append(f"  · paragraph {paragraph_number(article, quote.cue_start)}", style="dim")
    return line


def chain_line(article: Article, quote: Quote) -> Text:
    if not quote.via or quote.via_start < 0:
        said = "none: the cue's own words name the speaker" if quote.cue else "none recorded"
        return Text(said, style="dim italic")
    line = Text("followed to ")
    line.append(f"« {shown(quote.via)} »", style="bold")
    line.append(f" in paragraph {paragraph_number(article, quote.via_start)}:\n")
    sentence, start, end = sentence_around(article, quote.via_start, quote.via_end)
    drawn = Text(shown(sentence), style="italic")
    drawn.stylize("bold reverse", start, end)  # printable keeps lengths, so the offsets hold
    if len(drawn) > SENTENCE_SHOWN:
        drawn = drawn[max(0, start - SENTENCE_SHOWN // 2):][:SENTENCE_SHOWN]
    line.append_text(drawn)
    return line


class WhyScreen(ModalScreen[bool]):
    """Returns True when the user asks to go to the naming mention."""

    HELP_TITLE = "Why this speaker (v)"
    BINDINGS = [
        Binding("escape,v,q", "dismiss(False)", "Close", id="why.close",
                tooltip="Close; the cue and the naming mention stay highlighted in the reader"),
        Binding("g,enter", "dismiss(True)", "Go to naming mention", key_display="g", id="why.go",
                tooltip="Close and move the reader to the mention that names the speaker (⌫ comes back)"),
    ]

    def __init__(self, article: Article, quote: Quote) -> None:
        super().__init__()
        self.article, self.quote = article, quote

    @property
    def has_chain(self) -> bool:
        return bool(self.quote.via) and self.quote.via_start >= 0

    def compose(self) -> ComposeResult:
        quote = self.quote
        said = Text("« ", style="dim")
        said.append(clip(shown(quote.text), QUOTE_SHOWN), style="bold")
        said.append(" »", style="dim")
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        table.add_row("Speaker", speaker_line(quote))
        table.add_row("Cue", cue_line(self.article, quote))
        table.add_row("Chain", chain_line(self.article, quote))
        table.add_row("Rule", Text(quote.rule or "not recorded (an older import)", style="" if quote.rule else "dim"))
        with Vertical(id="why"):
            yield Static(Text("Why this speaker", style="bold underline"))
            yield Static(said, id="why-quote")
            yield Static(table, id="why-evidence")
            yield Static(Text("The cue and the naming mention stay highlighted in the reader.", style="dim"), id="why-hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "dismiss" and parameters == (True,):
            return self.has_chain or None
        return True
