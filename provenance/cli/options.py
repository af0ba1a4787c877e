"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

from provenance.extract.parallel import available_cores


def add_ledger(parser: argparse.ArgumentParser, what: str = "the claims.toml") -> None:
    """``--ledger PATH``: the claims.toml a command reads (default: ./claims.toml)."""
    from provenance.ledger import store  # here: ``extract`` never loads the ledger code

    parser.add_argument(
        "--ledger",
        type=Path,
        default=Path(store.LEDGER),
        metavar="PATH",
        help=f"{what} (default: ./claims.toml); its paths are relative to its folder",
    )


def add_jobs(
    parser: argparse.ArgumentParser,
    what: str = "worker processes that extract documents (default: the cores this process "
    "may use, here %(default)s; 1 extracts in this process); the output is the same",
) -> None:
    """``--jobs N``: worker processes (default: the cores this process may use)."""
    parser.add_argument(
        "--jobs", "-j", type=_positive, default=available_cores(), metavar="N", help=what
    )


def _positive(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value
