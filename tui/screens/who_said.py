"""Who said what: speakers with quote counts; their quotes; typed words find who said them."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import DIRECT, Corpus, QuoteRef

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..widgets.reader import speaker_colour


def claim_rows(corpus: Corpus, refs: list[QuoteRef], with_speaker: bool) -> list[tuple[Text, JumpTo]]:
    rows = []
    for claim in corpus.claims(refs):
        first = claim.refs[0]
        label = Text("« ", style="dim")
        label.append(claim.text, style=f"bold {speaker_colour(claim.speaker)}")
        label.append(" »", style="dim")
        if with_speaker:
            label.append(f"  — {claim.speaker or '?'}", style="italic")
        sources = len({r.article.id for r in claim.refs})
        label.append(f"\n  {article_label(first.article)[:60]} · {first.article.published or 'no date'}", style="dim")
        if sources > 1:
            label.append(f" · {sources} sources", style="bold")
        if claim.disputed:
            others = sorted({r.speaker for r in claim.refs if r.speaker and r.speaker != claim.speaker})
            label.append(f" · also attributed to {', '.join(others)}", style="bold red")
        rows.append((label, JumpTo(first.article.id, first.quote.start, first.quote.end)))
    return rows


class WhoSaidScreen(Screen[JumpTo | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back", id="who_said.back"),
        Binding("tab", "focus_next", "Next pane", show=False, id="who_said.next_pane"),
    ]

    def __init__(self, corpus: Corpus, day: str | None = None) -> None:
        super().__init__()
        self.corpus, self.day = corpus, day
        self.rows: list[tuple[Text, JumpTo]] = []

    def compose(self) -> ComposeResult:
        title = "Who said what" + (f" · {self.day}" if self.day else "")
        yield Static(Text(title, style="bold"), id="who-said-title")
        yield Input(placeholder="Type words to find who said them…", id="who-said-filter")
        with Horizontal(id="who-said-panes"):
            yield OptionList(id="speakers")
            yield OptionList(id="speaker-quotes")
        yield Footer()

    def _in_scope(self, refs: list[QuoteRef]) -> list[QuoteRef]:
        """Direct quotes, of the day the timeline filters on if any."""
        refs = [r for r in refs if r.quote.kind == DIRECT]
        if self.day:
            on_day = {a.id for a in self.corpus.articles_on(self.day)}
            refs = [r for r in refs if r.article.id in on_day]
        return refs

    def on_mount(self) -> None:
        speakers = self.query_one("#speakers", OptionList)
        speakers.border_title = "Speakers"
        self.query_one("#speaker-quotes", OptionList).border_title = "Quotes"
        counts: dict[str, int] = {}
        for ref in self._in_scope(self.corpus.quotes):
            if ref.speaker:
                counts[ref.speaker] = counts.get(ref.speaker, 0) + 1
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            label = Text(f"{name} ", style=speaker_colour(name))
            label.append(str(count), style="dim")
            speakers.add_option(Option(label, id=name))
        speakers.focus()
        if counts:
            speakers.highlighted = 0

    def on_key(self, event) -> None:
        """Typing anywhere on this screen types into the filter: "who said X?" needs no extra key."""
        box = self.query_one("#who-said-filter", Input)
        if event.is_printable and event.character and self.focused is not box:
            event.stop()
            event.prevent_default()
            box.focus()
            box.insert_text_at_cursor(event.character)

    @on(OptionList.OptionHighlighted, "#speakers")
    def speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        refs = self._in_scope(self.corpus.quotes_by_speaker.get(name, []))
        self._show_rows(claim_rows(self.corpus, refs, with_speaker=False))

    @on(OptionList.OptionSelected, "#speakers")
    def speaker_selected(self) -> None:
        self.query_one("#speaker-quotes", OptionList).focus()

    @on(Input.Changed, "#who-said-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        words = event.value.strip()
        if not words:
            return
        self._show_rows(claim_rows(self.corpus, self._in_scope(self.corpus.find_quotes(words)), with_speaker=True))

    @on(Input.Submitted, "#who-said-filter")
    def filter_submitted(self) -> None:
        self.query_one("#speaker-quotes", OptionList).focus()

    def _show_rows(self, rows: list[tuple[Text, JumpTo]]) -> None:
        self.rows = rows
        quotes = self.query_one("#speaker-quotes", OptionList)
        quotes.set_options([Option(label, id=str(i)) for i, (label, _) in enumerate(rows)])
        quotes.highlighted = 0 if rows else None
        quotes.border_title = f"Quotes ({len(rows)})"

    @on(OptionList.OptionSelected, "#speaker-quotes")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id)][1])
