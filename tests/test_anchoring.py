"""Dates borrowed from the corpus, on articles written for the tests."""
from __future__ import annotations

import pytest

from store import Store, import_paths
from store.anchoring import date_from_corpus
from store.corpus import canonicalise

DATED = ("Publié le 30 décembre 2021\nLa présidente Marta Kovalenko et le chancelier Ivo Brandt ont conclu jeudi 30 décembre "
         "un entretien téléphonique depuis Wilmington, où la présidente passe ses vacances. « Nous voulons une désescalade "
         "immédiate », a déclaré Marta Kovalenko.")
OTHER_DAY = ("Publié le 12 février 2022\nLa présidente Marta Kovalenko et le chancelier Ivo Brandt se sont entretenus samedi "
             "au sujet des manœuvres navales en mer Baltique. « Rien n'est réglé », a affirmé Ivo Brandt.")
UNDATED = ("Un appel depuis Wilmington\nMarta Kovalenko et Ivo Brandt ont entamé aujourd'hui un entretien téléphonique "
           "depuis Wilmington. « Nous voulons une désescalade immédiate », a déclaré Marta Kovalenko. "
           "Mardi, le ministère avait annoncé l'échange.")
UNRELATED = "Une grève à Lannion\nLes salariés de l'usine Norvelle ont voté aujourd'hui la poursuite de la grève à Lannion."


def corpus(parse, *texts):
    articles = [parse(text, f"{i}.txt") for i, text in enumerate(texts)]
    canonicalise(articles)
    return articles


def test_an_undated_article_takes_the_day_of_the_same_happening(parse):
    dated, other, undated = corpus(parse, DATED, OTHER_DAY, UNDATED)
    assert undated.published is None
    assert date_from_corpus([dated, other, undated]) == [undated]
    assert (undated.published, undated.published_basis, undated.published_from) == ("2021-12-30", "corpus", "0.txt")
    assert undated.date_inferred and not dated.date_inferred
    # Its weekdays are read from the borrowed day: Tuesday 28 December.
    assert {e.expression: e.date for e in undated.events} == {"aujourd'hui": "2021-12-30", "Mardi": "2021-12-28"}


def test_nothing_in_common_leaves_the_article_undated(parse):
    dated, other, unrelated = corpus(parse, DATED, OTHER_DAY, UNRELATED)
    assert date_from_corpus([dated, other, unrelated]) == []
    assert unrelated.published is None and unrelated.events == []


def test_two_equally_likely_days_leave_the_article_undated(parse):
    twin = DATED.replace("30 décembre 2021", "6 janvier 2022").replace("jeudi 30 décembre", "jeudi 6 janvier")
    dated, other_twin, undated = corpus(parse, DATED, twin, UNDATED)
    assert date_from_corpus([dated, other_twin, undated]) == []


def test_import_dates_stored_articles_from_new_ones(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (second / "dated.txt").write_text(DATED, encoding="utf-8")
    with Store(tmp_path / "store.json") as store:
        assert import_paths(store, [first]).dated_from_corpus == []
        assert import_paths(store, [second]).dated_from_corpus == ["undated.txt"]
        undated = next(a for a in store.summaries() if a.file == "undated.txt")
        assert (undated.published, undated.published_basis) == ("2021-12-30", "corpus")
        assert store.load_article(undated.id).published_from == "dated.txt"
    with Store(tmp_path / "store.json") as store:  # durable
        assert next(a for a in store.summaries() if a.file == "undated.txt").published == "2021-12-30"


def test_a_date_set_by_the_user_is_durable_and_undoable(tmp_path):
    from store import InputError
    from store.user_dates import set_user_date

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Titre de la dépêche du jour\nLe ministre a parlé samedi devant la presse.\n",
                                           encoding="utf-8")
    with Store(tmp_path / "store.json") as store:
        import_paths(store, [tmp_path / "in"])
        (article,) = store.summaries()
        assert article.published is None and article.events == []
        changed = set_user_date(store, article.id, "14/02/2022")
        assert (changed.published, changed.published_basis) == ("2022-02-14", "user")
        with pytest.raises(InputError):
            set_user_date(store, article.id, "demain")
    with Store(tmp_path / "store.json") as store:
        (article,) = store.summaries()
        assert (article.published, article.published_basis) == ("2022-02-14", "user")
        assert [(e.expression, e.date) for e in article.events] == [("samedi", "2022-02-12")]
        restored = set_user_date(store, article.id, None)
        assert restored.published is None and restored.events == [] and restored.published_basis is None
        assert store.summaries()[0].published is None
