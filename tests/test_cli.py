import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.attribution.decide import load_scorer
from tui.cli import EXIT_ERROR, main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REQUIRED_KEYS = {"file", "title", "published", "people", "organizations", "places", "quotes", "events"}


def run_cli(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(env_db.parent if env_db else Path.home())}
    if env_db:
        env["UKR_TUI_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, env=env, timeout=300)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("ukr-tui ")


def test_bad_arguments_give_one_line_and_non_zero_exit():
    result = run_cli("frobnicate\x1b]2;OWNED\x07")
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert "frobnicate\\x1b]2;OWNED\\x07" in result.stderr and "\x1b" not in result.stderr


def test_extract_json_contract(tmp_path):
    result = run_cli("extract", str(SEEDS / "002_e2564a49729ad7c8.txt"), "--json", env_db=tmp_path / "unused.json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record.keys() >= REQUIRED_KEYS
    source = (SEEDS / "002_e2564a49729ad7c8.txt").read_text(encoding="utf-8")
    for quote in record["quotes"]:
        assert source[quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in ("direct", "indirect")
        assert 0.0 <= quote["confidence"] <= 1.0
        if quote["cue_start"] is not None:
            assert source[quote["cue_start"] : quote["cue_end"]] == quote["cue"]
        if quote["via"] is not None:
            assert source[quote["via"]["start"] : quote["via"]["end"]] == quote["via"]["text"]
            assert quote["via"]["paragraph"] >= 1
        if quote["speaker"] is None:
            assert "candidate" in quote
        else:
            assert quote["rule"]  # which rule won the decision
    assert any(p["name"] == "Joe Biden" for p in record["people"])
    assert not (tmp_path / "unused.json").exists()  # extract writes nothing


def test_binary_input_is_refused_on_one_line(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    result = run_cli("extract", str(binary), "--json", env_db=tmp_path / "db.json")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "binary" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_skips_a_bad_file_and_keeps_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Le Kremlin a déclaré jeudi que « tout va bien », selon un communiqué.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x00")
    db = tmp_path / "db" / "store.json"
    result = run_cli("import", str(folder), env_db=db)
    assert result.returncode != 0
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert "Imported 1 article" in result.stdout
    quotes = run_cli("quotes", "--json", env_db=db)
    assert quotes.returncode == 0
    assert json.loads(quotes.stdout.splitlines()[0])["text"] == "tout va bien"


def test_damaged_store_gives_one_line_and_is_kept(tmp_path):
    db = tmp_path / "store.json"
    db.write_text('{"articles": {"1": {"id"')
    result = run_cli("quotes", env_db=db)
    assert result.returncode != 0
    assert str(db) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db.read_text() == '{"articles": {"1": {"id"'


def test_quotes_by_speaker_json(seed_store_path):
    result = run_cli("quotes", "--speaker", "Peskov", "--json", "--db", str(seed_store_path))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["speaker"] == "Dmitri Peskov" for r in records)
    assert all(r["sources"][0]["file"].endswith(".txt") for r in records)


def test_store_does_not_import_textual():
    code = "import sys, store, store.corpus, store.evaluation; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent).returncode == 0


HOSTILE_NAMES = ["clip\x1b]52;c;aGFja2Vk\x07.txt", "title\x1b]2;OWNED\x1b\\.txt", "red\x1b[41mpaint.txt"]


def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path, capfd):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[4]
    for name in HOSTILE_NAMES:
        (folder / name).write_bytes(seed.read_bytes().replace(b"\n", f" {name!r}\n".encode(), 1))
    (folder / ("empty\x1b]0;PWNED\x07\x1b[2J.txt")).write_bytes(b"")
    db = tmp_path / "db" / "store.json"
    assert main(["import", str(folder), "--db", str(db)]) == EXIT_ERROR  # the empty one was skipped
    assert main(["quotes", "--db", str(db)]) == 0
    assert main(["quotes", "--json", "--db", str(db)]) == 0
    assert main(["extract", str(folder)]) == EXIT_ERROR
    assert main(["extract", "--summary", *map(str, folder.iterdir())]) == EXIT_ERROR
    out, err = capfd.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "empty\\x1b]0;PWNED\\x07\\x1b[2J.txt: empty file" in err
    assert out.count("red\\x1b[41mpaint.txt") >= 3  # quotes in words, quotes --json and extract show it escaped


def test_a_full_disk_during_import_is_one_line_and_the_store_is_kept(tmp_path, capfd, monkeypatch):
    db = tmp_path / "store.json"
    seeds = sorted(SEEDS.glob("*.txt"))
    assert main(["import", str(seeds[0]), "--db", str(db)]) == 0
    before = db.read_bytes()
    capfd.readouterr()

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["import", str(seeds[1]), "--db", str(db)]) == EXIT_ERROR
    monkeypatch.undo()
    err = capfd.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "No space left on device" in err and "Traceback" not in err
    assert db.read_bytes() == before and not list(tmp_path.rglob("*.tmp"))


def test_devices_fifos_and_huge_sparse_files_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(1_500_000_000)
    result = run_cli("import", str(fifo), "/dev/zero", str(sparse), env_db=tmp_path / "store.json")
    assert result.returncode == EXIT_ERROR and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert any("pipe.txt: not a regular file" in line for line in lines)
    assert any("/dev/zero: not a regular file" in line for line in lines)
    assert any("sparse.txt: 1500 MB is too large" in line for line in lines)


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="root without setpriv cannot lose write access")
def test_a_store_folder_without_write_access_is_one_line(seed_store_path):
    folder = seed_store_path.parent
    folder.chmod(0o555)
    try:
        no_root = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                   "--inh-caps=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
        result = subprocess.run([*no_root, sys.executable, "-m", "tui.cli", "import", str(SEEDS), "--db", str(seed_store_path)],
                                capture_output=True, text=True, cwd=SEEDS.parent, timeout=300)
        reading = run_cli("quotes", "--db", str(seed_store_path))
    finally:
        folder.chmod(0o755)
    assert result.returncode == EXIT_ERROR and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"ukr-tui: {seed_store_path}: cannot write in {folder} (Permission denied)"
    assert reading.returncode == 0 and reading.stdout


def test_import_beside_another_writer_names_it_rather_than_saying_it_is_writing(seed_store_path, capfd):
    from store import Store

    with Store(seed_store_path) as holder:  # e.g. an idle TUI
        assert not holder.read_only
        assert main(["import", str(SEEDS), "--db", str(seed_store_path)]) == EXIT_ERROR
    err = capfd.readouterr().err
    assert f"another ukr-tui (pid {os.getpid()}" in err and "has this store open for writing" in err
    assert "is writing" not in err


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path, capfd):
    missing = tmp_path / "typo" / "store.json"
    assert main(["quotes", "--db", str(missing)]) == EXIT_ERROR
    err = capfd.readouterr().err
    assert err == f"ukr-tui: {missing}: no store here (create one with: ukr-tui import PATH --db {missing})\n"
    assert not missing.parent.exists()


def test_quotes_name_the_article_each_quote_comes_from(seed_store_path, capfd):
    assert main(["quotes", "--speaker", "Peskov", "--db", str(seed_store_path)]) == 0
    lines = capfd.readouterr().out.splitlines()
    assert lines[0].startswith("«") and "Dmitri Peskov" in lines[0]
    source = lines[1]
    assert source.startswith("    in ") and source.endswith(".txt)")
    title, date = source[len("    in "):].rsplit(" (", 1)[0].rsplit(", ", 1)
    assert title and (date == "no date" or len(date) in (4, 7, 10))  # a date has its precision: year, month or day
    assert "(untitled)" not in "\n".join(lines)  # an untitled article is named by its opening words, as in the app


def test_extract_prints_json_lines_by_default_or_a_summary(tmp_path, capfd):
    seed = SEEDS / "002_e2564a49729ad7c8.txt"
    assert main(["extract", str(seed)]) == 0
    default = capfd.readouterr().out
    assert main(["extract", str(seed), "--json"]) == 0
    assert capfd.readouterr().out == default
    assert json.loads(default)["file"] == str(seed)  # the path as given
    assert main(["extract", str(seed), "--summary"]) == 0
    summary = capfd.readouterr().out
    assert summary.startswith(f"{seed}: ") and "Joe Biden" in summary and "quote(s)" in summary


def test_import_refuses_a_damaged_index_and_restore_brings_back_the_last_good_generation(seed_store_path, tmp_path, capfd):
    news = []
    for n in (1, 2):
        news.append(tmp_path / f"new{n}.txt")
        news[-1].write_text(f"Nouvelle dépêche numéro {n} sur la crise\n\n" + sorted(SEEDS.glob("*.txt"))[n].read_text())
    assert main(["import", str(news[0]), "--db", str(seed_store_path)]) == 0  # the 5 seeds go to .bak1
    data = json.loads(seed_store_path.read_bytes())
    next(iter(data["articles"].values()))["quotes"] = "abc"
    seed_store_path.write_text(json.dumps(data))
    damaged = seed_store_path.read_bytes()
    backup = (tmp_path / "store.json.bak1").read_bytes()
    capfd.readouterr()
    for paths in ([news[1]], [news[0]]):  # something new, or only what is already there
        assert main(["import", *map(str, paths), "--db", str(seed_store_path)]) == EXIT_ERROR
        err = capfd.readouterr().err
        assert len(err.splitlines()) == 1 and "ukr-tui restore" in err
    assert seed_store_path.read_bytes() == damaged and (tmp_path / "store.json.bak1").read_bytes() == backup
    assert main(["restore", "--db", str(seed_store_path)]) == 0
    out = capfd.readouterr().out
    assert out.startswith(f"Restored {seed_store_path} from store.json.bak1: 5 article(s)") and out.count("\n") == 1
    assert main(["quotes", "--db", str(seed_store_path)]) == 0


def extracted(capfd, *paths: Path) -> list[dict]:
    capfd.readouterr()
    main(["extract", *map(str, paths)])
    return [json.loads(line) for line in capfd.readouterr().out.splitlines()]


def test_windows_line_ends_extract_as_unix_ones_with_offsets_into_the_file(tmp_path, capfd):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    crlf = tmp_path / "windows.txt"
    crlf.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    windows, unix = extracted(capfd, crlf, seed)

    def found(record):
        return [(" ".join(q["text"].split()), q["speaker"]) for q in record["quotes"]], record["people"], record["title"]

    assert found(windows) == found(unix) and windows["quotes"]
    assert "\u240d" not in json.dumps(windows, ensure_ascii=False)  # no visible ␍
    source = crlf.read_bytes().decode("utf-8")
    assert all(source[q["start"] : q["end"]] == q["text"] for q in windows["quotes"])


def test_quote_text_is_the_file_s_own_characters_across_dropped_lines_and_controls(tmp_path, capfd):
    article = tmp_path / "a.txt"
    article.write_text("Titre de la dépêche sur la crise ukrainienne\n\n"
                       "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré jeudi : « Nous ne céderons pas sur ce point\n"
                       ".\net nous continuerons à négocier avec Washington », a-t-il ajouté.\n\n"
                       "Il a dit ensuite : « Nous \x1b[31mrefusons\x07 tout ultimatum », selon un communiqué.\n",
                       encoding="utf-8", newline="")
    [record] = extracted(capfd, article)
    source = article.read_bytes().decode("utf-8")
    texts = [q["text"] for q in record["quotes"]]
    assert texts == ["Nous ne céderons pas sur ce point\n.\net nous continuerons à négocier avec Washington",
                     "Nous \x1b[31mrefusons\x07 tout ultimatum"]
    assert all(source[q["start"] : q["end"]] == q["text"] for q in record["quotes"])


def test_a_reader_that_stops_early_is_not_an_error(seed_store_path):
    reader = subprocess.Popen([sys.executable, "-m", "tui.cli", "quotes", "--indirect", "--db", str(seed_store_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
    reader.stdout.readline()
    reader.stdout.close()  # as `| head -1` does
    assert reader.wait(timeout=120) == 0
    assert reader.stderr.read() == b""


def test_quotes_show_abstentions_with_their_best_candidate(seed_store_path):
    text = run_cli("quotes", "--db", str(seed_store_path))
    assert text.returncode == 0, text.stderr
    assert any(" — ? (perhaps " in line for line in text.stdout.splitlines())
    records = [json.loads(line) for line in run_cli("quotes", "--json", "--db", str(seed_store_path)).stdout.splitlines()]
    abstained = [r for r in records if r["speaker"] is None]
    threshold = load_scorer().abstain_below
    assert abstained and all(r["confidence"] < threshold for r in abstained) and any(r["candidate"] for r in abstained)
