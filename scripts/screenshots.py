"""Regenerate screenshots/ from the real app on the bundled seeds: `python scripts/screenshots.py`.

Each view at 160x48 (`main.svg`) and at 80x24 (`main-80x24.svg`)."""
from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, bundled_seeds_dir, import_paths  # noqa: E402
from tui.app import UkrTuiApp  # noqa: E402

SIZES = {"": (160, 48), "-80x24": (80, 24)}  # file-name suffix → terminal size
SHOTS = {
    "main.svg": [],
    "who-said-what.svg": ["w", "down", "down"],
    "entity.svg": ["3", "down", "enter"],
    "help.svg": ["question_mark"],
    "timeline.svg": ["t"],
    "palette.svg": ["ctrl+p", *"peskov"],
    "citation.svg": ["right_square_bracket", "y"],
    "who-said-context.svg": ["w", *"biden sanctions"],
    "set-speaker.svg": ["2", "right_square_bracket", "s"],
    "corrected-speaker.svg": ["2", "right_square_bracket", "s", *"un diplomate européen", "enter", "v"],
    "export.svg": ["w", *"Peskov", "f2"],
}


async def shoot(template: Path, name: str, keys: list[str], size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as folder:  # a copy per shot: a shot that sets a speaker changes only its own
        for item in template.parent.iterdir():
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, Path(folder) / item.name)
        os.chdir(folder)  # where F2 offers to write
        await _shoot(Path(folder) / template.name, name, keys, size)
        os.chdir(ROOT)


async def _shoot(db: Path, name: str, keys: list[str], size: tuple[int, int]) -> None:
    app = UkrTuiApp(db)
    async with app.run_test(size=size) as pilot:
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
        for suffix, size in SIZES.items():
            for name, keys in SHOTS.items():
                asyncio.run(shoot(db, name.replace(".svg", f"{suffix}.svg"), keys, size))


if __name__ == "__main__":
    main()
