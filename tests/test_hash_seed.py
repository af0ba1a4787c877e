"""Propositions do not depend on Python's hash seed: sums of word weights are exact.

A weight summed over a set of words is summed in the set's order, which changes with
``PYTHONHASHSEED``; rounded differently, a similarity at a threshold grouped claims one
way under one seed and another way under the next. This FNC-1 dev story (five article
bodies about one rumour) gave 12 propositions under seed 0 and 11 under seeds 1 to 3.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

BODIES = ("1812", "1894", "2050", "2199", "2363")

SCRIPT = """
import json, sys
from pathlib import Path
from provenance.extract.files import extract_files
from provenance.relate.propositions import propositions
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
claims = extract_files(paths).claims
print(json.dumps([[p.id, p.text, {s.value: list(i) for s, i in p.sides.items()}]
                  for p in propositions(claims)]))
"""


def propositions_under(seed: str, folder: Path) -> str:
    """The propositions of the folder's articles, computed in a process with ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_propositions_are_the_same_under_every_hash_seed(shared: Path, tmp_path: Path) -> None:
    """The same articles give the same propositions whatever the hash seed."""
    with (shared / "data" / "fnc1" / "dev_bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    for body in BODIES:
        (tmp_path / f"body_{body}.txt").write_text(bodies[body], encoding="utf-8")
    first = propositions_under("0", tmp_path)
    assert first.startswith("[[")
    for seed in ("1", "2"):
        assert propositions_under(seed, tmp_path) == first


def test_the_seeds_report_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    """The whole JSON report of the bundled corpus, byte for byte, under three seeds
    (no cache: each run reads, relates and groups from the start)."""
    root = Path(__file__).resolve().parents[1]

    def report(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PROVENANCE_CACHE_DIR": ""}
        command = [sys.executable, "-m", "provenance", "report", "--format", "json"]
        done = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    first = report("0")
    assert '"propositions"' in first
    assert report("1") == first
    assert report("2") == first
