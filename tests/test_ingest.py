"""Importing: one bad file never stops the others, in one process or several."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Store, bundled_seeds_dir, import_paths
from store.ingest import PARALLEL_IMPORT_FROM


def test_parallel_import_matches_serial_and_reports_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(bundled_seeds_dir().glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01 not text")
    results = {}
    for workers in (1, 2):
        with Store(tmp_path / f"store{workers}.json") as store:
            report = import_paths(store, [folder], workers=workers)
            assert (report.added, len(report.errors)) == (3, 1)
            assert "broken.txt" in report.errors[0]
            results[workers] = sorted((a.file, len(a.quotes), a.published) for a in store.summaries())
    assert results[1] == results[2]


def _copies(folder, count):
    """`count` distinct article files made from the seeds."""
    folder.mkdir()
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for n in range(count):
        seed = seeds[n % len(seeds)]
        (folder / f"{n:03d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.", encoding="utf-8")


def test_files_already_stored_are_counted_without_being_parsed(tmp_path, monkeypatch):
    import store.ingest as ingest

    def parse_chunk(*args):
        raise AssertionError("a stored file was parsed again")

    _copies(tmp_path / "in", 3)
    with Store(tmp_path / "s.json") as store:
        assert import_paths(store, [tmp_path / "in"]).added == 3
        monkeypatch.setattr(ingest, "parse_chunk", parse_chunk)
        report = import_paths(store, [tmp_path / "in"], workers=None)
        assert (report.added, report.already_there, report.errors) == (0, 3, [])


def test_a_file_over_the_time_budget_is_skipped_with_a_reason(tmp_path):
    _copies(tmp_path / "in", 2)
    with Store(tmp_path / "s.json") as store:
        report = import_paths(store, [tmp_path / "in"], seconds_per_file=0.001)
    assert report.added == 0 and len(report.errors) == 2
    assert all("took longer than 0.001 s to parse; skipped" in e for e in report.errors)


def test_progress_counts_every_file_and_ends_at_the_total(tmp_path):
    _copies(tmp_path / "in", 3)
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    steps = []
    with Store(tmp_path / "s.json") as store:
        import_paths(store, [tmp_path / "in"], progress=steps.append)
    dones = [s.done for s in steps]
    assert dones == sorted(dones) and set(dones) == {1, 2, 3, 4}
    assert steps[-1].done == steps[-1].total == 4 and steps[-1].rate > 0


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_killing_the_import_leaves_no_worker_behind(tmp_path):
    _copies(tmp_path / "in", PARALLEL_IMPORT_FROM + 5)
    command = [sys.executable, "-m", "tui.cli", "import", str(tmp_path / "in"), "--db", str(tmp_path / "s.json")]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        children: set[int] = set()
        for _ in range(600):  # the workers start once the files are hashed
            children |= _children(parent.pid)
            if len(children) >= 2:
                break
            time.sleep(0.1)
        assert len(children) >= 2, "the import started no worker processes"
        time.sleep(1.0)  # let them load the model
        children |= _children(parent.pid)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    for _ in range(300):
        if not any(_alive(pid) for pid in children):
            break
        time.sleep(0.1)
    left = [pid for pid in children if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left behind by the killed import: {left}"


def test_reimporting_a_file_whose_article_file_is_missing_or_damaged_repairs_it(tmp_path):
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))[:2]
    with Store(tmp_path / "store.json") as store:
        import_paths(store, seeds)
        ids = [a.id for a in store.summaries()]
    bodies = tmp_path / "store.json.articles"
    (bodies / f"{ids[0]}.json").unlink()
    (bodies / f"{ids[1]}.json").write_bytes((bodies / f"{ids[1]}.json").read_bytes()[:100])
    with Store(tmp_path / "store.json") as store:
        report = import_paths(store, seeds)
        assert (report.added, report.repaired, report.already_there) == (0, 2, 0)
        assert all(store.load_article(i).paragraphs for i in ids)
        assert import_paths(store, seeds).already_there == 2
