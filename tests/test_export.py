"""The one-line citation `y` copies: « words » — speaker, title, date (file)."""
from __future__ import annotations

from dataclasses import replace

from store import Article, Quote
from store.export import citation, french_date


def article(**changes) -> Article:
    base = Article(id="a1", file="004_afp.txt", title="Biden et Poutine se parlent", published="2021-12-30",
                   published_basis="dateline", paragraphs=["x"], source_starts=[0])
    return replace(base, **changes)


QUOTE = Quote(text="une voie\n  diplomatique", start=0, end=5, speaker="Jen Psaki", speaker_kind="person")


def test_citation_names_speaker_title_date_and_file():
    assert citation(article(), QUOTE) == (
        "« une voie diplomatique » — Jen Psaki, « Biden et Poutine se parlent », 30 décembre 2021 (004_afp.txt)"
    )


def test_citation_without_speaker_title_or_date_says_so():
    line = citation(article(title=None, published=None), replace(QUOTE, speaker=None, speaker_kind=None))
    assert line == "« une voie diplomatique » — unattributed, date unknown (004_afp.txt)"


def test_citation_keeps_markup_and_neutralises_escapes():
    hostile = replace(QUOTE, text="[link=https://x.example]clic[/link] \x1b]52;c;SGk=\x07")
    line = citation(article(title="[DIRECT] \x1b[41mUkraine"), hostile)
    assert "[link=https://x.example]clic[/link]" in line and "« [DIRECT] \\x1b[41mUkraine »" in line
    assert "\x1b" not in line and "\x07" not in line


def test_french_dates_at_each_precision():
    assert [french_date(d) for d in ("2022-02-01", "2021-12", "2022", None, "vers 2022")] == [
        "1er février 2022", "décembre 2021", "2022", "date unknown", "vers 2022"]
