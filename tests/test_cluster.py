"""Import with parsing on a dask.distributed cluster: the same records as a serial import, and a
worker that dies loses nothing. One LocalCluster of 2 workers (made as `--workers 2` makes it) is
shared by the module: each worker loads the French model once, which is most of the time here."""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from store import ImportProgress, Store, bundled_seeds_dir, import_paths
from store.reading import InputError
from tui.cli import EXIT_ERROR, main

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[cluster]')")

from store import cluster as cluster_module  # noqa: E402
from store.cluster import ClusterSpec, start_local_cluster  # noqa: E402


@pytest.fixture(scope="module")
def local_cluster():
    cluster = start_local_cluster(2)
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """Twelve distinct small article files made from the seeds."""
    folder = tmp_path_factory.mktemp("cluster-in")
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for n in range(12):
        seed = seeds[n % len(seeds)]
        (folder / f"{n:02d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def serial_records(files, tmp_path_factory, nlp):
    with Store(tmp_path_factory.mktemp("serial") / "store.json") as store:
        report = import_paths(store, [files], workers=1)
        assert report.added == 12 and not report.errors
        return records(store)


def records(store: Store) -> list:
    """Every stored article, body and annotations, in a stable order."""
    return sorted((store.load_article(summary.id) for summary in store.summaries()), key=lambda a: a.file)


def test_cluster_import_gives_the_records_of_a_serial_import(files, serial_records, local_cluster, tmp_path):
    steps: list[ImportProgress] = []
    with Store(tmp_path / "store.json") as store:
        report = import_paths(store, [files], steps.append,
                              cluster=ClusterSpec(address=local_cluster.scheduler_address, workers=2, batch=4))
        assert (report.added, report.errors) == (12, [])
        assert records(store) == serial_records
    done = [step.done for step in steps]
    assert done == sorted(done) and done[-1] == steps[-1].total == 12  # progress as a local import shows it
    assert any("dask cluster" in step.current for step in steps)


def test_a_killed_worker_loses_nothing(files, serial_records, local_cluster, tmp_path):
    """SIGKILL one worker process mid-import: its batches run again elsewhere (the nanny also
    starts a fresh worker), every file is imported, committed articles stay, records match serial."""
    client = distributed.Client(local_cluster.scheduler_address)
    try:
        before = client.run(os.getpid)
        victim = sorted(before.values())[0]
        killed: list[int] = []
        committed_at_kill: list[int] = []
        db = tmp_path / "store.json"

        def progress(step: ImportProgress) -> None:
            if step.done == 2 and not killed:
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)
                with Store(db, writable=False) as reader:
                    committed_at_kill.append(len(reader.summaries()))

        with Store(db) as store:
            report = import_paths(store, [files], progress, batch=2,
                                  cluster=ClusterSpec(address=local_cluster.scheduler_address, batch=1))
            assert killed == [victim]
            assert (report.added, report.errors) == (12, [])
            assert records(store) == serial_records
        assert committed_at_kill == [2]  # the one writer had committed those before the kill, and kept them
        deadline = time.monotonic() + 120
        while victim in client.run(os.getpid).values() or len(client.run(os.getpid)) < 2:
            assert time.monotonic() < deadline, "the killed worker was neither gone nor replaced"
            time.sleep(0.5)
    finally:
        client.close()


def test_a_batch_that_keeps_killing_workers_is_reported_file_by_file():
    class Dying:
        def result(self):
            raise distributed.KilledWorker("parse_batch-1", "tcp://127.0.0.1:1", 3)

        def release(self):
            pass

    reasons = cluster_module._results(["a.txt", "b.txt"], Dying())
    assert [r.split(":")[0] for r in reasons] == ["a.txt", "b.txt"]
    assert all("died" in r and "import it again" in r for r in reasons)


def test_the_cli_imports_on_a_cluster(files, local_cluster, tmp_path, capsys):
    db = tmp_path / "store.json"
    assert main(["import", str(files), "--db", str(db), "--cluster", local_cluster.scheduler_address]) == 0
    assert "Imported 12 article(s)" in capsys.readouterr().out
    assert main(["import", str(files), "--db", str(db), "--cluster", local_cluster.scheduler_address]) == 0
    assert "0 article(s)" in capsys.readouterr().out  # nothing new: no file reaches the cluster


def test_an_unreachable_scheduler_is_one_line(files, tmp_path, monkeypatch, capsys):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(cluster_module, "CONNECT_SECONDS", 2.0)
    assert main(["import", str(files), "--db", str(tmp_path / "s.json"), "--cluster", f"tcp://127.0.0.1:{port}"]) == EXIT_ERROR
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "cannot reach the dask scheduler" in error[0]


def test_without_dask_a_cluster_is_refused_in_one_line_and_a_plain_import_is_unchanged(files, tmp_path, monkeypatch, capsys):
    for name in [m for m in sys.modules if m == "distributed" or m.startswith("distributed.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails as if not installed
    with pytest.raises(InputError, match=r"ukr-tui\[cluster\]"):
        cluster_module.require_distributed()
    db = tmp_path / "store.json"
    for flags in (["--workers", "2"], ["--cluster", "tcp://127.0.0.1:8786"]):
        assert main(["import", str(files), "--db", str(db), *flags]) == EXIT_ERROR
        error = capsys.readouterr().err.strip().splitlines()
        assert len(error) == 1 and "ukr-tui[cluster]" in error[0]
    assert not db.exists()  # refused before the store was touched
    one = files / "00-000_be5ea4c1b4f5cbc6.txt"
    assert main(["import", str(one), "--db", str(db)]) == 0
    assert "Imported 1 article(s)" in capsys.readouterr().out


def test_workers_must_be_at_least_one(files, tmp_path, capsys):
    assert main(["import", str(files), "--db", str(tmp_path / "s.json"), "--workers", "0"]) == EXIT_ERROR
    assert "at least 1" in capsys.readouterr().err
