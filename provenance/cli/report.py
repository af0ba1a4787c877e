"""``provenance report``: the conflict report from claims.toml; never writes claims.toml."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.progress import Progress

from provenance import tables
from provenance.cli import options
from provenance.errors import UsageError
from provenance.ledger import store
from provenance.model import Claim, Ledger, Relation
from provenance.relate.engine import relate_claims
from provenance.report import terminal
from provenance.report.formats import FORMATTERS, Step, no_step
from provenance.report.model import Filters, build, capped, usable

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


def filters_of(args: argparse.Namespace, ledger: Ledger) -> Filters:
    """The Filters the options ask for; a usage error for a document claims.toml lacks."""
    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}")
    return Filters(
        speakers=tuple(args.speaker),
        docs=tuple(doc_path(name, args.ledger, ledger) for name in args.doc),
        since=args.since,
        until=args.until,
        min_score=args.min_score,
        show_dismissed=args.show_dismissed,
    )


def doc_path(name: str, ledger_path: Path, ledger: Ledger) -> str:
    """A --doc argument as claims.toml names it: as given, or relative to the ledger's folder."""
    known = {doc.path for doc in ledger.documents}
    root = os.path.abspath(ledger_path.parent)
    relative = Path(os.path.relpath(os.path.abspath(name), root)).as_posix()
    for candidate in (Path(name).as_posix(), relative):
        if candidate in known:
            return candidate
    raise UsageError(f"--doc {name}: not a document of {ledger_path}")


def stale_documents(root: Path, ledger: Ledger, step: Step) -> list[str]:
    """Documents missing or changed (sha256) since claims.toml recorded them."""
    advance = step("checking documents", len(ledger.documents))
    stale = []
    for doc in ledger.documents:
        path = store.present(root, doc.path)
        if path is None or (doc.sha256 and store.file_sha256(path) != doc.sha256):
            stale.append(doc.path)
        advance()
    return stale


def relations_of(claims: Sequence[Claim], step: Step) -> tuple[Relation, ...]:
    """The relations between the claims (the relation engine)."""
    advance = step("relating claims", None)
    found = relate_claims(claims)
    advance()
    return found


@contextmanager
def progress(documents: int) -> Iterator[Step]:
    """Steps with a transient progress bar on a terminal's stderr for a large corpus.

    stdout is not redirected: the report never passes through the bar's console.
    """
    err = terminal.err_console()
    least = int(tables.load("ledger/ledger")["progress_min_documents"])
    with Progress(
        console=err,
        transient=True,
        disable=not err.is_terminal or documents < least,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:

        def step(label: str, total: int | None) -> Callable[[], None]:
            task = bar.add_task(label, total=total)
            return lambda: bar.advance(task)

        yield step


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    _, ledger, warnings = store.read(args.ledger)
    for warning in warnings:
        print(f"provenance: warning: {terminal.neutralise(warning)}", file=sys.stderr)
    filters = filters_of(args, ledger)
    write = FORMATTERS[args.format]
    on_screen = out.isatty()  # the report itself shows progress; a bar would garble it
    with progress(len(ledger.documents)) as step:
        stale = stale_documents(args.ledger.parent, ledger, step)
        relations = relations_of(usable(ledger), step)
        step("building the report", None)
        report = build(ledger, relations, filters, stale)
        if args.format != "json":
            report = capped(report, args.limit)
        if not on_screen:
            write(report, out, args.width, step)
    if on_screen:
        write(report, out, args.width, no_step)
    return 0
