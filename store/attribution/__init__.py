"""Who said it. Stages, each handing typed data to the next:

marks and layout (`quote_marks`, `speech_marks`, `interviews`, `turn_speakers`) → the article's
people and organisations (`mentions`) → the sweep (`sweep`): for each quote, the cues by their
shape, then every rule proposes `Candidate`s (`candidates`) → one `decide` (`decide`) scores
them with the fitted weights and abstains → article passes (`headlines`, `post`).
"""
from __future__ import annotations

from .headlines import HeadingSpeakers
from .post import share_repeated_quotes
from .sweep import Attributor
from ..records import Entity, Quote


def extract_quotes(doc, entities: list[Entity], text: str | None = None) -> list[Quote]:
    text = text if text is not None else doc.text
    return share_repeated_quotes(HeadingSpeakers(text, entities).apply(Attributor(doc, entities, text).quotes()))


__all__ = ["extract_quotes", "share_repeated_quotes"]
