"""The command line: ``provenance COMMAND``. Each command is a thin call of one library function.

Every command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, console) -> int``. Data goes to stdout; progress and summaries to stderr.
A command module is imported only when needed: ``provenance extract …`` imports the
extract command alone (not rich, the ledger or the report), so it starts fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn, TextIO

from provenance import __version__, display
from provenance.errors import ProvenanceError, ProvenanceWarning, UsageError

# command name ─► its module under provenance/cli/, in the order ``--help`` lists them
MODULES = {
    "report": "report",
    "extract": "extract",
    "eval": "evaluate",
    "init": "init",
    "sync": "sync",
    "check": "check",
    "relate": "relate",
}


def command(name: str) -> ModuleType:
    """The module of the command ``name`` (imported on first use)."""
    return importlib.import_module(f"provenance.cli.{MODULES[name]}")


def __getattr__(name: str) -> tuple[ModuleType, ...]:
    """``COMMANDS``: every command module (all imported), in ``--help`` order."""
    if name == "COMMANDS":
        return tuple(command(n) for n in MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` owns every exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone (its module the
    only one imported: what ``main`` does when the first argument names a command)."""
    parser = _Parser(
        prog="provenance",
        description="Who said what, when, where it was reported, and where sources disagree.",
    )
    parser.add_argument("--version", action="version", version=f"provenance {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only in MODULES else MODULES:
        module = command(name)
        sub_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(run=module.run)
    return parser


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Our warnings as one plain line on stderr; others as Python shows them."""
    if issubclass(category, ProvenanceWarning):
        print(f"provenance: warning: {message}", file=file or sys.stderr)
    else:
        _python_show_warning(message, category, filename, lineno, file, line)


_python_show_warning = warnings.showwarning


def describe_os_error(exc: OSError) -> str:
    """``PATH: what the system said`` for an error no stage turned into a ProvenanceError."""
    reason = exc.strerror or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason


# Garbage collection thresholds of a command's process (``gc.set_threshold``). A command
# builds a few large structures that hold no cycles (a ledger of 143k claims is millions
# of objects); at Python's default (700, 10, 10) the collector scans them over and over,
# a fifth of a cold ``sync`` or ``check`` of such a ledger. Cycles are still collected.
GC_THRESHOLDS = (10_000, 20, 20)


def _silence_stdout() -> None:
    """Point standard output at the null device: what is still buffered for a reader
    that left is dropped, and the interpreter's last flush fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real standard output (captured in tests): nothing to do
        pass


def end_now(code: int) -> NoReturn:
    """End this process at once with ``code``, its output flushed: what a command kept
    (``args.kept``: a report of 143k claims holds millions of objects) is not freed one
    object at a time (2 s of a large report). No exit handler is needed: every command
    has closed its files and worker pools when it returns."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left: as ``main`` does for the command's own writes
        code = 0
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 ok, 1 error or findings, 2 usage).

    Without ``argv`` it runs this process's command line, sets the process's garbage
    collection for it (``GC_THRESHOLDS``; what the imports made is frozen, never scanned
    again) and ends the process when the command has run (``end_now``); called with
    ``argv`` (from Python) it leaves the caller's as they are and returns."""
    process = argv is None
    warnings.showwarning = _show_warning
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv else None)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        if process:  # the command's modules are imported: what they made lives to the end
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
        args.ends_process = process  # a command may then leave what it made to ``end_now``
        code = int(args.run(args))
        if process:
            end_now(code)
        return code
    except ProvenanceError as exc:
        print(f"provenance: error: {display.one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader left (``| head``): no error, nothing more to say
        _silence_stdout()
        return 0
    except OSError as exc:  # the system refused (disk full, read-only, permission): one line
        print(f"provenance: error: {display.one_line(describe_os_error(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("provenance: interrupted", file=sys.stderr)
        return 130
