"""Command line: ``python -m etl build [--check]``, ``extract FILE|-``, ``add FILE|URL ...``,
``remove ID --reason ...``, ``reconvert`` and ``export --format FMT [--table NAME] --out
PATH``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from etl.sources import (
    MAX_ARTICLE_BYTES,
    SourceError,
    decode_text,
    read_bounded,
    read_text_file,
)

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def figure_records(text: str, reference_date: date | None = None) -> list[dict]:
    """The ``extract`` command's JSON objects, one per money figure in ``text``."""
    from etl.attributes import records
    from etl.extract import extract

    result = extract(text, "stdin", reference_date)
    return [{
        **records(f),
        "amount_usd": f.amount_usd,
        "amount_high_usd": f.amount_high_usd,
        "sentence": result.sentences[f.sentence_index].text,
        "sentence_start": result.sentences[f.sentence_index].start,
        "start": f.start,
        "end": f.end,
    } for f in result.figures]


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.file == "-":
        data = sys.stdin.buffer.read(args.max_bytes + 1)
        text = decode_text(data, "standard input", args.max_bytes)
    else:
        text = read_text_file(Path(args.file), args.max_bytes)
    out = sys.stdout
    for record in figure_records(text, args.date):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from etl.build import run_build

    return run_build(Path(args.data), check_only=args.check, quiet=args.quiet,
                     workers=args.workers, scheduler=args.scheduler, cache=not args.no_cache)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


class ManifestEntry(BaseModel):
    """One line of an ``add --manifest`` file."""

    model_config = ConfigDict(extra="forbid", strict=True)

    file: str = Field(min_length=1, max_length=4096)
    title: str | None = None
    publisher: str | None = None
    date_published: str | None = None
    author: str | None = None
    url: str | None = None
    page: str | None = None
    rights: str | None = None
    id: str | None = None
    date_added: str | None = None


def _manifest_jobs(manifest: Path) -> list[tuple[Path, dict]]:
    jobs = []
    text = read_text_file(manifest, 20_000_000)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = ManifestEntry.model_validate_json(line)
        except ValidationError as exc:
            problems = "; ".join(
                (f"{'.'.join(str(p) for p in e['loc'])}: " if e["loc"] else "")
                + e["msg"] for e in exc.errors())
            raise SourceError(f"{manifest}: line {n}: {problems}") from None
        fields = entry.model_dump(exclude={"file"})
        path = Path(entry.file)
        if not path.is_absolute():
            path = manifest.parent / path
        jobs.append((path, {**fields, "_where": f"{manifest}: line {n}"}))
    return jobs


def _iso_date(value: object) -> object:
    """A page's date as YYYY-MM-DD when it carries a time too; anything else unchanged."""
    return value[:10] if isinstance(value, str) and len(value) > 10 and value[4] == "-" \
        else value


def _cmd_add(args: argparse.Namespace) -> int:
    from etl.build import run_build
    from etl.library import NewSource, add_sources, converted, validate_meta

    data_dir = Path(args.data)
    jobs: list[tuple[Path, dict]] = []
    if args.manifest:
        jobs += _manifest_jobs(Path(args.manifest))
    for file in args.files:
        target = file if file.startswith(("http://", "https://")) else Path(file)
        jobs.append((target, {"title": args.title, "publisher": args.publisher,
                                  "date_published": args.published, "author": args.author,
                                  "url": args.url, "page": args.page, "rights": args.rights,
                                  "_where": file}))
    if not jobs:
        raise SourceError("name a FILE to add, or --manifest with one JSON object a line")
    today = date.today().isoformat()
    items = []
    for path, fields in jobs:  # every entry is read and checked before anything is written
        where = fields.pop("_where")
        if isinstance(path, str):  # a web page: its own metadata fill what is not given
            from etl import web

            page = web.fetch(path, web.TIMEOUT_SECONDS, web.MAX_PAGE_BYTES)
            text, original, snapshot = page.text, page.original, page.snapshot
            fields = {**{k: v for k, v in page.meta.items() if v}, **{
                k: v for k, v in fields.items() if v is not None}}
            fields["date_published"] = _iso_date(fields.get("date_published"))
        else:
            from etl.pdf import MAX_PDF_BYTES

            # a PDF may be larger than its text; a text file is held to the article limit
            text, original, snapshot = converted(read_bounded(path, MAX_PDF_BYTES), str(path))
        if not fields.get("title") or not fields.get("publisher") or not fields.get(
                "date_published"):
            raise SourceError(f"{where}: --title, --publisher and --published are required")
        fields = {k: v for k, v in fields.items() if v is not None}
        fields.setdefault("rights", "Rights not recorded: check before sharing the text")
        fields.setdefault("date_added", today)
        try:
            meta = validate_meta(fields)
        except SourceError as exc:
            raise SourceError(f"{where}: {exc}") from None
        items.append(NewSource(text, meta, original=original, snapshot=snapshot))
    if args.check:
        return _check_against_corpus(data_dir, items)
    folders = add_sources(data_dir, items, replace=args.replace)
    for n, (item, folder) in enumerate(zip(items, folders, strict=True), 1):
        print(f"[{n}/{len(items)}] added {item.meta.id} ({len(item.text):,} characters) to "
              f"{folder}", file=sys.stderr, flush=True)
    if args.no_build:
        return 0
    return run_build(data_dir, quiet=args.quiet)


def corpus_checks(data_dir: Path, figures: list) -> list[dict]:
    """Each money figure of a new text (etl.extract.Figure), with how it compares with
    what the published corpus holds for its series and year (nothing is written)."""
    import pandas as pd

    from etl.reconcile import check_figures
    from etl.series import series_id

    path = data_dir / "tidy" / "series_figures.parquet"
    corpus = pd.read_parquet(path.resolve()) if path.exists() else None
    rows = [{"text": f.text, "series_id": series_id(f.funder, f.recipient, f.purpose,
                                                      f.currency),
             "year": f.year, "year_type": f.year_type, "amount": f.amount,
             "amount_high": f.amount_high, "qualifier": f.qualifier, "status": f.status,
             "start": f.start} for f in figures if f.kind != "total"]
    for row, (verdict, documents) in zip(rows, check_figures(rows, corpus), strict=True):
        row["corpus"], row["corpus_documents"] = verdict, documents
    return rows


def _check_against_corpus(data_dir: Path, items: list) -> int:
    from etl.tables import extract_with_tables

    for item in items:
        found = extract_with_tables(item.text, item.meta.id, item.meta.date_published,
                                    item.snapshot)
        for row in corpus_checks(data_dir, found.figures):
            year = "no year" if row["year"] is None else (
                f"{'FY' if row['year_type'] == 'fiscal' else ''}{row['year']}")
            docs = f" ({', '.join(row['corpus_documents'])})" if row["corpus_documents"] else ""
            print(f"{item.meta.id}\t{row['text']}\t{year}\t{row['series_id']}\t"
                  f"{row['corpus']}{docs}")
    print("checked only: nothing was added", file=sys.stderr)
    return 0


def _cmd_reconvert(args: argparse.Namespace) -> int:
    from etl.build import run_build
    from etl.library import reconvert

    data_dir = Path(args.data)
    changed = reconvert(data_dir)
    print(f"{len(changed)} source(s) converted again from their PDF"
          + (f": {', '.join(changed)}" if changed else ""), file=sys.stderr)
    return 0 if args.no_build or not changed else run_build(data_dir, quiet=args.quiet)


def _cmd_remove(args: argparse.Namespace) -> int:
    from etl.build import run_build
    from etl.library import remove_source

    data_dir = Path(args.data)
    kept = remove_source(data_dir, args.id, args.reason)
    print(f"removed {args.id}; kept at {kept}, recorded in curation/removals.jsonl",
          file=sys.stderr)
    return 0 if args.no_build else run_build(data_dir, quiet=args.quiet)


def _cmd_export(args: argparse.Namespace) -> int:
    import pandas as pd

    from etl.export import bundle_zip, table_bytes, write_bundle
    from etl.schema import TABLES
    from etl.txn import atomic_write, atomic_writer

    tidy = (Path(args.data) / "tidy").resolve()
    if not (tidy / "datapackage.json").exists():
        raise SourceError(f"{tidy}: no published tables; run `python -m etl build` first")
    out = Path(args.out)
    if args.format == "zip":
        if args.table:
            raise SourceError("--table does not go with --format zip (the bundle holds all)")
        if str(out) == "-":
            sys.stdout.buffer.write(bundle_zip(tidy))
            return 0
        with atomic_writer(out) as fh:  # streamed from the published files to the disk
            write_bundle(tidy, fh)
    else:
        name = args.table or "figures"
        if name not in TABLES:
            raise SourceError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        data = table_bytes(pd.read_parquet(tidy / f"{name}.parquet"), args.format, sheet=name)
        if str(out) == "-":
            sys.stdout.buffer.write(data)
            return 0
        atomic_write(out, data)
    version = json.loads((tidy / "datapackage.json").read_text("utf-8"))["version"]
    print(f"wrote {out} ({out.stat().st_size:,} bytes, data version {version})",
          file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="extract every source and publish the tidy tables")
    p.add_argument("--check", action="store_true",
                   help="build in memory and fail if data/tidy differs")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="data folder (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.add_argument("--workers", type=_positive_int, default=None,
                   help="extraction processes on this machine (default: one per core; "
                        "1 extracts in this process)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="extract on the Dask cluster at ADDRESS (tcp://host:8786)")
    p.add_argument("--no-cache", action="store_true",
                   help="re-extract every source instead of reusing data/cache")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("extract", help="print the money figures of a text as JSON Lines")
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--date", type=date.fromisoformat, default=None,
                   help="publication date (YYYY-MM-DD), to resolve 'last year' and the like")
    p.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES,
                   help="largest input accepted (default: %(default)s)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("add", help="add sources (.txt, .md, .html or .pdf) and rebuild")
    p.add_argument("files", nargs="*", help="article files or http(s) addresses; HTML is "
                   "reduced to its article text, a PDF to the text of each page (the original "
                   "is kept); a web page's title, author, date and site fill what is not given")
    p.add_argument("--title")
    p.add_argument("--publisher")
    p.add_argument("--published", help="date published, YYYY-MM-DD")
    p.add_argument("--author")
    p.add_argument("--url")
    p.add_argument("--page")
    p.add_argument("--rights", help="copyright holder and terms for the text")
    p.add_argument("--manifest", help="JSON Lines: {\"file\": ..., \"title\": ..., "
                   "\"publisher\": ..., \"date_published\": ...} a line, for batches")
    p.add_argument("--replace", action="store_true", help="replace a source with the same id")
    p.add_argument("--no-build", action="store_true", help="do not rebuild the tables")
    p.add_argument("--check", action="store_true",
                   help="add nothing: print how each figure compares with the corpus "
                   "(new, consistent with N sources, conflicts with N sources)")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="data folder (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines from the build")
    p.set_defaults(func=_cmd_add)

    p = sub.add_parser("remove", help="take a source out (kept and recorded) and rebuild")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="data folder (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=_cmd_remove)

    p = sub.add_parser("reconvert", help="convert every PDF source again from its original "
                       "(after a converter upgrade) and rebuild")
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="data folder (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=_cmd_reconvert)

    p = sub.add_parser("export", help="write the published tables as a file")
    p.add_argument("--format", required=True, choices=["csv", "json", "xlsx", "parquet", "zip"])
    p.add_argument("--table", help="documents, sentences, figures, claims or observations "
                   "(default: figures)")
    p.add_argument("--out", required=True, help="output file, or - for standard output")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="data folder (default: %(default)s)")
    p.set_defaults(func=_cmd_export)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a folder we may not write: one line, not a trace
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}; nothing was changed", file=sys.stderr)
        return 2
    except MemoryError:
        print("error: out of memory; nothing was changed", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
