"""``provenance relate --pairs FILE.csv``: relate arbitrary text pairs; writes nothing.

Prints one JSON object per row: ``{"id", "relation", "score", "reasons"}`` with the
relation one of agrees, contradicts, related, unrelated (the stance of text b toward a).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from provenance.cli.progress import steps
from provenance.model import Reason
from provenance.relate.pairs import relate_csv

NAME = "relate"
HELP = "relate text pairs from a CSV file: agrees, contradicts, related or unrelated"
FORMATS = ("jsonl", "json")
BAR_FROM = 200  # rows from which a progress bar is drawn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pairs", required=True, metavar="FILE.csv", help="UTF-8 CSV, one pair a row"
    )
    parser.add_argument("--id-col", required=True, metavar="C", help="column with the row id")
    parser.add_argument(
        "--a-col", required=True, metavar="C", help="column with text a (the claim)"
    )
    parser.add_argument("--b-col", required=True, metavar="C", help="column with text b")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format")


def reason_record(reason: Reason) -> dict[str, Any]:
    """The JSON form of a reason."""
    return {"code": reason.code, "detail": reason.detail, "words": list(reason.words)}


def run(args: argparse.Namespace) -> int:
    with steps(BAR_FROM) as step:
        judged = relate_csv(Path(args.pairs), (args.id_col, args.a_col, args.b_col), step=step)
    records = [
        {
            "id": row_id,
            "relation": str(kind),
            "score": score,
            "reasons": [reason_record(r) for r in reasons],
        }
        for row_id, (kind, score, reasons) in judged
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} pairs related", file=sys.stderr)
    return 0
