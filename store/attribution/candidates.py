"""The typed hand-off of attribution: who a phrase can stand for (`Speaker`, with the resolution
rule that found it), the candidates a quote could have (`Candidate`, with the rule that proposed
it and the features the scorer weighs), and the small interface the layout rules resolve through."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..records import Entity, Mention


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # PERSON, ORGANIZATION or ANONYMOUS
    head: str = ""  # head noun of a descriptor ("responsable"), to resolve "le responsable" later
    definite: bool = False  # "le dirigeant américain": one known person, named elsewhere
    confidence: float = 0.9  # the resolution rule's own prior, one feature among others
    via: Mention | None = None  # the mention that names the speaker when a chain was followed
    gender: str | None = None
    rule: str = ""  # how the phrase was resolved: "cluster", "pronoun", "role-holder", …


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of one quote, proposed by one rule; `decide` weighs them all."""

    speaker: Speaker
    rule: str  # what proposed it: "cue-incise", "colon", "continuation", "handover", …
    cue: object | None = None  # the spaCy token of the reporting word, if any
    features: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.speaker.name

    @property
    def label(self) -> str:
        """The rule as recorded on the quote: proposal and resolution (`cue-incise/pronoun`)."""
        return f"{self.rule}/{self.speaker.rule}" if self.speaker.rule else self.rule


class Resolver(Protocol):
    """What the layout rules (interview answers, dialogue lines) need from the sweep."""

    doc: object
    text: str
    entities: list[Entity]
    mentions: object

    def person_by_name(self, text: str) -> Entity | None: ...
    def speaker_of(self, cluster, confidence: float, position: int | None = None) -> Speaker: ...
    def speaker_of_cue(self, cue, position: int) -> Speaker | None: ...
    def subject(self, verb): ...
    def resolve_phrase(self, head, position: int) -> Speaker | None: ...
