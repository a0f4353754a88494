"""Speakers the user sets or checks: their own file beside the store, applied whenever records are
read, durable across relaunches, undoable (store/user_speakers.py through Library)."""
from __future__ import annotations

import pytest

from store import Library, StoreError
from store.user_speakers import speakers_path


def _quote_by(library: Library, speaker: str):
    ref = next(r for r in library.quotes() if r.speaker == speaker)
    return ref.article.id, ref.quote


def test_a_set_speaker_regroups_at_once_lasts_across_relaunches_and_can_be_undone(seed_store_path):
    with Library.open(seed_store_path) as library:
        article_id, quote = _quote_by(library, "Dmitri Peskov")
        peskov = len(library.quotes_by("Dmitri Peskov"))
        changed = library.set_speaker(article_id, quote, "Iouri Ouchakov")
        assert changed.speaker == "Iouri Ouchakov" and changed.confidence == 1.0
        assert len(library.quotes_by("Dmitri Peskov")) == peskov - 1
        assert any(r.quote.start == quote.start for r in library.quotes_by("Iouri Ouchakov"))
        full = library.article(article_id)
        assert next(q for q in full.quotes if q.start == quote.start).speaker == "Iouri Ouchakov"
        assert library.speaker_check(article_id, changed).corrected
    assert speakers_path(seed_store_path).exists()
    with Library.open(seed_store_path) as library:  # a relaunch
        assert any(r.quote.start == quote.start for r in library.quotes_by("Iouri Ouchakov"))
        again = next(q for q in library.article(article_id).quotes if q.start == quote.start)
        check = library.speaker_check(article_id, again)
        assert check.basis == "user" and check.before[0] == "Dmitri Peskov"
        back = library.undo_speaker(article_id, again)
        assert back.speaker == "Dmitri Peskov" and library.speaker_check(article_id, back) is None
        assert len(library.quotes_by("Dmitri Peskov")) == peskov
    with Library.open(seed_store_path) as library:
        assert len(library.quotes_by("Dmitri Peskov")) == peskov


def test_checking_a_quote_keeps_its_speaker_and_drops_the_doubt(seed_store_path):
    with Library.open(seed_store_path) as library:
        ref = next(r for r in library.quotes() if r.speaker is None and r.quote.candidate)
        changed = library.set_speaker(ref.article.id, ref.quote, None)
        assert changed.speaker == ref.quote.candidate and changed.confidence == 1.0  # the best guess, accepted
        assert not library.speaker_check(ref.article.id, changed).corrected
        nobody = next((r for r in library.quotes() if r.speaker is None and not r.quote.candidate), None)
        if nobody is not None:
            with pytest.raises(StoreError):
                library.set_speaker(nobody.article.id, nobody.quote, None)


def test_a_read_only_library_refuses_to_set_a_speaker(seed_store_path):
    with Library.open(seed_store_path) as writer, Library.open(seed_store_path) as reader:
        assert reader.read_only and not writer.read_only
        article_id, quote = _quote_by(reader, "Dmitri Peskov")
        with pytest.raises(StoreError):
            reader.set_speaker(article_id, quote, "Personne")


def test_export_gold_writes_corrections_and_checks_that_evaluate_reads(seed_store_path, tmp_path, capfd):
    import json

    from conftest import SEEDS
    from store import evaluate_files
    from tui.cli import main

    with Library.open(seed_store_path) as library:
        article_id, quote = _quote_by(library, "Dmitri Peskov")
        library.set_speaker(article_id, quote, None)  # checked: Peskov is right
        other = next(r for r in library.quotes() if r.speaker == "Vladimir Poutine")
        library.set_speaker(other.article.id, other.quote, "Sergueï Lavrov")  # a correction
    gold = tmp_path / "mine.json"
    assert main(["export", "--gold", str(gold), "--db", str(seed_store_path)]) == 0
    assert "2 quote(s)" in capfd.readouterr().out
    written = json.loads(gold.read_text(encoding="utf-8"))
    quotes = [(q["text"], q["speaker"]) for a in written["articles"] for q in a["quotes"]]
    assert (quote.text, "Dmitri Peskov") in quotes and (other.quote.text, "Sergueï Lavrov") in quotes
    assert all(a["file"].endswith(".txt") and set(a) >= {"file", "quotes"} for a in written["articles"])
    assert all(set(q) >= {"text", "speaker", "speaker_type", "cue"} for a in written["articles"] for q in a["quotes"])
    report = evaluate_files(gold, [SEEDS / a["file"] for a in written["articles"]])
    assert "speaker accuracy" in report  # the extractor measured against the user's own judgement


def test_extract_shows_the_speakers_set_in_the_store(seed_store_path, capfd):
    import json

    from conftest import SEEDS
    from tui.cli import main

    with Library.open(seed_store_path) as library:
        article_id, quote = _quote_by(library, "Dmitri Peskov")
        library.set_speaker(article_id, quote, "Iouri Ouchakov")
        file = library.summary(article_id).file
    capfd.readouterr()
    assert main(["extract", str(SEEDS / file), "--db", str(seed_store_path)]) == 0
    record = json.loads(capfd.readouterr().out)
    mine = next(q for q in record["quotes"] if q["text"] == quote.text)
    assert (mine["speaker"], mine["speaker_basis"], mine["checked"]) == ("Iouri Ouchakov", "user", True)
    assert all(q["speaker_basis"] == "extracted" for q in record["quotes"] if q is not mine)
