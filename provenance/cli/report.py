"""``provenance report``: the conflict report from claims.toml; never writes claims.toml."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys

from provenance import tables
from provenance.cli import options
from provenance.cli.progress import steps
from provenance.progress import no_step
from provenance.report import terminal
from provenance.report.build import collected_after, report_file
from provenance.report.formats import FORMATTERS
from provenance.report.model import Filters

NAME = "report"
HELP = "the conflict report: contradictions first, then agreements, speakers and a timeline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    options.add_ledger(parser)
    parser.add_argument("--format", choices=tuple(FORMATTERS), default="rich")
    parser.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar="NAME",
        help="only claims whose speaker's name holds NAME (repeatable)",
    )
    parser.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="PATH",
        help="only claims of this document (repeatable)",
    )
    parser.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only statements made on or after this date",
    )
    parser.add_argument(
        "--until",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only statements made on or before this date",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        metavar="X",
        help="only relations scoring at least X (0-1)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="at most N items a section in rich, markdown and html (default 50; 0: all); "
        "json is always complete",
    )
    parser.add_argument(
        "--show-dismissed",
        action="store_true",
        help="also show relations a person dismissed in claims.toml",
    )
    options.add_jobs(
        parser,
        "processes that share the work (default: the cores this process may use, here "
        "%(default)s; 1 does it all in this process); the report is the same",
    )
    parser.add_argument(
        "--width",
        type=positive,
        metavar="N",
        help="columns for rich and html (default: the terminal's; 100 for html)",
    )


def iso_date(text: str) -> dt.date:
    """An ISO date argument."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2017-06-23") from None


def positive(text: str) -> int:
    """A positive whole number argument."""
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def filters_of(args: argparse.Namespace) -> Filters:
    """The Filters the options ask for (documents as given; the report resolves them)."""
    return Filters(
        speakers=tuple(args.speaker),
        docs=tuple(args.doc),
        since=args.since,
        until=args.until,
        min_score=args.min_score,
        show_dismissed=args.show_dismissed,
    )


def warn(message: str) -> None:
    """A warning about claims.toml, on stderr."""
    print(f"provenance: warning: {terminal.neutralise(message)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    write = FORMATTERS[args.format]
    limit = 0 if args.format == "json" else args.limit
    on_screen = out.isatty()  # the report itself shows progress; a bar would garble it
    with (
        steps(int(tables.load("ledger/ledger")["progress_min_documents"])) as step,
        collected_after(),  # reading, relating and writing keep what they make
    ):
        report = report_file(args.ledger, filters_of(args), limit, warn, step, args.jobs)
        if not on_screen:
            write(report, out, args.width, step)
        if args.ends_process:  # the collector, on again, would scan what the report made once
            gc.freeze()  # more (1 s at PolNeAR x8) just before the process ends
    if on_screen:
        write(report, out, args.width, no_step)
    args.kept = report  # left to the process's end (``cli.end_now``), not freed one by one
    return 0
