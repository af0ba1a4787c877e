"""``provenance extract FILE…``: print the claims of the given files; writes nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.cli import options
from provenance.cli.progress import steps
from provenance.display import one_line, plural
from provenance.extract.files import Extraction, JsonLines, extract_files, extract_json_lines
from provenance.extract.records import claim_record
from provenance.model import Claim

if TYPE_CHECKING:  # rich is imported only for the rich format: JSON starts faster
    from rich.table import Table

NAME = "extract"
HELP = "print the claims found in the given article files (writes nothing)"
FORMATS = ("rich", "jsonl", "json")
BAR_FROM = 20  # files from which a progress bar is drawn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 article text files")
    parser.add_argument("--format", choices=FORMATS, default="rich", help="output format")
    options.add_jobs(parser)


def table(claims: list[Claim]) -> Table:
    """The rich view: one row a claim."""
    from rich.table import Table

    from provenance.report import terminal

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
    found: Extraction | JsonLines
    with steps(BAR_FROM) as step:
        if args.format == "jsonl":  # workers write the lines: the parent only prints them
            found = extract_json_lines(paths, step, jobs=args.jobs)
        else:
            found = extract_files(paths, step, jobs=args.jobs)
    if isinstance(found, JsonLines):
        count = len(found.lines)
        sys.stdout.writelines(line + "\n" for line in found.lines)
    elif args.format == "json":
        count = len(found.claims)
        records = [claim_record(claim) for claim in found.claims]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        from provenance.report import terminal

        count = len(found.claims)
        terminal.console().print(table(list(found.claims)))
    for failure in found.failures:
        print(f"provenance: error: {one_line(failure)}", file=sys.stderr)
    print(f"{plural(count, 'claim')} from {plural(found.files, 'file')}", file=sys.stderr)
    return 2 if found.failures else 0
