"""Attribution accuracy on a PolNeAR split with one command (a thin call of ``provenance eval``).

    .venv/bin/python benchmarks/polnear_eval.py [--split dev|train] [--errors FILE] [--format json]

The split folders are looked up in ``../shared/data/polnear`` beside the repository.
The figures are those of ``../shared/bench/polnear_score.py`` (tests/test_evaluation.py
checks that they agree); partial attribution F1 is the headline figure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from provenance.cli import main as provenance

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--errors", metavar="FILE", help="write misses and false alarms as JSONL")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args()
    argv = ["eval", "--polnear", str(POLNEAR / args.split), "--format", args.format]
    return provenance(argv + (["--errors", args.errors] if args.errors else []))


if __name__ == "__main__":
    sys.exit(main())
