"""Relations between the claims of a corpus: how many of each kind, and the contradictions.

    python benchmarks/claims_bench.py [--split train,dev] [--show contradicts|agrees|related]
    python benchmarks/claims_bench.py --split dev --propositions

Extracts the claims of every PolNeAR ``text/*.txt`` of the given splits (reader and
pipeline, as ``provenance sync`` does), relates them with ``relate_claims`` and prints
the count of each relation kind and every relation of the kind ``--show`` (default:
the contradictions) with its reasons, to judge them by hand. There is no gold for
relations: the figures are counts to compare before and after a change.

``--propositions`` groups the same claims into propositions instead (as ``provenance
report`` does) and prints their count, how many are disputed (claims on both sides),
the claims against, and the largest proposition's claims: on a corpus of many stories
most disputes are topical noise, and a proposition that gathers a large share of the
corpus has chained unrelated claims together.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.model import Claim, Relation, Side
from provenance.relate.engine import relate_claims
from provenance.relate.propositions import propositions

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus_claims(splits: list[str]) -> list[Claim]:
    """The claims of every text of the PolNeAR ``splits``."""
    claims: list[Claim] = []
    for split in splits:
        for path in sorted((SHARED / "data" / "polnear" / split / "text").glob("*.txt")):
            claims.extend(extract(read_document(path, f"{split}/{path.name}")))
    return claims


def describe(relation: Relation, by_id: dict[str, Claim]) -> str:
    """One relation with its reasons and both claims, for reading."""
    reasons = "; ".join(f"{r.code} {' / '.join(r.words)}" for r in relation.reasons)
    lines = [f"--- {relation.kind.value} {relation.score} {reasons}"]
    for key in (relation.a, relation.b):
        claim = by_id[key]
        speaker = claim.speaker.text if claim.speaker else ""
        lines.append(f"  [{claim.stance.value}] {speaker}: {claim.content_text[:220]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train,dev")
    parser.add_argument("--show", default="contradicts")
    parser.add_argument("--propositions", action="store_true", help="group, do not relate")
    args = parser.parse_args(argv)
    claims = corpus_claims(args.split.split(","))
    if args.propositions:
        found = propositions(claims)
        sizes = [sum(len(ids) for ids in p.sides.values()) for p in found]
        disputed = sum(1 for p in found if p.sides[Side.FOR] and p.sides[Side.AGAINST])
        against = sum(len(p.sides[Side.AGAINST]) for p in found)
        print(
            f"{len(claims)} claims; {len(found)} propositions, {disputed} disputed,"
            f" {against} claims against, largest {max(sizes, default=0)} claims"
        )
        return 0
    started = time.perf_counter()
    relations = relate_claims(claims)
    elapsed = time.perf_counter() - started
    by_id = {c.id: c for c in claims}
    for relation in relations:
        if relation.kind.value == args.show:
            print(describe(relation, by_id))
    counts = collections.Counter(r.kind.value for r in relations)
    print(f"{len(claims)} claims; {dict(sorted(counts.items()))}")
    print(f"relate_claims in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
