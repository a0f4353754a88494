"""Appearance: the main screen, the help screen and the who-said-what view on the seeds."""
from __future__ import annotations

import pytest

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


@pytest.mark.parametrize(
    "keys",
    [pytest.param([], id="main"), pytest.param(["question_mark"], id="help"), pytest.param(["w", "down"], id="who_said_what")],
)
def test_screen(snap_compare, seed_store_path, keys):
    async def open_screen(pilot):
        await wait_loaded(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    assert snap_compare(make_app(seed_store_path), terminal_size=SIZE, run_before=open_screen)
