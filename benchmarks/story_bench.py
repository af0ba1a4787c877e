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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "story_bench.py"
FNC1 = SHARED / "data" / "fnc1"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "stories")
    parser.add_argument("--dump", type=Path, help="write each story's sides for reading")
    args = parser.parse_args()
    if not BENCH.is_file():
        print(f"{BENCH}: not found (../shared beside the repository)", file=sys.stderr)
        return 2
    python = sys.executable
    if not args.out.is_dir():
        build = [python, str(BENCH), "build", "--out", str(args.out)]
        build += ["--stances", str(FNC1 / "dev_stances.csv")]
        build += ["--bodies", str(FNC1 / "dev_bodies.csv")]
        subprocess.run(build, check=True)
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
