import subprocess
import sys

import pytest

from store import DIRECT, PERSON, Corpus, Library, Store, StoreError, all_speakers, fold
from store.records import Article, Entity, Mention


def test_article_has_the_corpus_names_of_its_summary(seed_store_path):
    with Library.open(seed_store_path) as library:
        for summary in library.articles:
            article = library.article(summary.id)
            assert article.paragraphs, "the full article comes from its file"
            assert sorted(e.name for e in article.entities) == sorted(e.name for e in summary.entities)
            direct = [(q.start, q.speaker) for q in article.quotes if q.kind == DIRECT]
            assert direct == [(q.start, q.speaker) for q in summary.quotes if q.kind == DIRECT]


def test_search_folds_accents_and_case_and_matches_word_starts(seed_store_path):
    with Library.open(seed_store_path) as library:
        order = [a.id for a in library.articles]
        found = library.search("UKRAIN")
        assert found and found == [i for i in order if i in set(found)]
        for article_id in found:
            assert "ukrain" in fold(library.article(article_id).body)
        assert library.search("zzzqqq") == []
        assert set(library.search("president")) == set(library.search("Président"))


def _written(path, paragraphs, **fields) -> None:
    with Store(path) as store:
        store.add_articles([Article(id="a1", file="a1.txt", title="T", published="2022-01-05", published_basis=None,
                                    paragraphs=paragraphs, source_starts=[0] * len(paragraphs), **fields)])


def test_match_span_points_into_the_body_as_stored(tmp_path):
    # "…" folds to three characters and "ß" to two: a span taken in the folded text would shift.
    _written(tmp_path / "s.json", ["Il a dit… et Straße…", "Puis Élysée parla."])
    with Library.open(tmp_path / "s.json") as library:
        article = library.article("a1")
        start, end = library.match_span(article, "elysee")
        assert article.body[start:end] == "Élysée"
        assert library.match_span(article, "lysee") is None  # must start a word
        assert library.match_span(article, "absent") is None


def test_mark_read_is_durable_and_counted(seed_store_path):
    with Library.open(seed_store_path) as library:
        first = library.articles[0].id
        unread = library.unread_count
        library.mark_read(first)
        assert library.is_read(first) and library.unread_count == unread - 1
    with Library.open(seed_store_path) as library:
        assert library.is_read(first)
        library.mark_read(first, False)
    with Library.open(seed_store_path) as library:
        assert not library.is_read(first)


def test_mark_read_on_a_read_only_library_is_refused(seed_store_path):
    with Library.open(seed_store_path), Library.open(seed_store_path) as second:
        assert second.read_only
        with pytest.raises(StoreError, match="read-only"):
            second.mark_read(second.articles[0].id)


def test_mentions_point_at_the_name_in_each_article(seed_store_path):
    with Library.open(seed_store_path) as library:
        person = library.ranked_entities(PERSON)[0]
        found = library.mentions(person.name, limit=2)
        assert found.info is person and found.articles_total == len(person.articles)
        assert found.articles_read == min(2, found.articles_total) and found.items
        for article, mention in found.items:
            assert article.body[mention.start:mention.end] == mention.text


def test_a_damaged_article_file_is_reported_not_raised_by_mentions(tmp_path):
    entity = Entity("Jean Dupont", PERSON, [Mention("Jean Dupont", 0, 11)])
    entity.count_forms()
    _written(tmp_path / "s.json", ["Jean Dupont parle."], entities=[entity])
    (tmp_path / "s.json.articles" / "a1.json").write_bytes(b"{broken")
    with Library.open(tmp_path / "s.json") as library:
        found = library.mentions("Jean Dupont")
        assert found.items == [] and len(found.unreadable) == 1 and "a1.json" in found.unreadable[0]


def test_quotes_by_speaker_and_days(seed_store_path):
    with Library.open(seed_store_path) as library:
        speaker, refs = max(library.quotes_by_speaker.items(), key=lambda item: len(item[1]))
        assert {r.quote.text for r in library.quotes_by(speaker)} == {r.quote.text for r in refs if r.quote.kind == DIRECT}
        assert all(r.quote.kind == DIRECT for r in library.quotes())
        counts = library.day_counts()
        assert counts and all(len(library.events_on(day)) == n for day, n in counts.items())


def test_import_refreshes_what_the_library_answers(tmp_path, nlp):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Le président a déclaré : « Nous négocierons à Genève. »\n", encoding="utf-8")
    with Library.open(tmp_path / "s.json") as library:
        assert len(library) == 0 and all_speakers(library) == []
        report = library.import_paths([source])
        assert report.added == 1 and len(library) == 1
        assert library.search("geneve") == [library.articles[0].id]
        # Speakers are computed once per corpus; the import's new corpus brings its quote in.
        assert [r.quote.text for s in all_speakers(library) for r in s.refs] == ["Nous négocierons à Genève."]
        assert all_speakers(library) is all_speakers(library)


def test_opening_a_store_does_not_import_spacy(seed_store_path):
    code = ("import sys; from pathlib import Path; import store, tui.app;"
            f"lib = store.Library.open(Path({str(seed_store_path)!r}), writable=False); lib.search('russie');"
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_search_and_claims_come_from_the_persisted_index_not_the_article_files(seed_store_path, monkeypatch):
    from store.indexes import index_path

    assert index_path(seed_store_path).exists()

    def no_file_reads(self, article_id):
        raise AssertionError("an article file was read")

    with Library.open(seed_store_path) as library:
        monkeypatch.setattr(Store, "load_article", no_file_reads)
        monkeypatch.setattr(Store, "searchable_text", no_file_reads)
        assert library.search("russie")
        refs = library.quotes()
        from_words = Corpus(library.store.summaries())  # claim keys from the quotes' words

        def groups(corpus, refs):
            return [sorted((r.article.id, r.quote.start) for r in claim.refs) for claim in corpus.claims(refs)]

        assert groups(library.corpus, refs) == groups(from_words, [r for r in from_words.quotes if r.quote.kind == DIRECT])
        word = refs[0].quote.text.split()[-1].strip(".,!?»«")
        assert any(r is refs[0] for r in library.find_quotes(word))


@pytest.mark.parametrize("damage", [None, b"", b"UKRIDX1\nnot an index"])
def test_a_missing_or_damaged_index_is_rebuilt_from_the_article_files(seed_store_path, damage):
    from store.indexes import index_path

    with Library.open(seed_store_path) as library:
        expected = library.search("président")
    if damage is None:
        index_path(seed_store_path).unlink()
    else:
        index_path(seed_store_path).write_bytes(damage)
    with Library.open(seed_store_path, writable=False) as library:  # read-only: rebuilt in memory only
        assert library.search("président") == expected
    assert index_path(seed_store_path).exists() == (damage is not None)
    with Library.open(seed_store_path) as library:  # the writer saves it
        assert library.search("président") == expected
    with Library.open(seed_store_path) as library:
        assert library.store.corpus_index().missing(a.id for a in library.articles) == []


def test_name_search_finds_every_spelling_of_a_name(seed_store_path):
    from store import name_search

    with Library.open(seed_store_path) as library:
        assert {"zelensky", "zelenskiy"} <= name_search.spellings(library, "zelensk")
        assert name_search.spellings(library, "zzzq") == {"zzzq"}
        assert set(name_search.search(library, "zelenskiy")) == set(name_search.search(library, "zelensky"))
