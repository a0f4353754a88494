"""Speakers of quotes in a headline or a subheading, where the sentence around them is cut short.

- `Léa Roux : « … »`: the person named before the colon said it.
- A headline quote with no reporting cue of its own repeats words quoted in the body: it takes the
  speaker given there.
- `« … » : the rest of the headline`: the lead that follows names who said it, as the first
  person it mentions (bylines left out).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .interviews import is_byline
from ..lexicon import FUNCTION_WORDS, fold
from ..records import DIRECT, PERSON, Entity, Quote

LEAD_PARAGRAPHS = 3  # how far after a headline its lead may name the speaker
HEADING_WORDS = 30  # a longer line is a paragraph, even without a final full stop
REPEATED_SHARE = 0.75  # of a headline quote's words found in a body quote: the same words


def _line(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, end if end >= 0 else len(text)


def in_heading(text: str, start: int, end: int) -> bool:
    """Quoted words [start, end) on a line with no sentence ending after them: a headline, a
    subheading, a live-blog entry title."""
    line_start, line_end = _line(text, start)
    after = text[end:line_end].rstrip(" \u00a0\u202f»”\"")
    return not after.endswith((".", "!", "?", "…")) and len(text[line_start:line_end].split()) <= HEADING_WORDS


def is_heading(text: str, quote: Quote) -> bool:
    return in_heading(text, quote.start, quote.end)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text))) - FUNCTION_WORDS


class HeadingSpeakers:
    def __init__(self, text: str, entities: list[Entity]):
        self.text = text
        self.people = [(m, e) for e in entities if e.kind == PERSON for m in e.mentions]

    def apply(self, quotes: list[Quote]) -> list[Quote]:
        result = []
        for quote in quotes:
            if quote.kind == DIRECT and is_heading(self.text, quote):
                quote = self._attribute(quote, quotes)
            result.append(quote)
        return result

    def _attribute(self, quote: Quote, quotes: list[Quote]) -> Quote:
        start, end = _line(self.text, quote.start)
        named = self._named_before_colon(start, quote)
        if named is not None:
            return self._given(quote, *named, confidence=0.9)
        own_cue = quote.speaker is not None and start <= quote.cue_start < end
        if own_cue and quote.speaker_kind == PERSON:
            return quote  # the headline has its own reporting verb and it names a person
        source = self._repeated_below(quote, quotes)
        # `prévient son PDG` in a headline: the body, where the words come again, names the PDG.
        if source is not None and (not own_cue or source.speaker_kind == PERSON):
            return replace(quote, speaker=source.speaker, speaker_kind=source.speaker_kind, candidate=source.speaker,
                           confidence=min(source.confidence, 0.8), via=source.via, via_start=source.via_start, via_end=source.via_end)
        if quote.speaker is None and self._opens_line(start, quote):
            lead = self._lead_person(end)
            if lead is not None:
                return self._given(quote, *lead, confidence=0.6)
        return quote

    @staticmethod
    def _given(quote: Quote, mention, entity: Entity, confidence: float) -> Quote:
        return replace(quote, speaker=entity.name, speaker_kind=PERSON, candidate=entity.name, confidence=confidence,
                       via=mention.text, via_start=mention.start, via_end=mention.end, rule="headline")

    def _named_before_colon(self, line_start: int, quote: Quote):
        """`Léa Roux : « … »`: a person's name is all there is between the line start and the colon."""
        before = self.text[line_start : quote.start].rstrip(" \u00a0\u202f«“\"")
        if not before.endswith(":"):
            return None
        label = before[:-1].strip()
        for mention, entity in self.people:
            if mention.start >= line_start and self.text[mention.start : mention.end] == label.split("—")[-1].strip():
                return mention, entity
        return None

    def _opens_line(self, line_start: int, quote: Quote) -> bool:
        before = self.text[line_start : quote.start].strip(" \u00a0\u202f«“\"")
        after = self.text[quote.end : quote.end + 4].lstrip(" \u00a0\u202f»”\"")
        return not before and after.startswith(":")

    def _repeated_below(self, quote: Quote, quotes: list[Quote]) -> Quote | None:
        words = _words(quote.text)
        if len(words) < 2:
            return None
        for other in quotes:
            if other is quote or other.speaker is None or other.kind != DIRECT or is_heading(self.text, other):
                continue
            if len(words & _words(other.text)) >= REPEATED_SHARE * len(words):
                return other
        return None

    def _lead_person(self, heading_end: int):
        """The first person named in the paragraphs after the headline, bylines left out."""
        position, seen = heading_end, 0
        while seen < LEAD_PARAGRAPHS and position < len(self.text):
            start = position + 1
            while start < len(self.text) and self.text[start] == "\n":
                start += 1
            end = self.text.find("\n", start)
            end = end if end >= 0 else len(self.text)
            found = sorted(
                ((m, e) for m, e in self.people if start <= m.start < end and not is_byline(self.text, start, m.start)),
                key=lambda pair: pair[0].start,
            )
            if found:
                return found[0]
            if self.text[start:end].strip():
                seen += 1
            position = end
        return None
