"""`ukr-tui` and its subcommands. Every user error is one line on stderr and a non-zero exit."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from store import json_for_terminal, printable

from . import __version__

EXIT_USAGE, EXIT_ERROR = 2, 1


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print the whole usage first
        message = printable(message, single_line=True)  # it may quote an argument, e.g. a hostile file name
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog.split()[0]} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="the store file (default: $UKR_TUI_DB, else the user data folder)")
    parser = OneLineParser(prog="ukr-tui", parents=[common],
                           description="Browse French news on the Biden–Putin diplomacy over Ukraine: who said what, when, where.")
    parser.add_argument("--version", action="version", version=f"ukr-tui {__version__}")
    parser.add_argument("--read-only", action="store_true",
                        help="open the store read-only: nothing is imported, marked read or dated")
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    dating = argparse.ArgumentParser(add_help=False)
    dating.add_argument("--metadata", type=Path, metavar="FILE.csv",
                        help="dates, outlets, addresses of the files (columns file,published,source,url,title); "
                             "default: a metadata.csv beside them")
    dating.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date of the one file given")
    importing = commands.add_parser("import", parents=[common, dating], help="add article files or folders to the store")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--cluster", metavar="tcp://HOST:8786",
                           help="parse on this dask.distributed scheduler's workers (the cluster extra: pip install '.[cluster]')")
    importing.add_argument("--workers", type=int, metavar="N",
                           help="parse on a local dask cluster of N worker processes; with --cluster, wait for N workers")
    quotes = commands.add_parser("quotes", parents=[common], help="list stored quotes")
    quotes.add_argument("--speaker", metavar="NAME|ROLE",
                        help="only this speaker's quotes: any spelling of the name, or a role the articles give them "
                             "(\"porte-parole du Kremlin\")")
    quotes.add_argument("--json", action="store_true", help="one JSON object per quote, one per line")
    quotes.add_argument("--indirect", action="store_true", help="include indirect speech")
    extract = commands.add_parser("extract", parents=[common, dating], help="print what is extracted from files, without storing")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.add_argument("--json", action="store_true", help="one JSON object per file, one per line (the default)")
    extract.add_argument("--summary", action="store_true", help="a readable summary per file instead of JSON")
    evaluate = commands.add_parser("evaluate", parents=[common, dating], help="score extraction against a gold file")
    evaluate.add_argument("gold", type=Path, metavar="GOLD.json")
    evaluate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    restore = commands.add_parser("restore", parents=[common], help="bring back the last good backup of a damaged or lost index")
    restore.add_argument("--rebuild", action="store_true",
                         help="rebuild the index from the article files instead (they hold every article)")
    export = commands.add_parser(
        "export", parents=[common], help="write stored quotes as CSV, JSON lines or Markdown, or your speaker checks as gold",
        description="Quotes with speaker (and how sure, « Joe Biden (54 %) »), whether you checked it, cue, sentence, "
                    "title, date (≈ when reasoned out) and its basis, outlet, address and file; one row per report. "
                    "CSV is UTF-8 with a BOM, so spreadsheets read the accents.")
    export.add_argument("what", nargs="?", choices=["quotes"], default="quotes", help="what to export (quotes)")
    export.add_argument("--format", choices=["csv", "jsonl", "md"], default="csv", help="csv (default), jsonl or md")
    export.add_argument("--speaker", metavar="NAME|ROLE", help="only this speaker's quotes (any spelling, or a role)")
    export.add_argument("--words", metavar="WORDS", help="only quotes with these words (accents and case ignored)")
    export.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after this date")
    export.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before this date")
    export.add_argument("--outlet", metavar="NAME", help="only articles of this outlet (part of its name)")
    export.add_argument("--indirect", action="store_true", help="include indirect speech")
    export.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE instead of the standard output")
    export.add_argument("--gold", type=Path, metavar="FILE",
                        help="instead, write the speakers you set or checked as a gold file for `evaluate` (README: Gold files)")
    serving = commands.add_parser("serve", parents=[common], help="serve the app to web browsers (textual-serve)")
    serving.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")
    serving.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    serving.add_argument("--writable", action="store_true",
                         help="let the first browser tab write the store (read state, dates); default: read-only")
    serving.add_argument("--public-url", metavar="URL",
                         help="the address browsers reach the server at, when not http://HOST:PORT (a proxy, a name)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from store import InputError, StoreError, default_store_path

    db = getattr(args, "db", None) or default_store_path()
    commands = {"import": cmd_import, "quotes": cmd_quotes, "extract": cmd_extract, "evaluate": cmd_evaluate,
                "restore": cmd_restore, "export": cmd_export, "serve": cmd_serve}
    try:
        if args.command is None:
            return run_tui(db, writable=not args.read_only)
        return commands[args.command](args, db)
    except (InputError, StoreError) as error:
        warn(str(error))
        return EXIT_ERROR
    except BrokenPipeError:  # the reader of our output left (`| head`): not an error, and an OSError, so caught first
        _silence_stdout()
        return 0
    except OSError as error:  # a full disk, a folder we may not write in: what failed, on one line
        warn(f"{error.filename + ': ' if error.filename else ''}{error.strerror or error}"
             "; the store keeps its last complete write")
        return EXIT_ERROR
    except MemoryError:
        warn("out of memory")
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("ukr-tui: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """What is still buffered for a closed pipe goes nowhere, instead of an error at exit (Python's own advice)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # a stdout with no file behind it (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def warn(message: str) -> None:
    """One line on stderr; anything from outside in it (file names, paths) cannot drive the terminal."""
    print(f"ukr-tui: {printable(message, single_line=True)}", file=sys.stderr)


def json_line(record: dict) -> str:
    return json_for_terminal(json.dumps(record, ensure_ascii=False))


def run_tui(db: Path, writable: bool = True) -> int:
    from store import bundled_seeds_dir

    from .app import UkrTuiApp

    if not writable:
        _existing_store(db)
    app = UkrTuiApp(db, bundled_seeds_dir(), writable=writable)
    app.run()
    return app.return_code or 0


def _open_library(db: Path):
    from store import Library, StoreError

    library = Library.open(db)  # loading checks every record: a damaged index is refused before parsing
    if library.read_only:
        library.close()
        raise StoreError(f"{db}: {library.store.read_only_reason}")
    for warning in library.store.warnings:
        warn(warning)
    return library


def _existing_store(db: Path) -> Path:
    """Read commands never create a store: a wrong --db is an error, not an empty answer."""
    from store import StoreError

    if not db.exists() and not db.with_name(db.name + ".articles").exists():
        raise StoreError(f"{db}: no store here (create one with: ukr-tui import PATH --db {db})")
    return db


def cmd_import(args, db: Path) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store import ImportProgress, InputError

    cluster = _cluster_spec(args)
    missing = [p for p in args.paths if not p.exists()]
    present = [p for p in args.paths if p.exists()]
    if not present:
        raise InputError(f"{missing[0]}: no such file or folder")
    for path in missing:
        warn(f"skipped {path}: no such file or folder")
    library = _open_library(db)
    console = Console(stderr=True)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                      transient=True, console=console, disable=not console.is_terminal) as bar:
            task = bar.add_task("Importing", total=None, rate="")

            def progress(step: ImportProgress) -> None:
                rate = f"{step.rate:.1f} files/s" if step.rate else ""
                bar.update(task, completed=step.done, total=step.total, rate=rate,
                           description=f"Importing {printable(step.current[:40], single_line=True)}")

            report = library.import_paths(present, progress, workers=None, metadata_file=args.metadata, published=args.published,
                                          cluster=cluster)
    finally:
        library.close()
    for problem in report.warnings:
        warn(problem)
    for error in report.errors:
        warn(f"skipped {error}")
    repaired = f"; {report.repaired} repaired (their article file was missing or damaged)" if report.repaired else ""
    print(printable(f"Imported {report.added} article(s) into {db}; {report.already_there} already there{repaired}; "
                    f"{len(report.errors) + len(missing)} skipped.", single_line=True))
    if report.dated_from_corpus:
        print(printable("Dated from other articles telling the same happening (≈): " + ", ".join(report.dated_from_corpus),
                        single_line=True))
    if report.stopped:
        warn(report.stopped)
        return EXIT_ERROR
    if report.added == 0 and (report.errors or missing) and not report.already_there:
        raise InputError("nothing was imported")
    return EXIT_ERROR if report.errors or report.warnings or missing else 0


def _cluster_spec(args):
    """Where `import` parses: None for this machine's own processes, else a dask cluster (checked
    before the store is opened, so a missing dask or a bad count is one line and nothing else)."""
    from store import InputError

    if args.cluster is None and args.workers is None:
        return None
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers {args.workers}: give at least 1")
    from store.cluster import ClusterSpec, require_distributed

    require_distributed()
    return ClusterSpec(address=args.cluster, workers=args.workers)


def cmd_quotes(args, db: Path) -> int:
    from dataclasses import replace

    from store import DIRECT, Library, quotes_by_name_or_role
    from store.quote_export import date_shown, speaker_shown

    def shown(ref) -> str:
        return speaker_shown(ref.quote if ref.speaker == ref.quote.speaker else replace(ref.quote, speaker=ref.speaker))

    def checked(ref) -> str:
        check = library.speaker_check(ref.article.id, ref.quote)
        return ("set by you" if check.corrected else "checked") if check else ""

    with Library.open(_existing_store(db), writable=False) as library:
        for warning in library.store.warnings:
            warn(warning)
        kind = None if args.indirect else DIRECT
        refs = quotes_by_name_or_role(library, args.speaker, kind) if args.speaker else library.quotes(kind)
        if args.speaker and not refs:
            warn(f"no quotes by “{args.speaker}” in {db}")
            return EXIT_ERROR
        claims = library.claims(refs)
        records = []
        for claim in claims:
            first = next((r for r in claim.refs if r.speaker == claim.speaker), claim.refs[0])  # one the majority speaker said
            records.append({
                "text": claim.text,
                "speaker": claim.speaker,
                "speaker_type": first.quote.speaker_kind,
                "kind": first.quote.kind,
                "sources": [
                    {"file": r.article.file, "title": r.article.title, "label": r.article.label,
                     "published": r.article.published, "speaker": r.speaker, "speaker_shown": shown(r),
                     "confidence": r.quote.confidence, "checked": checked(r), "published_shown": date_shown(r.article)}
                    for r in claim.refs
                ],
                "disputed": claim.disputed,
                "confidence": first.quote.confidence,
                "candidate": first.quote.candidate,
                "speaker_shown": shown(first),  # « Joe Biden (54 %) » below 70 %
                "checked": checked(first),
            })
    for record in records:
        if args.json:
            print(json_line(record))
            continue
        mark = f"  ✓ {record['checked']}" if record["checked"] else ""
        print(printable(f"«{record['text']}» — {record['speaker_shown']}{mark}", single_line=True))
        for source in record["sources"]:
            where = f"{source['label']}, {source['published_shown'] or 'no date'} ({source['file']})"
            if record["disputed"] or source["speaker_shown"] != record["speaker_shown"]:
                where += f" — {source['speaker_shown']}"  # the sources disagree: each says who
            print("    in " + printable(where, single_line=True))
    return 0


def cmd_extract(args, db: Path) -> int:
    from store import InputError, article_json, expand_paths, parse_together

    files = expand_paths(args.paths)
    if not files:
        raise InputError("no article files found in " + ", ".join(map(str, args.paths)))
    parsed, skipped = parse_together(files, args.metadata, args.published, paths_as_given=True)  # the files given together are the corpus
    for reason in skipped:
        warn(f"skipped {reason}")
    user_speakers = None
    if db.exists():  # the speakers the user set or checked in the store apply to the same articles here
        from store.user_speakers import UserSpeakers

        user_speakers = UserSpeakers(db, read_only=True)
    for article, source in parsed:
        record = article_json(article, source, user_speakers)  # lays the user's speakers over the article's
        print(_summary(article, user_speakers) if args.summary else json_line(record))
    return EXIT_ERROR if skipped else 0


def _summary(article, user_speakers=None) -> str:
    from store import PERSON
    from store.quote_export import speaker_shown

    def said(quote) -> str:
        check = user_speakers.get(article.id, quote) if user_speakers else None
        return speaker_shown(quote) + (f"  ✓ {'set by you' if check.corrected else 'checked'}" if check else "")

    lines = [f"{article.file}: {article.label} — {article.published or 'no date'}",
             f"  people: {', '.join(e.name for e in article.entities_of(PERSON)) or 'none'}",
             f"  {len(article.quotes)} quote(s), {len(article.events)} dated event(s)"]
    lines += [f"  «{q.text}» — {said(q)}" for q in article.quotes]
    return "\n".join(printable(line, single_line=True) for line in lines)


def cmd_evaluate(args, db: Path) -> int:
    from store import evaluate_files

    print(printable(evaluate_files(args.gold, args.paths, args.metadata, args.published)))  # it names files and quotes article text
    return 0


def cmd_restore(args, db: Path) -> int:
    from store import rebuild_index, restore_backup

    print(printable(rebuild_index(db) if args.rebuild else restore_backup(db), single_line=True))
    return 0


def cmd_export(args, db: Path) -> int:
    from store import InputError, Library, parse_published
    from store.quote_export import QuoteFilter, gold_json, quote_rows, select_quotes, write_rows

    for name in ("since", "until"):
        if getattr(args, name):
            setattr(args, name, parse_published(getattr(args, name), f"--{name}"))  # InputError names what is not a date
    with Library.open(_existing_store(db), writable=False) as library:
        for warning in library.store.warnings:
            warn(warning)
        if args.gold:
            gold = gold_json(library)
            write_text(args.gold, json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
            quotes = sum(len(a["quotes"]) for a in gold["articles"])
            print(printable(f"Wrote {quotes} quote(s) you set or checked, from {len(gold['articles'])} article(s), "
                            f"to {args.gold}", single_line=True))
            return 0
        wanted = QuoteFilter(args.speaker, args.words, args.since, args.until, args.outlet, args.indirect)
        rows = quote_rows(library, select_quotes(library, wanted))
    if not rows:
        raise InputError(f"no quotes match in {db}")
    text = write_rows(rows, args.format)
    if args.output:
        write_text(args.output, text)
        print(printable(f"Wrote {len(rows)} quote(s) to {args.output}", single_line=True), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def write_text(path: Path, text: str) -> None:
    """UTF-8, the BOM of a CSV included in `text`; line ends as written."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def cmd_serve(args, db: Path) -> int:
    from store import InputError

    from .web import is_loopback, serve

    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise InputError("serve needs textual-serve: pip install textual-serve") from None
    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port}: not a port (1-65535)")
    if not args.writable:
        _existing_store(db)  # read-only cannot import the seeds: say so now, not in each browser tab
    if not is_loopback(args.host):
        warn(f"serving on {args.host}: anyone who can reach this address can read the store"
             + ("" if not args.writable else " and change it") + "; there is no login")
    serve(db, args.host, args.port, args.writable, args.public_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
