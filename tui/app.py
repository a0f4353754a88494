"""The Textual application: opens the library in a worker, then hands it to the main screen."""
from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker

from store import ImportProgress, Library, ModelMissingError, StoreError, printable

from .commands import CorpusCommands
from .messages import LibraryLoaded
from .screens.main import MainScreen
from .worker_errors import report_failed_worker


WRITER_CHECK_SECONDS = 3.0


class UkrTuiApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute, so subclasses elsewhere find it
    TITLE = "ukr-tui"
    COMMANDS = {CorpusCommands}  # it offers Textual's system commands too, after the app's
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, store_path: Path, seeds: Path | None = None, writable: bool = True) -> None:
        super().__init__()
        self.store_path, self.seeds = store_path, seeds
        self.writable = writable  # False: read-only by choice (`--read-only`, `ukr-tui serve`), for the whole session
        self.library: Library | None = None
        self.main = MainScreen()

    def on_mount(self) -> None:
        self.push_screen(self.main)
        # Start loading once the first frame is on screen: parsing a large index holds the GIL.
        self.call_after_refresh(self.load_store)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_store(self) -> None:
        """Open the store (ingesting the bundled seeds on first launch) without blocking a key."""
        status = self.main.set_status
        try:
            self.call_from_thread(status, f"Opening {self.store_path}…")
            library = self.library = Library.open(self.store_path, writable=self.writable)
            if not self.writable:
                library.store.read_only_reason = "the store was opened with --read-only (as ukr-tui serve does without --writable)"
            if len(library) == 0 and self.seeds is not None and not library.read_only:
                def progress(step: ImportProgress) -> None:
                    bar = "█" * step.done + "░" * (step.total - step.done)
                    self.call_from_thread(status, f"First launch: importing the bundled articles {bar} {step.done}/{step.total} · {step.current}")

                report = library.import_paths([self.seeds], progress)
                for error in [*report.errors, *filter(None, [report.stopped])]:  # the store's warnings come with it
                    self.call_from_thread(self.main.tell, error, "warning")
        except (StoreError, ModelMissingError) as error:
            self.call_from_thread(self.exit, 2, 2, printable(f"ukr-tui: {error}"))
            return
        self.main.post_message(LibraryLoaded(library))
        if library.read_only and self.writable:
            self.call_from_thread(self._watch_writer)

    def _watch_writer(self) -> None:
        """A read-only instance reopens the store as its writer once the other instance has let it go,
        so it neither stays stale nor keeps saying read-only."""
        def check() -> None:
            if self.library is not None and self.library.writable_now():
                timer.stop()
                self.library.close()
                self.main.tell("The other ukr-tui has closed the store: reloaded, and writable now.")
                self.load_store()

        timer = self.set_interval(WRITER_CHECK_SECONDS, check)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event)

    def on_unmount(self) -> None:
        if self.library is not None:
            self.library.close()
