"""Reading article files: bytes to text, with a clear error for what is not a text article."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

SUFFIXES = (".txt", ".text", ".html", ".htm")  # saved web pages go through store.pages; notes (.md) are not articles
MAX_BYTES = 5_000_000  # a news article is tens of kilobytes; past this it is not one


class InputError(Exception):
    """A problem with user input, reported as one line."""


def read_article_text(path: Path, declared: Callable[[bytes], str | None] | None = None) -> str:
    """The file's text. `declared`: what the bytes say their encoding is (a web page's charset),
    tried when they are not UTF-8."""
    data = _read_limited(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _non_empty(path, data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(f"{path}: damaged UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: binary file, not a text article")
    return _non_empty(path, decode(data, declared(data) if declared else None))


def _read_limited(path: Path) -> bytes:
    """The file's bytes, refusing before reading what is not a regular file of news size: a FIFO
    would block, a device (`/dev/zero`) never ends, a huge or sparse file would fill the memory."""
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer before we could refuse it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise InputError(f"{path}: is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
            if info.st_size > MAX_BYTES:
                raise InputError(f"{path}: {info.st_size // 1_000_000} MB is too large for a news article")
            with open(descriptor, "rb", closefd=False) as handle:
                data = handle.read(MAX_BYTES + 1)  # the file may have grown since it was measured
        finally:
            os.close(descriptor)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: over {MAX_BYTES // 1_000_000} MB is too large for a news article")
    return data


def _non_empty(path: Path, text: str) -> str:
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def decode(data: bytes, declared: str | None = None) -> str:
    """UTF-8 first; otherwise the encoding the file declares, if any and if the bytes are in it,
    then cp1252 (the usual Windows export), and latin-1 as a last resort."""
    for encoding in ("utf-8-sig", declared, "cp1252"):
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders expanded to their article files (sorted, recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found
