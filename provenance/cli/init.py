"""``provenance init [FOLDER…]``: create claims.toml for a corpus and fill it (a first sync)."""

from __future__ import annotations

import argparse

from provenance.cli import sync

NAME = "init"
HELP = "create claims.toml for the given corpus folders (default: .) and run a first sync"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="corpus folders (default: .)")
    sync.add_common(parser)


def run(args: argparse.Namespace) -> int:
    args.folders = args.folders or ["."]
    return sync.run_sync(args, create=True)
