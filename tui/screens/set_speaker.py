"""A small modal to correct or check the speaker of a quote (durable, kept apart from what
extraction found, like `D` for dates): choose among the article's people, organisations and
descriptors, or type a name; or mark the speaker checked; or put back the extracted one."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import ANONYMOUS, ORGANIZATION, PERSON, Article, Quote, fold, printable
from store.lexicon import DEFINITE_ARTICLES
from store.user_speakers import SpeakerCheck

from ..wording import clip

CHECK, UNDO, SET = "check", "undo", "set"
_INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines"}


@dataclass(frozen=True)
class SpeakerChoice:
    action: str  # CHECK, UNDO or SET
    speaker: str | None = None
    kind: str | None = None


def kind_of(name: str, article: Article) -> str:
    """What a typed name is: one of the article's organisations, a descriptor (« un diplomate
    européen », « la porte-parole »), else a person."""
    if any(fold(e.name) == fold(name) for e in article.entities if e.kind == ORGANIZATION):
        return ORGANIZATION
    first = fold(name.split()[0]) if name.split() else ""
    descriptor = first in _INDEFINITE or first in DEFINITE_ARTICLES or first == "les" or first.startswith(("l'", "l’"))
    return ANONYMOUS if descriptor else PERSON


def choices(article: Article, quote: Quote, check: SpeakerCheck | None) -> list[tuple[str, SpeakerChoice]]:
    """(label, choice), in the order offered."""
    offered: list[tuple[str, SpeakerChoice]] = []
    current = quote.speaker or quote.candidate
    if current and check is None:  # a speaker the user set is theirs, checked already
        offered.append((f"✓ {current} is right: mark it checked", SpeakerChoice(CHECK)))
    if check is not None:
        extracted = check.before[0] or (f"? perhaps {check.before[3]}" if check.before[3] else "?")
        offered.append((f"↺ Put back the extracted speaker ({extracted})", SpeakerChoice(UNDO)))
    descriptors = sorted({q.speaker for q in article.quotes if q.speaker and q.speaker_kind == ANONYMOUS})
    for heading, kind, names in (
        ("Person", PERSON, [e.name for e in article.entities if e.kind == PERSON]),
        ("Organisation", ORGANIZATION, [e.name for e in article.entities if e.kind == ORGANIZATION]),
        ("Descriptor", ANONYMOUS, descriptors),
    ):
        for name in names:
            if name != quote.speaker:
                offered.append((f"{heading}: {name}", SpeakerChoice(SET, name, kind)))
    return offered


class SetSpeakerScreen(ModalScreen[SpeakerChoice | None]):
    HELP_TITLE = "Set or check the speaker (s)"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="set_speaker.cancel"),
        Binding("down", "to_list", "Choices", show=False, id="set_speaker.to_list", tooltip="From the name box to the choices"),
    ]
    HELP_EXTRA = [
        ("type, Enter", "The speaker is the name typed (a person, an organisation of the article, or a descriptor: « un diplomate »)"),
        ("↓ ↑, Enter", "Choose: mark checked, put back the extracted speaker, or one of the article's people, organisations, descriptors"),
    ]

    def __init__(self, article: Article, quote: Quote, check: SpeakerCheck | None) -> None:
        super().__init__()
        self.article, self.quote, self.check = article, quote, check
        self.offered = choices(article, quote, check)
        self.shown: list[SpeakerChoice] = []

    def compose(self) -> ComposeResult:
        quote = self.quote
        said = Text("« ", style="dim")
        said.append(clip(printable(quote.text, single_line=True), 140), style="bold")
        said.append(" »", style="dim")
        now = Text("Now: ", style="dim")
        now.append(printable(quote.speaker or (f"? perhaps {quote.candidate}" if quote.candidate else "?"), single_line=True),
                   style="bold")
        if self.check is not None:
            now.append(f" · {self.check.describe()}", style="dim italic")
        with Vertical(id="set-speaker"):
            yield Static(Text("Who said it?", style="bold underline"))
            yield Static(said)
            yield Static(now)
            yield Input(placeholder="Type a name or a descriptor, Enter sets it; ↓ to choose below", id="set-speaker-input")
            yield OptionList(id="set-speaker-choices")
            yield Static(Text("Kept apart from what was extracted (yours, undoable) · Esc cancels", style="dim"))
        yield Footer()

    def on_mount(self) -> None:
        self._show("")
        self.query_one(Input).focus()

    def _show(self, typed: str) -> None:
        wanted = fold(typed.strip())
        self.shown = []
        options = []
        for label, choice in self.offered:
            if wanted and choice.action == SET and wanted not in fold(choice.speaker or ""):
                continue
            self.shown.append(choice)
            options.append(Option(Text(printable(label, single_line=True))))
        box = self.query_one(OptionList)
        box.set_options(options)
        box.highlighted = 0 if options else None

    @on(Input.Changed, "#set-speaker-input")
    def typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#set-speaker-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            self.action_to_list()
            return
        self.dismiss(SpeakerChoice(SET, name, kind_of(name, self.article)))

    @on(OptionList.OptionSelected, "#set-speaker-choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index])

    def action_to_list(self) -> None:
        if self.shown:
            self.query_one(OptionList).focus()


def apply_speaker_choice(library, article_id: str, quote: Quote, choice: SpeakerChoice) -> Quote:
    """Carry out the choice through the library; the quote as it now reads."""
    if choice.action == UNDO:
        return library.undo_speaker(article_id, quote)
    if choice.action == CHECK:
        return library.set_speaker(article_id, quote, None)
    return library.set_speaker(article_id, quote, choice.speaker, choice.kind)
