"""A TinyDB storage that never leaves a half-written file, and the writer's lock.

Each write goes to a temporary file in the same folder, is fsynced, and replaces the store in one
rename; reads are served from memory, because with a single writer the file only changes through us.
The first write of a session keeps the file as it was in `.bak1`, shifting older generations up to
`.bak3`, so several sessions (imports) back can be restored, not only the last write's.
"""
from __future__ import annotations

import errno
import fcntl
import gc
import os
import re
import shutil
import stat
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreError(Exception):
    """A problem with the store file, reported as one line."""


BACKUP_GENERATIONS = 3


def backup_path(path: Path, generation: int = 1) -> Path:
    return path.with_name(f"{path.name}.bak{generation}")


def backup_paths(path: Path) -> list[Path]:
    """The existing backups, newest first (`.bak` is what versions before generations kept)."""
    candidates = [backup_path(path, g) for g in range(1, BACKUP_GENERATIONS + 1)] + [path.with_name(path.name + ".bak")]
    return [b for b in candidates if b.exists()]


def restore_hint(path: Path) -> str:
    """How to get a damaged or lost index back: from a backup, else from the article files."""
    if backup_paths(path):
        return f"; `ukr-tui restore --db {path}` brings back the last good backup"
    bodies = path.with_name(path.name + ".articles")
    if bodies.is_dir() and any(bodies.glob("*.json")):
        return f"; `ukr-tui restore --rebuild --db {path}` rebuilds it from the article files"
    return ""


def _temporary_path(path: Path, kind: str = "") -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}{kind}.tmp")


def rotate_backups(path: Path) -> None:
    """Keep `path` as it is now as `.bak1`, each older generation one number up, the oldest dropped."""
    if not path.exists():
        return
    for generation in range(BACKUP_GENERATIONS - 1, 0, -1):
        if (older := backup_path(path, generation)).exists():
            os.replace(older, backup_path(path, generation + 1))
    link = _temporary_path(path, ".bak")
    link.unlink(missing_ok=True)
    try:
        os.link(path, link)  # a hard link: the backup costs no copy
    except OSError:  # a file system without hard links
        shutil.copyfile(path, link)
    os.replace(link, backup_path(path, 1))  # never a half-written backup


def atomic_write_bytes(path: Path, data: bytes) -> None:
    temporary = _temporary_path(path)
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # a full disk must not stay full of our leftovers
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def remove_leftover_temporaries(folder: Path, names: re.Pattern) -> None:
    """Delete the temporary files (whole name matching `names`) that a killed or failed writer left
    in `folder`. Only the lock holder may call this: no one else writes there."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if names.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with suppress(FileNotFoundError):
                os.unlink(entry.path)


@contextmanager
def paused_gc():
    """Building millions of small objects triggers the cyclic collector over and over; pausing it
    while loading halves the time, and freezing what was loaded keeps later collections short."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def _read_regular(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file, checked before reading (FileNotFoundError passes through): a
    FIFO would block (O_NONBLOCK lets us open it to refuse it), a device (`/dev/zero`) never ends,
    a huge or sparse file would fill the memory."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: not a regular file (a directory, device, pipe or socket); "
                             "the file was left as it is")
        if max_bytes is not None and info.st_size > max_bytes:
            raise StoreError(f"{path}: {info.st_size:,} bytes is too large for this file (at most {max_bytes:,}); "
                             "the file was left as it is")
        with open(descriptor, "rb", closefd=False) as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    finally:
        os.close(descriptor)
    if max_bytes is not None and len(data) > max_bytes:  # it grew since it was measured
        raise StoreError(f"{path}: over {max_bytes:,} bytes is too large for this file; the file was left as it is")
    return data


def read_json_file(path: Path, max_bytes: int | None = None) -> Any:
    """The decoded file, or None when it does not exist; damage raises StoreError and keeps the file.
    Only a regular file (of at most `max_bytes`) is read."""
    try:
        data = _read_regular(path, max_bytes)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"{path}: cannot read the store ({error.strerror or error})") from None
    hint = "; the file was left as it is" + restore_hint(path)
    if not data.strip():
        raise StoreError(f"{path}: store file is empty (damaged){hint}")
    try:
        with paused_gc():
            decoded = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise StoreError(f"{path}: store file is damaged ({error.args[0].split(':')[0]}){hint}") from None
    if not isinstance(decoded, dict):
        raise StoreError(f"{path}: store file is not a ukr-tui store{hint}")
    return decoded


_NOT_READ = object()


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, read_only: bool = False, fresh: bool = False):
        """`fresh`: start empty whatever the file holds (the caller has dealt with it)."""
        self.path = Path(path)
        self.read_only = read_only
        self._rotated = False
        self._cache: Any = None if fresh else read_json_file(self.path)
        if self._cache is not None and not all(isinstance(v, dict) for v in self._cache.values()):
            raise StoreError(f"{self.path}: store file is not a ukr-tui store; the file was left as it is")

    def read(self) -> dict[str, Any] | None:
        if self._cache is _NOT_READ:
            self._cache = read_json_file(self.path)
        return self._cache

    def release(self) -> None:
        """Give the decoded file's memory back once its records are built; the next read loads it again."""
        self._cache = _NOT_READ

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only (another ukr-tui has it open for writing)")
        try:
            if not self._rotated:
                rotate_backups(self.path)
                self._rotated = True
            atomic_write_bytes(self.path, orjson.dumps(data))
        except BaseException:
            # TinyDB changed the documents it read from us in place: what is in memory is no longer
            # what the file holds, so the next read goes back to the file.
            self._cache = _NOT_READ
            raise
        self._cache = data

    def close(self) -> None:
        pass


class WriterLock:
    """An exclusive, non-blocking flock: one writer per store, others open it read-only."""

    def __init__(self, path: Path):
        self.path = path.with_name(path.name + ".lock")
        self._handle = None
        self.why_not = ""

    def acquire(self) -> bool:
        """True when we hold the lock; False when another process does or the folder is not writable
        (`why_not` then says which, in words for the user)."""
        self.why_not = ""
        try:
            if not os.access(self.path.parent, os.W_OK):
                raise PermissionError(errno.EACCES, "Permission denied")
            handle = open(self.path, "a+")
        except OSError as error:
            self.why_not = f"cannot write in {self.path.parent} ({error.strerror or error})"
            return False
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read(200).strip()
            handle.close()
            self.why_not = (f"another ukr-tui ({holder or 'process'}) has this store open for writing; "
                            "try again when it has closed it")
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}: {' '.join([Path(sys.argv[0]).name, *sys.argv[1:3]])}")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def writer_lock_free(path: Path) -> bool:
    """Whether a writer could open the store now: the lock taken and let go at once."""
    lock = WriterLock(path)
    if not lock.acquire():
        return False
    lock.release()
    return True
