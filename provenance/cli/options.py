"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

from provenance.ledger import store


def add_ledger(parser: argparse.ArgumentParser, what: str = "the claims.toml") -> None:
    """``--ledger PATH``: the claims.toml a command reads (default: ./claims.toml)."""
    parser.add_argument(
        "--ledger",
        type=Path,
        default=Path(store.LEDGER),
        metavar="PATH",
        help=f"{what} (default: ./claims.toml); its paths are relative to its folder",
    )
