"""The main screen: article list, reader, entity sidebar and timeline strip. It keeps the UI state
(which article, which day, the search, the way back); the data comes from `store.Library`."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker

from store import Article, InputError, Library, StoreError, citation, name_search, printable
from store.ordering import NEWEST, ORDERS, ordered

from ..messages import ArticleChosen, DayChosen, EntityChosen, JumpTo, LibraryLoaded, SearchDone
from ..widgets.article_list import ArticleList, article_label
from ..widgets.entity_sidebar import EntitySidebar
from ..widgets.reader import Reader
from ..widgets.timeline_strip import TimelineStrip
from ..worker_errors import report_failed_worker
from .citation import CitationScreen
from .entity import EntityScreen
from .help import HelpScreen
from .set_date import UNDO, SetDateScreen
from .timeline_list import TimelineListScreen
from .set_speaker import SetSpeakerScreen, SpeakerChoice, apply_speaker_choice
from .why import GO_TO_MENTION, SET_SPEAKER, WhyScreen, evidence_spans
from .who_said import WhoSaidScreen

PANES = ("#articles", "#reader", "#entities", "#timeline")
NARROW = 110  # below this many columns the sidebar and the timeline fold away, the reader gets the room


@dataclass(frozen=True)
class Place:
    """Where the reader was: an article, a highlighted span, a scroll position (for back/forward)."""

    article_id: str
    target: tuple[int, int] | None
    scroll_y: float


class MainScreen(Screen):
    BINDINGS = [
        # Help and quit first, so the footer keeps them at any width.
        Binding("question_mark", "help", "Help", key_display="?", id="main.help", tooltip='This help'),
        Binding("q", "app.quit", "Quit", id="main.quit", tooltip='Quit ukr-tui'),
        Binding("J", "next_article", "Article", key_display="J/K", id="main.next_article",
                tooltip='Next article, from any pane (in the list, j/↓ too)'),
        Binding("K", "previous_article", "Previous article", show=False, id="main.previous_article",
                tooltip='Previous article, from any pane (in the list, k/↑ too)'),
        Binding("j,down", "next_article", "Next", show=False, id="main.next_article_here",
                tooltip='Next article (the reader and the entity list scroll instead)'),
        Binding("k,up", "previous_article", "Prev", show=False, id="main.previous_article_here",
                tooltip='Previous article (the reader and the entity list scroll instead)'),
        Binding("g", "first_article", "First", show=False, id="main.first_article",
                tooltip='First article (on the first article: back to its top)'),
        Binding("G", "last_article", "Last", show=False, id="main.last_article",
                tooltip='Last article'),
        Binding("n", "next_unread_or_match", "Next unread/match", show=False, id="main.next",
                tooltip='Next unread article; after a search, the next match (in this article, then the next ones, around)'),
        Binding("N", "previous_match", "Previous match", show=False, id="main.previous_match",
                tooltip='Previous match (after a search)'),
        Binding("p", "previous_unread", "Previous unread", show=False, id="main.previous_unread",
                tooltip='Previous unread article'),
        Binding("space", "page_down", "Page down", show=False, id="main.page_down",
                tooltip='Page the reader down'),
        Binding("b", "page_up", "Page up", show=False, id="main.page_up",
                tooltip='Page the reader up'),
        Binding("slash", "search", "Search", key_display="/", id="main.search",
                tooltip='Search titles and text, accents and case ignored, names in all their spellings'),
        Binding("w", "who_said", "Who said", id="main.who_said",
                tooltip='Who said what: speakers, their quotes; type words to find who said them'),
        Binding("t", "timeline_list", "Timeline", id="main.timeline",
                tooltip='Every dated event as a list; Enter jumps to its sentence'),
        Binding("backspace,alt+left", "back", "Back", key_display="⌫", id="main.back",
                tooltip='Back to where the reader was before the last jump'),
        Binding("alt+right", "forward", "Forward", show=False, key_display="alt+→", id="main.forward",
                tooltip='Forward again, after going back'),
        Binding("e", "toggle_scope", "Entities: article/corpus", show=False, id="main.entity_scope",
                tooltip='Entity sidebar: this article or the whole corpus'),
        Binding("right_square_bracket", "next_quote", "Next quote", show=False, key_display="]", id="main.next_quote",
                tooltip='Highlight the next quote in the reader; its speaker shows under the text'),
        Binding("left_square_bracket", "previous_quote", "Previous quote", key_display="[", show=False, id="main.previous_quote",
                tooltip='Highlight the previous quote in the reader'),
        Binding("v", "why", "Why", id="main.why",
                tooltip="Why this quote has its speaker: the cue, the chain followed, the confidence; highlights the evidence"),
        Binding("s", "set_speaker", "Speaker", show=False, id="main.set_speaker",
                tooltip="Correct the current quote's speaker (the article's people, organisations, descriptors, or a name "
                        "typed) or mark it checked; kept apart from what was extracted, undoable"),
        Binding("d", "toggle_dates", "Dates", show=False, id="main.dates",
                tooltip='Show or hide the resolved date after each dated expression in the reader'),
        Binding("D", "set_date", "Set date", show=False, id="main.set_date",
                tooltip="Set or correct the article's publication date (kept in the store; empty puts back the one before)"),
        Binding("y", "copy_quote", "Copy quote", show=False, id="main.copy_quote",
                tooltip='Copy «quote» — speaker, source, date'),
        Binding("O", "next_order", "Order", show=False, id="main.order",
                tooltip="Order the list: newest first (the default), oldest first, by outlet, by title"),
        Binding("o", "open_original", "Open original", show=False, id="main.open_original",
                tooltip="Open the article's address (from its page or metadata) in the browser"),
        Binding("m", "toggle_read", "Toggle read", show=False, id="main.toggle_read",
                tooltip='Mark the article read or unread'),
        Binding("escape", "clear", "Clear filter", show=False, id="main.clear",
                tooltip='Clear the search and the day filter'),
        Binding("z", "zoom", "Zoom", show=False, id="main.zoom",
                tooltip='Zoom the focused pane to the whole screen, or back'),
        Binding("E", "toggle_pane('entities')", "Sidebar", show=False, id="main.toggle_entities",
                tooltip='Show or hide the entity sidebar'),
        Binding("T", "toggle_pane('timeline')", "Strip", show=False, id="main.toggle_timeline",
                tooltip='Show or hide the timeline strip'),
        Binding("1", "focus_pane(0)", "Articles", show=False, id="main.focus_articles",
                tooltip='Focus the article list'),
        Binding("2", "focus_pane(1)", "Reader", show=False, id="main.focus_reader",
                tooltip='Focus the reader'),
        Binding("3", "focus_pane(2)", "Entities", show=False, id="main.focus_entities",
                tooltip='Focus the entity sidebar (Enter: mentions and quotes across the corpus)'),
        Binding("4", "focus_pane(3)", "Timeline", show=False, id="main.focus_timeline",
                tooltip='Focus the timeline strip'),
    ]

    current_id: reactive[str | None] = reactive(None)
    order: reactive[str] = reactive(NEWEST, init=False)  # the article list's order (O cycles)
    day_filter: reactive[str | None] = reactive(None)
    corpus_scope: reactive[bool] = reactive(False)
    narrow: reactive[bool] = reactive(False)

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.matches: list[str] = []
        self.query_text = ""
        self._pending_target: tuple[int, int] | None = None  # where a jump wants the next article opened
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._revisiting = False  # going back or forward: the article returned to is not marked read

    @property
    def corpus(self):
        """The corpus behind the library (for the views that still read it directly)."""
        return self.library.corpus if self.library is not None else None

    def compose(self) -> ComposeResult:
        yield Static(Text("ukr-tui · starting…"), id="status")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield EntitySidebar(id="entities")
        yield TimelineStrip(id="timeline")
        with Vertical(id="search-bar"):
            yield Input(placeholder="Search titles and text (accents and case ignored), Enter to run, Esc to cancel", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-bar").display = False
        self.query_one("#articles").focus()

    # --- state in -----------------------------------------------------------------------------
    def set_status(self, message: str) -> None:
        # One line of fixed height: no layout pass of the whole screen for it.
        self.query_one("#status", Static).update(Text(printable(message, single_line=True)), layout=False)

    def tell(self, message: str, severity: str = "information") -> None:
        """A toast whose words may come from articles, queries or file names: text, never markup."""
        self.notify(printable(message), severity=severity, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event)

    @on(LibraryLoaded)
    def library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self._show_days()
        self._refresh_list()
        ids = self.query_one(ArticleList).ids
        if ids and self.current_id not in ids:  # a reload keeps the article being read
            self.current_id = ids[0]
        self._update_status()
        if message.library.read_only:
            self.tell(f"Opened read-only: {self._read_only_reason()}", "warning")
        for warning in message.library.store.warnings:  # what was wrong but did not stop it opening
            self.tell(warning, "warning")

    def _show_days(self) -> None:
        library = self.library
        assert library is not None
        self.query_one(TimelineStrip).set_days(library.day_counts(), {
            day: [event.sentence for event, _ in library.events_on(day)] for day in library.dated_days()
        })

    def _visible_articles(self) -> list[Article]:
        assert self.library is not None
        articles = self.library.articles_on(self.day_filter) if self.day_filter else self.library.articles
        return ordered(articles, self.order)

    def _refresh_list(self) -> None:
        assert self.library is not None
        self.query_one(ArticleList).show(self._visible_articles(), self.library.read_ids)

    def _update_status(self) -> None:
        library = self.library
        if library is None:
            return
        parts = [f"ukr-tui · {len(library)} articles, {self.order} · {library.unread_count} unread"]
        if library.read_only:
            parts.append("read-only (m says why)")
        if self.day_filter:
            parts.append(f"day {self.day_filter}")
        if self.query_text:
            parts.append(f"search “{self.query_text}”: {len(self.matches)} article(s), n/N to move")
        self.set_status("  ·  ".join(parts))

    def watch_current_id(self, previous: str | None, article_id: str | None) -> None:
        target, self._pending_target = self._pending_target, None
        self.show_article(article_id, target)
        if previous is not None and article_id is not None and not self._revisiting:
            self._mark_read(article_id)  # the user went to it; the first article shown at launch is not read yet

    def show_article(self, article_id: str | None, target: tuple[int, int] | None = None) -> None:
        if self.library is None or article_id is None:
            return
        try:
            article = self.library.article(article_id)
        except StoreError as error:
            self.tell(str(error), severity="error")
            return
        if target is None and self.query_text:
            target = name_search.match_span(self.library, article, self.query_text)
        with self.app.batch_update():
            self.query_one(ArticleList).select_id(article_id)
            reader = self.query_one(Reader)
            reader.speaker_notes = {(q.start, q.end): check.describe() for q in article.quotes
                                    if (check := self.library.speaker_check(article.id, q))}
            reader.show(article, target)
            if not self.corpus_scope:  # the corpus-wide ranking does not change with the article
                self._show_entities()
        timeline = self.query_one(TimelineStrip)
        timeline.highlighted = frozenset(e.date for e in article.events)
        if not timeline.has_focus:
            days = sorted(e.date for e in article.events if len(e.date) == 10)
            if days:
                timeline.move_to(article.published if article.published in days else days[0])

    def _show_entities(self) -> None:
        if self.library is None:
            return
        sidebar = self.query_one(EntitySidebar)
        if self.corpus_scope:
            rows = [(e.kind, e.name, e.mentions, e.roles) for e in self.library.ranked_entities()[:300]]
            sidebar.show(rows, "corpus")
        elif self.current_id:
            article = self.library.summary(self.current_id)
            ranked = sorted(article.entities, key=lambda e: (-e.count, e.name))
            sidebar.show([(e.kind, e.name, e.count, e.roles) for e in ranked], "this article")

    def _read_only_reason(self) -> str:
        assert self.library is not None
        return self.library.store.read_only_reason or "another ukr-tui holds the store"

    def _mark_read(self, article_id: str, read: bool = True) -> None:
        """Durable at once (a small atomic write); a store that cannot be written says so and goes on."""
        library = self.library
        if library is None or library.read_only or library.is_read(article_id) == read:
            return
        try:
            library.mark_read(article_id, read)
        except (StoreError, OSError) as error:
            self.tell(f"The read state could not be saved: {error}", "warning")
            return
        self.query_one(ArticleList).mark(article_id, read)
        self._update_status()

    # --- messages from widgets ------------------------------------------------------------------
    @on(ArticleChosen)
    def article_chosen(self, message: ArticleChosen) -> None:
        self.current_id = message.article_id
        if message.read:
            self.query_one(Reader).focus()

    @on(EntityChosen)
    def entity_chosen(self, message: EntityChosen) -> None:
        self.app.push_screen(EntityScreen(self.library, message.name), self._jump)

    @on(DayChosen)
    def day_chosen(self, message: DayChosen) -> None:
        self.day_filter = message.day

    def watch_day_filter(self, day: str | None) -> None:
        if self.library is None:
            return
        self.query_one(TimelineStrip).active_filter = day
        self._refresh_list()
        ids = self.query_one(ArticleList).ids
        if ids and self.current_id not in ids:
            self.current_id = ids[0]
        self._update_status()

    def watch_corpus_scope(self) -> None:
        self._show_entities()

    @on(JumpTo)
    def jump_requested(self, message: JumpTo) -> None:
        self._jump(message)

    def _jump(self, target: JumpTo | None) -> None:
        if target is None:
            return
        span = (target.start, target.end) if target.end > target.start else None
        self._remember()
        self._go(target.article_id, span)
        self.query_one(Reader).focus()

    def _go(self, article_id: str, span: tuple[int, int] | None) -> None:
        """Open an article (at a span), leaving a day filter that would hide it."""
        if self.day_filter and self.library and article_id not in {a.id for a in self._visible_articles()}:
            self.day_filter = None
        if self.current_id == article_id:
            self.show_article(article_id, span)
        else:
            self._pending_target = span
            self.current_id = article_id  # its watcher opens the article once, at the span

    # --- back and forward -------------------------------------------------------------------------
    def _here(self) -> Place | None:
        reader = self.query_one(Reader)
        if self.current_id is None:
            return None
        return Place(self.current_id, reader.target, reader.scroll_y)

    def _remember(self) -> None:
        if (here := self._here()) is not None:
            self._back.append(here)
            self._forward.clear()
            self.refresh_bindings()

    def _return(self, source: list[Place], other: list[Place]) -> None:
        if not source:
            self.tell("Nothing to go back to: ⌫ returns after a jump (who said what, an entity, the timeline, "
                      "the palette, a search)." if source is self._back else "Nothing to go forward to.")
            return
        if (here := self._here()) is not None:
            other.append(here)
        place = source.pop()
        self._revisiting = True  # going back is not reading again: an article marked unread stays so
        try:
            self._go(place.article_id, place.target)
        finally:
            self._revisiting = False
        self.query_one(Reader).scroll_to(y=place.scroll_y, animate=False, immediate=True)
        self.refresh_bindings()

    def action_back(self) -> None:
        self._return(self._back, self._forward)

    def action_forward(self) -> None:
        self._return(self._forward, self._back)

    # --- screens -----------------------------------------------------------------------------------
    def action_who_said(self) -> None:
        if self.library is not None:
            self.app.push_screen(WhoSaidScreen(self.library, self.day_filter), self._jump)

    def action_timeline_list(self) -> None:
        if self.library is not None:
            self.app.push_screen(TimelineListScreen(self.library), self._jump)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen.for_screen(self))

    # --- navigation --------------------------------------------------------------------------------
    def _move(self, index_of) -> None:
        ids = self.query_one(ArticleList).ids
        if not ids:
            return
        current = ids.index(self.current_id) if self.current_id in ids else 0
        index = index_of(current, len(ids))
        if index == current:
            self.query_one(Reader).scroll_home()  # `g` on the first article: back to its top
        elif index is not None and 0 <= index < len(ids):
            self.current_id = ids[index]

    def action_next_article(self) -> None:
        self._move(lambda i, n: i + 1)

    def action_previous_article(self) -> None:
        self._move(lambda i, n: i - 1)

    def action_first_article(self) -> None:
        self._move(lambda i, n: 0)

    def action_last_article(self) -> None:
        self._move(lambda i, n: n - 1)

    def _step_to(self, candidates: set[str], step: int) -> bool:
        ids = self.query_one(ArticleList).ids
        if not ids:
            return False
        current = ids.index(self.current_id) if self.current_id in ids else -1
        order = range(current + 1, len(ids)) if step > 0 else range(current - 1, -1, -1)
        for index in order:
            if ids[index] in candidates:
                self.current_id = ids[index]
                return True
        return False

    def _unread(self) -> set[str]:
        assert self.library is not None
        return {a.id for a in self.library.articles if not self.library.is_read(a.id)}

    def action_next_unread_or_match(self) -> None:
        if self.library is None:
            return
        if self.query_text:
            self._step_match(1)
        elif not self._step_to(self._unread(), 1):
            self.tell("No unread article after this one.")

    def action_previous_match(self) -> None:
        if self.query_text:
            self._step_match(-1)

    def _step_match(self, step: int) -> None:
        """The next (previous) occurrence in this article, then the first (last) of the next
        matching article; past the last one, around to the first with a notice."""
        reader = self.query_one(Reader)
        article = reader.article
        if self.library is None or article is None:
            return
        spans = name_search.match_spans(self.library, article, self.query_text) if article.id in self.matches else []
        at = reader.target[0] if reader.target is not None else (-1 if step > 0 else len(article.body) + 1)
        following = [span for span in spans if (span[0] > at if step > 0 else span[0] < at)]
        if following:
            reader.set_target(following[0] if step > 0 else following[-1])
            return
        ids = [i for i in self.query_one(ArticleList).ids if i in set(self.matches)]
        if not ids:
            return
        position = ids.index(article.id) if article.id in ids else (-1 if step > 0 else len(ids))
        index = position + step
        wrapped = not 0 <= index < len(ids)
        if wrapped:
            index %= len(ids)
            self.tell("Search wrapped around to the " + ("first match." if step > 0 else "last match."))
        self._open_match(ids[index], last=step < 0)

    def _open_match(self, article_id: str, last: bool) -> None:
        assert self.library is not None
        try:
            spans = name_search.match_spans(self.library, self.library.article(article_id), self.query_text)
        except StoreError as error:
            self.tell(str(error), "error")
            return
        span = (spans[-1] if last else spans[0]) if spans else None
        if article_id == self.current_id:
            self.query_one(Reader).set_target(span)
        else:
            self._pending_target = span
            self.current_id = article_id

    def action_previous_unread(self) -> None:
        if self.library is not None and not self._step_to(self._unread(), -1):
            self.tell("No unread article before this one.")

    def action_page_down(self) -> None:
        self.query_one(Reader).scroll_page_down()

    def action_page_up(self) -> None:
        self.query_one(Reader).scroll_page_up()

    def action_focus_pane(self, index: int) -> None:
        pane = self.query_one(PANES[index])
        pane.display = True  # a folded pane comes back when asked for by its number
        pane.focus()

    def action_toggle_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}")
        pane.display = not pane.display
        if not pane.display and pane.has_focus:
            self.query_one(Reader).focus()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused, container=False)

    def on_resize(self, event) -> None:
        self.narrow = event.size.width < NARROW

    def watch_narrow(self, narrow: bool) -> None:
        """Crossing the width limit folds or unfolds the side panes; E and T override it until the next crossing."""
        self.set_class(narrow, "-narrow")
        for pane_id in ("entities", "timeline"):
            self.query_one(f"#{pane_id}").display = not narrow

    def action_toggle_scope(self) -> None:
        self.corpus_scope = not self.corpus_scope

    def action_toggle_dates(self) -> None:
        reader = self.query_one(Reader)
        reader.show_dates = not reader.show_dates

    def action_next_quote(self) -> None:
        if self.query_one(Reader).step_quote(1) is None:
            self.tell("No further quote in this article.")

    def action_previous_quote(self) -> None:
        if self.query_one(Reader).step_quote(-1) is None:
            self.tell("No earlier quote in this article.")

    def action_why(self) -> None:
        reader = self.query_one(Reader)
        quote, article = reader.current_quote(), reader.article
        if quote is None or article is None:
            self.tell("No quote here: ] steps to one, then v shows why it has its speaker.")
            return
        reader.set_target((quote.start, quote.end))
        reader.set_marks(evidence_spans(article, quote))

        def go(then: str | None) -> None:
            if then == GO_TO_MENTION:
                self._jump(JumpTo(article.id, quote.via_start, quote.via_end))
            elif then == SET_SPEAKER:
                self.action_set_speaker()

        self.app.push_screen(WhyScreen(article, quote, self.library.speaker_check(article.id, quote) if self.library else None), go)

    def action_set_speaker(self) -> None:
        reader = self.query_one(Reader)
        quote, article = reader.current_quote(), reader.article
        if quote is None or article is None or self.library is None:
            self.tell("No quote here: ] steps to one, then s sets or checks its speaker.")
            return
        if self.library.read_only:
            self.tell(f"Read-only ({self._read_only_reason()}): speakers cannot be set here.", "warning")
            return
        reader.set_target((quote.start, quote.end))
        self.app.push_screen(SetSpeakerScreen(article, quote, self.library.speaker_check(article.id, quote)),
                             lambda choice: self._set_speaker(article.id, quote, choice))

    def _set_speaker(self, article_id: str, quote, choice: SpeakerChoice | None) -> None:
        """Durable at once (a small atomic write of its own file); the reader shows it."""
        if choice is None or self.library is None:
            return
        try:
            changed = apply_speaker_choice(self.library, article_id, quote, choice)
        except (StoreError, OSError) as error:
            self.tell(f"The speaker could not be saved: {error}", "warning")
            return
        with self.app.batch_update():
            self.query_one(Reader).show(None)  # the same article, drawn again with its speaker
            self.show_article(article_id, (changed.start, changed.end))
        check = self.library.speaker_check(article_id, changed)
        self.tell(f"Speaker: {changed.speaker or '?'}" + (f" ({check.describe()})" if check else " (as extracted)"))

    def action_copy_quote(self) -> None:
        reader = self.query_one(Reader)
        quote = reader.current_quote() or next(iter(reader.direct_quotes()), None)
        article = reader.article
        if quote is None or article is None:
            self.tell("No quote to copy: ] steps to one.")
            return
        text = citation(article, quote)
        self.app.copy_to_clipboard(text)
        self.app.push_screen(CitationScreen(text))

    def action_set_date(self) -> None:
        if self.library is None or self.current_id is None:
            return
        if self.library.read_only:
            self.tell(f"Read-only ({self._read_only_reason()}): dates cannot change here.", "warning")
            return
        article, article_id = self.library.summary(self.current_id), self.current_id
        self.app.push_screen(SetDateScreen(article_label(article), article.published, article.published_basis),
                             lambda value: value is not None and self._set_date(article_id, value))

    def _set_date(self, article_id: str, value: str) -> None:
        """Durable at once (two small atomic writes); the list, reader and timeline follow."""
        assert self.library is not None
        try:
            article = self.library.set_published(article_id, None if value == UNDO else value)
        except (StoreError, InputError, OSError) as error:
            self.tell(f"The date could not be saved: {error}", "warning")
            return
        self._show_days()
        self._refresh_list()
        with self.app.batch_update():
            self.query_one(Reader).show(None)  # the same article, drawn again with its new date
            self.show_article(article_id)
        self.tell(f"Publication date: {article.published or 'none'} ({article.published_basis or 'no basis'})")

    def action_next_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]

    def watch_order(self) -> None:
        if self.library is None:
            return
        self._refresh_list()
        self._update_status()
        self.tell(f"Articles {self.order} (O: {', '.join(o for o in ORDERS if o != self.order)})")

    def action_open_original(self) -> None:
        if self.library is None or self.current_id is None:
            return
        url = self.library.summary(self.current_id).url
        if not url:
            self.tell("No address known for this article (a saved page or a metadata.csv gives one).", "warning")
            return
        if not url.startswith(("http://", "https://")):
            self.tell(f"Not a web address, not opened: {url}", "warning")
            return
        self.app.open_url(url)
        self.tell(f"Opening {url}")

    def action_toggle_read(self) -> None:
        if self.library is None or self.current_id is None:
            return
        if self.library.read_only:
            self.tell(f"Read-only ({self._read_only_reason()}): the read state cannot change here.", "warning")
            return
        self._mark_read(self.current_id, not self.library.is_read(self.current_id))

    def action_clear(self) -> None:
        if self.query_text:
            self.query_text, self.matches = "", []
            self.show_article(self.current_id)
        self.day_filter = None
        self._update_status()

    # --- search ------------------------------------------------------------------------------------
    def action_search(self) -> None:
        bar = self.query_one("#search-bar")
        bar.display = True
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#search-bar").display = False
        self.query_one(ArticleList).focus()
        self.query_text = event.value.strip()
        if self.query_text and self.library is None:  # the store is still opening
            self.query_text = ""
            self.tell("The store is still opening: search again in a moment.", "warning")
        elif self.query_text:
            self._run_search(self.query_text)
        else:
            self.matches = []
            self._update_status()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.query_one("#search-bar").display:
            self.query_one("#search-bar").display = False
            self.query_one(ArticleList).focus()
            event.stop()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, query: str) -> None:
        """The first search indexes every article's words (bodies are read from their files, so
        this runs off the UI thread); later searches only query the index."""
        assert self.library is not None
        self.app.call_from_thread(self.set_status, f"Searching {len(self.library)} articles…")
        matches = name_search.search(self.library, query)
        for problem in self.library.search_skipped:
            self.app.call_from_thread(self.tell, f"Search skips an unreadable article: {problem}", "warning")
        self.library.search_skipped.clear()
        self.post_message(SearchDone(query, matches))

    @on(SearchDone)
    def search_done(self, message: SearchDone) -> None:
        query, matches = message.query, message.matches
        if not matches:
            self.query_text, self.matches = "", []  # a search that found nothing leaves n/N as they were
            self._update_status()
            self.tell(f"No article contains “{query}”.", severity="warning")
            return
        self.matches = matches
        self._update_status()
        self._remember()
        if self.current_id in matches:
            self.show_article(self.current_id)
        else:
            found = set(matches)  # the first match in the list's order
            self.current_id = next((i for i in self.query_one(ArticleList).ids if i in found), matches[0])

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        bars = self.query("#search-bar")
        if bars and bars.first().display and action not in ("clear",):
            return False  # typing in the search box
        if action == "previous_match":
            return bool(self.query_text)
        # back and forward always run: with nowhere to go they say so rather than nothing.
        return True
