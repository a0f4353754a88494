"""Parsing on a dask.distributed cluster (`ukr-tui import --cluster ADDRESS`, `--workers N`).

Only the parsing moves: files are read, hashed and committed here, by the one writer, in the order
they were given, with the same atomic writes and progress as a local import. Each worker loads the
French model once, when it joins (a worker plugin); batches of files stream to the workers with a
bounded number in flight, so an archive is never held in memory. A worker that dies mid-batch
loses nothing: the scheduler runs its batches again on another worker, and a batch that has killed
`allowed-failures` workers in a row (dask's setting, 3 by default) is reported file by file and
skipped, for the next import to try again.

Needs the `cluster` extra (`pip install '.[cluster]'` in a checkout) here and on every worker, the
same version of ukr-tui (the records are built there). Give the workers one thread each (`dask worker --nthreads 1`) and as many
processes as cores: the parser holds Python's lock, so threads of one process would take turns.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from .reading import InputError
from .records import Article

try:  # this module is imported only when a cluster is asked for; require_distributed() says what is missing
    from distributed import WorkerPlugin
except ImportError:
    WorkerPlugin = object

INSTALL_HINT = "install ukr-tui[cluster] (pip install '.[cluster]' in a checkout)"
CONNECT_SECONDS = 30.0
_MODEL_LOCK = threading.Lock()  # one parse at a time in a worker process, whatever its thread count


@dataclass(frozen=True)
class ClusterSpec:
    """Where to parse: the scheduler at `address`, or a LocalCluster of `workers` processes when
    `address` is None. With an address, `workers` is how many workers to wait for before starting."""

    address: str | None = None
    workers: int | None = None
    batch: int = 8  # files per task: full model batches, and little redone when a worker dies

    def describe(self) -> str:
        if self.address:
            return f"the dask cluster at {self.address}"
        return f"a local dask cluster of {self.workers or 1} worker(s)"


def require_distributed() -> None:
    """A one-line InputError when dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(f"--cluster and --workers need dask.distributed: {INSTALL_HINT}") from None


def ukr_tui_version() -> str:
    """The ukr-tui a process runs (on a worker: to check it builds records as this one does)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ukr-tui")
    except PackageNotFoundError:
        return "unknown"


def _load_model_once() -> None:
    from .nlp import load_model

    with _MODEL_LOCK:
        load_model()


class ModelOnWorker(WorkerPlugin):
    """Worker plugin: the French model is loaded once, as the worker joins (again after a restart),
    in a thread so the worker keeps answering its scheduler meanwhile."""

    name = "ukr-tui-model"

    async def setup(self, worker) -> None:
        import asyncio

        await asyncio.to_thread(_load_model_once)


def parse_batch(items: list[tuple[str, str]], seconds_per_file: float) -> list[Article | str]:
    """The task: a batch of (file name, text) parsed in one model stream, as a local import does."""
    from .ingest import parse_chunk

    with _MODEL_LOCK:
        return parse_chunk(items, seconds_per_file)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def start_local_cluster(workers: int):
    """A LocalCluster on this machine: `workers` processes of one thread each, no dashboard, quiet."""
    import logging

    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.CRITICAL)  # its own shutdown chatter; failures surface here


def _client(spec: ClusterSpec):
    """A client of the named scheduler, or of a LocalCluster made for this import (closed with it)."""
    from distributed import Client

    if spec.address is None:
        cluster = start_local_cluster(spec.workers or 1)
        return Client(cluster), cluster
    try:
        client = Client(spec.address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"cannot reach the dask scheduler at {spec.address} ({error})") from None
    return client, None


def _check_workers(client, spec: ClusterSpec) -> None:
    if spec.address:  # a scheduler with no worker would keep every batch waiting
        wanted = spec.workers or 1
        try:
            client.wait_for_workers(wanted, timeout=CONNECT_SECONDS)
        except TimeoutError:
            raise InputError(f"{spec.describe()}: fewer than {wanted} worker(s) joined "
                             f"within {CONNECT_SECONDS:g} s") from None
    ours = ukr_tui_version()
    try:
        theirs = client.run(ukr_tui_version)
    except Exception as error:  # a worker without ukr-tui cannot even unpickle the check
        raise InputError(f"{spec.describe()}: a worker cannot run ukr-tui ({type(error).__name__}: {error}); "
                         f"{INSTALL_HINT} on every worker") from None
    other = sorted({version for version in theirs.values() if version != ours})
    if other:
        raise InputError(f"{spec.describe()}: workers run ukr-tui {', '.join(other)}, this is {ours}; "
                         "install the same version everywhere so records are built alike")


def _results(names: list[str], future) -> list[Article | str]:
    """What a batch gave, or, when it killed worker after worker, a reason for each of its files."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        return [f"{name}: the cluster worker parsing it died repeatedly; skipped (import it again)" for name in names]
    finally:
        future.release()


def parsed_on_cluster(items: Iterable[tuple[str, str]], spec: ClusterSpec,
                      seconds_per_file: float) -> Iterator[Article | str]:
    """Parse on the cluster; results (an Article, or a one-line reason a file was skipped) come
    back in the order of `items`. On a cluster the per-file time budget is not enforced (tasks run
    in worker threads, where a parse cannot be interrupted)."""
    require_distributed()
    client, cluster = _client(spec)
    try:
        _check_workers(client, spec)
        client.register_plugin(ModelOnWorker(), name=ModelOnWorker.name)
        in_flight = 2 * max(len(client.scheduler_info().get("workers", {})), spec.workers or 1)
        pending: deque[tuple[list[str], object]] = deque()

        for batch in _batches(items, spec.batch):
            future = client.submit(parse_batch, batch, seconds_per_file, pure=False)
            pending.append(([name for name, _ in batch], future))
            if len(pending) > in_flight:  # bounded: texts are sent as workers take them, not all at once
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
