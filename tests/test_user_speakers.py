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
