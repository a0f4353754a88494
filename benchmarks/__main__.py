"""The figures of issue 11, measured in one run beside a bare Textual baseline:

    python -m benchmarks [--articles 10000 [100000 ...]] [--presses 30] [--import-files 40]
    python -m benchmarks import [--workers 1 2] [--files 200]   (benchmarks/import_scale.py)

For each size: a store of that many distinct generated articles (benchmarks/corpus.py), then
ukr-tui and the bare app (a DataTable of the same rows and a Static reader), each in a process of
its own (benchmarks/ui.py): launch to list shown, `j` p50/p95, search, who-said-what open and
filter, entity view, memory. Then import: `ukr-tui import` of distinct article files against a bare
`nlp.pipe` of the same texts with the same model, both in fresh processes (model load included),
and a second import of the same files (nothing new).

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

from benchmarks.corpus import write_store  # noqa: E402
from store import bundled_seeds_dir  # noqa: E402

RAW_PIPE = """
import sys, time, spacy
from pathlib import Path
from store.nlp import MODEL_NAME
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(MODEL_NAME)
docs = list(nlp.pipe(texts))
"""


def run_timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def ui_figures(app: str, db: Path, presses: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.ui", "--app", app, "--db", str(db), "--presses", str(presses)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"benchmarks.ui --app {app} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(title: str, ukr: dict[str, float], bare: dict[str, float]) -> None:
    print(f"\n{title}")
    print(f"  {'':<44} {'ukr-tui':>10} {'bare':>10} {'ratio':>7}")
    for name, value in ukr.items():
        base = bare.get(name)
        shown = f"{base:>10.1f}" if base is not None else " " * 10
        ratio = f"{value / base:6.1f}×" if base else ""
        print(f"  {name:<44} {value:>10.1f} {shown} {ratio:>7}")


def import_figures(folder: Path, count: int) -> None:
    source = folder / "import"
    source.mkdir()
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for n in range(count):
        seed = seeds[n % len(seeds)]
        (source / f"{n:04d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.", encoding="utf-8")
    cli = [sys.executable, "-m", "tui.cli", "import", str(source)]
    raw = run_timed([sys.executable, "-c", RAW_PIPE, str(source)])
    first = run_timed([*cli, "--db", str(folder / "import.json")])
    again = run_timed([*cli, "--db", str(folder / "import.json")])
    print(f"\nimport of {count} distinct article files (model load included, fresh processes)")
    print(f"  raw nlp.pipe, one process                     {raw:8.1f} s  {count / raw:6.2f} files/s")
    print(f"  ukr-tui import (parse, extract, store)        {first:8.1f} s  {count / first:6.2f} files/s   {first / raw:.2f}× raw")
    print(f"  ukr-tui import again (nothing new)            {again:8.1f} s")


def main() -> None:
    if sys.argv[1:2] == ["import"]:  # `python -m benchmarks import --workers 1 2`: benchmarks/import_scale.py
        from benchmarks.import_scale import main as import_scale

        return import_scale(sys.argv[2:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--import-files", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="keep the generated stores in this folder (reused when present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for count in args.articles:
            db = folder / f"generated-{count}.json"
            if not db.exists():
                seconds = write_store(db, count)
                print(f"generated {count} distinct articles in {seconds:.0f} s "
                      f"(index {db.stat().st_size / 1e6:.1f} MB, search index {db.with_name(db.name + '.index').stat().st_size / 1e6:.1f} MB)")
            bare = ui_figures("bare", db, args.presses)
            ukr = ui_figures("ukr", db, args.presses)
            print_table(f"{count} articles (times in ms unless marked s; memory in MB)", ukr, bare)
        import_figures(Path(scratch), args.import_files)


if __name__ == "__main__":
    main()
