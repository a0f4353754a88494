"""A TinyDB storage that never leaves a half-written file, and the writer's lock.

Each write goes to a temporary file in the same folder, is fsynced, and replaces the store in one
rename (the previous generation kept as `.bak`); reads are served from memory, because with a single
writer the file only changes through us.
"""
from __future__ import annotations

import fcntl
import gc
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreError(Exception):
    """A problem with the store file, reported as one line."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write_bytes(path: Path, data: bytes, keep_backup: bool = False) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if keep_backup and path.exists():
        backup_temporary = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
        backup_temporary.unlink(missing_ok=True)
        os.link(path, backup_temporary)
        os.replace(backup_temporary, backup_path(path))
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


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


def read_json_file(path: Path) -> Any:
    """The decoded file, or None when it does not exist; damage raises StoreError and keeps the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"{path}: cannot read the store ({error.strerror or error})") from None
    hint = "; the file was left as it is" + (f", the previous version is {backup_path(path)}" if backup_path(path).exists() else "")
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
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._cache: Any = read_json_file(self.path)
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
            raise StoreError(f"{self.path}: the store is open read-only (another ukr-tui is writing to it)")
        atomic_write_bytes(self.path, orjson.dumps(data), keep_backup=True)
        self._cache = data

    def close(self) -> None:
        pass


class WriterLock:
    """An exclusive, non-blocking flock: one writer per store, others open it read-only."""

    def __init__(self, path: Path):
        self.path = path.with_name(path.name + ".lock")
        self._handle = None

    def acquire(self) -> bool:
        handle = open(self.path, "a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
