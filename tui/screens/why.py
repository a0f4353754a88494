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

from store import ANONYMOUS, Article, Quote, fold_text, printable
from store.sentences import sentence_around
from store.user_speakers import UserSpeakers

from ..wording import clip

QUOTE_SHOWN = 160  # characters of the quote recalled at the top
SENTENCE_SHOWN = 300


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
        if quote.speaker and quote.speaker_kind == ANONYMOUS:
            return descriptor_line(article, quote)
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


def descriptor_line(article: Article, quote: Quote) -> Text:
    """An unnamed source (« un responsable de la Maison Blanche »): say whether the cue's sentence
    gives that description or whether it was met earlier (« a précisé cette source » refers back)."""
    body, speaker = fold_text(article.body), fold_text(quote.speaker or "")
    at = quote.cue_start if quote.cue_start >= 0 else quote.start
    sentence, first, _ = sentence_around(article, at, at + 1)
    sentence_start = at - first
    if speaker and speaker in fold_text(sentence):
        return Text(f"none: the cue's sentence describes the unnamed source, « {shown(quote.speaker)} »", style="dim italic")
    earlier = body.rfind(speaker, 0, sentence_start) if speaker else -1
    if earlier >= 0:
        line = Text("none recorded: the cue's words refer back to an unnamed source the article described before as ",
                    style="dim italic")
        line.append(f"« {shown(quote.speaker)} »", style="bold")
        line.append(f" in paragraph {paragraph_number(article, earlier)}", style="dim italic")
        return line
    return Text(f"none recorded: the speaker is an unnamed source, described as « {shown(quote.speaker)} », "
                "not a name; check it against the text", style="dim italic")


GO_TO_MENTION, SET_SPEAKER = "mention", "speaker"


class WhyScreen(ModalScreen[str | None]):
    """Returns GO_TO_MENTION to go to the naming mention, SET_SPEAKER to correct or check the speaker."""

    HELP_TITLE = "Why this speaker (v)"
    BINDINGS = [
        Binding("escape,v,q", "dismiss(None)", "Close", id="why.close",
                tooltip="Close; the cue and the naming mention stay highlighted in the reader"),
        Binding("g,enter", "dismiss('mention')", "Go to naming mention", key_display="g", id="why.go",
                tooltip="Close and move the reader to the mention that names the speaker (⌫ comes back)"),
        Binding("s", "dismiss('speaker')", "Set/check speaker", id="why.set_speaker",
                tooltip="Correct the speaker or mark it checked (kept apart from what was extracted, undoable)"),
    ]

    def __init__(self, article: Article, quote: Quote, check=None) -> None:
        super().__init__()
        self.article, self.quote, self.check = article, quote, check

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
        check = self.check
        if check is not None and check.corrected:  # the evidence is the extraction's, for the speaker it had given
            extracted = UserSpeakers.restored(quote, check)
            yours = Text(shown(quote.speaker or "?"), style="bold")
            yours.append("  ✓ set by you", style="bold")
            table.add_row("Speaker", yours)
            table.add_row("Extracted", speaker_line(extracted))
            quote = extracted
        else:
            table.add_row("Speaker", speaker_line(quote))
            if check is not None:
                table.add_row("Yours", Text(f"✓ {shown(check.describe())}", style="bold"))
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
        if action == "dismiss" and parameters == (GO_TO_MENTION,):
            return self.has_chain or None
        return True
