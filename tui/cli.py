"""`ukr-tui` and its subcommands. Every user error is one line on stderr and a non-zero exit."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__

EXIT_USAGE, EXIT_ERROR = 2, 1


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print the whole usage first
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
    extract.add_argument("--json", action="store_true", required=True, help="one JSON object per file, one per line")
    evaluate = commands.add_parser("evaluate", parents=[common, dating], help="score extraction against a gold file")
    evaluate.add_argument("gold", type=Path, metavar="GOLD.json")
    evaluate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from store import InputError, StoreError, default_store_path

    db = getattr(args, "db", None) or default_store_path()
    try:
        if args.command is None:
            return run_tui(db)
        return {"import": cmd_import, "quotes": cmd_quotes, "extract": cmd_extract, "evaluate": cmd_evaluate}[args.command](args, db)
    except (InputError, StoreError) as error:
        print(f"ukr-tui: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("ukr-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def run_tui(db: Path) -> int:
    from store import bundled_seeds_dir

    from .app import UkrTuiApp

    app = UkrTuiApp(db, bundled_seeds_dir())
    app.run()
    return app.return_code or 0


def _open_library(db: Path):
    from store import Library, StoreError

    library = Library.open(db)
    if library.read_only:
        library.close()
        raise StoreError(f"{db}: another ukr-tui is writing to this store; try again when it has finished")
    return library


def cmd_import(args, db: Path) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store import ImportProgress, InputError

    missing = [p for p in args.paths if not p.exists()]
    present = [p for p in args.paths if p.exists()]
    if not present:
        raise InputError(f"{missing[0]}: no such file or folder")
    for path in missing:
        print(f"ukr-tui: skipped {path}: no such file or folder", file=sys.stderr)
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
                           description=f"Importing {step.current[:40]}")

            report = library.import_paths(present, progress, workers=None, metadata_file=args.metadata, published=args.published)
    finally:
        library.close()
    for error in report.errors:
        print(f"ukr-tui: skipped {error}", file=sys.stderr)
    print(f"Imported {report.added} article(s) into {db}; {report.already_there} already there; {len(report.errors) + len(missing)} skipped.")
    if report.dated_from_corpus:
        print(f"Dated from other articles reporting the same happening (≈): {', '.join(report.dated_from_corpus)}")
    if report.added == 0 and (report.errors or missing) and not report.already_there:
        raise InputError("nothing was imported")
    return EXIT_ERROR if report.errors or missing else 0


def cmd_quotes(args, db: Path) -> int:
    from store import DIRECT, Library

    with Library.open(db, writable=False) as library:
        kind = None if args.indirect else DIRECT
        refs = library.quotes_by(args.speaker, kind) if args.speaker else library.quotes(kind)
        if args.speaker and not refs:
            print(f"ukr-tui: no quotes by “{args.speaker}” in {db}", file=sys.stderr)
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
                {"file": r.article.file, "title": r.article.title, "published": r.article.published, "speaker": r.speaker}
                for r in claim.refs
            ],
            "disputed": claim.disputed,
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            dates = ", ".join(sorted({s["published"] or "no date" for s in record["sources"]}))
            print(f"«{claim.text}» — {claim.speaker or '?'} ({len(record['sources'])} source(s), {dates})")
    return 0


def cmd_extract(args, db: Path) -> int:
    from store import InputError, article_json, canonicalise, expand_paths, parse_file
    from store.anchoring import date_from_corpus
    from store.metadata import metadata_for

    files = expand_paths(args.paths)
    if not files:
        raise InputError("no article files found in " + ", ".join(map(str, args.paths)))
    metadata = metadata_for(files, args.metadata, args.published)
    articles, failed = [], 0
    for path in files:
        try:
            articles.append(parse_file(path, metadata=metadata.get(path)))
        except InputError as error:
            print(f"ukr-tui: skipped {error}", file=sys.stderr)
            failed += 1
    canonicalise(articles)
    date_from_corpus(articles)  # the files extracted together are the corpus
    for article in articles:
        print(json.dumps(article_json(article), ensure_ascii=False))
    return EXIT_ERROR if failed else 0


def cmd_evaluate(args, db: Path) -> int:
    from store import evaluate_files

    print(evaluate_files(args.gold, args.paths, args.metadata, args.published))
    return 0


if __name__ == "__main__":
    sys.exit(main())
