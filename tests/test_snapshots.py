"""Appearance: the main screen (wide and at 80x24), the help screen and the who-said-what view on the seeds."""
from __future__ import annotations

import pytest

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


@pytest.mark.parametrize(
    "keys, size",
    [
        pytest.param([], SIZE, id="main"),
        pytest.param(["j", "right_square_bracket"], (80, 24), id="main_80x24"),
        pytest.param(["question_mark"], SIZE, id="help"),
        pytest.param(["w", "down"], SIZE, id="who_said_what"),
    ],
)
def test_screen(snap_compare, seed_store_path, keys, size):
    async def open_screen(pilot):
        await wait_loaded(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    assert snap_compare(make_app(seed_store_path), terminal_size=size, run_before=open_screen)
