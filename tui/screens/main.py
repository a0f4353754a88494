"""The main screen: article list, reader, entity sidebar and timeline strip; it owns the state."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from textual.worker import Worker

from store import Article, Corpus, InputError, Store, StoreError
from store.lexicon import fold, fold_text
from store.safe_text import printable
from store.search import WordIndex
from store.storage import paused_gc

from ..worker_errors import report_failed_worker
from ..messages import ArticleChosen, DayChosen, EntityChosen, JumpTo
from ..widgets.article_list import ArticleList, article_label
from ..widgets.entity_sidebar import EntitySidebar
from ..widgets.reader import Reader
from ..widgets.timeline_strip import TimelineStrip
from .help import HelpScreen
from .set_date import UNDO, SetDateScreen
from .jump_list import JumpListScreen
from .who_said import WhoSaidScreen, claim_rows

PANES = ("#articles", "#reader", "#entities", "#timeline")
MENTION_ARTICLES_SHOWN = 40


class MainScreen(Screen):
    BINDINGS = [
        Binding("j,down", "next_article", "Next", key_display="j/↓", id="main.next_article",
                tooltip='Next article (from any pane but the entity list); the reader follows'),
        Binding("k,up", "previous_article", "Prev", key_display="k/↑", id="main.previous_article",
                tooltip='Previous article'),
        Binding("g", "first_article", "First", show=False, id="main.first_article",
                tooltip='First article'),
        Binding("G", "last_article", "Last", show=False, id="main.last_article",
                tooltip='Last article'),
        Binding("n", "next_unread_or_match", "Next unread/match", show=False, id="main.next",
                tooltip='Next unread article; after a search, the next matching article'),
        Binding("N", "previous_match", "Previous match", show=False, id="main.previous_match",
                tooltip='Previous matching article (after a search)'),
        Binding("p", "previous_unread", "Previous unread", show=False, id="main.previous_unread",
                tooltip='Previous unread article'),
        Binding("space", "page_down", "Page down", show=False, id="main.page_down",
                tooltip='Page the reader down'),
        Binding("b", "page_up", "Page up", show=False, id="main.page_up",
                tooltip='Page the reader up'),
        Binding("slash", "search", "Search", key_display="/", id="main.search",
                tooltip='Search titles and text, accents and case ignored'),
        Binding("w", "who_said", "Who said what", id="main.who_said",
                tooltip='Who said what: speakers, their quotes; type words to find who said them'),
        Binding("t", "timeline_list", "Timeline", id="main.timeline",
                tooltip='Every dated event as a list; Enter jumps to its sentence'),
        Binding("e", "toggle_scope", "Entities: article/corpus", id="main.entity_scope",
                tooltip='Entity sidebar: this article or the whole corpus'),
        Binding("right_square_bracket", "next_quote", "Next quote", key_display="]", id="main.next_quote",
                tooltip='Highlight the next quote in the reader'),
        Binding("left_square_bracket", "previous_quote", "Previous quote", key_display="[", show=False, id="main.previous_quote",
                tooltip='Highlight the previous quote in the reader'),
        Binding("y", "copy_quote", "Copy quote", show=False, id="main.copy_quote",
                tooltip='Copy «quote» — speaker, source, date'),
        Binding("m", "toggle_read", "Toggle read", show=False, id="main.toggle_read",
                tooltip='Mark the article read or unread'),
        Binding("d", "set_date", "Set date", show=False, id="main.set_date",
                tooltip="Set or correct the article's publication date (kept in the store; empty puts back the one before)"),
        Binding("escape", "clear", "Clear filter", show=False, id="main.clear",
                tooltip='Clear the search and the day filter'),
        Binding("1", "focus_pane(0)", "Articles", show=False, id="main.focus_articles",
                tooltip='Focus the article list'),
        Binding("2", "focus_pane(1)", "Reader", show=False, id="main.focus_reader",
                tooltip='Focus the reader'),
        Binding("3", "focus_pane(2)", "Entities", show=False, id="main.focus_entities",
                tooltip='Focus the entity sidebar (Enter: mentions and quotes across the corpus)'),
        Binding("4", "focus_pane(3)", "Timeline", show=False, id="main.focus_timeline",
                tooltip='Focus the timeline strip'),
        Binding("question_mark", "help", "Help", key_display="?", id="main.help",
                tooltip='This help'),
    ]

    current_id: reactive[str | None] = reactive(None)
    day_filter: reactive[str | None] = reactive(None)
    corpus_scope: reactive[bool] = reactive(False)

    def __init__(self) -> None:
        super().__init__()
        self.corpus: Corpus | None = None
        self.store: Store | None = None
        self.matches: list[str] = []
        self.query_text = ""
        self._bodies: dict[str, Article] = {}
        self.word_index: WordIndex | None = None
        self._pending_target: tuple[int, int] | None = None  # where a jump wants the next article opened

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
        self.query_one("#status", Static).update(Text(printable(message, single_line=True)))

    def tell(self, message: str, severity: str = "information") -> None:
        """A toast whose words may come from articles, queries or file names: text, never markup."""
        self.notify(printable(message), severity=severity, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event)

    def load(self, store: Store, corpus: Corpus) -> None:
        self.store, self.corpus = store, corpus
        self._bodies.clear()
        self.word_index = None
        timeline = self.query_one(TimelineStrip)
        timeline.set_counts({day: len(corpus.events[day]) for day in corpus.dated_days()})
        self._refresh_list()
        ids = self.query_one(ArticleList).ids
        if ids:
            self.current_id = ids[0]
        self._update_status()

    def _visible_articles(self) -> list[Article]:
        assert self.corpus is not None
        if self.day_filter:
            return self.corpus.articles_on(self.day_filter)
        return self.corpus.articles

    def _refresh_list(self) -> None:
        assert self.corpus is not None
        self.query_one(ArticleList).show(self._visible_articles(), self.corpus.read_ids)

    def _update_status(self) -> None:
        if self.corpus is None:
            return
        unread = len(self.corpus.articles) - len(self.corpus.read_ids.intersection(self.corpus.by_id))
        parts = [f"ukr-tui · {len(self.corpus.articles)} articles · {unread} unread"]
        if self.store is not None and self.store.read_only:
            parts.append("read-only (another ukr-tui holds the store)")
        if self.day_filter:
            parts.append(f"day {self.day_filter}")
        if self.query_text:
            parts.append(f"search “{self.query_text}”: {len(self.matches)} article(s), n/N to move")
        self.set_status("  ·  ".join(parts))

    def _load_article(self, article_id: str) -> Article:
        """One small file read; the last few articles stay in memory for quick back-and-forth."""
        assert self.store is not None
        if article_id not in self._bodies:
            if len(self._bodies) >= 64:
                self._bodies.pop(next(iter(self._bodies)))
            self._bodies[article_id] = self.store.load_article(article_id)
        return self._bodies[article_id]

    def watch_current_id(self, previous: str | None, article_id: str | None) -> None:
        target, self._pending_target = self._pending_target, None
        self.show_article(article_id, target)
        if previous is not None and article_id is not None:
            self._mark_read(article_id)  # the user went to it; the first article shown at launch is not read yet

    def show_article(self, article_id: str | None, target: tuple[int, int] | None = None) -> None:
        if self.corpus is None or article_id is None:
            return
        try:
            article = self._article_with_corpus_names(article_id)
        except StoreError as error:
            self.tell(str(error), severity="error")
            return
        if target is None and self.query_text:
            target = self._first_match_span(article)
        with self.app.batch_update():
            self.query_one(ArticleList).select_id(article_id)
            self.query_one(Reader).show(article, target)
            if not self.corpus_scope:  # the corpus-wide ranking does not change with the article
                self._show_entities()
        timeline = self.query_one(TimelineStrip)
        timeline.highlighted = frozenset(e.date for e in article.events)
        if not timeline.has_focus:
            days = sorted(e.date for e in article.events if len(e.date) == 10)
            if days:
                timeline.move_to(article.published if article.published in days else days[0])

    def _article_with_corpus_names(self, article_id: str) -> Article:
        """The full article, with the corpus-wide canonical names of its people and speakers."""
        assert self.corpus is not None
        article = self._load_article(article_id)
        summary = self.corpus.by_id[article_id]
        article.quotes = summary.quotes
        for entity, known in zip(article.entities, summary.entities, strict=True):
            entity.name = known.name
        return article

    def _first_match_span(self, article: Article) -> tuple[int, int] | None:
        body = fold_text(article.body)
        found = [(body.find(word), word) for word in fold(self.query_text).split()]
        found = [(position, word) for position, word in found if position >= 0]
        if not found:
            return None
        start, word = min(found)
        return (start, start + len(word))

    def _show_entities(self) -> None:
        if self.corpus is None:
            return
        sidebar = self.query_one(EntitySidebar)
        if self.corpus_scope:
            rows = [(e.kind, e.name, e.mentions, e.roles) for e in self.corpus.ranked_entities()[:300]]
            sidebar.show(rows, "corpus")
        elif self.current_id:
            article = self.corpus.by_id[self.current_id]
            ranked = sorted(article.entities, key=lambda e: (-e.count, e.name))
            sidebar.show([(e.kind, e.name, e.count, e.roles) for e in ranked], "this article")

    def _mark_read(self, article_id: str) -> None:
        assert self.corpus is not None
        if article_id in self.corpus.read_ids or self.store is None or self.store.read_only:
            return
        self.corpus.read_ids.add(article_id)
        self.query_one(ArticleList).mark(article_id, True)
        self._save_read(article_id, True)
        self._update_status()

    @work(thread=True, group="store-writes", exit_on_error=False)
    def _save_read(self, article_id: str, read: bool) -> None:
        """A store that cannot be written (read-only folder, full disk) fails here, and says so."""
        assert self.store is not None
        try:
            self.store.mark_read(article_id, read)
        except (StoreError, OSError) as error:
            self.app.call_from_thread(self.tell, f"The read state could not be saved: {error}", "warning")

    # --- messages from widgets ------------------------------------------------------------------
    @on(ArticleChosen)
    def article_chosen(self, message: ArticleChosen) -> None:
        self.current_id = message.article_id

    @on(EntityChosen)
    def entity_chosen(self, message: EntityChosen) -> None:
        self.app.push_screen(self._entity_screen(message.name), self._jump)

    @on(DayChosen)
    def day_chosen(self, message: DayChosen) -> None:
        self.day_filter = message.day

    def watch_day_filter(self, day: str | None) -> None:
        if self.corpus is None:
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
        if self.day_filter and self.corpus and target.article_id not in {a.id for a in self._visible_articles()}:
            self.day_filter = None
        span = (target.start, target.end) if target.end > target.start else None
        if self.current_id == target.article_id:
            self.show_article(target.article_id, span)
        else:
            self._pending_target = span
            self.current_id = target.article_id  # its watcher opens the article once, at the span
        self.query_one(Reader).focus()

    # --- screens -----------------------------------------------------------------------------------
    def _entity_screen(self, name: str) -> JumpListScreen:
        assert self.corpus is not None
        info = self.corpus.entity(name)
        summary = Text()
        if info is not None:
            summary.append(f"{info.kind} · {info.mentions} mentions in {len(info.articles)} article(s)", style="dim")
            if info.roles:
                summary.append("\nRoles: " + "; ".join(info.roles), style="italic")
            if len(info.aliases) > 1:
                summary.append("\nAlso written: " + ", ".join(sorted(info.aliases)), style="dim")
        rows: list[tuple[Text, JumpTo | None]] = []
        quotes = self.corpus.quotes_by(name)
        if quotes:
            rows.append((Text(f"Quotes ({len(quotes)})", style="bold underline"), None))
            rows.extend(claim_rows(self.corpus, quotes, with_speaker=False))
        key = self.corpus.entity_key(name)
        mentioning = self.corpus.articles_mentioning(name)
        shown = mentioning[:MENTION_ARTICLES_SHOWN]  # positions are in article files: read a bounded few
        mentions = [
            (article, entity)
            for article in (self._article_with_corpus_names(a.id) for a in shown)
            for entity in article.entities if self.corpus.entity_key(entity.name) == key
        ]
        heading = f"Mentions ({info.mentions if info else 0} in {len(mentioning)} articles"
        heading += f"; the first {len(shown)} articles listed)" if len(shown) < len(mentioning) else ")"
        rows.append((Text(heading, style="bold underline"), None))
        for article, entity in mentions:
            for mention in entity.mentions:
                label = Text(f"{mention.text}", style="bold")
                label.append(f"  {article_label(article)[:60]} · {article.published or 'no date'}", style="dim")
                rows.append((label, JumpTo(article.id, mention.start, mention.end)))
        return JumpListScreen(name, summary, rows)

    def action_who_said(self) -> None:
        if self.corpus is not None:
            self.app.push_screen(WhoSaidScreen(self.corpus, self.day_filter), self._jump)

    def action_timeline_list(self) -> None:
        if self.corpus is None:
            return
        rows: list[tuple[Text, JumpTo | None]] = []
        for event, article in self.corpus.events_in_order():
            label = Text(f"{event.date:<10} ", style="bold")
            label.append(event.expression, style="italic")
            label.append(f"  {event.sentence[:110]}")
            label.append(f"\n           {article_label(article)[:70]}", style="dim")
            rows.append((label, JumpTo(article.id, event.start, event.end)))
        summary = Text(f"{len(rows)} dated expressions across {len(self.corpus.articles)} articles", style="dim")
        self.app.push_screen(JumpListScreen("Timeline", summary, rows), self._jump)

    def action_help(self) -> None:
        sections = [
            ("Anywhere", [b for b in self.BINDINGS if isinstance(b, Binding)] + [
                Binding("ctrl+p", "command_palette", "Palette: any article, person, organisation or place; the views"),
                Binding("q", "quit", "Quit"),
            ]),
            ("Timeline strip (4)", [b for b in TimelineStrip.BINDINGS if isinstance(b, Binding)]),
        ]
        self.app.push_screen(HelpScreen(sections))

    # --- navigation --------------------------------------------------------------------------------
    def _move(self, index_of) -> None:
        ids = self.query_one(ArticleList).ids
        if not ids:
            return
        current = ids.index(self.current_id) if self.current_id in ids else 0
        index = index_of(current, len(ids))
        if index == current:
            self.query_one(Reader).scroll_home(animate=False)  # `g` on the first article: back to its top
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

    def action_next_unread_or_match(self) -> None:
        if self.query_text:
            if not self._step_to(set(self.matches), 1):
                self.tell("No further match.")
            return
        assert self.corpus is not None
        unread = {a.id for a in self.corpus.articles if a.id not in self.corpus.read_ids}
        if not self._step_to(unread, 1):
            self.tell("No unread article after this one.")

    def action_previous_match(self) -> None:
        if self.query_text and not self._step_to(set(self.matches), -1):
            self.tell("No earlier match.")

    def action_previous_unread(self) -> None:
        assert self.corpus is not None
        unread = {a.id for a in self.corpus.articles if a.id not in self.corpus.read_ids}
        if not self._step_to(unread, -1):
            self.tell("No unread article before this one.")

    def action_page_down(self) -> None:
        self.query_one(Reader).scroll_page_down()

    def action_page_up(self) -> None:
        self.query_one(Reader).scroll_page_up()

    def action_focus_pane(self, index: int) -> None:
        self.query_one(PANES[index]).focus()

    def action_toggle_scope(self) -> None:
        self.corpus_scope = not self.corpus_scope

    def action_next_quote(self) -> None:
        if self.query_one(Reader).step_quote(1) is None:
            self.tell("No further quote in this article.")

    def action_previous_quote(self) -> None:
        if self.query_one(Reader).step_quote(-1) is None:
            self.tell("No earlier quote in this article.")

    def action_copy_quote(self) -> None:
        reader = self.query_one(Reader)
        quote = reader.current_quote() or next(iter(reader.direct_quotes()), None)
        article = reader.article
        if quote is None or article is None:
            self.notify("No quote to copy: ] steps to one.")
            return
        text = f"«{quote.text}» — {quote.speaker or 'speaker unknown'}, {article_label(article)}, {article.published or 'date unknown'}"
        self.app.copy_to_clipboard(text)
        self.notify("Copied: " + text[:80])

    def action_toggle_read(self) -> None:
        if self.corpus is None or self.current_id is None or self.store is None:
            return
        if self.store.read_only:
            self.tell("Read-only: another ukr-tui holds the store, so the read state cannot change here.", "warning")
            return
        read = self.current_id not in self.corpus.read_ids
        (self.corpus.read_ids.add if read else self.corpus.read_ids.discard)(self.current_id)
        self.query_one(ArticleList).mark(self.current_id, read)
        self._save_read(self.current_id, read)
        self._update_status()

    def action_set_date(self) -> None:
        if self.corpus is None or self.current_id is None or self.store is None:
            return
        if self.store.read_only:
            self.tell("Read-only: another ukr-tui holds the store, so dates cannot change here.", "warning")
            return
        article = self.corpus.by_id[self.current_id]
        article_id = self.current_id
        self.app.push_screen(SetDateScreen(article_label(article), article.published, article.published_basis),
                             lambda value: value is not None and self._save_date(article_id, value))

    @work(thread=True, group="store-writes", exit_on_error=False)
    def _save_date(self, article_id: str, value: str) -> None:
        from store.user_dates import set_user_date

        assert self.store is not None
        try:
            article = set_user_date(self.store, article_id, None if value == UNDO else value)
        except (StoreError, InputError, OSError) as error:
            self.app.call_from_thread(self.tell, f"The date could not be saved: {error}", "warning")
            return
        self.app.call_from_thread(self._date_saved, article)

    def _date_saved(self, article: Article) -> None:
        """The list, the reader and the timeline follow the new date and its re-read events."""
        assert self.corpus is not None
        self.corpus.replace_dates(article)
        self._bodies.pop(article.id, None)
        self.query_one(TimelineStrip).set_counts({day: len(self.corpus.events[day]) for day in self.corpus.dated_days()})
        self._refresh_list()
        with self.app.batch_update():
            self.query_one(Reader).show(None)  # the same article, redrawn with its new date
            self.show_article(article.id)
        self.tell(f"Publication date: {article.published or 'none'} ({article.published_basis or 'no basis'})")

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
        if self.query_text:
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
        assert self.corpus is not None and self.store is not None
        if self.word_index is None:
            self.app.call_from_thread(self.set_status, f"Indexing {len(self.corpus.articles)} articles for search…")
            with paused_gc():
                self.word_index = WordIndex.build((a.id, self._searchable_text(a.id)) for a in self.corpus.articles)
        found = self.word_index.search(query)
        matches = [a.id for a in self.corpus.articles if a.id in found]
        self.app.call_from_thread(self._search_done, query, matches)

    def _searchable_text(self, article_id: str) -> str:
        """An article file that cannot be read is left out of search rather than ending it."""
        assert self.store is not None
        try:
            return self.store.searchable_text(article_id)
        except (StoreError, OSError, ValueError, AttributeError) as error:
            self.app.call_from_thread(self.tell, f"Search skips {article_id}: {error}", "warning")
            return ""

    def _search_done(self, query: str, matches: list[str]) -> None:
        if not matches:
            self.query_text, self.matches = "", []  # a search that found nothing leaves n/N as they were
            self._update_status()
            self.tell(f"No article contains “{query}”.", severity="warning")
            return
        self.matches = matches
        self._update_status()
        if self.current_id in matches:
            self.show_article(self.current_id)
        else:
            self.current_id = matches[0]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        bars = self.query("#search-bar")
        if bars and bars.first().display and action not in ("clear",):
            return False  # typing in the search box
        if action == "previous_match":
            return bool(self.query_text)
        return True
