"""Importing: one bad file never stops the others, in one process or several."""
from __future__ import annotations

import shutil

from store import Store, bundled_seeds_dir, import_paths


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
