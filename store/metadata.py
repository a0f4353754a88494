"""What is known of an article from outside its text: a `metadata.csv` (the shape of a press-database
export: `file,published,source,url,title`, all but `file` optional) or `--published` for one file."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .dates import FIRST_YEAR, LAST_YEAR
from .reading import InputError, decode

METADATA_FILE = "metadata.csv"
COLUMNS = ("file", "published", "source", "url", "title")


@dataclass(frozen=True)
class Metadata:
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    source: str | None = None  # the outlet
    url: str | None = None
    title: str | None = None
    origin: str = METADATA_FILE  # what gave it, said with the date


def parse_published(text: str, where: str) -> str:
    """`2022-02-09`, `2022-02-09T10:15:00+01:00`, `09/02/2022`, `2022-02`, `2022`, to ISO at its precision.
    Digits written full-width (`２０２２`) are read as such; any other non-ASCII digit is not a date."""
    text = unicodedata.normalize("NFKC", text).strip()
    kept = 10
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?", text, re.ASCII):
        parts = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text, re.ASCII):
        parts = (match.group(3), match.group(2), match.group(1))
    elif re.fullmatch(r"\d{4}-\d{2}|\d{4}", text, re.ASCII):
        parts = (text[:4], text[5:] or "01", "01")
        kept = len(text)  # a month or a year stays one
    else:
        raise InputError(f"{where}: « {text} » is not a date (write YYYY-MM-DD)")
    if not FIRST_YEAR <= int(parts[0]) <= LAST_YEAR:  # out of what the calendar code can step from
        raise InputError(f"{where}: « {text} » is not a date of news (a year from {FIRST_YEAR} to {LAST_YEAR})")
    try:
        date = dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        raise InputError(f"{where}: « {text} » is not a date") from None
    return date[:kept]


def read_metadata_csv(path: Path, problems: list[str] | None = None) -> dict[str, Metadata]:
    """File name (as written in the `file` column, and its base name) → what the row says. A row
    whose date is not one is left out and named in `problems` when given (the other rows and files
    go on), else raises InputError."""
    try:
        text = decode(path.read_bytes())  # UTF-8, else the cp1252 of a Windows export
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
        rows = list(csv.DictReader(io.StringIO(text, newline=""), dialect=dialect))
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    except csv.Error as error:
        raise InputError(f"{path}: not a CSV file ({error})") from None
    if not rows or "file" not in {(k or "").strip().lower() for k in rows[0]}:
        raise InputError(f"{path}: a metadata file needs a header line with a 'file' column ({','.join(COLUMNS)})")
    found: dict[str, Metadata] = {}
    for number, row in enumerate(rows, 2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        if not values.get("file"):
            continue
        where = f"{path}, line {number}"
        try:
            published = parse_published(values["published"], where) if values.get("published") else None
        except InputError as error:
            if problems is None:
                raise
            problems.append(f"{error}; that row was not used")
            continue
        entry = Metadata(published, values.get("source") or None, values.get("url") or None, values.get("title") or None,
                         origin=path.name)
        found[values["file"]] = entry
        found.setdefault(Path(values["file"]).name, entry)
    return found


def metadata_for(files: list[Path], explicit: Path | None = None, published: str | None = None,
                 problems: list[str] | None = None) -> dict[Path, Metadata]:
    """Each file's metadata: from `--published` (one file), `--metadata FILE.csv`, else a
    `metadata.csv` in the file's folder. Rows with a bad date go to `problems` (see read_metadata_csv)."""
    if published is not None:
        if len(files) != 1:
            raise InputError(f"--published gives the date of one file, and {len(files)} were given")
        return {files[0]: Metadata(parse_published(published, "--published"), origin="--published")}
    tables: dict[Path, dict[str, Metadata]] = {}
    if explicit is not None:
        table = read_metadata_csv(explicit, problems)
    found: dict[Path, Metadata] = {}
    for path in files:
        if explicit is None:
            beside = path.parent / METADATA_FILE
            if beside not in tables:
                tables[beside] = read_metadata_csv(beside, problems) if beside.is_file() else {}
            table = tables[beside]
        if entry := table.get(path.name) or table.get(str(path)):
            found[path] = entry
    return found
