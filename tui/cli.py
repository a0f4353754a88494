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
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    dating = argparse.ArgumentParser(add_help=False)
    dating.add_argument("--metadata", type=Path, metavar="FILE.csv",
                        help="dates, outlets, addresses of the files (columns file,published,source,url,title); "
                             "default: a metadata.csv beside them")
    dating.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date of the one file given")
    importing = commands.add_parser("import", parents=[common, dating], help="add article files or folders to the store")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    quotes = commands.add_parser("quotes", parents=[common], help="list stored quotes")
    quotes.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes (any spelling of the name)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from store import InputError, StoreError, default_store_path

    db = getattr(args, "db", None) or default_store_path()
    commands = {"import": cmd_import, "quotes": cmd_quotes, "extract": cmd_extract, "evaluate": cmd_evaluate,
                "restore": cmd_restore}
    try:
        if args.command is None:
            return run_tui(db)
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


def run_tui(db: Path) -> int:
    from store import bundled_seeds_dir

    from .app import UkrTuiApp

    app = UkrTuiApp(db, bundled_seeds_dir())
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

            report = library.import_paths(present, progress, workers=None, metadata_file=args.metadata, published=args.published)
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


def cmd_quotes(args, db: Path) -> int:
    from store import DIRECT, Library

    with Library.open(_existing_store(db), writable=False) as library:
        for warning in library.store.warnings:
            warn(warning)
        kind = None if args.indirect else DIRECT
        refs = library.quotes_by(args.speaker, kind) if args.speaker else library.quotes(kind)
        if args.speaker and not refs:
            warn(f"no quotes by “{args.speaker}” in {db}")
            return EXIT_ERROR
        claims = library.claims(refs)
    for claim in claims:
        first = claim.refs[0]
        record = {
            "text": claim.text,
            "speaker": claim.speaker,
            "speaker_type": first.quote.speaker_kind,
            "kind": first.quote.kind,
            "sources": [
                {"file": r.article.file, "title": r.article.title, "label": r.article.label,
                 "published": r.article.published, "speaker": r.speaker}
                for r in claim.refs
            ],
            "disputed": claim.disputed,
            "confidence": first.quote.confidence,
            "candidate": first.quote.candidate,
        }
        if args.json:
            print(json_line(record))
        else:
            who = claim.speaker or ("? (perhaps " + first.quote.candidate + ")" if first.quote.candidate else "?")
            print(printable(f"«{claim.text}» — {who}", single_line=True))
            for source in record["sources"]:
                where = f"{source['label']}, {source['published'] or 'no date'} ({source['file']})"
                print("    in " + printable(where, single_line=True))
    return 0


def cmd_extract(args, db: Path) -> int:
    from store import InputError, article_json, expand_paths, parse_together

    files = expand_paths(args.paths)
    if not files:
        raise InputError("no article files found in " + ", ".join(map(str, args.paths)))
    parsed, skipped = parse_together(files, args.metadata, args.published)  # the files given together are the corpus
    for reason in skipped:
        warn(f"skipped {reason}")
    for article, source in parsed:
        print(_summary(article) if args.summary else json_line(article_json(article, source)))
    return EXIT_ERROR if skipped else 0


def _summary(article) -> str:
    from store import PERSON

    lines = [f"{article.file}: {article.label} — {article.published or 'no date'}",
             f"  people: {', '.join(e.name for e in article.entities_of(PERSON)) or 'none'}",
             f"  {len(article.quotes)} quote(s), {len(article.events)} dated event(s)"]
    lines += [f"  «{q.text}» — {q.speaker or '?'}" for q in article.quotes]
    return "\n".join(printable(line, single_line=True) for line in lines)


def cmd_evaluate(args, db: Path) -> int:
    from store import evaluate_files

    print(printable(evaluate_files(args.gold, args.paths, args.metadata, args.published)))  # it names files and quotes article text
    return 0


def cmd_restore(args, db: Path) -> int:
    from store import rebuild_index, restore_backup

    print(printable(rebuild_index(db) if args.rebuild else restore_backup(db), single_line=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
