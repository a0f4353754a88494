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
