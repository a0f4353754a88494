"""Prints: first paint and full load with the seeds store and with a generated large store,
keypress-to-repaint for "next article" on the large store, a durable mark-read, and ingest throughput.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, bundled_seeds_dir, import_paths, parse_file  # noqa: E402
from store.nlp import load_model  # noqa: E402
from tui.app import UkrTuiApp  # noqa: E402


def generated_store(path: Path, count: int) -> float:
    """A store of `count` articles cloned from the parsed seeds, each with its own id and date."""
    nlp = load_model()
    seeds = [parse_file(p, nlp) for p in sorted(bundled_seeds_dir().glob("*.txt"))]
    started = time.perf_counter()
    with Store(path) as store:
        batch = []
        for n in range(count):
            seed = seeds[n % len(seeds)]
            day = 1 + n % 28
            batch.append(dataclasses.replace(seed, id=f"gen{n:06d}", file=f"gen-{n:06d}.txt",
                                             title=f"{seed.title or seed.lead[:60]} #{n}", published=f"2022-01-{day:02d}"))
            if len(batch) == 1000:
                store.add_articles(batch)
                batch = []
        store.add_articles(batch)
    return time.perf_counter() - started


class TimedApp(UkrTuiApp):
    """Notes when the first frame is on screen: the app starts loading right after it."""

    first_frame_at: float | None = None

    def load_store(self):
        self.first_frame_at = time.perf_counter()
        return super().load_store()


async def measure_app(db: Path, presses: int) -> dict[str, float]:
    started = time.perf_counter()
    app = TimedApp(db)
    figures: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        while app.first_frame_at is None:
            await pilot.pause(0.01)
        figures["first paint (s)"] = app.first_frame_at - started
        while app.main.corpus is None:
            await pilot.pause(0.01)
        await pilot.pause()
        figures["store loaded and shown (s)"] = time.perf_counter() - started
        if presses:
            timings = []
            for _ in range(presses):
                before = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                timings.append(time.perf_counter() - before)
            figures["next article, key to repaint, median (ms)"] = statistics.median(timings) * 1000
            figures["next article, key to repaint, p95 (ms)"] = sorted(timings)[int(len(timings) * 0.95) - 1] * 1000
        await app.workers.wait_for_complete()
    return figures


def ingest_throughput(folder: Path, copies: int, workers: int) -> tuple[int, float]:
    source = folder / "ingest"
    source.mkdir(exist_ok=True)
    for n in range(copies):
        for seed in sorted(bundled_seeds_dir().glob("*.txt")):
            (source / f"{n:03d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.", encoding="utf-8")
    load_model()  # the parent's copy is not counted; worker processes load their own
    started = time.perf_counter()
    with Store(folder / f"ingest-{workers}.json") as store:
        report = import_paths(store, [source], workers=workers)
    return report.added, time.perf_counter() - started


def durable_mark_read(db: Path) -> float:
    with Store(db) as store:
        ids = [a.id for a in store.summaries()[:20]]
        started = time.perf_counter()
        for article_id in ids:
            store.mark_read(article_id)
        return (time.perf_counter() - started) / len(ids) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--articles", type=int, default=10_000, help="size of the generated store")
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--ingest-copies", type=int, default=24, help="copies of the 5 seeds to ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        seeds_db = folder / "seeds.json"
        with Store(seeds_db) as store:
            import_paths(store, [bundled_seeds_dir()])
        for name, value in asyncio.run(measure_app(seeds_db, presses=4)).items():
            print(f"seeds store (5 articles)   {name:<44} {value:9.3f}")
        big_db = folder / "big.json"
        build = generated_store(big_db, args.articles)
        size = big_db.stat().st_size / 1e6
        print(f"generated store            {args.articles} articles written in {build:.1f} s; index file {size:.1f} MB")
        for name, value in asyncio.run(measure_app(big_db, presses=args.presses)).items():
            print(f"{args.articles}-article store     {name:<44} {value:9.3f}")
        print(f"{args.articles}-article store     durable mark-read (ms)                       {durable_mark_read(big_db):9.3f}")
        for workers in (1, 2):
            added, seconds = ingest_throughput(folder, args.ingest_copies, workers)
            print(f"ingest, {workers} process(es)     {added} articles in {seconds:.1f} s: "
                  f"{added / seconds:.2f} articles/s (spaCy parse + store, model loads included)")


if __name__ == "__main__":
    main()
