import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

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
    result = run_cli("frobnicate")
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


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
            assert source[quote["cue_start"] : quote["cue_end"]] in quote["cue"]
        if quote["via"] is not None:
            assert source[quote["via"]["start"] : quote["via"]["end"]] == quote["via"]["text"]
            assert quote["via"]["paragraph"] >= 1
        if quote["speaker"] is None:
            assert "candidate" in quote
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
