"""The one door to the data for the TUI and the CLI: finished records with canonical names.

`Library` wraps the `Store` (files on disk, read state) and the `Corpus` (in-memory indexes) and
answers every question a screen or a subcommand asks. Callers never patch names, fold words or
read article files themselves.

Search and claims come from the persisted index (store/indexes.py, PATH.index), not from article
files; article files that could not be read while (re)building it are listed in `search_skipped`.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .corpus import Claim, Corpus, EntityInfo, QuoteRef
from .db import Store
from .ingest import ImportReport, Progress, import_paths
from .lexicon import fold
from .records import DIRECT, PERSON, Article, Event, Mention, Quote
from .indexes import CorpusIndex
from .search import words_of
from .storage import StoreError, paused_gc, writer_lock_free
from .user_speakers import SpeakerCheck, UserSpeakers
from .wire import fill_wire_outlet

ARTICLES_CACHED = 64


@dataclass
class Mentions:
    """Where an entity is named: positions come from article files, so only `limit` articles are read."""

    info: EntityInfo | None
    articles_total: int
    items: list[tuple[Article, Mention]] = field(default_factory=list)
    articles_read: int = 0
    unreadable: list[str] = field(default_factory=list)  # one line per article file that could not be read


class Library:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._articles: OrderedDict[str, Article] = OrderedDict()
        self.search_skipped: list[str] = []  # article files the search index could not read
        self.user_speakers = UserSpeakers(store.path, store.read_only)  # laid over every record read
        store.warnings.extend(self.user_speakers.warnings)
        self.corpus, self._index = self._load()

    @classmethod
    def open(cls, path: Path, writable: bool = True) -> Library:
        """Writable unless another ukr-tui holds the store (then `read_only` is True)."""
        store = Store(Path(path), writable=writable)
        try:
            return cls(store)
        except BaseException:
            store.close()
            raise

    def _load(self) -> tuple[Corpus, CorpusIndex]:
        with paused_gc():
            summaries = self.store.summaries()
            for summary in summaries:
                fill_wire_outlet(summary)  # stores made before the outlet was read from « (AFP) » datelines
                self.user_speakers.apply(summary)
            corpus = Corpus(summaries, self.store.read_ids())
            index = self.store.corpus_index(skipped=self.search_skipped)
            corpus.use_claim_keys(index.claims)
        return corpus, index

    def close(self) -> None:
        self.store.close()

    def writable_now(self) -> bool:
        """For a read-only library: whether the instance that held the store has let it go, so that
        opening it again would give a writer."""
        return self.read_only and writer_lock_free(self.store.path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.corpus.articles)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    # --- articles -----------------------------------------------------------------------------
    @property
    def articles(self) -> list[Article]:
        """Summaries (no paragraphs, no mention positions) in list order: by date, then file."""
        return self.corpus.articles

    def summary(self, article_id: str) -> Article:
        return self.corpus.by_id[article_id]

    def article(self, article_id: str) -> Article:
        """The full article from its file, people and speakers under their corpus-wide names.
        Raises StoreError when the file is missing or damaged."""
        if article_id in self._articles:
            self._articles.move_to_end(article_id)
            return self._articles[article_id]
        article = self._canonical(self.store.load_article(article_id))
        self._articles[article_id] = article
        if len(self._articles) > ARTICLES_CACHED:
            self._articles.popitem(last=False)
        return article

    def _canonical(self, article: Article) -> Article:
        aliases = self.corpus.aliases
        for entity in article.entities:
            if entity.kind == PERSON:
                entity.name = aliases.get(entity.name, entity.name)
        # The summary's quotes carry speakers resolved across the corpus; match them by position.
        summary = self.corpus.by_id.get(article.id)
        resolved = {(q.start, q.end, q.kind): q.speaker for q in summary.quotes} if summary else {}
        article.quotes = [
            replace(q, speaker=resolved.get((q.start, q.end, q.kind), aliases.get(q.speaker or "", q.speaker)))
            for q in article.quotes
        ]
        fill_wire_outlet(article)
        self.user_speakers.apply(article)
        return article

    # --- search -------------------------------------------------------------------------------
    def search(self, query: str) -> list[str]:
        """Ids of the articles whose title or text has a word starting with each word of the query
        (accents and case ignored), in list order; from the persisted word index."""
        found = self._index.search(query)
        return [a.id for a in self.articles if a.id in found]

    @staticmethod
    def match_span(article: Article, query: str) -> tuple[int, int] | None:
        """The first place in `article.body` where a query word starts a word, as offsets into the
        body as stored (folding that changes a character's length does not shift them)."""
        folded, origin = _folded_with_origin(article.body)
        best: tuple[int, int] | None = None
        for word in words_of(query):
            found = re.search(r"(?<!\w)" + re.escape(word), folded)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), found.end())
        if best is None:
            return None
        return origin[best[0]], origin[best[1] - 1] + 1

    # --- entities, quotes, claims ---------------------------------------------------------------
    def entity(self, name: str) -> EntityInfo | None:
        return self.corpus.entity(name)

    def entity_key(self, name: str) -> str:
        return self.corpus.entity_key(name)

    def ranked_entities(self, kind: str | None = None) -> list[EntityInfo]:
        return self.corpus.ranked_entities(kind)

    def mentions(self, name: str, limit: int = 40) -> Mentions:
        """Every place the first `limit` articles naming the entity name it, in list order."""
        info = self.corpus.entity(name)
        mentioning = self.corpus.articles_mentioning(name)
        result = Mentions(info, len(mentioning))
        key = self.entity_key(name)
        for summary in mentioning[:limit]:
            try:
                article = self.article(summary.id)
            except StoreError as error:
                result.unreadable.append(str(error))
                continue
            result.articles_read += 1
            for entity in article.entities:
                if self.entity_key(entity.name) == key:
                    result.items.extend((article, mention) for mention in entity.mentions)
        return result

    def quotes(self, kind: str | None = DIRECT) -> list[QuoteRef]:
        return [r for r in self.corpus.quotes if kind is None or r.quote.kind == kind]

    @property
    def quotes_by_speaker(self) -> dict[str, list[QuoteRef]]:
        return self.corpus.quotes_by_speaker

    def quotes_by(self, speaker: str, kind: str | None = DIRECT) -> list[QuoteRef]:
        return self.corpus.quotes_by(speaker, kind)

    def find_quotes(self, words: str, kind: str | None = DIRECT) -> list[QuoteRef]:
        """"Who said X?": quotes with a word starting with each word typed (as search matches
        words), looked for only in the articles the word index finds."""
        return self.corpus.quotes_starting_words(words, self._index.search(words), kind)

    def claims(self, refs: list[QuoteRef]) -> list[Claim]:
        return self.corpus.claims(refs)

    # --- days ---------------------------------------------------------------------------------
    def dated_days(self) -> list[str]:
        return self.corpus.dated_days()

    def day_counts(self) -> dict[str, int]:
        """Dated events per day, for the timeline strip."""
        return {day: len(self.corpus.events[day]) for day in self.corpus.dated_days()}

    def events_on(self, day: str) -> list[tuple[Event, Article]]:
        return list(self.corpus.events.get(day, []))

    def articles_on(self, day: str) -> list[Article]:
        return self.corpus.articles_on(day)

    def events_in_order(self) -> list[tuple[Event, Article]]:
        return self.corpus.events_in_order()

    # --- read state ---------------------------------------------------------------------------
    def is_read(self, article_id: str) -> bool:
        return article_id in self.corpus.read_ids

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self.corpus.read_ids)

    @property
    def unread_count(self) -> int:
        return len(self.corpus.by_id) - len(self.corpus.read_ids.intersection(self.corpus.by_id))

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Durable before it returns (a small atomic file write). Raises StoreError when read-only."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only ({self.store.read_only_reason})")
        self.store.mark_read(article_id, read)
        (self.corpus.read_ids.add if read else self.corpus.read_ids.discard)(article_id)

    # --- speakers the user set or checked (store/user_speakers.py) ------------------------------------
    def speaker_check(self, article_id: str, quote: Quote) -> SpeakerCheck | None:
        """The user's word on a quote (a speaker set, or the extracted one checked), if any."""
        return self.user_speakers.get(article_id, quote)

    def set_speaker(self, article_id: str, quote: Quote, speaker: str | None, speaker_kind: str | None = None) -> Quote:
        """Give the quote the user's speaker, or with None mark its speaker checked: durable, kept
        apart from extracted data (basis `user`); who said what and claims follow at once. Returns
        the quote as it now reads. StoreError when read-only."""
        self._writable()
        check = self.user_speakers.record(article_id, quote, speaker, speaker_kind)
        return self._requote(article_id, quote, lambda q: self.user_speakers.applied(article_id, self.user_speakers.restored(q, check)))

    def undo_speaker(self, article_id: str, quote: Quote) -> Quote:
        """Put back the extracted speaker of a quote the user set or checked."""
        self._writable()
        check = self.user_speakers.undo(article_id, quote)
        if check is None:
            return quote
        return self._requote(article_id, quote, lambda q: self.user_speakers.restored(q, check))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only ({self.store.read_only_reason})")

    def _requote(self, article_id: str, quote: Quote, change) -> Quote:
        """Change one quote of the article's summary and rebuild the in-memory corpus from the
        summaries (no file read), so speakers and claims regroup."""
        summary = self.corpus.by_id[article_id]
        changed = quote
        quotes = []
        for q in summary.quotes:
            if (q.start, q.end, q.kind) == (quote.start, quote.end, quote.kind):
                q = changed = change(q)
            quotes.append(q)
        summary.quotes = quotes
        with paused_gc():
            corpus = Corpus(list(self.corpus.articles), self.corpus.read_ids)
            corpus.use_claim_keys(self._index.claims)
        self.corpus = corpus
        self._articles.pop(article_id, None)
        return changed

    # --- import -------------------------------------------------------------------------------
    def set_published(self, article_id: str, date: str | None) -> Article:
        """The user's publication date for the article (YYYY-MM-DD…), or with None the date it had
        before theirs: durable, its events read again, the corpus following. InputError if not a date."""
        from .user_dates import set_user_date

        article = set_user_date(self.store, article_id, date)
        self.corpus.replace_dates(article)
        self._articles.pop(article_id, None)
        return article

    def import_paths(self, paths: Iterable[Path], progress: Progress | None = None,
                     workers: int | None = 1, metadata_file: Path | None = None, published: str | None = None,
                     cluster=None) -> ImportReport:
        """Parse and store new article files (on a dask cluster when `cluster`, a store.cluster.ClusterSpec,
        is given); the corpus then includes them."""
        report = import_paths(self.store, paths, progress, workers=workers, metadata_file=metadata_file, published=published,
                              cluster=cluster)
        if report.added:
            self._articles.clear()
            self.corpus, self._index = self._load()
        return report


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """`fold_text(text)` built character by character, with where each folded character came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        folded = fold(character)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin
