"""``provenance eval --polnear DIR``: attribution accuracy against an annotated corpus."""

from __future__ import annotations

import argparse

from provenance.errors import UsageError

NAME = "eval"
HELP = "score the segmenter against a PolNeAR-style annotated folder (text/ + attributions/)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--polnear", metavar="DIR", required=True, help="folder with text/ and attributions/")
    parser.add_argument("--errors", metavar="FILE", help="write misses and false alarms as JSONL")


def run(args: argparse.Namespace) -> int:
    raise UsageError("eval is not built yet")
