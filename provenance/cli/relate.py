"""``provenance relate --pairs FILE.csv``: relate arbitrary text pairs; writes nothing.

Prints one JSON object per row: ``{"id", "relation", "score", "reasons"}`` with the
relation one of agrees, contradicts, related, unrelated (the stance of text b toward a).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from rich.progress import Progress

from provenance.errors import InputError, UsageError
from provenance.model import Reason
from provenance.relate.engine import relate_texts
from provenance.relate.features import features
from provenance.relate.rules import idf_table
from provenance.report import terminal

NAME = "relate"
HELP = "relate text pairs from a CSV file: agrees, contradicts, related or unrelated"
FORMATS = ("jsonl", "json")


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


def read_pairs(path: Path, columns: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """(id, a, b) of every row; one-line errors for a missing file, bad bytes or columns."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            missing = [c for c in columns if c not in header]
            if missing:
                raise UsageError(
                    f"{path}: no column {', '.join(map(repr, missing))} (has {', '.join(header)})"
                )
            return [
                (row[columns[0]], row[columns[1]] or "", row[columns[2]] or "") for row in reader
            ]
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: not a regular file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})"
        ) from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a CSV file ({exc})") from None


def reason_record(reason: Reason) -> dict[str, Any]:
    """The JSON form of a reason."""
    return {"code": reason.code, "detail": reason.detail, "words": list(reason.words)}


def run(args: argparse.Namespace) -> int:
    rows = read_pairs(Path(args.pairs), (args.id_col, args.a_col, args.b_col))
    err = terminal.err_console()
    idf = idf_table([features(b) for b in sorted({b for _, _, b in rows})])
    records = []
    with Progress(
        console=err, transient=True, disable=len(rows) < 200 or not err.is_terminal
    ) as bar:
        task = bar.add_task("relating", total=len(rows))
        for row_id, a, b in rows:
            kind, score, reasons = relate_texts(a, b, idf)
            records.append(
                {
                    "id": row_id,
                    "relation": str(kind),
                    "score": score,
                    "reasons": [reason_record(r) for r in reasons],
                }
            )
            bar.advance(task)
    if args.format == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} pairs related", file=sys.stderr)
    return 0
