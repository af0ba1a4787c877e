"""Speed of reader + pipeline over the PolNeAR train and dev texts, and a full CLI run.

    .venv/bin/python benchmarks/speed.py [--runs 3] [--polnear ../shared/data/polnear]

Reports docs/s and claims/s (median of the runs, in-process), the peak resident memory of
this process and the peak Python allocation of one run (tracemalloc), then runs
``python -m provenance extract --format jsonl`` over every text once (output to
/dev/null) and fails (exit 1) unless it exits 0. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def texts(folder: Path) -> list[Path]:
    """Every ``text/*.txt`` of the train and dev splits."""
    return sorted(p for split in ("train", "dev") for p in (folder / split / "text").glob("*.txt"))


def one_run(paths: list[Path]) -> tuple[float, int]:
    """Seconds to read and extract every path, and the number of claims found."""
    begin = time.perf_counter()
    claims = sum(len(extract(read_document(path))) for path in paths)
    return time.perf_counter() - begin, claims


def python_peak(paths: list[Path]) -> int:
    """Peak bytes Python allocated during one (untimed) run."""
    tracemalloc.start()
    one_run(paths)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def cli_run(paths: list[Path]) -> dict[str, Any]:
    """One ``provenance extract --format jsonl`` subprocess over every path, to /dev/null."""
    command = [sys.executable, "-m", "provenance", "extract", "--format", "jsonl"]
    begin = time.perf_counter()
    with open(os.devnull, "w") as sink:
        done = subprocess.run(
            [*command, *map(str, paths)],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    seconds = time.perf_counter() - begin
    summary = done.stderr.strip().splitlines()[-1:] or [""]
    return {"exit": done.returncode, "seconds": round(seconds, 2), "stderr_last": summary[0]}


def machine() -> str:
    """The CPU architecture, core count and Python version."""
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def measure(paths: list[Path], runs: int) -> dict[str, Any]:
    """The figures: medians over ``runs`` in-process runs, memory, and the CLI run."""
    timings = [one_run(paths) for _ in range(runs)]
    seconds = statistics.median(t for t, _ in timings)
    claims = timings[0][1]
    return {
        "docs": len(paths),
        "claims": claims,
        "runs": runs,
        "median_seconds": round(seconds, 3),
        "docs_per_s": round(len(paths) / seconds, 1),
        "claims_per_s": round(claims / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python_peak_mb": round(python_peak(paths) / 2**20, 1),
        "cli": cli_run(paths),
        "machine": machine(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="folder with train/ and dev/")
    args = parser.parse_args()
    paths = texts(args.polnear)
    if not paths:
        print(f"no PolNeAR texts under {args.polnear}", file=sys.stderr)
        return 2
    figures = measure(paths, args.runs)
    print(
        f"{figures['docs']} docs, {figures['claims']} claims: {figures['docs_per_s']} docs/s, "
        f"{figures['claims_per_s']} claims/s (median of {args.runs}); "
        f"peak RSS {figures['peak_rss_mb']} MB, Python peak {figures['python_peak_mb']} MB"
    )
    cli = figures["cli"]
    print(f"provenance extract over all texts: exit {cli['exit']} in {cli['seconds']} s")
    print(json.dumps(figures, sort_keys=True))
    return 0 if cli["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
