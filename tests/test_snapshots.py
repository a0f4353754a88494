"""Appearance: the main screen, the help screen and the who-said-what view on the seeds."""
from __future__ import annotations

import pytest

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


def test_main_screen(snap_compare, seed_store_path):
    assert snap_compare(make_app(seed_store_path), terminal_size=SIZE, run_before=wait_loaded)


def test_help_screen(snap_compare, seed_store_path):
    async def open_help(pilot):
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(seed_store_path), terminal_size=SIZE, run_before=open_help)


def test_who_said_what(snap_compare, seed_store_path):
    async def open_who_said(pilot):
        await wait_loaded(pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(make_app(seed_store_path), terminal_size=SIZE, run_before=open_who_said)
