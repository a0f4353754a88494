"""Dates and outlets from outside the text: metadata.csv, --published, saved web pages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import InputError, Store, import_paths, parse_file
from store.metadata import metadata_for, parse_published, read_metadata_csv

DATA = Path(__file__).resolve().parent / "data"
UNDATED = "Titre de la dépêche du jour\nLe ministre a parlé samedi devant la presse et repartira lundi.\n"


@pytest.mark.parametrize(
    "text, iso",
    [("2022-02-12", "2022-02-12"), ("2022-02-12T09:30:00+01:00", "2022-02-12"), ("12/02/2022", "2022-02-12"),
     ("2022-02", "2022-02"), ("2022", "2022")],
)
def test_published_formats(text, iso):
    assert parse_published(text, "test") == iso


@pytest.mark.parametrize("text", ["demain", "2022-13-01", "31/02/2022"])
def test_bad_published_dates_are_one_line_errors(text):
    with pytest.raises(InputError, match="not a date"):
        parse_published(text, "metadata.csv, line 2")


def test_metadata_csv_beside_the_files_dates_the_article_and_its_weekdays(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published,source,url\na.txt,2022-02-14,Le Journal,https://j.example/a\n")
    metadata = metadata_for([tmp_path / "a.txt"])
    article = parse_file(tmp_path / "a.txt", nlp, metadata[tmp_path / "a.txt"])  # Monday 14 February 2022
    assert (article.published, article.published_basis, article.published_precision) == ("2022-02-14", "metadata", "day")
    assert (article.outlet, article.url) == ("Le Journal", "https://j.example/a")
    assert {e.expression: e.date for e in article.events} == {"samedi": "2022-02-12", "lundi": "2022-02-14"}


def test_metadata_csv_needs_a_file_column(tmp_path):
    (tmp_path / "m.csv").write_text("name,date\na.txt,2022-01-01\n")
    with pytest.raises(InputError, match="'file' column"):
        read_metadata_csv(tmp_path / "m.csv")


def test_published_is_for_one_file(tmp_path):
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    with pytest.raises(InputError, match="one file"):
        metadata_for(files, published="2022-02-14")
    assert metadata_for(files[:1], published="2022-02-14")[files[0]].published == "2022-02-14"


def test_import_applies_metadata_from_a_given_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "press.csv").write_text("file;published;source\na.txt;14/02/2022;Le Journal\n")
    with Store(tmp_path / "store.json") as store:
        import_paths(store, [folder], metadata_file=tmp_path / "press.csv")
        (article,) = store.summaries()
    assert (article.published, article.outlet) == ("2022-02-14", "Le Journal")


def test_a_saved_web_page_imports_its_article_and_nothing_else(tmp_path, nlp):
    article = parse_file(DATA / "page.html", nlp)
    assert article.title == "Le ministre promet une « réponse ferme » aux menaces"
    assert (article.published, article.published_basis) == ("2022-02-09", "page")
    assert (article.outlet, article.author) == ("Le Quotidien du Test", "Claire Fontaine")
    assert article.url == "https://www.quotidien-test.example/monde/article/ministre-reponse-ferme"
    quotes = {q.text: q.speaker for q in article.quotes}
    assert quotes["Nous ne laisserons pas redessiner les frontières de l'Europe par la force"] == "Paul Verdier"
    assert "claire et attendue" in quotes
    body = article.body
    for furniture in ("cookies", "Accueil", "S'abonner", "À lire aussi", "marchés européens", "Mentions légales"):
        assert furniture not in body
    assert {e.expression: e.date for e in article.events}["mercredi"] == "2022-02-09"


def test_a_page_that_is_not_an_article_is_refused(tmp_path, nlp):
    page = tmp_path / "accueil.html"
    page.write_text("<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a> <a href='/m'>Monde</a>"
                    "</nav><ul><li><a href='/1'>Un titre</a></li><li><a href='/2'>Un autre titre</a></li></ul></body></html>")
    with pytest.raises(InputError, match="not an article") as error:
        parse_file(page, nlp)
    assert "\n" not in str(error.value)


def test_metadata_wins_over_the_page(tmp_path, nlp):
    shutil.copy(DATA / "page.html", tmp_path / "page.html")
    (tmp_path / "metadata.csv").write_text("file,published,source\npage.html,2022-02-10,Agence\n")
    article = parse_file(tmp_path / "page.html", nlp, metadata_for([tmp_path / "page.html"])[tmp_path / "page.html"])
    assert (article.published, article.published_basis, article.outlet) == ("2022-02-10", "metadata", "Agence")


def test_cli_extract_takes_published_and_reports_bad_metadata_in_one_line(tmp_path, capsys, nlp):
    import json

    from tui.cli import main

    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--json", "--published", "2022-02-14"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["published"], record["published_basis"], record["published_precision"]) == ("2022-02-14", "metadata", "day")
    (tmp_path / "bad.csv").write_text("file,published\na.txt,hier\n")
    assert main(["extract", str(tmp_path / "a.txt"), "--json", "--metadata", str(tmp_path / "bad.csv")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "bad.csv, line 2" in error


def test_import_reads_saved_pages_with_their_metadata(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "page.html", folder / "page.html")
    with Store(tmp_path / "store.json") as store:
        assert import_paths(store, [folder]).added == 1
        (article,) = store.summaries()
        full = store.load_article(article.id)
    assert (article.title, article.published, article.outlet) == (
        "Le ministre promet une « réponse ferme » aux menaces", "2022-02-09", "Le Quotidien du Test")
    assert "cookies" not in full.body and full.expressions  # expressions kept in the article file


def test_metadata_added_later_dates_articles_already_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(UNDATED, encoding="utf-8")
    with Store(tmp_path / "store.json") as store:
        import_paths(store, [folder])
        (folder / "metadata.csv").write_text("file,published,source\na.txt,2022-02-14,Le Journal\n")
        report = import_paths(store, [folder])
        assert (report.added, report.already_there) == (0, 1)
        (article,) = store.summaries()
    assert (article.published, article.published_basis, article.outlet) == ("2022-02-14", "metadata", "Le Journal")
    assert {e.expression: e.date for e in article.events} == {"samedi": "2022-02-12", "lundi": "2022-02-14"}
