"""Dates borrowed from the corpus: an article that names no day of its own (`aujourd'hui` with no
date to read it from) takes the day of the same happening told, with its date, by another article.

Two articles tell the same happening when the sentence around the undated article's `aujourd'hui`
(or `hier`, `demain`…) and a dated event's sentence in the other article share their distinctive
words, and the two articles share distinctive names and reported words. Words and names are weighed
by how few articles of the corpus use them: that every article here names the two presidents says
nothing; that two name Wilmington does. A date is borrowed only when one day wins clearly and agrees
with what the article states itself (its month, if it has one) and with the articles that report the
same quotes (the same news). Otherwise the article stays undated: never guessed.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .corpus import canonicalise, normalise_quote
from .db import Store
from .dates import DAY, Publication, deictic_offsets
from .lexicon import MONTHS, WEEKDAYS, fold
from .pipeline import set_publication
from .records import BASIS_CORPUS, DIRECT, Article

# Evidence is counted in "rare words": the weight of a word or name only two articles share.
MIN_EVIDENCE = 4.0  # rare words in all, at least
MIN_SENTENCE_EVIDENCE = 1.0  # of which from the sentences themselves
MARGIN = 1.0  # the best day must beat every other day by this many
SAME_NEWS_DAYS = 10  # articles reporting the same quotes are of the same news, within these days
_WORD = re.compile(r"\w{4,}")
# General French grammar words of four letters or more, which say nothing of a happening.
_GRAMMAR_WORDS = frozenset("""
pour avec dans sans sous vers chez entre plus moins très mais donc comme aussi alors encore
être avoir fait faire sont était étaient avait avaient sera seront elle elles nous vous leur leurs
tout tous toute toutes autre autres même mêmes depuis avant après selon contre lors cette ceux
celle celui celles dont quand puis ainsi déjà quel quelle quels quelles lequel laquelle lesquels
""".split())


@dataclass(frozen=True)
class Borrowed:
    article: Article  # the article that takes the date
    publication: Publication
    source: Article  # the article it comes from


# Words of time name when, not what: "en janvier" beside "aujourd'hui" is another happening.
_TIME_WORDS = frozenset(fold(w) for w in (*MONTHS, *WEEKDAYS, "aujourd", "hier", "demain", "veille", "lendemain",
                                          "semaine", "semaines", "mois", "année", "années", "jour", "jours", "soir", "matin"))


def _stems(text: str) -> set[str]:
    """Content words cut to their first six letters, so `diplomatique` meets `diplomatiques`."""
    return {w[:6] for w in _WORD.findall(fold(text)) if w not in _GRAMMAR_WORDS and w not in _TIME_WORDS and not w.isdigit()}


def _names(article: Article) -> set[str]:
    return {fold(e.name) for e in article.entities}


def _claims(article: Article) -> set[str]:
    return {key for q in article.quotes if q.kind == DIRECT and len((key := normalise_quote(q.text)).split()) >= 2}


class _Weights:
    """Inverse document frequency over the corpus: how telling a shared word or name is."""

    def __init__(self, articles: list[Article]):
        self.count = len(articles)
        self.frequency: Counter = Counter()
        for article in articles:
            self.frequency.update(_names(article) | self._vocabulary(article))

    @staticmethod
    def _vocabulary(article: Article) -> set[str]:
        texts = [article.title or "", article.lead, *(e.sentence for e in article.events), *(q.text for q in article.quotes)]
        return _stems(" ".join(texts))

    def __call__(self, keys: set[str]) -> float:
        """In rare words: a key shared by two articles weighs 1, one that every article has nearly 0."""
        unit = math.log((self.count + 1) / 2)
        return sum(math.log((self.count + 1) / max(self.frequency[k], 2)) for k in keys) / unit if unit > 0 else 0.0


def borrow_dates(articles: list[Article], targets: set[str] | None = None, sources: set[str] | None = None) -> list[Borrowed]:
    """Dates for the articles without a day of publication (only `targets`, when given), from the
    dated others (only `sources`, when given). Full articles are needed for the targets (their body
    and expressions); summaries do for the rest. A borrowed date is never lent on."""
    lenders = _Lenders(articles, sources)
    found = []
    for article in articles:
        if targets is not None and article.id not in targets:
            continue
        if article.published_precision == DAY or not article.expressions or not article.paragraphs:
            continue
        deictics = deictic_offsets(article.body, article.expressions)
        if deictics:
            found.extend(_best_day(article, deictics, lenders))
    return found


class _Lenders:
    """The dated articles, found through the rare names and the quotes they share with another."""

    def __init__(self, articles: list[Article], sources: set[str] | None):
        self.weights = _Weights(articles)
        self.claims = {a.id: _claims(a) for a in articles}
        self.by_claim: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            for claim in self.claims[article.id]:
                self.by_claim[claim].append(article)
        rare = max(3, len(articles) // 20)  # a name in more articles than this finds too many to read
        self.by_name: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            if article.published and article.published_precision == DAY and article.published_basis != BASIS_CORPUS \
                    and (sources is None or article.id in sources):
                for name in _names(article):
                    if self.weights.frequency[name] <= rare:
                        self.by_name[name].append(article)
        self.sources = sources

    def lenders_for(self, article: Article) -> list[Article]:
        found = {a.id: a for name in _names(article) for a in self.by_name.get(name, ())}
        for claim in self.claims[article.id]:
            for other in self.by_claim[claim]:
                if other.published_precision == DAY and other.published_basis != BASIS_CORPUS \
                        and (self.sources is None or other.id in self.sources):
                    found[other.id] = other
        found.pop(article.id, None)
        return list(found.values())

    def same_news(self, article: Article) -> list[Article]:
        """The other articles reporting one of its quotes."""
        found = {a.id: a for claim in self.claims[article.id] for a in self.by_claim[claim]}
        found.pop(article.id, None)
        return list(found.values())


def date_from_corpus(articles: list[Article], targets: set[str] | None = None, sources: set[str] | None = None) -> list[Article]:
    """Apply `borrow_dates`: the articles whose date and events changed."""
    changed = []
    for borrowed in borrow_dates(articles, targets, sources):
        set_publication(borrowed.article, borrowed.publication, borrowed_from=borrowed.source.file)
        changed.append(borrowed.article)
    return changed


def date_stored_from_corpus(store: Store, added: set[str]) -> list[Article]:
    """After an import: new undated articles against every dated one, and the undated ones already
    stored against the new dated ones. Only undated articles are read from their files."""
    summaries = store.summaries()
    undated = {a.id for a in summaries if a.published_precision != DAY}
    new_dated = added - undated
    targets = undated & added | (undated if new_dated else set())
    if not targets:
        return []
    articles = [store.load_article(a.id) if a.id in targets else a for a in summaries]
    canonicalise(articles)  # names compared across articles, as the corpus shows them
    changed = date_from_corpus(articles, targets & added) + date_from_corpus(articles, targets - added, new_dated)
    store.update_articles(changed)
    return changed


def _best_day(article: Article, deictics: list[tuple[str, int]], lenders: _Lenders) -> list[Borrowed]:
    """The day told by the most evidence: names and quotes shared with the dated article, and for
    each `aujourd'hui`-like sentence, the best matching event of that article on that day."""
    names, weights = _names(article), lenders.weights
    same_news = lenders.same_news(article)
    scores: dict[dt.date, tuple[float, float, Article]] = {}  # day → (evidence, from sentences, source)
    for other in lenders.lenders_for(article):
        shared = weights(names & _names(other)) + 2 * len(lenders.claims[article.id] & lenders.claims[other.id])
        by_day: dict[dt.date, float] = {}
        for sentence, offset in deictics:
            best: dict[dt.date, float] = {}
            for event in other.events:
                if event.precision == DAY:
                    day = dt.date.fromisoformat(event.date) - dt.timedelta(days=offset)
                    best[day] = max(best.get(day, 0.0), weights(_stems(sentence) & _stems(event.sentence)))
            for day, value in best.items():
                by_day[day] = by_day.get(day, 0.0) + value
        for day, from_sentences in by_day.items():
            total = shared + from_sentences
            if total > scores.get(day, (0.0, 0.0, other))[0] and _agrees(article, day, same_news):
                scores[day] = (total, from_sentences, other)
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda item: -item[1][0])
    day, (total, from_sentences, source) = ranked[0]
    if total < MIN_EVIDENCE or from_sentences < MIN_SENTENCE_EVIDENCE or (len(ranked) > 1 and total - ranked[1][1][0] < MARGIN):
        return []
    words = f"the same happening in {source.file} ({source.published})"
    return [Borrowed(article, Publication(day.isoformat(), DAY, BASIS_CORPUS, words), source)]


def _agrees(article: Article, day: dt.date, same_news: list[Article]) -> bool:
    """The day fits the article's own date (its month or year) and the dates of the articles that
    report the same quotes."""
    if article.published and not day.isoformat().startswith(article.published):
        return False
    for other in same_news:
        if not other.published:
            continue
        if len(other.published) == 10:
            if abs((dt.date.fromisoformat(other.published) - day).days) > SAME_NEWS_DAYS:
                return False
        elif not day.isoformat().startswith(other.published):
            return False
    return True
