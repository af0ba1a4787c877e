"""Same input, same bytes: the story corpora under several Python hash seeds.

    .venv/bin/python benchmarks/determinism.py [--seeds 0 1 2] [--stories DIR] [--polnear dev|train]

Every FNC-1 story folder that ``benchmarks/story_bench.py`` builds (``benchmarks/out/
stories``, built first when missing) is run through ``provenance init news`` and
``provenance report --format json`` once per ``PYTHONHASHSEED``, each in a fresh
folder with no cache; claims.toml and the report must be byte-identical under every
seed. ``--polnear dev`` adds the 84 PolNeAR dev texts as one corpus, ``--polnear
train`` the 840 train texts (about 17k claims related at once: slower). A set's
iteration order changes with the seed, so anything that sums floats, breaks ties or
picks "the first" in a set's order shows here; the test suite guards one story and
the seeds, this script every story. Exit 1 and the story names when any output
differs; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def digest(folder: Path, seed: str) -> tuple[str, str]:
    """SHA-256 of claims.toml after ``init`` and of the JSON report, under ``seed``."""
    work = Path(tempfile.mkdtemp(prefix="determinism-"))
    try:
        shutil.copytree(folder, work / "news")
        env = {**os.environ, "PYTHONHASHSEED": seed, "PROVENANCE_CACHE_DIR": str(work / "cache")}
        run = [sys.executable, "-m", "provenance"]
        subprocess.run([*run, "init", "news"], cwd=work, env=env, check=True, capture_output=True)
        report = subprocess.run(
            [*run, "report", "--format", "json"], cwd=work, env=env, check=True, capture_output=True
        ).stdout
        ledger = (work / "claims.toml").read_bytes()
        return hashlib.sha256(ledger).hexdigest(), hashlib.sha256(report).hexdigest()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def corpora(stories: Path, polnear: list[str]) -> list[tuple[str, Path]]:
    """(name, folder of articles) for every story, and the PolNeAR splits asked for."""
    found = [(p.name, p / "news") for p in sorted(stories.iterdir()) if (p / "news").is_dir()]
    found += [(f"polnear-{split}", POLNEAR / split / "text") for split in polnear]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", nargs="+", default=["0", "1", "2"])
    parser.add_argument("--stories", type=Path, default=ROOT / "benchmarks" / "out" / "stories")
    parser.add_argument(
        "--polnear",
        action="append",
        default=[],
        choices=["dev", "train"],
        help="also a PolNeAR split as one corpus (repeatable)",
    )
    args = parser.parse_args()
    if len(args.seeds) < 2:
        parser.error("give at least two seeds to compare")
    if not args.stories.is_dir():
        bench = ROOT / "benchmarks" / "story_bench.py"
        print(f"building the stories with {bench.name} …", file=sys.stderr)
        subprocess.run([sys.executable, str(bench), "--out", str(args.stories)], check=True)
    for split in args.polnear:
        if not (POLNEAR / split / "text").is_dir():
            print(
                f"{POLNEAR / split}: not found (../shared beside the repository)", file=sys.stderr
            )
            return 2
    start = time.perf_counter()
    differ = []
    todo = corpora(args.stories, args.polnear)
    for n, (name, folder) in enumerate(todo, 1):
        seen = {seed: digest(folder, seed) for seed in args.seeds}
        same = len(set(seen.values())) == 1
        print(f"[{n}/{len(todo)}] {name}: {'same' if same else 'DIFFERS'}", file=sys.stderr)
        if not same:
            differ.append(name)
    summary = {
        "corpora": len(todo),
        "seeds": args.seeds,
        "differ": differ,
        "seconds": round(time.perf_counter() - start, 1),
    }
    print(json.dumps(summary))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
