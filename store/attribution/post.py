"""Article-level passes after the sweep: the same words quoted twice share their best source."""
from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import FUNCTION_WORDS, fold
from ..records import ANONYMOUS, DIRECT, ORGANIZATION, PERSON, Quote

_SPECIFICITY = {PERSON: 3, ANONYMOUS: 2, ORGANIZATION: 1, None: 0}


def _content_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", fold(text))) - FUNCTION_WORDS


def share_repeated_quotes(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted twice in one article come from one source: a quote left without a
    speaker, or given to an institution by a headline's metonymy (`Moscou exclut toute « concession »`),
    takes the most specific speaker found for the same words elsewhere in the article."""
    best: dict[frozenset[str], Quote] = {}
    for quote in quotes:
        key = _content_words(quote.text)
        if quote.kind == DIRECT and key and _SPECIFICITY[quote.speaker_kind] > _SPECIFICITY[best[key].speaker_kind if key in best else None]:
            best[key] = quote
    shared = []
    for quote in quotes:
        source = best.get(_content_words(quote.text)) if quote.kind == DIRECT else None
        if source is not None and _SPECIFICITY[quote.speaker_kind] < 2 and _SPECIFICITY[source.speaker_kind] > _SPECIFICITY[quote.speaker_kind]:
            # The evidence is the other quote's: its cue and chain say why these words are that speaker's.
            quote = replace(
                quote, speaker=source.speaker, speaker_kind=source.speaker_kind, confidence=source.confidence,
                candidate=None, cue=source.cue, cue_start=source.cue_start, cue_end=source.cue_end,
                via=source.via, via_start=source.via_start, via_end=source.via_end, rule=f"repeated/{source.rule}",
            )
        shared.append(quote)
    return shared
