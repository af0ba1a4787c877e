"""Sides of real stories: ``../shared/bench/story_bench.py`` on the FNC-1 dev stories.

    .venv/bin/python benchmarks/story_bench.py [--out benchmarks/out/stories] [--dump DIR]

Builds the stories once (FNC-1 dev bodies grouped by the claim they are about: one
folder of articles each, with each article's label), then scores them: every story is
run through ``provenance init news`` and ``provenance report --format json`` in a
scratch folder, and the sides the report's propositions give the articles are compared
with the labels (side recall and precision, agreement recall, false agreement). The
last line is one JSON object. ``--dump DIR`` writes each story's main proposition with
the claims on each side, for reading by hand.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "story_bench.py"
FNC1 = SHARED / "data" / "fnc1"


def main() -> int:
    return run(__doc__.split("\n\n")[0], ROOT / "benchmarks" / "out" / "stories", build)


def build(out: Path) -> None:
    """The stories of the FNC-1 dev half, by the reference script's ``build``."""
    command = [sys.executable, str(BENCH), "build", "--out", str(out)]
    command += ["--stances", str(FNC1 / "dev_stances.csv")]
    command += ["--bodies", str(FNC1 / "dev_bodies.csv")]
    subprocess.run(command, check=True)


def run(description: str, default_out: Path, make: Callable[[Path], None]) -> int:
    """The command line of a story benchmark: ``--out`` (built by ``make`` when missing)
    and ``--dump``, then the reference scorer over the folder; its exit status."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--dump", type=Path, help="write each story's sides for reading")
    args = parser.parse_args()
    if not BENCH.is_file():
        print(f"{BENCH}: not found (../shared beside the repository)", file=sys.stderr)
        return 2
    if not args.out.is_dir():
        make(args.out)
    return score(args.out, args.dump)


def score(out: Path, dump: Path | None) -> int:
    """The reference scorer's ``score`` over the story folders of ``out``, run with this
    interpreter's provenance; its exit status."""
    python = sys.executable
    command = [python, str(BENCH), "score", str(out), "--provenance", f"{python} -m provenance"]
    command += ["--dump", str(dump)] if dump else []
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
