"""Speed of ``relate_claims`` on ~20k claims built from PolNeAR train+dev sentences.

    python benchmarks/stance_claims_speed.py [--claims 20000]

Each sentence of ../shared/data/polnear/{train,dev}/text/*.txt becomes one claim (the
stance is asserts): synthetic claims, real news sentences. Prints the number of claims,
candidate pairs scored,
relations found by kind, and the wall time. No all-pairs loop: candidates come from the
inverted index.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from provenance.model import Claim, Kind, Span, Stance, claim_id
from provenance.relate.body import split_sentences
from provenance.relate.candidates import candidate_pairs
from provenance.relate.engine import relate_claims
from provenance.relate.features import features

SHARED = Path(__file__).resolve().parents[2] / "shared"


def claims_from_texts(limit: int) -> list[Claim]:
    """One claim per sentence of the PolNeAR texts, up to ``limit``."""
    paths = sorted((SHARED / "data" / "polnear").glob("*/text/*.txt"))
    out: list[Claim] = []
    for path in paths:
        body = path.read_text(encoding="utf-8")
        body_id = path.stem
        start = 0
        for sentence in split_sentences(body):
            at = body.index(sentence, start)
            start = at + len(sentence)
            spans = (Span(at, start, sentence),)
            doc = f"polnear/{body_id}.txt"
            out.append(
                Claim(claim_id(doc, spans), doc, None, None, spans, Kind.INDIRECT, Stance.ASSERTS)
            )
            if len(out) >= limit:
                return out
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    args = parser.parse_args(argv)
    claims = claims_from_texts(args.claims)
    started = time.perf_counter()
    relations = relate_claims(claims)
    elapsed = time.perf_counter() - started
    pairs = len(candidate_pairs([features(c.content_text) for c in claims]))
    kinds = Counter(str(r.kind) for r in relations)
    print(f"{len(claims)} claims, {pairs} candidate pairs scored, relations {dict(kinds)}")
    print(f"relate_claims: {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
