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


# --- time and memory bounded on every path (#11), one file's error stays its own (#43) -------------
TRAP = "Titre piégé\nLe ministre a déclaré : « PIÈGE pour le test ».\n"


@pytest.fixture
def extraction_bug(monkeypatch):
    """Attribution raising on one text, as the E035 bug of the review did."""
    import store.pipeline

    real = store.pipeline.extract_quotes

    def failing(doc, entities, body):
        if "PIÈGE" in body:
            raise IndexError("[E035] Error creating span")
        return real(doc, entities, body)

    monkeypatch.setattr(store.pipeline, "extract_quotes", failing)


def test_an_extraction_error_skips_that_file_and_the_import_goes_on(tmp_path, capfd, extraction_bug):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TRAP, encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("000_*.txt"))[0], folder / "b.txt")
    db = tmp_path / "store.json"
    assert main(["import", str(folder), "--db", str(db)]) == EXIT_ERROR
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Imported 1 article(s)" in captured.out
    assert [line for line in captured.err.splitlines() if "a.txt: internal error while attributing quotes (IndexError" in line]
    assert main(["extract", str(folder / "a.txt"), str(folder / "b.txt"), "--summary"]) == EXIT_ERROR
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "b.txt:" in captured.out
    assert len(captured.err.strip().splitlines()) == 1 and "a.txt: internal error while" in captured.err


def test_extract_holds_the_time_budget(tmp_path, monkeypatch):
    import time

    import store.batch
    from store import parse_together

    (tmp_path / "slow.txt").write_text(TRAP, encoding="utf-8")
    monkeypatch.setattr(store.batch, "parse_text", lambda *args: time.sleep(30))
    started = time.monotonic()
    parsed, skipped = parse_together([tmp_path / "slow.txt"], seconds_per_file=0.5)
    assert time.monotonic() - started < 10
    assert not parsed and skipped == ["slow.txt: took longer than 0.5 s to parse; skipped"]


def test_a_megabyte_paragraph_is_refused_at_once_on_every_path(tmp_path, capfd):
    import time

    words = " ".join(SEEDS.glob("000_*.txt").__next__().read_text(encoding="utf-8").split())
    (tmp_path / "big.txt").write_text("Titre\n" + (words + " ") * (950_000 // len(words)), encoding="utf-8")
    started = time.monotonic()
    assert main(["extract", str(tmp_path / "big.txt")]) == EXIT_ERROR
    assert main(["import", str(tmp_path / "big.txt"), "--db", str(tmp_path / "store.json")]) == EXIT_ERROR
    assert time.monotonic() - started < 30
    err = capfd.readouterr().err
    assert "Traceback" not in err and err.count("is not a news article") == 2


def test_a_long_paragraph_is_read_by_the_model_in_pieces_that_join_to_it():
    from store.nlp import MODEL_PIECE, model_inputs

    paragraph = ("Le ministre a parlé. " * 3000) + "x" * (3 * MODEL_PIECE)
    inputs = model_inputs(["Titre", paragraph], "\n\n")
    assert "".join(inputs) == "Titre\n\n" + paragraph
    assert max(map(len, inputs)) <= MODEL_PIECE
    assert all(piece.endswith("parlé. ") for piece in inputs[1:4])


# --- article files are trusted no more (#40, #42) --------------------------------------------------
def _spoil_bodies(store_path: Path) -> dict[str, str]:
    """Four article files replaced by what the review put there; returns id → what it became."""
    import os

    bodies = store_path.with_name(store_path.name + ".articles")
    ids = sorted(p.stem for p in bodies.glob("*.json"))
    zero, fifo, sparse, other = ids[:4]
    (bodies / f"{zero}.json").unlink()
    (bodies / f"{zero}.json").symlink_to("/dev/zero")
    (bodies / f"{fifo}.json").unlink()
    os.mkfifo(bodies / f"{fifo}.json")
    with open(bodies / f"{sparse}.json", "wb") as handle:
        handle.truncate(2_000_000_000)
    shutil.copy(bodies / f"{ids[4]}.json", bodies / f"{other}.json")
    return {zero: "/dev/zero", fifo: "fifo", sparse: "sparse", other: "another article"}


def test_article_files_that_are_devices_fifos_huge_or_another_article_are_refused(seed_store_path):
    import time

    from store import StoreError

    spoilt = _spoil_bodies(seed_store_path)
    with Store(seed_store_path) as store:
        for article_id, what in spoilt.items():
            started = time.monotonic()
            with pytest.raises(StoreError) as error:
                store.load_article(article_id)
            assert time.monotonic() - started < 2, what
            assert len(str(error.value).splitlines()) == 1
            assert not store.has_sound_body(article_id)
        assert "another article" in str(pytest.raises(StoreError, store.load_article, [*spoilt][3]).value)


def test_import_repairs_article_files_that_are_devices_fifos_or_huge(seed_store_path):
    spoilt = _spoil_bodies(seed_store_path)
    with Store(seed_store_path) as store:
        report = import_paths(store, [SEEDS])
        assert report.repaired == len(spoilt) and not report.errors
        for article_id in spoilt:
            assert store.load_article(article_id).id == article_id


# --- writes that half-land (#8, #6) -----------------------------------------------------------------
@pytest.fixture
def index_disk_full(monkeypatch):
    """Room for an article file, none for the index (store.json): the review's 45 KB free."""
    import errno

    import store.storage

    real = store.storage.atomic_write_bytes

    def write(path, data):
        if Path(path).name == "store.json":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(store.storage, "atomic_write_bytes", write)
    return monkeypatch


def test_a_date_the_index_cannot_take_is_taken_back_from_the_article_file(seed_store_path, index_disk_full):
    from store.user_dates import set_user_date

    with Store(seed_store_path) as store:
        article_id = store.summaries()[0].id
        body = store._body_path(article_id)
        before = body.read_bytes()
        with pytest.raises(OSError):
            set_user_date(store, article_id, "2030-03-03")
        assert body.read_bytes() == before
        assert next(a for a in store.summaries() if a.id == article_id).published != "2030-03-03"
        index_disk_full.undo()
        set_user_date(store, store.summaries()[1].id, "2022-02-01")  # a later index write carries no half-made date
    with Store(seed_store_path) as store:
        summary = next(a for a in store.summaries() if a.id == article_id)
        article = store.load_article(article_id)
        assert summary.published == article.published != "2030-03-03"
        assert article.published_basis != "user"


def test_a_full_disk_after_the_commit_says_the_articles_were_imported(tmp_path, capfd, monkeypatch):
    """#6: the search file written after the commit failed, and the import said only "No space left"."""
    import errno

    import store.indexes

    def disk_full(self, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store.indexes.CorpusIndex, "write", disk_full)
    db = tmp_path / "store.json"
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    assert main(["import", *map(str, seeds), "--db", str(db)]) == EXIT_ERROR
    captured = capfd.readouterr()
    assert "Imported 2 article(s)" in captured.out and "Traceback" not in captured.err
    assert "search index could not be saved (No space left on device)" in captured.err
    monkeypatch.undo()
    with Store(db) as opened:
        assert len(opened) == 2


def test_a_full_disk_midway_says_what_was_kept(tmp_path, monkeypatch):
    import errno

    import store.storage

    real, writes = store.storage.atomic_write_bytes, []

    def write(path, data):
        if Path(path).name == "store.json":
            writes.append(path)
            if len(writes) > 1:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(store.storage, "atomic_write_bytes", write)
    with Store(tmp_path / "store.json") as opened:
        report = import_paths(opened, sorted(SEEDS.glob("*.txt"))[:3], batch=1)
    assert report.added == 1
    assert report.stopped.endswith("No space left on device; the import stopped there, "
                                   "and the 1 article(s) imported before it are kept")
    monkeypatch.undo()
    with Store(tmp_path / "store.json") as opened:
        assert len(opened) == 1


# --- saved pages: entities and charsets (#28, #29) -------------------------------------------------
PAGE = Path(__file__).resolve().parent / "data" / "page.html"


@pytest.mark.parametrize("entity", ["&#27;[31m ", "&#7;", "&#x1B;", "&#xfffe;"])
def test_a_control_character_entity_in_a_page_does_not_empty_it(tmp_path, entity):
    from store.pages import read_page

    plain = read_page(PAGE)
    hostile = tmp_path / "x.html"
    hostile.write_text(PAGE.read_text(encoding="utf-8").replace("<p>", f"<p>{entity}", 1), encoding="utf-8")
    page = read_page(hostile)  # was: "not an article (the page has 0 words of main text)"
    assert len(page.text.split()) >= len(plain.text.split()) - 1
    assert "\x1b" not in page.text and "\x07" not in page.text


@pytest.mark.parametrize("charset, title", [("windows-1251", "Путин и Байден"), ("Shift_JIS", "プーチンとバイデン")])
def test_a_page_in_its_declared_charset_is_read_in_it(tmp_path, charset, title):
    from store.pages import read_page

    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    html = html.replace("Le ministre promet une « réponse ferme » aux menaces", title)
    page_file = tmp_path / "page.html"
    page_file.write_bytes(html.encode(charset, errors="replace"))
    assert read_page(page_file).title == title


def test_a_page_whose_bytes_are_utf8_stays_utf8_whatever_its_meta_says(tmp_path):
    from store.pages import read_page

    for charset in ("utf-16", "koi8-r", "no-such-charset"):
        page_file = tmp_path / f"{charset}.html"
        page_file.write_text(PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', f'charset="{charset}"'), encoding="utf-8")
        assert read_page(page_file).title == "Le ministre promet une « réponse ferme » aux menaces"


# --- dead ends: the article files hold everything (restore --rebuild) ------------------------------
def test_a_damaged_index_with_no_backup_is_rebuilt_from_the_article_files(tmp_path, capfd):
    db = tmp_path / "store.json"
    seeds = sorted(SEEDS.glob("*.txt"))
    assert main(["import", *map(str, seeds), "--db", str(db)]) == 0
    with Store(db) as store:
        store.mark_read(store.summaries()[0].id)
    for backup in tmp_path.glob("store.json.bak*"):
        backup.unlink()
    db.write_bytes(b'{"articles": {"1": ')
    capfd.readouterr()
    assert main(["quotes", "--db", str(db)]) == EXIT_ERROR
    assert "restore --rebuild" in capfd.readouterr().err
    assert main(["restore", "--db", str(db)]) == EXIT_ERROR
    err = capfd.readouterr().err
    assert "no sound backup" in err and f"restore --rebuild --db {db}" in err and len(err.splitlines()) == 1
    assert main(["restore", "--rebuild", "--db", str(db)]) == 0
    out = capfd.readouterr().out
    assert f"from {len(seeds)} article file(s)" in out and "damaged index was kept as store.json.damaged" in out
    assert (tmp_path / "store.json.damaged").read_bytes() == b'{"articles": {"1": '
    with Store(db) as store:
        assert len(store.summaries()) == len(seeds) and len(store.read_ids()) == 1
    assert main(["quotes", "--db", str(db), "--speaker", "Peskov"]) == 0


def test_restore_says_what_the_backup_lacks_and_the_rebuild_brings_it_back(tmp_path, capfd):
    db = tmp_path / "store.json"
    seeds = sorted(SEEDS.glob("*.txt"))
    assert main(["import", *map(str, seeds[:2]), "--db", str(db)]) == 0
    assert main(["import", *map(str, seeds[2:]), "--db", str(db)]) == 0  # .bak1 holds the first two
    db.write_bytes(b"garbage")
    capfd.readouterr()
    assert main(["restore", "--db", str(db)]) == 0
    out = capfd.readouterr().out
    assert "2 article(s)" in out and f"it lacks {len(seeds) - 2} article(s) imported since" in out
    assert "restore --rebuild" in out
    assert main(["restore", "--rebuild", "--db", str(db)]) == 0
    assert "index before was kept as store.json.bak1" in capfd.readouterr().out
    with Store(db) as store:
        assert len(store.summaries()) == len(seeds)


def test_restore_removes_the_temporary_file_a_killed_restore_left(tmp_path):
    from store import restore_backup

    db = tmp_path / "store.json"
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        assert main(["import", str(seed), "--db", str(db)]) == 0
    db.write_bytes(b"garbage")
    (tmp_path / ".store.json.99999.tmp").write_bytes(b'{"articles": {"1"')  # a kill -9 mid-write
    assert "Restored" in restore_backup(db)
    assert not list(tmp_path.glob("*.tmp"))


def test_a_metadata_csv_from_a_windows_export_is_read(tmp_path):
    from store.metadata import read_metadata_csv

    (tmp_path / "m.csv").write_bytes("file;published;source\na.txt;14/02/2022;Élysée Matin\n".encode("cp1252"))
    assert read_metadata_csv(tmp_path / "m.csv")["a.txt"].source == "Élysée Matin"
    (tmp_path / "bin.csv").write_bytes(b"file,published\n\x00\x01\x02,\x00\n")
    with pytest.raises(InputError):
        read_metadata_csv(tmp_path / "bin.csv")


def test_the_model_reads_long_texts_in_batches_of_bounded_characters():
    from store.nlp import BATCH_CHARACTERS, MODEL_PIECE, model_inputs, pipe

    class Recorder:
        batches: list[list[str]] = []

        def pipe(self, texts, batch_size):
            self.batches.append(list(texts))
            return iter(self.batches[-1])

    model = Recorder()
    inputs = model_inputs(["Titre", "Le ministre a parlé. " * 20_000, "Fin."], "\n\n")
    assert "".join(pipe(model, inputs)) == "".join(inputs)
    assert all(sum(map(len, batch)) <= BATCH_CHARACTERS for batch in model.batches)
    assert len(model.batches) > 1 and max(map(len, inputs)) <= MODEL_PIECE


def test_a_name_said_a_thousand_times_is_compared_once_per_form(nlp, monkeypatch):
    """Entities grew with the square of a person's mentions (#11's profile)."""
    import store.entities

    calls = []
    real = getattr(store.entities.compatible_people, "__wrapped__", store.entities.compatible_people)
    monkeypatch.setattr(store.entities, "compatible_people", lambda a, b: calls.append(1) or real(a, b))
    doc = nlp("Selon Joe Biden, tout va bien. " * 300 + "Selon Dmitri Peskov, rien ne va. " * 300)
    people = {e.name: len(e.mentions) for e in store.entities.extract_entities(doc) if e.kind == "person"}
    assert people == {"Joe Biden": 300, "Dmitri Peskov": 300}
    assert len(calls) < 10 * 600  # was 300 × 300: each Peskov compared with every Joe Biden


def test_the_rebuild_leaves_out_article_files_it_cannot_trust(seed_store_path, capfd):
    spoilt = _spoil_bodies(seed_store_path)
    seed_store_path.write_bytes(b"garbage")
    assert main(["restore", "--rebuild", "--db", str(seed_store_path)]) == 0
    out = capfd.readouterr().out
    assert f"{len(spoilt)} unreadable file(s) left out" in out
    with Store(seed_store_path) as store:
        ids = {a.id for a in store.summaries()}
    assert ids and not ids & set(spoilt)
