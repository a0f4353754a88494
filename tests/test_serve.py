"""`ukr-tui serve`: the app in a browser (textual-serve), read-only unless --writable.

The browser test drives the real server in headless Chromium; where no Chromium, chromedriver,
Selenium or textual-serve can be found it is skipped, and the skip says which was missing."""
from __future__ import annotations

import re
import shlex
import sys

import pytest

import tui.web
from browser_helpers import browser, browser_missing, press, served, wait_for
from tui.app import UkrTuiApp
from tui.cli import EXIT_ERROR, main
from tui.web import app_command, is_loopback, public_url_for
from tui_helpers import wait_loaded


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7", "newsroom.example"])
def test_other_hosts_are_not_loopback(host):
    assert not is_loopback(host)


def test_each_tab_runs_this_python_on_this_store(tmp_path):
    db = tmp_path / "a store" / "store.json"
    words = shlex.split(app_command(db, writable=False))
    assert words[:3] == [sys.executable, "-m", "tui.cli"]
    assert words[3:] == ["--db", str(db.resolve()), "--read-only"]
    assert "--read-only" not in shlex.split(app_command(db, writable=True))


def test_public_url():
    assert public_url_for("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url_for("::1", 8001) == "http://[::1]:8001"
    assert public_url_for("0.0.0.0", 80) == "http://localhost:80"


def test_serve_warns_when_bound_beyond_this_machine(seed_store_path, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(tui.web, "serve", lambda *args: calls.append(args))
    assert main(["serve", "--db", str(seed_store_path), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls == [(seed_store_path, "0.0.0.0", 8123, False, None)]
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "0.0.0.0" in warning[0] and "no login" in warning[0]


def test_serve_is_quiet_on_localhost(seed_store_path, monkeypatch, capsys):
    monkeypatch.setattr(tui.web, "serve", lambda *args: None)
    assert main(["serve", "--db", str(seed_store_path)]) == 0
    assert capsys.readouterr().err == ""


def test_serving_read_only_needs_a_store(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tui.web, "serve", lambda *args: pytest.fail("served a store that does not exist"))
    assert main(["serve", "--db", str(tmp_path / "none.json")]) == EXIT_ERROR
    assert "no store here" in capsys.readouterr().err


def test_serve_refuses_a_bad_port(seed_store_path, capsys):
    assert main(["serve", "--db", str(seed_store_path), "--port", "70000"]) == EXIT_ERROR
    assert "not a port" in capsys.readouterr().err


async def test_read_only_app_never_writes(seed_store_path, tmp_path):
    """`--read-only` (what each browser tab runs without --writable): the lock is not taken, `m`
    refuses, nothing in the store's folder is touched (not even the lock file)."""
    before = {p.name: p.stat().st_mtime_ns for p in seed_store_path.parent.iterdir() if p.is_file()}
    app = UkrTuiApp(seed_store_path, tmp_path / "no-seeds", writable=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        assert app.library.read_only
        assert "--read-only" in app.library.store.read_only_reason
        await pilot.press("m")
        await pilot.pause(0.1)
        assert app.library.read_ids == set()
    after = {p.name: p.stat().st_mtime_ns for p in seed_store_path.parent.iterdir() if p.is_file()}
    assert after == before


def test_a_browser_drives_the_app(seed_store_path):
    """The real server, the real page in headless Chromium: the list and reader show, `j` moves to
    the next article, `w` opens who said what, and typing a name shows that speaker's quotes."""
    if reason := browser_missing():
        pytest.skip(f"browser test not run: {reason}")
    with served(seed_store_path) as url, browser() as page:
        page.get(url)
        shown = wait_for(page, "Articles", "Reader", "5 articles", "read-only", ".txt")  # the reader's header names the file
        first_file = re.search(r"\w+\.txt", shown)[0]
        press(page, "j")
        wait_for(page, "Reader", ".txt", gone=(first_file,))  # the reader follows the list to the next article
        press(page, "w")
        wait_for(page, "Who said what", "Speakers")
        press(page, "Peskov")
        shown = wait_for(page, "“Peskov”", "Dmitri Peskov")
        quotes = [line for line in shown.splitlines() if "«" in line and "— Dmitri Peskov" in line]
        assert quotes, shown
