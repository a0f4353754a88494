"""Helpers for driving the real app in tests."""
from __future__ import annotations

from pathlib import Path

from tui.app import UkrTuiApp


def make_app(store_path: Path, seeds: Path | None = None) -> UkrTuiApp:
    return UkrTuiApp(store_path, seeds)


async def wait_loaded(pilot, timeout: float = 60.0) -> None:
    """Wait for the loading worker to hand the corpus to the main screen."""
    waited = 0.0
    while pilot.app.main.corpus is None:
        await pilot.pause(0.05)
        waited += 0.05
        if waited > timeout:
            raise TimeoutError("the store did not load")
    await pilot.pause()

