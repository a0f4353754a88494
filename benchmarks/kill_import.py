"""kill -9 at a random moment during `ukr-tui import`, again and again: the store must always open,
and no article committed before the import may be lost (run on demand, not in CI: minutes).

    python benchmarks/kill_import.py [--trials 20] [--files 60] [--max-delay SECONDS]

With `--at-write` the kill comes the moment a temporary file appears instead (an article file, or
the index, being written). Each trial copies a base store (the first `--files` generated articles
imported), starts an import of `--files` more, kills it with SIGKILL after a random delay, then checks: the store opens, every base
article is in the index with a readable article file, every indexed article has its file; then it
imports the same folder again to the end (rc 0, every article there, no temporary file left).
After the kill, the import's process group is killed too, so parse workers orphaned by the kill
(a separate issue) do not pile up on the machine.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, StoreError, bundled_seeds_dir  # noqa: E402


def write_articles(folder: Path, first: int, count: int) -> None:
    """Distinct articles: each seed under a title line of its own (so each has its own id)."""
    folder.mkdir(parents=True)
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for n in range(first, first + count):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (folder / f"art{n:04d}.txt").write_text(f"Dépêche numéro {n} sur la crise ukrainienne\n\n{text}", encoding="utf-8")


def run_import(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tui.cli", "import", str(folder), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def temporaries(db: Path) -> int:
    return len(list(db.parent.glob(".*.tmp"))) + len(list(db.with_name(db.name + ".articles").glob(".*.tmp")))


def wait_for_a_write(process: subprocess.Popen, db: Path, index: bool) -> float:
    """Seconds until a temporary file shows a write in progress, of the index or of any file (or
    until the import ended)."""
    started = time.monotonic()
    while process.poll() is None and not (any(db.parent.glob(f".{db.name}.*.tmp")) if index else temporaries(db)):
        time.sleep(0.002)
    return time.monotonic() - started


def check(db: Path, must_have: set[str]) -> dict:
    """What a reader finds after the kill; `problems` lists anything that breaks the promise."""
    problems: list[str] = []
    try:
        with Store(db, writable=False) as store:
            ids = {a.id for a in store.summaries()}
            lost = must_have - ids
            if lost:
                problems.append(f"{len(lost)} committed article(s) lost")
            unreadable = [i for i in ids if not store.has_sound_body(i)]
            if unreadable:
                problems.append(f"{len(unreadable)} indexed article(s) without a readable file")
    except StoreError as error:
        return {"opened": False, "articles": None, "problems": [str(error)]}
    return {"opened": True, "articles": len(ids), "temporaries_left_by_kill": temporaries(db), "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=60, help="articles in the base store, and in each import")
    parser.add_argument("--max-delay", type=float, default=None,
                        help="seconds; the kill comes uniformly in 0.3..this (default: how long the base import took)")
    parser.add_argument("--at-write", action="store_true",
                        help="kill the moment a temporary file appears (an article or index write in progress)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="kill-import-"))
    base_articles, new_articles = work / "base-articles", work / "new-articles"
    write_articles(base_articles, 0, args.files)
    write_articles(new_articles, args.files, args.files)
    base = work / "base" / "store.json"
    started = time.monotonic()
    if (rc := run_import(base_articles, base).wait()) != 0:
        print(f"the base import failed (rc {rc})", file=sys.stderr)
        return 1
    took = time.monotonic() - started
    max_delay = args.max_delay or took
    print(f"base store: {args.files} articles imported in {took:.1f} s; kills in 0.3..{max_delay:.1f} s", flush=True)
    with Store(base, writable=False) as store:
        committed = {a.id for a in store.summaries()}
    results = []
    for trial in range(1, args.trials + 1):
        trial_dir = work / f"trial{trial:02d}"
        shutil.copytree(base.parent, trial_dir)
        db = trial_dir / "store.json"
        delay = rng.uniform(0.3, max_delay)
        process = run_import(new_articles, db)
        target = rng.choice(["index", "any file"]) if args.at_write else "time"
        if args.at_write:
            delay = wait_for_a_write(process, db, index=target == "index")
        else:
            time.sleep(delay)
        killed = process.poll() is None
        if killed:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the orphaned parse workers, if any
        result = {"trial": trial, "kill_at": target, "delay": round(delay, 2), "killed": killed, **check(db, committed)}
        resumed = run_import(new_articles, db)
        _, errors = resumed.communicate()
        after = check(db, committed)
        result.update(resume_rc=resumed.returncode, articles_after_resume=after["articles"],
                      temporaries_after_resume=after.get("temporaries_left_by_kill"))
        if resumed.returncode != 0 or after["articles"] != 2 * args.files or after["problems"]:
            result["problems"] = result["problems"] + after["problems"] + [f"resume: rc {resumed.returncode} {errors.decode()[-200:]}"]
        results.append(result)
        print(json.dumps(result), flush=True)
    killed = [r for r in results if r["killed"]]
    print(f"{len(results)} trials, {len(killed)} killed mid-import; store opened {sum(r['opened'] for r in results)}/{len(results)}; "
          f"trials with a problem: {sum(bool(r['problems']) for r in results)}; "
          f"articles after the kill: {min(r['articles'] or 0 for r in results)}..{max(r['articles'] or 0 for r in results)} "
          f"(base {len(committed)}); temporaries left by kills: {sum(r.get('temporaries_left_by_kill') or 0 for r in results)}, "
          f"after the next import: {sum(r['temporaries_after_resume'] or 0 for r in results)}; "
          f"resumed imports complete: {sum(r['articles_after_resume'] == 2 * args.files for r in results)}/{len(results)}")
    shutil.rmtree(work)
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
