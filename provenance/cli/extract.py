"""``provenance extract FILE…``: print the claims of the given files; writes nothing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.progress import Progress
from rich.table import Table

from provenance.errors import ProvenanceError
from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.extract.records import claim_record
from provenance.model import Claim
from provenance.report import terminal
from provenance.report.as_rich import plural

NAME = "extract"
HELP = "print the claims found in the given article files (writes nothing)"
FORMATS = ("rich", "jsonl", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 article text files")
    parser.add_argument("--format", choices=FORMATS, default="rich", help="output format")


def claims_of(paths: Iterable[Path], failures: list[str]) -> Iterator[Claim]:
    """Claims of each readable file; a file that cannot be read is noted in ``failures``."""
    for path in paths:
        try:
            document = read_document(path)
        except ProvenanceError as exc:
            failures.append(str(exc))
            continue
        yield from extract(document)


def table(claims: list[Claim]) -> Table:
    """The rich view: one row a claim."""
    grid = Table(show_lines=False, expand=False)
    for column in ("doc", "speaker", "cue", "content", "stance", "date"):
        grid.add_column(column, overflow="fold")
    for claim in claims:
        grid.add_row(
            terminal.safe(Path(claim.doc).name, "doc"),
            terminal.safe(claim.speaker.text if claim.speaker else "—", "speaker"),
            terminal.safe(claim.cue.text if claim.cue else "—", "cue"),
            terminal.safe(claim.content_text, "content"),
            terminal.safe(str(claim.stance), f"stance.{claim.stance}"),
            terminal.safe(claim.date.isoformat() if claim.date else "", "date"),
        )
    return grid


def run(args: argparse.Namespace) -> int:
    paths = [Path(name) for name in args.files]
    failures: list[str] = []
    err = terminal.err_console()
    with Progress(
        console=err, transient=True, disable=len(paths) < 20 or not err.is_terminal
    ) as bar:
        task = bar.add_task("extracting", total=len(paths))
        claims: list[Claim] = []
        for path in paths:
            claims.extend(claims_of([path], failures))
            bar.advance(task)
    if args.format == "jsonl":
        for claim in claims:
            sys.stdout.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
    elif args.format == "json":
        records = [claim_record(claim) for claim in claims]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        terminal.console().print(table(claims))
    for failure in failures:
        print(f"provenance: error: {failure}", file=sys.stderr)
    read = len(paths) - len(failures)
    print(f"{plural(len(claims), 'claim')} from {plural(read, 'file')}", file=sys.stderr)
    return 2 if failures else 0
