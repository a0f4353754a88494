"""Import throughput, serial against a local process pool against a dask LocalCluster:

    python -m benchmarks import [--workers 1 2] [--files 200]

The same `--files` distinct article files (the seeds, each copy made distinct) are imported into a
fresh store by each way in a process of its own: serial (this process parses), a local pool of N
processes (`workers=N`) and a LocalCluster of N workers (`--workers N`), for each N given; beside
them a bare `nlp.pipe` of the same texts with the same model (no cleaning, no extraction, no
store). Each line gives the wall time with start-up (model loads, the cluster) and the steady rate,
articles per second from the first article committed to the last; then the one writer's own rate
(parsed records committed to a fresh store) and, on paper, what 1,000,000 articles cost.

The machine may be shared: figures are as measured, single runs.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARCHIVE = 1_000_000
WRITER_BASE = 10_000  # the writer is measured into an empty store and into one of this many articles


def write_files(folder: Path, count: int) -> None:
    from store import bundled_seeds_dir

    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for n in range(count):
        seed = seeds[n % len(seeds)]
        (folder / f"{n:04d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.", encoding="utf-8")


# --- each way, in a child process ----------------------------------------------------------------
def child(mode: str, workers: int, folder: Path, db: Path) -> dict:
    started = time.perf_counter()
    if mode == "pipe":
        import spacy

        from store.nlp import MODEL_NAME

        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        nlp = spacy.load(MODEL_NAME)
        loaded = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        ended = time.perf_counter()
        return {"total": ended - started, "count": len(texts), "rate": len(texts) / (ended - loaded)}
    from store import Store, import_paths
    from store.cluster import ClusterSpec

    times: list[float] = []  # when each article came back
    cluster = ClusterSpec(workers=workers) if mode == "cluster" else None
    with Store(db) as store:
        report = import_paths(store, [folder], lambda step: times.append(time.perf_counter()) if step.done else None,
                              workers=workers if mode == "pool" else 1, cluster=cluster)
    ended = time.perf_counter()
    figures = {"total": ended - started, "count": report.added, "errors": len(report.errors), "rate": steady(times)}
    if mode == "serial":
        figures["writer"] = {base: writer_rate(db, base) for base in (0, WRITER_BASE)}
    return figures


def steady(times: list[float]) -> float:
    """Articles per second after the first batch came back (results come a batch at a time), so
    model loads and cluster start-up are left out; 0 when too few batches came to tell."""
    first_batch = sum(1 for t in times if t - times[0] < 0.25) if times else 0
    later = len(times) - first_batch
    return later / (times[-1] - times[0]) if later >= 8 else 0.0


def writer_rate(db: Path, base: int) -> float:
    """Articles per second the one writer commits: the parsed records added, in the import's
    batches of 200, to a store already holding `base` generated articles (benchmarks/corpus.py):
    each batch writes the TinyDB index, one file per article and the search index."""
    from benchmarks.corpus import write_store
    from store import Store

    with Store(db, writable=False) as source:
        articles = [source.load_article(summary.id) for summary in source.summaries()]
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "store.json"
        if base:
            write_store(path, base)
        with Store(path) as store:
            started = time.perf_counter()
            for first in range(0, len(articles), 200):
                store.add_articles(articles[first:first + 200])
            return len(articles) / (time.perf_counter() - started)


def run(mode: str, workers: int, folder: Path, db: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.import_scale", "--child", mode, str(workers), str(folder), str(db)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{mode} {workers} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def on_paper(per_worker: float, writer: dict[int, float], batch: int = 200) -> str:
    """What ARCHIVE articles cost on N workers: parsing spreads over the workers; the one writer
    commits batches whose cost grows with the store (each rewrites its whole index), a line
    through the two measured batch costs, summed over the archive's batches."""
    empty, loaded = batch / writer[0], batch / writer[WRITER_BASE]  # seconds a batch, at 0 and WRITER_BASE articles
    growth = max(loaded - empty, 0.0) / WRITER_BASE  # seconds more a batch per article already stored
    batches = ARCHIVE // batch
    writing = batches * empty + growth * batch * batches * (batches - 1) / 2
    lines = [f"\n{ARCHIVE:,} articles on paper: parsing at {per_worker:.2f} art/s a worker (the best steady rate per cluster"
             f" worker here); the one writer {hours(writing)} in all ({empty:.1f} s a batch of {batch} into an empty store,"
             f" {loaded:.1f} s into one of {WRITER_BASE:,}, growing in proportion), overlapping the parsing"]
    for n in (1, 8, 32, 128):
        parsing = ARCHIVE / (n * per_worker)
        bound = "writer-bound" if writing > parsing else "parse-bound"
        lines.append(f"  {n:>4} worker(s): parsing {hours(parsing):>9}, import about {hours(max(parsing, writing)):>9}  ({bound})")
    return "\n".join(lines)


def hours(seconds: float) -> str:
    return f"{seconds / 3600:,.1f} h" if seconds >= 3600 else f"{seconds / 60:,.0f} min"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks import", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], metavar="N")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, workers, folder, db = args.child
        print(json.dumps(child(mode, int(workers), Path(folder), Path(db))))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "files"
        write_files(folder, args.files)
        ways = [("serial", 1), *[(mode, n) for n in args.workers for mode in ("pool", "cluster")], ("pipe", 1)]
        print(f"import of {args.files} distinct article files, each way in a fresh process")
        print(f"  {'':<30} {'wall, start-up included':>24} {'steady':>16}")
        results = {}
        for mode, workers in ways:
            figures = results[mode, workers] = run(mode, workers, folder, Path(scratch) / f"{mode}-{workers}.json")
            label = {"serial": "serial (this process)", "pool": f"local pool, {workers} process(es)",
                     "cluster": f"dask LocalCluster, {workers} worker(s)", "pipe": "bare nlp.pipe, 1 process"}[mode]
            rate = f"{figures['rate']:>10.2f} art/s" if figures["rate"] else f"{'—':>16}"
            print(f"  {label:<30} {figures['total']:>10.1f} s {figures['count'] / figures['total']:>7.2f} art/s {rate}", flush=True)
        writer = {int(base): rate for base, rate in results["serial", 1]["writer"].items()}
        print(f"  the one writer, parsed records into an empty store: {writer[0]:.0f} art/s; "
              f"into one of {WRITER_BASE:,}: {writer[WRITER_BASE]:.0f} art/s")
        per_worker = max(results["cluster", n]["rate"] / n for n in args.workers) or results["serial", 1]["rate"]
        print(on_paper(per_worker, writer))


if __name__ == "__main__":
    main()
