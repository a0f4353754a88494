"""Generated adversarial articles (reliability review 2026-12, #43): every kind of quote mark, nested
and unbalanced, controls, bidi and zero-width characters, combining marks, long words, odd line
separators. Extraction never raises out of the pipeline, and every quote points at its own text."""
from __future__ import annotations

import random

import pytest

from store import article_json
from store.pipeline import parse_many

WORDS = ("le ministre a déclaré que la Russie est prête Joe Biden Vladimir Poutine Kiev Moscou hier "
         "mardi 14 février 2022 un porte-parole a cité l'opération il elle nous sommes prêts selon lui "
         "a-t-il ajouté a estimé Emmanuel Macron le Kremlin l'OTAN").split()
MARKS = ["«", "»", "« ", " »", "“", "”", '"', "‘", "’", "‹", "›", "„", "'", "« « ", " » »"]
ODD = ["\x00", "\x07", "\x1b[31m", "\x1b]0;t\x07", "\x85", "\x9b", "\u202e", "\u2066", "\u2069", "\u200b",
       "\u200d", "\ufeff", "\u0301", "\u0327", "👩‍👩‍👧", "\u2028", "\u00a0", "\u202f", "\t"]
SEPARATORS = ["\n", "\r\n", "\r", "\u2029", "\n\n", " "]
NATURAL = "Un porte-parole a cité l’opération ‘Bouclier’. Il a déclaré : « Nous sommes prêts ».\n"


def generated(seed: int) -> str:
    chance = random.Random(seed)
    parts = ["Titre " + " ".join(chance.choices(WORDS, k=6)), "\n"]
    for _ in range(chance.randint(20, 100)):
        roll = chance.random()
        if roll < 0.55:
            parts.append(chance.choice(WORDS))
        elif roll < 0.75:
            parts.append(chance.choice(MARKS))
        elif roll < 0.87:
            parts.append(chance.choice(ODD))
        elif roll < 0.95:
            parts.append(chance.choice(SEPARATORS))
        elif roll < 0.98:
            parts.append(chance.choice(". , : ; ! ? … — –".split()))
        else:
            parts.append(chance.choice("xxé‘«") * chance.randint(200, 1500))  # a long word
        parts.append(chance.choice(["", " ", " ", " "]))
    return "".join(parts)


CASES = [(f"f{seed:03d}.txt", generated(seed)) for seed in range(24)] + [("natural.txt", NATURAL)]


@pytest.fixture(scope="module")
def results(nlp):
    return list(zip(CASES, parse_many(CASES, nlp), strict=True))


def test_fuzzed_articles_never_raise_and_quotes_point_at_their_text(results):
    for (name, text), result in results:
        if isinstance(result, str):  # a one-line reason for that file, the others go on
            assert result.startswith(name) and "\n" not in result
            continue
        body = result.body
        record = article_json(result, text)
        for quote, shown in zip(result.quotes, record["quotes"], strict=True):
            assert 0 <= quote.start < quote.end <= len(body), name
            assert body[quote.start:quote.end] == quote.text, name
            assert 0 <= shown["start"] <= shown["end"] <= len(text), name
            assert shown["text"] == text[shown["start"]:shown["end"]], name


def test_fuzzed_articles_extract_without_an_internal_error(results):
    assert [r for _, r in results if isinstance(r, str) and "internal error" in r] == []
