"""One bad article never stops the others: the crash of issue 15, isolation of extraction faults,
and generated articles that mix the hard attribution patterns (every text written for these tests)."""
from __future__ import annotations

import random

import pytest

from store import DIRECT, InputError
from store import pipeline
from store.pipeline import parse_many

PEOPLE = ["Marc Lenoir", "Agnès Morin", "Claire Vidal", "Paul Berger", "Jean de La Roche", "Anne Le Goff", "Awa"]
ROLES = ["la directrice", "le maire", "le Premier ministre", "une habitante", "un témoin", "le prévenu", "la présidente"]
VERBS = ["a déclaré", "complète", "argumente", "a avancé", "a-t-il répondu", "explique-t-elle", "raconte", "promet"]
QUOTES = ["Nous avons tout perdu", "On n'a jamais vu ça", "Il faudra du temps", "C'est normal", "Rien n'est joué"]


def sentence(rng: random.Random) -> str:
    """One sentence of a hard pattern, filled at random."""
    who, role, verb, words = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(VERBS), rng.choice(QUOTES)
    mark_open, mark_close = rng.choice([("« ", " »"), ("«", "»"), ('"', '"'), ("“", "”"), ('"', "”")])
    shapes = [
        f"{mark_open}{words}{mark_close}, {verb} {who}.",
        f"{mark_open}{words}, {verb} {role} {who}, mais rien n'est fait.{mark_close}",
        f"{who} a enfoncé le clou : {mark_open}{words}.{mark_close}",
        f"Sa voisine, {who}, regarde la rivière monter. {mark_open}{words}.{mark_close}",
        f"{who} a été félicité par {role}. {mark_open}{words}{mark_close}, a-t-il répondu.",
        f"{mark_open}{words}{mark_close}, a publié jeudi sur X (ex-Twitter) {role} {who}.",
        "Un témoin a raconté la scène. Il dit une chose et évoque un bruit.",
        f"{role.capitalize()} a reçu les syndicats. {who} a promis une réponse. {mark_open}{words}{mark_close}, a répondu {role}.",
        f"Selon {role}, la situation reste {mark_open}{words.lower()}{mark_close}.",
        f"— {words} ?\n\n— {words}.",
        f"Ils disent et répètent que {words.lower()} et évoquent {mark_open}{words}{mark_close}.",
    ]
    return rng.choice(shapes)


def test_a_pronoun_governing_two_verbs_after_an_unnamed_speaker_does_not_crash(parse):
    article = parse("Un témoin a raconté la scène. Il dit une chose et évoque un bruit.")
    assert article.file == "test.txt"


def test_a_fault_in_attribution_skips_that_article_only(nlp, monkeypatch):
    real = pipeline.extract_quotes

    def faulty(doc, entities, text=None):
        if "panne" in text:
            raise IndexError("a bug of ours")
        return real(doc, entities, text)

    monkeypatch.setattr(pipeline, "extract_quotes", faulty)
    items = [("a.txt", "« Tout va bien », a dit Paul Berger."), ("b.txt", "Une panne. « Rien », a dit Anne Le Goff."),
             ("c.txt", "« Encore », a dit Claire Vidal.")]
    results = list(parse_many(items, nlp))
    assert results[1].startswith("b.txt: internal error while attributing quotes (IndexError: a bug of ours")
    assert [q.speaker for q in results[0].quotes if q.kind == DIRECT] == ["Paul Berger"]
    assert [q.speaker for q in results[2].quotes if q.kind == DIRECT] == ["Claire Vidal"]


def test_parse_text_reports_a_fault_as_an_input_error(parse, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_quotes", lambda *args: [][0])
    with pytest.raises(InputError, match="internal error while attributing quotes"):
        parse("« Tout va bien », a dit Paul Berger.")


@pytest.mark.parametrize("seed", range(6))
def test_generated_articles_mixing_the_hard_patterns_parse_and_point_at_their_text(nlp, seed):
    rng = random.Random(seed)
    items = []
    for n in range(8):
        paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 6))]
        items.append((f"gen{seed}-{n}.txt", "Un titre pour l'essai\n\n" + "\n\n".join(paragraphs)))
    for result in parse_many(items, nlp):
        assert not isinstance(result, str), result
        body = "\n\n".join(result.paragraphs)
        for quote in result.quotes:
            assert body[quote.start:quote.end] == quote.text
            assert 0.0 <= quote.confidence <= 1.0
