"""Who said what: speakers grouped as people, institutions and anonymous sources, with their quotes;
typing finds speakers by name, spelling or role, and quotes by their words."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import (Claim, Library, Quote, QuoteRef, Speaker, StoreError, all_speakers, fields_match, folded_words, printable,
                   speaker_fields, speakers)
from store.sentences import sentence_around
from store.quote_export import DOUBT_BELOW, date_shown, percent, quote_rows, write_rows

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..widgets.reader import speaker_colour
from ..wording import clip, plural
from .export import ExportScreen, export_format
from .help import HelpScreen
from .set_speaker import SetSpeakerScreen, SpeakerChoice, apply_speaker_choice


TITLE_SHOWN = 70  # characters of an article's title under each row
QUOTES_SHOWN = 200  # quote rows drawn at once: thousands would take seconds; typing narrows them
TOPIC_CHECKS = 300  # quotes whose sentence is read for "speaker + topic words", at most, per key typed
CONTEXT_SHOWN = 400  # characters of the sentence around the highlighted quote
SPEAKERS_SHOWN = 100  # speakers drawn per group, so every group's heading stays on screen


def shown(text: str) -> str:
    """Text from the articles, safe to draw on one line."""
    return printable(text, single_line=True)


def speaker_text(speaker: str | None, quote: Quote, note: str = "") -> Text:
    """The speaker's name (with how sure when below 70 %), or "?" with the best guess when nobody
    was given the quote; ✓ when the user set or checked it."""
    if speaker:
        label = Text(shown(speaker), style="italic")
        if 0 < quote.confidence < DOUBT_BELOW:
            label.append(f" ({percent(quote.confidence)})", style="bold")
    else:
        label = Text("?", style="bold")
        if quote.candidate:
            label.append(f" perhaps {shown(quote.candidate)}", style="italic")
            if 0 < quote.confidence < 1:
                label.append(f" ({percent(quote.confidence)})")
    if note:
        label.append(f" ✓ {note}", style="bold")
    return label


def claim_row(claim: Claim, with_speaker: bool, library: Library | None = None) -> tuple[Text, JumpTo]:
    """A claim (the same words, however many articles report them), opening its first report."""
    first = next((r for r in claim.refs if r.speaker == claim.speaker), claim.refs[0])
    check = library.speaker_check(first.article.id, first.quote) if library is not None else None
    note = ("set by you" if check.corrected else "checked") if check else ""
    # The speaker's colour goes to a mark, the words keep the theme's: a blue speaker stays readable
    # on the highlighted (blue) row, as SpeakerRow does for names.
    label = Text()
    label.append("●", style=speaker_colour(claim.speaker))
    label.append(" « ", style="dim")
    label.append(shown(claim.text), style="bold")
    label.append(" »", style="dim")
    doubtful = claim.speaker is not None and 0 < first.quote.confidence < DOUBT_BELOW
    if with_speaker or claim.speaker is None or doubtful or note:
        label.append("  — ")
        label.append_text(speaker_text(claim.speaker, first.quote, note))
    sources = len({r.article.id for r in claim.refs})
    label.append(f"\n  {date_shown(first.article) or 'no date'} · {clip(shown(article_label(first.article)), TITLE_SHOWN)}", style="dim")
    if sources > 1:
        label.append(f" · {plural(sources, 'source')}", style="bold")
    if claim.disputed:
        others = sorted({r.speaker for r in claim.refs if r.speaker and r.speaker != claim.speaker})
        label.append(f" · also attributed to {shown(', '.join(others))}", style="bold red")
    return label, JumpTo(first.article.id, first.quote.start, first.quote.end)


def claim_rows(library: Library, refs: list[QuoteRef], with_speaker: bool) -> list[tuple[Text, JumpTo]]:
    """One row per claim, opening the first report."""
    return [claim_row(claim, with_speaker, library) for claim in library.claims(refs)]


def more_line(hidden: int, what: str) -> Option:
    return Option(Text(f"… {hidden} more {what}, type to narrow", style="dim italic"), disabled=True)


class SpeakerRow:
    """One line: a coloured mark (the speaker's colour in the reader), then the name and the count
    in the theme's colours, so the highlight keeps them readable with any palette; the count sits
    at the right edge of whatever width the list has, a long name is cut."""

    def __init__(self, speaker: Speaker, count: int) -> None:
        self.name = shown(speaker.name) if speaker.name else "? (no speaker given)"
        self.colour, self.count = speaker_colour(speaker.name), str(count)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - len(self.count) - 4  # the mark and a space, a space either side of the count
        name = self.name if len(self.name) <= room else self.name[: max(room - 1, 1)] + "…"
        line = Text()
        line.append("●", style=self.colour)
        line.append(f" {name}".ljust(max(room, len(name)) + 2))
        line.append(self.count, style="bold")
        line.append(" ")
        yield line


class WhoSaidScreen(Screen[JumpTo | None]):
    HELP_TITLE = "Who said what (w)"
    BINDINGS = [
        Binding("escape", "back", "Clear/Back", id="who_said.back",
                tooltip="Clear the filter; with an empty filter, go back"),
        Binding("f1", "help", "Help", key_display="F1", id="who_said.help", tooltip="The keys of this screen and the others"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="who_said.next_pane",
                tooltip="Move between the filter, the speakers and the quotes"),
        Binding("f2", "export", "Export", key_display="F2", id="who_said.export",
                tooltip="Write the quotes listed (the current result) to a file: .csv, .jsonl or .md; the path is shown"),
        Binding("f3", "set_speaker", "Set/check speaker", key_display="F3", id="who_said.set_speaker",
                tooltip="Correct the highlighted quote's speaker or mark it checked (kept apart, undoable); the lists regroup"),
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
        self.rows: list[tuple[Text, JumpTo]] = []  # the quote rows drawn, at most QUOTES_SHOWN
        self.listed: list[Speaker | None] = []  # per option of the speaker list; None for headings and "more" lines
        self.claims_shown: list[Claim] = []  # every claim of the current result, drawn or not
        self.what_shown = ""  # the result in words: a speaker's name, the filter typed
        self.typed = ""  # the filter as last typed
        self._shown_query: str | None = None  # the filter the panes show
        self._filter_due = False

    def compose(self) -> ComposeResult:
        title = "Who said what" + (f" · {self.day}" if self.day else "")
        yield Static(Text(title, style="bold"), id="who-said-title")
        # Not selecting on focus: the key that moved focus here is already typed and must stay.
        yield Input(placeholder="Type a name, a role or words to find who said them…", select_on_focus=False,
                    id="who-said-filter")
        with Horizontal(id="who-said-panes"):
            yield OptionList(id="speakers")
            with Vertical(id="quotes-side"):
                yield OptionList(id="speaker-quotes")
                yield Static(id="quote-context")
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
        if not self.day:
            return all_speakers(self.library)
        return speakers(self.library, self._in_scope(self.library.quotes()))

    @cached_property
    def fields(self) -> dict[str | None, list[list[str]]]:
        """Each speaker's folded name, spellings and roles, ready for the filter's string tests."""
        return {s.name: speaker_fields(self.library, s.name) for s in self.everyone}

    def on_mount(self) -> None:
        self.query_one("#speakers", OptionList).border_title = "Speakers"
        self.query_one("#speaker-quotes", OptionList).border_title = "Quotes"
        self._apply_filter()
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
        """Keys typed while a filter is being applied are taken together: one filter for all of
        them, after the keys already waiting, rather than one per key."""
        self.typed = event.value.strip()
        if not self._filter_due:
            self._filter_due = True
            self.call_later(self._apply_filter)

    def _apply_filter(self) -> None:
        self._filter_due = False
        if self.typed != self._shown_query:
            self._shown_query = self.typed
            self._show_filter(self.typed)

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
        wanted = folded_words(query)
        named = {s.name for s in everyone if fields_match(self.fields[s.name], wanted)}
        said = [r for r in self._in_scope(self.library.find_quotes(query)) if (r.speaker or None) not in named]
        seen = {(r.article.id, r.quote.start) for r in said}
        said += [r for r in self._speaker_and_topic(wanted, named) if (r.article.id, r.quote.start) not in seen]
        saying: dict[str | None, list[QuoteRef]] = {}
        for ref in said:
            saying.setdefault(ref.speaker or None, []).append(ref)
        # Speakers keep their place and group in the full list; one found by words lists only those quotes.
        listed = [s if s.name in named else Speaker(s.name, s.group, saying[s.name])
                  for s in everyone if s.name in named or s.name in saying]
        self._list_speakers(listed)
        refs = [r for s in listed if s.name in named for r in s.refs] + said
        self._show_claims(self.library.claims(refs), f"“{shown(query)}”", with_speaker=True)

    def _speaker_and_topic(self, wanted: list[str], named: set[str | None]) -> list[QuoteRef]:
        """`Biden sanctions`: the quotes of a speaker some of the words name whose quote or
        sentence has the other words (looked for in the articles the word index finds)."""
        if len(wanted) < 2:
            return []
        found: list[QuoteRef] = []
        articles: dict[tuple[str, ...], set[str]] = {}  # topic words → the articles that have them all
        checked = 0
        for speaker in self.everyone:
            if speaker.name in named:
                continue
            fields = self.fields[speaker.name]
            naming = [w for w in wanted if any(any(word.startswith(w) for word in field) for field in fields)]
            topic = tuple(w for w in wanted if w not in naming)
            if not naming or not topic:
                continue
            if topic not in articles:
                articles[topic] = set(self.library.search(" ".join(topic)))
            for ref in speaker.refs:
                if ref.article.id in articles[topic]:
                    checked += 1
                    if checked > TOPIC_CHECKS:  # each check may read an article file: typing must stay quick
                        return found
                    if self._says(ref, list(topic)):
                        found.append(ref)
        return found

    def _says(self, ref: QuoteRef, topic: list[str]) -> bool:
        """Each topic word begins a word of the quote or of the sentence it was said in."""
        try:
            article = self.library.article(ref.article.id)
            sentence = sentence_around(article, ref.quote.start, ref.quote.end)[0]
        except StoreError:
            sentence = ""
        words = folded_words(ref.quote.text + " " + sentence)
        return all(any(word.startswith(w) for word in words) for w in topic)

    def _list_speakers(self, listed: list[Speaker]) -> None:
        """Under each group's heading, its first SPEAKERS_SHOWN speakers, then how many more."""
        options: list[Option] = []
        self.listed = []
        by_group: dict[str, list[Speaker]] = {}
        for speaker in listed:
            by_group.setdefault(speaker.group, []).append(speaker)
        for group, members in by_group.items():  # `listed` comes in group order
            options.append(Option(Text(group, style="bold underline"), disabled=True))
            self.listed.append(None)
            for speaker in members[:SPEAKERS_SHOWN]:
                options.append(Option(SpeakerRow(speaker, len(speaker.refs))))
                self.listed.append(speaker)
            if len(members) > SPEAKERS_SHOWN:
                options.append(more_line(len(members) - SPEAKERS_SHOWN, group.lower()))
                self.listed.append(None)
        box = self.query_one("#speakers", OptionList)
        with self.prevent(OptionList.OptionHighlighted):  # the quotes pane shows the filter's result
            box.set_options(options)
            box.highlighted = 1 if listed else None
        box.border_title = Text(f"Speakers ({len(listed)})")  # a Text: never read as markup

    def _show_speaker(self, speaker: Speaker | None) -> None:
        if speaker is None:
            self._show_claims([], "")
            return
        name = shown(speaker.name) if speaker.name else "?"
        self._show_claims(self.library.claims(speaker.refs), name, reports=len(speaker.refs))

    def _show_claims(self, claims: list[Claim], what: str, with_speaker: bool = False, reports: int | None = None) -> None:
        """The first QUOTES_SHOWN claims, then how many more; the title counts them all."""
        self.claims_shown = claims  # every claim of the result (F2 exports them all)
        self.rows = [claim_row(claim, with_speaker, self.library) for claim in claims[:QUOTES_SHOWN]]
        options = [Option(label, id=str(i)) for i, (label, _) in enumerate(self.rows)]
        if len(claims) > QUOTES_SHOWN:
            options.append(more_line(len(claims) - QUOTES_SHOWN, "quotes"))
        quotes = self.query_one("#speaker-quotes", OptionList)
        quotes.set_options(options)
        quotes.highlighted = 0 if self.rows else None
        self._show_context(quotes.highlighted)
        self.what_shown = what
        title = f"Quotes ({len(claims)})" + (f" · {what}" if what else "")
        if reports is not None and reports != len(claims):
            title += f" · {plural(reports, 'report')}, the same words counted once"
        quotes.border_title = Text(title)  # it holds typed text and names from articles: never markup

    @on(OptionList.OptionHighlighted, "#speakers")
    def speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_speaker(self.listed[event.option_index])

    @on(OptionList.OptionHighlighted, "#speaker-quotes")
    def quote_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_context(event.option_index)

    def _show_context(self, index: int | None) -> None:
        """The sentence the highlighted quote was said in, its words in bold (read from the article's file)."""
        box = self.query_one("#quote-context", Static)
        if index is None or index >= len(self.rows):
            box.update("")
            box.display = False
            return
        ref = self._ref_of(index)
        box.display = True
        box.border_title = "In context"
        try:
            article = self.library.article(ref.article.id)
        except StoreError as error:
            box.update(Text(shown(str(error)), style="dim italic"))
            return
        sentence, start, end = sentence_around(article, ref.quote.start, ref.quote.end)
        drawn = Text(shown(sentence))
        drawn.stylize("bold underline", start, end)  # printable keeps lengths, so the offsets hold
        if len(drawn) > CONTEXT_SHOWN:
            drawn = drawn[max(0, start - CONTEXT_SHOWN // 3):][:CONTEXT_SHOWN]
            drawn.append(" …", style="dim")
        box.update(drawn)

    @on(OptionList.OptionSelected, "#speakers")
    def speaker_selected(self) -> None:
        self.query_one("#speaker-quotes", OptionList).focus()

    @on(OptionList.OptionSelected, "#speaker-quotes")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id)][1])

    # --- export and speakers -----------------------------------------------------------------------
    def action_export(self) -> None:
        refs = [ref for claim in self.claims_shown for ref in claim.refs]
        if not refs:
            self.notify("No quotes listed to export.", severity="warning")
            return
        slug = "-".join(folded_words(self.what_shown))[:40] or "all"
        default = Path.cwd() / f"quotes-{slug}.csv"

        def write(path: Path | None) -> None:
            if path is None:
                return
            try:
                text = write_rows(quote_rows(self.library, refs), export_format(path) or "csv")
                with open(path, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except OSError as error:
                self.notify(printable(f"Could not write {path}: {error.strerror or error}"), severity="error", markup=False)
                return
            self.notify(printable(f"Wrote {len(refs)} quote(s) to {path}"), markup=False, timeout=12)

        self.app.push_screen(ExportScreen(self.what_shown or "every speaker", len(refs), default), write)

    def _ref_of(self, index: int) -> QuoteRef:
        claim = self.claims_shown[index]
        return next((r for r in claim.refs if r.speaker == claim.speaker), claim.refs[0])

    def _highlighted_ref(self) -> QuoteRef | None:
        box = self.query_one("#speaker-quotes", OptionList)
        if box.highlighted is None or box.highlighted >= len(self.rows):
            return None
        return self._ref_of(box.highlighted)

    def action_set_speaker(self) -> None:
        ref = self._highlighted_ref()
        if ref is None:
            self.notify("Highlight a quote first (Tab to the quotes).", severity="warning")
            return
        if self.library.read_only:
            self.notify("Read-only: another ukr-tui holds the store, so speakers cannot be set here.", severity="warning")
            return
        check = self.library.speaker_check(ref.article.id, ref.quote)

        def done(choice: SpeakerChoice | None) -> None:
            if choice is None:
                return
            try:
                changed = apply_speaker_choice(self.library, ref.article.id, ref.quote, choice)
            except (StoreError, OSError) as error:
                self.notify(printable(f"The speaker could not be saved: {error}"), severity="warning", markup=False)
                return
            self._regroup()
            self.notify(printable(f"Speaker: {changed.speaker or '?'}"), markup=False)

        self.app.push_screen(SetSpeakerScreen(ref.article, ref.quote, check), done)

    def _regroup(self) -> None:
        """The library's corpus changed (a speaker set): speakers and quotes are listed again."""
        for name in ("everyone", "fields"):
            self.__dict__.pop(name, None)
        quotes = self.query_one("#speaker-quotes", OptionList)
        at = quotes.highlighted
        self._shown_query = None
        self._apply_filter()
        if at is not None and quotes.option_count:
            quotes.highlighted = min(at, quotes.option_count - 1)
