"""``provenance sync [FOLDER…]``: update claims.toml from the corpus, keeping every hand edit."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from provenance import tables
from provenance.cli import options
from provenance.ledger.merge import EVENTS
from provenance.ledger.sync import Notify, SyncSummary, sync_file
from provenance.report import terminal

NAME = "sync"
HELP = "update claims.toml from the documents in its corpus folders (keeps every hand edit)"
SHOWN = 8  # ids listed per line of the summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folders",
        nargs="*",
        metavar="FOLDER",
        help="corpus folders to add (creates claims.toml when there is none)",
    )
    add_common(parser)
    parser.add_argument(
        "--reextract",
        action="store_true",
        help="extract unchanged documents again (after the rules improved); ids are kept",
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="drop a deleted document's untouched claims and record; a person's stay, flagged",
    )


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options sync and init share."""
    options.add_ledger(parser)
    parser.add_argument(
        "--wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another sync's lock",
    )
    options.add_jobs(parser)


def folders_of(args: argparse.Namespace) -> list[str]:
    """FOLDER arguments (relative to the working folder) made relative to the ledger's folder."""
    root = os.path.abspath(args.ledger.parent)
    return [Path(os.path.relpath(os.path.abspath(f), root)).as_posix() for f in args.folders]


def run(args: argparse.Namespace) -> int:
    return run_sync(args, create=False)


def run_sync(args: argparse.Namespace, create: bool) -> int:
    """Sync (or init) and print what changed to stderr; 1 when a document could not be read."""
    err = terminal.err_console()

    def say(message: str, style: str = "") -> None:
        err.print(terminal.safe(message, style), soft_wrap=True)

    with _progress(err) as progress:
        done = sync_file(
            args.ledger,
            folders_of(args),
            create=create,
            warn=lambda message: say(f"provenance: warning: {message}", "finding"),
            timeout=args.wait,
            reextract=getattr(args, "reextract", False),
            progress=progress,
            jobs=args.jobs,
            prune=getattr(args, "prune", False),
        )
    for line in summary(done, args.ledger):
        say(line)
    for failure in done.failures:
        say(f"provenance: error: {failure}", "finding")
    return 1 if done.failures else 0


@contextmanager
def _progress(err: Console) -> Iterator[Notify]:
    """A progress callback: a bar on a terminal once enough documents went by, else nothing."""
    least = int(tables.load("ledger/ledger")["progress_min_documents"])
    with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("syncing", total=None, visible=False)
        seen = 0

        def advance(path: str) -> None:
            nonlocal seen
            seen += 1
            if seen >= least:
                bar.update(task, visible=True, description=f"syncing: {seen} documents")

        yield advance


def summary(done: SyncSummary, ledger: Path) -> list[str]:
    """Plain lines: document counts, then each event with its count and first ids."""
    docs = done.documents
    counts = ", ".join(f"{len(paths)} {state}" for state, paths in docs.items() if paths)
    lines = [f"documents: {counts or 'none'}"]
    for state in ("new", "changed", "missing"):
        lines += _named(f"  {state}", docs.get(state, ()))
    for event in EVENTS:
        lines += _named(f"{event.replace('reanchored', 're-anchored')}", done.events.get(event, ()))
    lines.append(f"wrote {ledger}" if done.written else f"{ledger}: already up to date")
    return lines


def _named(label: str, names: tuple[str, ...]) -> list[str]:
    if not names:
        return []
    shown = ", ".join(names[:SHOWN]) + (
        f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    )
    return [f"{label} {len(names)}: {shown}"]
