"""``provenance eval --polnear DIR``: attribution accuracy against an annotated corpus."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rich.table import Table

from provenance import errors
from provenance.cli.progress import steps
from provenance.evaluate import scoring
from provenance.evaluate.run import score_folder
from provenance.evaluate.scoring import Case
from provenance.report import terminal

NAME = "eval"
HELP = "score the segmenter against a PolNeAR-style annotated folder (text/ + attributions/)"
FORMATS = ("text", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--polnear", metavar="DIR", required=True, help="folder with text/ and attributions/"
    )
    parser.add_argument(
        "--errors",
        metavar="FILE",
        help="write misses, false alarms, differing pairs and left-out nested claims as JSONL",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")


def _row(grid: Table, label: str, figures: dict[str, Any]) -> None:
    numbers = [f"{figures[k]:.3f}" for k in ("p", "r", "f1")]
    counts = [str(figures[k]) for k in ("tp", "pred", "gold")]
    grid.add_row(label, *numbers, *counts)


def table(record: dict[str, Any]) -> Table:
    """The text view: one row per figure, counts in the caption."""
    grid = Table(
        title=f"{record['docs']} docs, {record['gold_attributions']} gold attributions, "
        f"{record['pred_attributions']} predicted",
        caption=_caption(record),
    )
    grid.add_column("metric", no_wrap=True)
    for column in ("P", "R", "F1", "tp", "pred", "gold"):
        grid.add_column(column, justify="right", no_wrap=True)
    _row(grid, "attribution partial", record["partial"])
    _row(grid, "attribution strict", record["strict"])
    _row(grid, "partial, many-to-many", record["partial_any"])
    counted = record["nested"]["counted"]
    _row(grid, "partial, nested counted", counted["partial"])
    _row(grid, "strict, nested counted", counted["strict"])
    for role, figures in record["tokens"].items():
        _row(grid, f"tokens {role}", figures)
    pairs = record["pairs"]
    for role in scoring.PAIR_ROLES:
        for kind in ("exact", "overlap"):
            _row(grid, f"pairs: {role} {kind}", pairs[f"{role}_{kind}"])
    return grid


def _caption(record: dict[str, Any]) -> str:
    pairs = record["pairs"]
    parts = [
        f"{pairs['matched']} matched pairs",
        f"{pairs['source_null_agree']} with no source on either side",
        f"{record['gold_dropped_no_content']} gold attributions without content dropped",
        f"{record['nested']['left_out']} nested claims left out (PolNeAR marks only the outer"
        " attribution)",
    ]
    parts += [f"{key} {value}" for key, value in sorted(record["warnings"].items())]
    return "; ".join(parts)


def error_lines(cases: Iterable[Case]) -> Iterator[str]:
    """The JSONL lines of ``--errors``."""
    for case in cases:
        for record in scoring.error_records(case):
            yield json.dumps(record, ensure_ascii=False) + "\n"


def write_errors(path: str, cases: list[Case]) -> None:
    """Write the error lines to ``path`` (a one-line error when it cannot be written)."""
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(error_lines(cases))
    except OSError as exc:
        raise errors.cannot_write(path, exc.strerror or str(exc)) from None


def run(args: argparse.Namespace) -> int:
    with steps() as step:
        evaluation = score_folder(Path(args.polnear), step)
    cases, record = list(evaluation.cases), evaluation.record
    if args.errors:
        write_errors(args.errors, cases)
    if args.format == "json":
        sys.stdout.write(json.dumps(record, sort_keys=True) + "\n")
    else:
        terminal.console().print(table(record))
    print(f"scored {len(cases)} documents", file=sys.stderr)
    return 0
