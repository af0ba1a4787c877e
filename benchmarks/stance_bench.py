"""Stance benchmarks of the relation engine on Emergent and FNC-1 (dev halves).

    python benchmarks/stance_bench.py emergent [--half a|b] [--out DIR]
    python benchmarks/stance_bench.py fnc1 [--half a|b] [--out DIR]

Runs ``provenance.relate.engine.relate_pairs`` on every pair, writes predictions as JSONL
(``DIR/<dataset>[-half].jsonl``) and scores them with the reference scorer
``../shared/bench/stance_score.py`` (imported, so the figures are the scorer's own).
``--half`` keeps one half of the dev data, split by claim id (Emergent) or body id
(FNC-1) on the parity of their md5: we tune on half a and check on half b. With a half,
the matching gold rows are written to ``DIR/<dataset>-<half>-gold.csv`` so the scorer
can be run by hand on the same rows.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from provenance.model import RelationKind
from provenance.relate.engine import relate_pairs

SHARED = Path(__file__).resolve().parents[2] / "shared"
LABELS = {
    "emergent": {
        RelationKind.AGREES: "for",
        RelationKind.CONTRADICTS: "against",
        RelationKind.RELATED: "observing",
        RelationKind.UNRELATED: "observing",
    },
    "fnc1": {
        RelationKind.AGREES: "agree",
        RelationKind.CONTRADICTS: "disagree",
        RelationKind.RELATED: "discuss",
        RelationKind.UNRELATED: "unrelated",
    },
}


def scorer() -> ModuleType:
    """The reference scorer module."""
    spec = importlib.util.spec_from_file_location(
        "stance_score", SHARED / "bench" / "stance_score.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_half(key: str, half: str | None) -> bool:
    """Whether a claim or body id falls in half a (md5 even) or b (odd); None keeps all."""
    if half is None:
        return True
    odd = int(hashlib.md5(key.strip().encode("utf-8")).hexdigest(), 16) % 2
    return (half == "b") == bool(odd)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def emergent(
    half: str | None,
) -> tuple[list[str], list[dict[str, str]], list[tuple[str, str]], str]:
    """Header, gold rows, (claim, headline) pairs and id column of Emergent dev."""
    fields, rows = read_rows(SHARED / "data" / "emergent" / "dev.csv")
    rows = [r for r in rows if in_half(r["claimId"], half)]
    return fields, rows, [(r["claimHeadline"], r["articleHeadline"]) for r in rows], "id"


def fnc1(half: str | None) -> tuple[list[str], list[dict[str, str]], list[tuple[str, str]], str]:
    """Header, gold rows, (headline, body) pairs and id column of FNC-1 dev."""
    _, body_rows = read_rows(SHARED / "data" / "fnc1" / "dev_bodies.csv")
    bodies = {r["Body ID"].strip(): r["articleBody"] for r in body_rows}
    fields, rows = read_rows(SHARED / "data" / "fnc1" / "dev_stances.csv")
    rows = [r for r in rows if in_half(r["Body ID"], half)]
    return fields, rows, [(r["Headline"], bodies[r["Body ID"].strip()]) for r in rows], "Pair ID"


def write_gold(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """The gold rows of one half, for scoring by hand."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=sorted(LABELS))
    parser.add_argument("--half", choices=("a", "b"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args(argv)
    fields, rows, pairs, id_col = (emergent if args.dataset == "emergent" else fnc1)(args.half)
    started = time.perf_counter()
    judged = relate_pairs(pairs)
    elapsed = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.dataset + (f"-{args.half}" if args.half else "")
    pred = args.out / f"{stem}.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for row, (kind, score, _) in zip(rows, judged, strict=True):
            label = LABELS[args.dataset][kind]
            fh.write(json.dumps({"id": row[id_col], "label": label, "score": score}) + "\n")
    gold = (
        SHARED
        / "data"
        / args.dataset
        / ("dev.csv" if args.dataset == "emergent" else "dev_stances.csv")
    )
    if args.half:
        gold = args.out / f"{stem}-gold.csv"
        write_gold(gold, fields, rows)
    reference = scorer()
    res, labels, mapped, extra = reference.score_files(str(gold), str(pred))
    print(reference.fmt_report(res, labels, mapped, extra))
    print(
        f"\n{len(pairs)} pairs in {elapsed:.1f} s; predictions: {pred}; gold: {gold}",
        file=sys.stderr,
    )
    print(json.dumps(reference.headline(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
