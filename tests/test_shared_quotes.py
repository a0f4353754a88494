"""The same words quoted twice in one article: the unattributed copy takes the other's speaker and evidence."""
from __future__ import annotations

from store import PERSON, Quote
from store.attribution.post import share_repeated_quotes


def test_a_repeated_quote_takes_the_speaker_with_its_confidence_and_evidence():
    headline = Quote("pas de concession sur les salaires", 0, 34, None, None, confidence=0.2, candidate="la direction")
    body = Quote("pas de concession sur les salaires", 200, 234, "Anne Lorrain", PERSON, cue="a prévenu",
                 confidence=0.9, cue_start=240, cue_end=249, via="Anne Lorrain", via_start=100, via_end=112, rule="cue-incise/named")
    shared, same = share_repeated_quotes([headline, body])
    assert same == body
    assert (shared.speaker, shared.speaker_kind, shared.confidence, shared.candidate) == ("Anne Lorrain", PERSON, 0.9, None)
    assert (shared.cue, shared.cue_start, shared.cue_end) == ("a prévenu", 240, 249)
    assert (shared.via, shared.via_start, shared.via_end) == ("Anne Lorrain", 100, 112)
    assert (shared.start, shared.end) == (0, 34)  # still the headline's own words
    assert shared.rule == "repeated/cue-incise/named"  # the trace says whose evidence it borrowed
