"""Regenerate screenshots/ from the real app on the bundled seeds: `python scripts/screenshots.py`."""
from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, bundled_seeds_dir, import_paths  # noqa: E402
from tui.app import UkrTuiApp  # noqa: E402

SIZE = (160, 48)
SHOTS = {
    "main.svg": [],
    "who-said-what.svg": ["w", "down", "down"],
    "entity.svg": ["3", "down", "enter"],
    "help.svg": ["question_mark"],
    "timeline.svg": ["t"],
}


async def shoot(db: Path, name: str, keys: list[str]) -> None:
    app = UkrTuiApp(db)
    async with app.run_test(size=SIZE) as pilot:
        while app.main.corpus is None:
            await pilot.pause(0.05)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.1)
        app.save_screenshot(filename=name, path=str(ROOT / "screenshots"))
    print(f"screenshots/{name}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.json"
        with Store(db) as store:
            import_paths(store, [bundled_seeds_dir()])
        for name, keys in SHOTS.items():
            asyncio.run(shoot(db, name, keys))


if __name__ == "__main__":
    main()
