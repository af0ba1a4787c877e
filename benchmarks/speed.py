r"""Speed of reader + pipeline over the PolNeAR train and dev texts, and whole CLI runs.

    .venv/bin/python benchmarks/speed.py [--runs 3] [--polnear ../shared/data/polnear]

Reports docs/s and claims/s (median of the runs, in-process), the peak resident memory of
this process and the peak Python allocation of one run (tracemalloc). Then, in the same
run and interleaved (so a busy machine slows each alike), the median wall time of
``python -m provenance extract --format jsonl --jobs N`` over every text (output to
/dev/null) for N = 1 and 2, and of the regex floor: a Python process that reads the same
files and runs ``re.findall(r"\w+")`` over each; with the ratios --jobs 1 / floor and
--jobs 1 / --jobs 2. Then the start-up: the median wall and CPU seconds of ``python -m
provenance extract --format jsonl`` on one seed article (``--starts`` runs). Fails (exit
1) unless every CLI run exits 0. The last line printed is one JSON object.
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
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_6a190f3d635b5ef0.txt"


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


FLOOR = """
import re, sys
for name in sys.argv[1:]:
    with open(name, encoding="utf-8", newline="") as handle:
        re.findall(r"\\w+", handle.read())
"""


def floor_run(paths: list[Path]) -> dict[str, Any]:
    """The regex floor: a Python process reading every path and finding its words."""
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", FLOOR, *map(str, paths)], check=False)
    return {"exit": done.returncode, "seconds": round(time.perf_counter() - begin, 3)}


def cli_run(paths: list[Path], jobs: int = 1) -> dict[str, Any]:
    """One ``provenance extract --format jsonl --jobs N`` subprocess over every path."""
    command = [sys.executable, "-m", "provenance", "extract", "--format", "jsonl"]
    command += ["--jobs", str(jobs)]
    begin, used = time.perf_counter(), _children_cpu()
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
    cpu = round(_children_cpu() - used, 3)
    return {
        "exit": done.returncode,
        "seconds": round(seconds, 3),
        "cpu": cpu,
        "stderr_last": summary[0],
    }


def start_up(runs: int) -> dict[str, Any]:
    """Median wall and CPU seconds of ``provenance extract --format jsonl`` on one seed."""
    timings = [cli_run([SEED]) for _ in range(runs)]
    return {
        "runs": runs,
        "exit": max(t["exit"] for t in timings),
        "seconds": round(statistics.median(t["seconds"] for t in timings), 3),
        "cpu": round(statistics.median(t["cpu"] for t in timings), 3),
    }


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def processes(paths: list[Path], runs: int) -> dict[str, Any]:
    """Median wall seconds of the floor, ``--jobs 1`` and ``--jobs 2``, runs interleaved."""
    timings: dict[str, list[dict[str, Any]]] = {"floor": [], "jobs1": [], "jobs2": []}
    for _ in range(runs):
        timings["floor"].append(floor_run(paths))
        timings["jobs1"].append(cli_run(paths, 1))
        timings["jobs2"].append(cli_run(paths, 2))
    medians = {k: statistics.median(r["seconds"] for r in v) for k, v in timings.items()}
    return {
        "runs": runs,
        "exit": max(r["exit"] for v in timings.values() for r in v),
        "seconds": {k: round(v, 3) for k, v in medians.items()},
        "cpu_seconds": {
            k: round(statistics.median(r["cpu"] for r in timings[k]), 3) for k in ("jobs1", "jobs2")
        },
        "load_average": round(os.getloadavg()[0], 2),
        "docs_per_s": {k: round(len(paths) / v, 1) for k, v in medians.items()},
        "jobs1_over_floor": round(medians["jobs1"] / medians["floor"], 1),
        "jobs1_over_jobs2": round(medians["jobs1"] / medians["jobs2"], 2),
        "stderr_last": timings["jobs1"][0]["stderr_last"],
    }


def machine() -> str:
    """The CPU architecture, core count and Python version."""
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def measure(paths: list[Path], runs: int, starts: int) -> dict[str, Any]:
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
        "cli": processes(paths, runs),
        "start": start_up(starts),
        "machine": machine(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="folder with train/ and dev/")
    parser.add_argument("--starts", type=int, default=9, help="start-up runs (median reported)")
    args = parser.parse_args()
    paths = texts(args.polnear)
    if not paths:
        print(f"no PolNeAR texts under {args.polnear}", file=sys.stderr)
        return 2
    figures = measure(paths, args.runs, args.starts)
    print(
        f"{figures['docs']} docs, {figures['claims']} claims: {figures['docs_per_s']} docs/s, "
        f"{figures['claims_per_s']} claims/s (median of {args.runs}); "
        f"peak RSS {figures['peak_rss_mb']} MB, Python peak {figures['python_peak_mb']} MB"
    )
    cli = figures["cli"]
    seconds, rates = cli["seconds"], cli["docs_per_s"]
    print(
        f"processes over all texts (median of {cli['runs']}, wall): "
        f"--jobs 1 {seconds['jobs1']} s ({rates['jobs1']} docs/s), "
        f"--jobs 2 {seconds['jobs2']} s ({rates['jobs2']} docs/s), "
        f"regex floor {seconds['floor']} s; --jobs 1 is {cli['jobs1_over_floor']}× the floor, "
        f"--jobs 2 is {cli['jobs1_over_jobs2']}× faster than --jobs 1; exit {cli['exit']}"
    )
    print(
        f"CPU seconds (user + system, median): --jobs 1 {cli['cpu_seconds']['jobs1']}, "
        f"--jobs 2 {cli['cpu_seconds']['jobs2']} (all workers); load average "
        f"{cli['load_average']} on {os.cpu_count()} cores at the end (others' work slows --jobs 2)"
    )
    start = figures["start"]
    print(
        f"start-up, extract --format jsonl on {SEED.name} (median of {start['runs']}): "
        f"{start['seconds']} s wall, {start['cpu']} CPU s; exit {start['exit']}"
    )
    print(json.dumps(figures, sort_keys=True))
    return 0 if cli["exit"] == 0 and start["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
