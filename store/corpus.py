"""In-memory indexes over the stored articles: built once at start-up, queried on every key.

Also where one person's spellings across articles become one canonical name, and where the same
quote reported by several articles becomes one claim.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

from .entities import compatible_people, fits_role, person_key, role_words
from .lexicon import DEFINITE_ARTICLES, fold, fold_text
from .records import ANONYMOUS, DIRECT, PERSON, Article, Entity, Event, Quote


@dataclass(frozen=True, slots=True)
class QuoteRef:
    quote: Quote
    article: Article
    speaker: str | None  # canonical across the corpus


@dataclass
class EntityInfo:
    name: str
    kind: str
    mentions: int = 0
    articles: dict[str, int] = field(default_factory=dict)  # article id → mentions there
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


@dataclass
class Claim:
    """The same words reported by one or more articles."""

    text: str
    refs: list[QuoteRef]

    @cached_property
    def speaker(self) -> str | None:
        """The majority's attribution."""
        votes = Counter(r.speaker for r in self.refs if r.speaker)
        return votes.most_common(1)[0][0] if votes else None

    @cached_property
    def disputed(self) -> bool:
        return len({r.speaker for r in self.refs if r.speaker}) > 1


def normalise_quote(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold_text(text)))


def _starts_words(text: str, wanted: list[str]) -> bool:
    """Each wanted word starts a word of `text` (words separated by single spaces)."""
    padded = " " + text
    return all(" " + w in padded for w in wanted)


def _surname_keys(name: str) -> set[str]:
    """Keys two surnames share whenever `same_name_part` can hold: the transliteration key and
    each form of it with one letter deleted (one edit apart means one deletion each way at most)."""
    key = person_key(name.split()[-1])
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def person_aliases(entities: list[Entity]) -> dict[str, str]:
    """Each person name seen → one canonical name for the same person across articles.

    Surname and first name are each voted over every mention, so the spelling most articles use
    wins (Zelensky over Zelenskiy); a bare surname joins the only full name it fits. Works on
    distinct names, so a corpus of thousands of articles costs what its few hundred names cost.
    """
    forms: dict[str, Counter] = defaultdict(Counter)
    for entity in entities:
        if entity.kind == PERSON:
            forms[entity.name].update(entity.forms)
    clusters: list[list[str]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)  # surname key or its one-letter deletions → clusters
    for name in sorted(forms, key=lambda n: (-len(n.split()), -sum(forms[n].values()), n)):
        keys = _surname_keys(name)
        # Only clusters sharing a surname key can be compatible: compare with those, oldest first.
        for number in sorted({n for key in keys for n in by_surname.get(key, ())}):
            cluster = clusters[number]
            full_names = [n for n in cluster if len(n.split()) > 1]
            if all(compatible_people(name, n) for n in full_names or cluster[:1]):
                cluster.append(name)
                break
        else:
            number = len(clusters)
            clusters.append([name])
        for key in keys:
            if number not in by_surname[key]:
                by_surname[key].append(number)
    aliases: dict[str, str] = {}
    for cluster in clusters:
        surnames, first_names = Counter(), Counter()
        full = [form.split() for name in cluster for form in forms[name] if len(form.split()) > 1]
        # "Maïder" alone, for Maïder Etxeberria, is her first name: it says nothing of the surname.
        given_only = {fold(p[0]) for p in full} - {fold(p[-1]) for p in full}
        for name in cluster:
            for form, count in forms[name].items():
                parts = form.split()
                if len(parts) == 1 and fold(form) in given_only:
                    continue
                surnames[parts[-1]] += count
                if len(parts) > 1:
                    first_names[" ".join(parts[:-1])] += count
        surname = max(surnames, key=lambda s: (surnames[s], len(s)))
        first = max(first_names, key=lambda s: (first_names[s], len(s))) if first_names else ""
        canonical = f"{first} {surname}".strip()
        for name in cluster:
            aliases[name] = canonical
    return aliases


def resolve_described_speakers(articles: list[Article]) -> None:
    """`a prévenu le dirigeant américain`: a definite description becomes the one person of the
    article whom the corpus describes with that function and those adjectives."""
    roles: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for entity in article.entities:
            if entity.kind == PERSON:
                roles[entity.name].update(entity.roles)
    for article in articles:
        present = {e.name for e in article.entities if e.kind == PERSON}
        resolved: dict[str, str] = {}
        for quote in article.quotes:
            speaker = quote.speaker
            if quote.speaker_kind != ANONYMOUS or not speaker or fold(speaker.split()[0]) not in DEFINITE_ARTICLES:
                continue
            if speaker not in resolved:
                # Across articles a bare function ("le porte-parole") could be anyone: it must say more.
                qualified = bool(role_words(speaker)[1])
                matches = {name for name in present for role in roles.get(name, ()) if qualified and fits_role(speaker, role)}
                resolved[speaker] = matches.pop() if len(matches) == 1 else ""
        if any(resolved.values()):
            article.quotes = [
                replace(q, speaker=resolved[q.speaker], speaker_kind=PERSON) if resolved.get(q.speaker or "") else q
                for q in article.quotes
            ]


def canonicalise(articles: list[Article]) -> dict[str, str]:
    """Rename people in place to their corpus-wide canonical names (entities and speakers)."""
    aliases = person_aliases([e for a in articles for e in a.entities])
    for article in articles:
        for entity in article.entities:
            if entity.kind == PERSON:
                entity.name = aliases.get(entity.name, entity.name)
        if any(q.speaker in aliases and aliases[q.speaker] != q.speaker for q in article.quotes):
            article.quotes = [
                replace(q, speaker=aliases[q.speaker]) if aliases.get(q.speaker or "", q.speaker) != q.speaker else q
                for q in article.quotes
            ]
    resolve_described_speakers(articles)
    return aliases


class Corpus:
    def __init__(self, articles: list[Article], read_ids: set[str] | None = None):
        self.aliases = canonicalise(articles)  # person name as extracted → corpus-wide name
        self.articles = sorted(articles, key=lambda a: (a.published or "9999", a.file))
        self.by_id = {a.id: a for a in self.articles}
        self.read_ids = set(read_ids or ())
        self.entities: dict[str, EntityInfo] = {}
        self.quotes: list[QuoteRef] = []
        self.events: dict[str, list[tuple[Event, Article]]] = defaultdict(list)
        self._index()

    def _index(self) -> None:
        kinds: dict[str, Counter] = defaultdict(Counter)
        names: dict[str, Counter] = defaultdict(Counter)
        for article in self.articles:
            for entity in article.entities:
                key = self.entity_key(entity.name)
                count = entity.count
                kinds[key][entity.kind] += count
                names[key][entity.name] += count
                info = self.entities.get(key) or self.entities.setdefault(key, EntityInfo(entity.name, entity.kind))
                info.mentions += count
                info.articles[article.id] = info.articles.get(article.id, 0) + count
                info.aliases.update(entity.forms)
                info.roles.extend(r for r in entity.roles if r not in info.roles)
            for quote in article.quotes:
                self.quotes.append(QuoteRef(quote, article, quote.speaker))
            for event in article.events:
                self.events[event.date].append((event, article))
        for key, info in self.entities.items():
            info.kind = kinds[key].most_common(1)[0][0]
            info.name = max(names[key], key=lambda n: (names[key][n], n.isupper(), n))

    @cached_property
    def _claim_keys(self) -> dict[int, str | int]:
        """What groups reports into claims: the persisted keys when given (`use_claim_keys`), else
        each report's normalised words, computed on first use."""
        return {id(ref): self._quote_words[id(ref)] for ref in self.quotes}

    @cached_property
    def _quote_words(self) -> dict[int, str]:
        return {id(ref): normalise_quote(ref.quote.text) for ref in self.quotes}

    def use_claim_keys(self, keys: dict[str, list[int]]) -> None:
        """Claim keys stored with the articles (one per quote, in order); an article without them,
        or with a different number of quotes, falls back to its words."""
        by_ref: dict[int, str | int] = {}
        seen: Counter = Counter()  # quotes of each article met so far
        for ref in self.quotes:
            stored, position = keys.get(ref.article.id), seen[ref.article.id]
            seen[ref.article.id] += 1
            fits = stored is not None and len(stored) == len(ref.article.quotes)
            by_ref[id(ref)] = stored[position] if fits else normalise_quote(ref.quote.text)
        self.__dict__["_claim_keys"] = by_ref
        self.__dict__.pop("_claim_index", None)

    @cached_property
    def _claim_index(self) -> dict[str, list[QuoteRef]]:
        """Normalised words → every report of them."""
        index: dict[str, list[QuoteRef]] = defaultdict(list)
        for ref in self.quotes:
            index[self._claim_keys[id(ref)]].append(ref)
        return index

    @cached_property
    def quotes_by_speaker(self) -> dict[str, list[QuoteRef]]:
        """Canonical speaker → their reports (direct and indirect), in corpus order."""
        by_speaker: dict[str, list[QuoteRef]] = defaultdict(list)
        for ref in self.quotes:
            if ref.speaker:
                by_speaker[ref.speaker].append(ref)
        return by_speaker

    @staticmethod
    def entity_key(name: str) -> str:
        return fold(name)

    # --- queries (all in memory) -------------------------------------------------------------
    def entity(self, name: str) -> EntityInfo | None:
        return self.entities.get(self.entity_key(name))

    def ranked_entities(self, kind: str | None = None) -> list[EntityInfo]:
        chosen = [e for e in self.entities.values() if kind is None or e.kind == kind]
        return sorted(chosen, key=lambda e: (-e.mentions, e.name))

    def quotes_by(self, speaker: str, kind: str | None = DIRECT) -> list[QuoteRef]:
        """A speaker's quotes under any spelling of the name: "Peskov", "Dmitry Peskov", "peskov"."""
        wanted = fold(speaker)
        found: list[QuoteRef] = []
        for name, refs in self.quotes_by_speaker.items():
            is_person = any(r.quote.speaker_kind == PERSON for r in refs[:1])
            if fold(name) == wanted or (is_person and compatible_people(speaker.title(), name)):
                found.extend(r for r in refs if kind is None or r.quote.kind == kind)
        return sorted(found, key=lambda r: (r.article.published or "9999", r.article.file, r.quote.start))

    def find_quotes(self, words: str, kind: str | None = DIRECT) -> list[QuoteRef]:
        """The reverse lookup, "who said X?": quotes containing every word typed."""
        wanted = normalise_quote(words).split()
        keys = self._quote_words
        return [
            r for r in self.quotes
            if (kind is None or r.quote.kind == kind) and all(w in keys[id(r)] for w in wanted)
        ]

    def quotes_starting_words(self, words: str, among: set[str], kind: str | None = DIRECT) -> list[QuoteRef]:
        """Quotes, in the articles `among`, with a word starting with each word typed."""
        wanted = normalise_quote(words).split()
        keys = self._quote_words  # computed once, then every key typed is a scan of ready strings
        return [
            r for r in self.quotes
            if r.article.id in among and (kind is None or r.quote.kind == kind) and _starts_words(keys[id(r)], wanted)
        ]

    def claims(self, refs: list[QuoteRef]) -> list[Claim]:
        """Group quote references whose words are the same once normalised, across the corpus."""
        everywhere, keys = self._claim_index, self._claim_keys
        claims, seen = [], set()
        for ref in refs:
            key = keys[id(ref)]
            if key in seen:
                continue
            seen.add(key)
            claims.append(Claim(ref.quote.text, everywhere[key]))
        return claims

    def replace_dates(self, article: Article) -> None:
        """An article's publication date and events changed (set by the user): the list order and
        the events index follow. Its other annotations are unchanged."""
        summary = self.by_id.get(article.id)
        if summary is None:
            return
        for field_name in ("published", "published_basis", "published_precision", "published_evidence", "published_from",
                           "published_before_user", "events"):
            setattr(summary, field_name, getattr(article, field_name))
        for day in list(self.events):
            self.events[day] = [(e, a) for e, a in self.events[day] if a.id != article.id]
            if not self.events[day]:
                del self.events[day]
        for event in summary.events:
            self.events[event.date].append((event, summary))
        self.articles.sort(key=lambda a: (a.published or "9999", a.file))

    def dated_days(self) -> list[str]:
        return sorted(d for d in self.events if len(d) == 10)

    def articles_on(self, day: str) -> list[Article]:
        ids = {a.id for _, a in self.events.get(day, [])}
        return [a for a in self.articles if a.id in ids or a.published == day]

    def events_in_order(self) -> list[tuple[Event, Article]]:
        return sorted(
            ((e, a) for items in self.events.values() for e, a in items), key=lambda pair: (pair[0].date, pair[1].file)
        )

    def articles_mentioning(self, name: str) -> list[Article]:
        info = self.entity(name)
        return [self.by_id[i] for i in info.articles] if info else []

