"""Hostile input to the store and the command line (reliability review 2026-12): dates at the edges,
article files that are not what they say, writes that half-land, text that takes too long."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import InputError, Store, import_paths, parse_published
from tui.cli import EXIT_ERROR, main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FUTURE_WEEKDAY_SEED = sorted(SEEDS.glob("004_*.txt"))[0]  # its text names a weekday to come


# --- dates at the edges (#32, #34) ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["0000-01", "0001-01-01", "9999-12-31", "0000", "٢٠٢٢-٠١"])
def test_dates_the_calendar_cannot_step_from_are_one_line_errors(text):
    with pytest.raises(InputError, match="not a date"):
        parse_published(text, "date")


def test_full_width_digits_are_read_as_digits():
    assert parse_published("２０２２-０１", "date") == "2022-01"


@pytest.mark.parametrize("text", [
    "Titre\nPublié le 31 décembre 9999\nLe ministre a parlé samedi devant la presse et repartira lundi.",
    "Titre\nPublié le 1 janvier 0001\nLe ministre a parlé hier et la veille.",
    "Titre\ndate 0000-01\nLe ministre a parlé samedi.",
    "Titre\nPublié le 2 février 2022\nLe ministre a parlé il y a 3000 ans et il y a 99999999999 jours.",
])
def test_dates_in_the_text_past_the_calendar_are_left_undated(parse, text):
    article = parse(text)  # no ValueError, no OverflowError
    assert all(1000 <= int(event.date[:4]) <= 9000 for event in article.events)


@pytest.mark.parametrize("date", ["9999-12-31", "0000-01"])
def test_a_metadata_row_with_an_impossible_date_skips_that_row_not_the_import(tmp_path, capfd, date):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FUTURE_WEEKDAY_SEED, folder / "a0.txt")
    shutil.copy(sorted(SEEDS.glob("000_*.txt"))[0], folder / "b.txt")
    (folder / "metadata.csv").write_text(f"file,published\na0.txt,{date}\nb.txt,2022-02-14\n")
    db = tmp_path / "store.json"
    assert main(["import", str(folder), "--db", str(db)]) == EXIT_ERROR
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err
    assert [line for line in captured.err.splitlines() if "line 2" in line and "not a date" in line]
    assert "Imported 2 article(s)" in captured.out
    with Store(db) as store:
        published = {a.file: a.published for a in store.summaries()}
    assert published["b.txt"] == "2022-02-14" and published["a0.txt"] != date


@pytest.mark.parametrize("date", ["0001-01-01", "0000-01", "２０２２-１３", "9999-12-31"])
def test_published_past_the_calendar_is_one_line(capfd, date):
    assert main(["extract", str(FUTURE_WEEKDAY_SEED), "--published", date]) == EXIT_ERROR
    err = capfd.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "not a date" in err
