"""Sides per headline: the story bench over every FNC-1 dev headline with both sides.

    .venv/bin/python benchmarks/headline_bench.py [--out benchmarks/out/headlines] [--dump DIR]

``story_bench.py`` scores 29 stories (the headlines joined through the articles they
share, one headline each), of which 14 have articles on both sides: a small sample. Here
every FNC-1 dev headline that labels at least one article ``agree`` and one ``disagree``
is a story of its own: its labelled articles (discuss ones too, unscored, as in life)
in one folder with the headline and labels in ``key.json``, the format of
``../shared/bench/story_bench.py``, whose ``score`` command then scores them (its
figures, its main-proposition rule). An article may stand in several such stories, under
different headlines. Dev data only; the held-back half is never read.
"""

from __future__ import annotations

import collections
import csv
import json
import sys
from pathlib import Path

from story_bench import FNC1, ROOT, run


def build(out: Path) -> None:
    """One folder per headline with both sides."""
    with open(FNC1 / "dev_bodies.csv", encoding="utf-8", newline="") as f:
        text = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    labels: dict[str, dict[str, str]] = collections.defaultdict(dict)
    with open(FNC1 / "dev_stances.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Stance"] != "unrelated":
                labels[row["Headline"]][row["Body ID"]] = row["Stance"]
    chosen = sorted(h for h, got in labels.items() if {"agree", "disagree"} <= set(got.values()))
    for i, headline in enumerate(chosen, 1):
        folder = out / f"story_{i:03d}"
        (folder / "news").mkdir(parents=True, exist_ok=True)
        files = {}
        for body, label in sorted(labels[headline].items(), key=lambda x: int(x[0])):
            name = f"news/body_{int(body):05d}.txt"
            (folder / name).write_text(text[body], encoding="utf-8")
            files[name] = label
        key = {"headline": headline, "files": files}
        (folder / "key.json").write_text(json.dumps(key, indent=1, ensure_ascii=False), "utf-8")
    print(f"{len(chosen)} headline stories written to {out}", file=sys.stderr)


def main() -> int:
    return run(__doc__.split("\n\n")[0], ROOT / "benchmarks" / "out" / "headlines", build)


if __name__ == "__main__":
    sys.exit(main())
