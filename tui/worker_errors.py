"""One way to report a worker that failed: a message on screen, and the app keeps running."""
from __future__ import annotations

from textual.worker import Worker, WorkerState

from store import printable

WHAT_FAILED = {"search": "Search failed", "store-writes": "Saving the read state failed"}


def report_failed_worker(event: Worker.StateChanged) -> None:
    """Every worker of the app runs with `exit_on_error=False`; its node hands its events here."""
    if event.state != WorkerState.ERROR:
        return
    worker = event.worker
    what = WHAT_FAILED.get(worker.group, f"{worker.name or 'A background task'} failed")
    why = str(worker.error) or type(worker.error).__name__  # never an empty "Search failed: "
    worker.node.notify(printable(f"{what}: {why}"), severity="error", markup=False, timeout=8)
