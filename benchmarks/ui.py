"""One app's timings, in a process of its own (so its memory is its own): prints one JSON object.

    python -m benchmarks.ui --app ukr|bare --db PATH [--presses 30]

`ukr` is ukr-tui; `bare` is the baseline: a Textual DataTable of the same rows and a Static
reader showing the highlighted article's text. Times are from the key press until the screen has
settled (Pilot's pause), at 160x48.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (160, 48)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


async def wait_for(pilot, condition, timeout: float = 120.0) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the screen did not get there")
        await pilot.pause(0.005)
    await pilot.pause()
    return time.perf_counter() - started


async def key_timings(pilot, key: str, presses: int) -> dict[str, float]:
    timings = []
    for _ in range(presses):
        before = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        timings.append((time.perf_counter() - before) * 1000)
    timings.sort()
    return {"j p50 (ms)": statistics.median(timings), "j p95 (ms)": timings[max(0, round(len(timings) * 0.95) - 1)]}


def bare_app(db: Path):
    import orjson
    from rich.text import Text
    from textual.app import App
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import DataTable, Static

    class Bare(App):
        CSS = "DataTable { width: 60%; } VerticalScroll { width: 40%; }"

        def compose(self):
            with Horizontal():
                yield DataTable(cursor_type="row")
                with VerticalScroll():
                    yield Static(id="text")

        def on_mount(self) -> None:
            self.loaded = False
            self.call_after_refresh(self.load)

        def load(self) -> None:
            rows = sorted(((d["published"] or "—", d["file"][:12], (d["title"] or d["lead"])[:120], d["id"])
                           for d in orjson.loads(db.read_bytes())["articles"].values()), key=lambda row: (row[0], row[1]))
            table = self.query_one(DataTable)
            table.add_columns(" ", "Date", "Source", "Title")
            for published, source, title, article_id in rows:
                table.add_row("●", published, source, title, key=article_id)
            table.focus()
            self.loaded = True

        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            path = db.with_name(db.name + ".articles") / f"{event.row_key.value}.json"
            doc = orjson.loads(path.read_bytes())
            self.query_one("#text", Static).update(Text("\n\n".join(doc["paragraphs"])))

    return Bare()


async def measure_bare(db: Path, presses: int) -> dict[str, float]:
    started = time.perf_counter()
    app = bare_app(db)
    async with app.run_test(size=SIZE) as pilot:
        from textual.widgets import DataTable

        await wait_for(pilot, lambda: getattr(app, "loaded", False) and app.query_one(DataTable).row_count > 0)
        figures = {"launch to list shown (s)": time.perf_counter() - started}
        figures |= await key_timings(pilot, "j", presses)
        figures["RSS (MB)"] = rss_mb()
        figures["peak RSS (MB)"] = peak_rss_mb()
    return figures


async def measure_ukr(db: Path, presses: int) -> dict[str, float]:
    from textual.widgets import OptionList

    from tui.app import UkrTuiApp
    from tui.screens.jump_list import JumpListScreen
    from tui.screens.who_said import WhoSaidScreen
    from tui.widgets.article_list import ArticleList

    started = time.perf_counter()
    app = UkrTuiApp(db)
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await wait_for(pilot, lambda: main.library is not None and main.query_one(ArticleList).row_count > 0)
        figures = {"launch to list shown (s)": time.perf_counter() - started}
        figures["spaCy imported"] = float("spacy" in sys.modules)
        figures |= await key_timings(pilot, "j", presses)

        library = main.library
        article = library.article(main.current_id)
        word = max((w for w in (article.title or "").split() if w.isalpha()), key=len)
        await pilot.press("slash", *word)
        before = time.perf_counter()
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.matches)
        figures["search (ms)"] = (time.perf_counter() - before) * 1000
        figures["search matches"] = len(main.matches)

        before = time.perf_counter()
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, WhoSaidScreen) and app.screen.query_one("#speakers", OptionList).option_count)
        figures["who-said-what open (ms)"] = (time.perf_counter() - before) * 1000
        quote = next(r.quote.text for r in library.quotes())
        typed = max(quote.split(), key=len)
        screen = app.screen
        before = time.perf_counter()
        await pilot.press(*typed)
        await pilot.pause()
        figures["who-said-what filter, typing a word (ms)"] = (time.perf_counter() - before) * 1000
        figures["who-said-what filter, per key (ms)"] = figures["who-said-what filter, typing a word (ms)"] / len(typed)
        figures["who-said-what rows"] = len(screen.rows)
        for _ in range(3):  # the first Escape may only clear the filter
            if app.screen is not main:
                await pilot.press("escape")
                await pilot.pause()
        await wait_for(pilot, lambda: app.screen is main)

        await pilot.press("3")
        before = time.perf_counter()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpListScreen))
        figures["entity view open (ms)"] = (time.perf_counter() - before) * 1000
        figures["RSS (MB)"] = rss_mb()
        figures["peak RSS (MB)"] = peak_rss_mb()
        await app.workers.wait_for_complete()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui")
    parser.add_argument("--app", choices=("ukr", "bare"), required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    measure = measure_ukr if args.app == "ukr" else measure_bare
    print(json.dumps(asyncio.run(measure(args.db, args.presses))))


if __name__ == "__main__":
    main()
