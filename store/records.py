"""Typed records of the store and their one conversion to and from TinyDB documents."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
ANONYMOUS = "anonymous"
DIRECT, INDIRECT = "direct", "indirect"


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity, as character offsets into the article body."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # PERSON, ORGANIZATION or PLACE
    mentions: list[Mention] = field(default_factory=list)  # positions: in full articles only
    roles: list[str] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)  # surface form → mentions, always present

    def count_forms(self) -> None:
        self.forms = dict(Counter(m.text for m in self.mentions))

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    @property
    def surface_forms(self) -> list[str]:
        return sorted(self.forms, key=lambda s: (-len(s), s))


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported words: `text` is what stands between the marks (direct) or the clause (indirect)."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_kind: str | None  # PERSON, ORGANIZATION, ANONYMOUS or None when unknown
    kind: str = DIRECT
    cue: str = ""
    # Evidence of the attribution (body offsets; -1 when there is none). `speaker` is None when the
    # evidence was too weak: `candidate` then keeps the best guess, `confidence` says how sure.
    confidence: float = 1.0
    candidate: str | None = None
    cue_start: int = -1
    cue_end: int = -1
    via: str = ""  # the mention that names the speaker when a chain was followed ("ce dernier" → "Léa Marchetti")
    via_start: int = -1
    via_end: int = -1
    rule: str = ""  # the rule that won the decision ("cue-incise/pronoun"), so a miss can be traced


@dataclass(frozen=True, slots=True)
class Event:
    """A dated expression resolved to a calendar date of `precision` day, month or year."""

    date: str
    precision: str
    expression: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression of the body, kept so its date can be resolved again when the
    publication date changes (metadata, the corpus, the user) without parsing the text again."""

    start: int
    end: int
    tense: str | None  # PAST, PRESENT, FUTURE of the verb it depends on, None when unknown
    sentence_start: int
    sentence_end: int


# Where a publication date comes from (`Article.published_basis`).
BASIS_METADATA, BASIS_PAGE, BASIS_DATELINE, BASIS_TEXT, BASIS_USER, BASIS_CORPUS = (
    "metadata", "page", "dateline", "text", "user", "corpus")
INFERRED_BASES = (BASIS_TEXT, BASIS_CORPUS)  # dates reasoned out, shown with ≈


@dataclass(slots=True)
class Article:
    id: str
    file: str
    title: str | None
    published: str | None
    published_basis: str | None
    paragraphs: list[str]
    source_starts: list[int]  # where each paragraph starts in the source file, in characters
    has_title_paragraph: bool = False
    lead: str = ""  # the opening words, to name an untitled article in lists
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Added with issue 12 (defaults so older stores load): the publication date's precision, the
    # words or file that give it, the article it was borrowed from, and where the article appeared.
    published_precision: str | None = None  # "day", "month" or "year"
    published_evidence: str | None = None
    published_from: str | None = None  # file of the article a corpus date was borrowed from
    updated: str | None = None  # "Mis à jour le …": relative expressions are read from this day
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    expressions: list[TimeExpression] = field(default_factory=list)  # in article files only
    # The date a user's date replaced (date, precision, basis, evidence, from), so it can be undone.
    published_before_user: list[str | None] | None = None

    @property
    def label(self) -> str:
        """How lists name the article: its headline, else its opening words, else its file."""
        return self.title or self.lead or self.file

    @property
    def date_inferred(self) -> bool:
        return self.published is not None and self.published_basis in INFERRED_BASES

    @property
    def body(self) -> str:
        """The text every annotation offset points into: paragraphs separated by a blank line."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def paragraph_offsets(self) -> list[int]:
        offsets, position = [], 0
        for paragraph in self.paragraphs:
            offsets.append(position)
            position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return offsets

    def source_offset(self, body_offset: int) -> int:
        """Map an offset in `body` back to the same character in the source file."""
        offsets = self.paragraph_offsets
        index = max(i for i, start in enumerate(offsets) if start <= body_offset) if offsets else 0
        return self.source_starts[index] + min(body_offset - offsets[index], len(self.paragraphs[index]))

    def entities_of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]


PARAGRAPH_SEPARATOR = "\n\n"


def article_to_doc(article: Article) -> dict[str, Any]:
    return asdict(article)


def article_to_summary_doc(article: Article) -> dict[str, Any]:
    """The index's copy: no paragraphs and no mention positions, which stay in the article's file."""
    doc = asdict(article)
    del doc["paragraphs"], doc["source_starts"], doc["expressions"]
    for entity in doc["entities"]:
        entity["mentions"] = []
    return doc


def article_from_doc(doc: dict[str, Any]) -> Article:
    data = dict(doc)
    data["entities"] = [
        Entity(
            name=e["name"],
            kind=e["kind"],
            mentions=[Mention(**m) for m in e["mentions"]],
            roles=list(e["roles"]),
            forms=dict(e.get("forms", {})),
        )
        for e in data.get("entities", [])
    ]
    data["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
    data["events"] = [Event(**ev) for ev in data.get("events", [])]
    data["expressions"] = [TimeExpression(**ex) for ex in data.get("expressions", [])]
    return Article(**data)
