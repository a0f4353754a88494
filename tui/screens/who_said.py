"""Who said what: speakers grouped as people, institutions and anonymous sources, with their quotes;
typing finds speakers by name, spelling or role, and quotes by their words."""
from __future__ import annotations

from functools import cached_property

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import Library, Quote, QuoteRef, Speaker, printable, speaker_matches, speakers

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..widgets.reader import speaker_colour
from ..wording import clip, plural
from .help import HelpScreen


TITLE_SHOWN = 70  # characters of an article's title under each row


def shown(text: str) -> str:
    """Text from the articles, safe to draw on one line."""
    return printable(text, single_line=True)


def speaker_text(speaker: str | None, quote: Quote) -> Text:
    """The speaker's name, or "?" with the best guess when nobody was given the quote."""
    if speaker:
        return Text(shown(speaker), style="italic")
    label = Text("?", style="bold")
    if quote.candidate:
        label.append(f" perhaps {shown(quote.candidate)}", style="italic")
    return label


def claim_rows(library: Library, refs: list[QuoteRef], with_speaker: bool) -> list[tuple[Text, JumpTo]]:
    """One row per claim (the same words, however many articles report them), opening the first."""
    rows = []
    for claim in library.claims(refs):
        first = claim.refs[0]
        label = Text("« ", style="dim")
        label.append(shown(claim.text), style=f"bold {speaker_colour(claim.speaker)}")
        label.append(" »", style="dim")
        if with_speaker or claim.speaker is None:
            label.append("  — ")
            label.append_text(speaker_text(claim.speaker, first.quote))
        sources = len({r.article.id for r in claim.refs})
        label.append(f"\n  {first.article.published or 'no date'} · {clip(shown(article_label(first.article)), TITLE_SHOWN)}", style="dim")
        if sources > 1:
            label.append(f" · {plural(sources, 'source')}", style="bold")
        if claim.disputed:
            others = sorted({r.speaker for r in claim.refs if r.speaker and r.speaker != claim.speaker})
            label.append(f" · also attributed to {shown(', '.join(others))}", style="bold red")
        rows.append((label, JumpTo(first.article.id, first.quote.start, first.quote.end)))
    return rows


def speaker_label(speaker: Speaker) -> Table:
    """A coloured mark (the speaker's colour in the reader), then the name and the count in the
    theme's colours, so the highlight keeps them readable with any palette; a long name wraps
    under itself."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(width=1)
    row.add_column(ratio=1)
    row.add_column(justify="right", no_wrap=True)
    name = shown(speaker.name) if speaker.name else "? (no speaker given)"
    row.add_row(Text("●", style=speaker_colour(speaker.name)), Text(name), Text(str(len(speaker.refs)), style="bold"))
    return row


class WhoSaidScreen(Screen[JumpTo | None]):
    HELP_TITLE = "Who said what (w)"
    BINDINGS = [
        Binding("escape", "back", "Clear/Back", id="who_said.back",
                tooltip="Clear the filter; with an empty filter, go back"),
        Binding("f1", "help", "Help", key_display="F1", id="who_said.help", tooltip="The keys of this screen and the others"),
        Binding("tab", "focus_next", "Next pane", show=False, id="who_said.next_pane",
                tooltip="Move between the filter, the speakers and the quotes"),
        # Every printable key types into the filter here, `q` included: do not offer "q Quit".
        Binding("q", "type('q')", show=False, id="who_said.type_q"),
    ]
    HELP_EXTRA = [
        ("type", "Find speakers by name, spelling or role (Peskov, porte-parole du Kremlin) and quotes by their words"),
        ("Enter", "On a speaker: their quotes; on a quote: open it in the reader"),
        ("ctrl+q", "Quit (q types into the filter here)"),
    ]

    def __init__(self, library: Library, day: str | None = None) -> None:
        super().__init__()
        self.library, self.day = library, day
        self.rows: list[tuple[Text, JumpTo]] = []
        self.listed: list[Speaker | None] = []  # per option of the speaker list; None for group headings

    def compose(self) -> ComposeResult:
        title = "Who said what" + (f" · {self.day}" if self.day else "")
        yield Static(Text(title, style="bold"), id="who-said-title")
        # Not selecting on focus: the key that moved focus here is already typed and must stay.
        yield Input(placeholder="Type a name, a role or words to find who said them…", select_on_focus=False,
                    id="who-said-filter")
        with Horizontal(id="who-said-panes"):
            yield OptionList(id="speakers")
            yield OptionList(id="speaker-quotes")
        yield Footer()

    def _in_scope(self, refs: list[QuoteRef]) -> list[QuoteRef]:
        """The (direct) quotes of the day the timeline filters on, if it does."""
        if not self.day:
            return refs
        on_day = {a.id for a in self.library.articles_on(self.day)}
        return [r for r in refs if r.article.id in on_day]

    @cached_property
    def everyone(self) -> list[Speaker]:
        """Every speaker in scope, grouped: computed once, filtered on every key."""
        return speakers(self.library, self._in_scope(self.library.quotes()))

    def on_mount(self) -> None:
        self.query_one("#speakers", OptionList).border_title = "Speakers"
        self.query_one("#speaker-quotes", OptionList).border_title = "Quotes"
        self._show_filter("")
        self.query_one("#speakers", OptionList).focus()

    # --- typing ------------------------------------------------------------------------------------
    def on_key(self, event) -> None:
        """Typing anywhere on this screen types into the filter: "who said X?" needs no extra key."""
        if event.is_printable and event.character and self.focused is not self.query_one("#who-said-filter"):
            event.stop()
            event.prevent_default()
            self.action_type(event.character)

    def action_type(self, character: str) -> None:
        box = self.query_one("#who-said-filter", Input)
        box.focus()
        box.insert_text_at_cursor(character)

    def action_back(self) -> None:
        box = self.query_one("#who-said-filter", Input)
        if box.value:
            box.value = ""  # Input.Changed shows every speaker again
            self.query_one("#speakers", OptionList).focus()
        else:
            self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen.for_screen(self))

    @on(Input.Changed, "#who-said-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self._show_filter(event.value.strip())

    @on(Input.Submitted, "#who-said-filter")
    def filter_submitted(self) -> None:
        self.query_one("#speaker-quotes", OptionList).focus()

    # --- what is listed ------------------------------------------------------------------------------
    def _show_filter(self, query: str) -> None:
        """No filter: every speaker, the first one's quotes. A filter: the speakers it names and the
        speakers of the quotes containing its words, with all those quotes."""
        everyone = self.everyone
        if not query:
            self._list_speakers(everyone)
            self._show_speaker(everyone[0] if everyone else None)
            return
        named = {s.name for s in everyone if speaker_matches(self.library, s.name, query)}
        said = [r for r in self._in_scope(self.library.find_quotes(query)) if (r.speaker or None) not in named]
        saying = {r.speaker or None for r in said}
        # Speakers keep their place and group in the full list; one found by words lists only those quotes.
        listed = [s if s.name in named else Speaker(s.name, s.group, [r for r in said if (r.speaker or None) == s.name])
                  for s in everyone if s.name in named or s.name in saying]
        self._list_speakers(listed)
        refs = [r for s in listed if s.name in named for r in s.refs] + said
        self._show_rows(claim_rows(self.library, refs, with_speaker=True), f"“{query}”")

    def _list_speakers(self, listed: list[Speaker]) -> None:
        options: list[Option] = []
        self.listed = []
        group = None
        for speaker in listed:
            if speaker.group != group:
                group = speaker.group
                options.append(Option(Text(group, style="bold underline"), disabled=True))
                self.listed.append(None)
            options.append(Option(speaker_label(speaker)))
            self.listed.append(speaker)
        box = self.query_one("#speakers", OptionList)
        with self.prevent(OptionList.OptionHighlighted):  # the quotes pane shows the filter's result
            box.set_options(options)
            box.highlighted = 1 if listed else None
        box.border_title = f"Speakers ({len(listed)})"

    def _show_speaker(self, speaker: Speaker | None) -> None:
        if speaker is None:
            self._show_rows([], "")
            return
        name = shown(speaker.name) if speaker.name else "?"
        self._show_rows(claim_rows(self.library, speaker.refs, with_speaker=False), name, len(speaker.refs))

    def _show_rows(self, rows: list[tuple[Text, JumpTo]], what: str, reports: int | None = None) -> None:
        self.rows = rows
        quotes = self.query_one("#speaker-quotes", OptionList)
        quotes.set_options([Option(label, id=str(i)) for i, (label, _) in enumerate(rows)])
        quotes.highlighted = 0 if rows else None
        title = f"Quotes ({len(rows)})" + (f" · {what}" if what else "")
        if reports is not None and reports != len(rows):
            title += f" · {plural(reports, 'report')}, the same words counted once"
        quotes.border_title = title

    @on(OptionList.OptionHighlighted, "#speakers")
    def speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_speaker(self.listed[event.option_index])

    @on(OptionList.OptionSelected, "#speakers")
    def speaker_selected(self) -> None:
        self.query_one("#speaker-quotes", OptionList).focus()

    @on(OptionList.OptionSelected, "#speaker-quotes")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id)][1])
