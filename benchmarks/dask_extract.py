"""Extraction over a Dask bag on a local cluster of worker processes, against one process.

    .venv/bin/python benchmarks/dask_extract.py [--runs 3] [--workers 2] [--partitions 8]

Needs the ``provenance[dask]`` extra. Over every PolNeAR train + dev text, interleaved
(so a busy machine slows each alike), ``--runs`` times each: the wall time of
``python -m provenance extract --format jsonl --jobs 1`` (output captured), and of a
fresh ``LocalCluster`` of ``--workers`` single-threaded worker processes started,
``documents_bag(files).map(extract_records).flatten()`` computed into JSON lines and the
cluster closed (start-up included; the compute alone is reported too). Fails (exit 1)
unless the cluster's lines equal the command's byte for byte. The last line printed is
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster

import provenance

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def texts(folder: Path) -> list[str]:
    """Every ``text/*.txt`` of the train and dev splits."""
    splits = ("train", "dev")
    return sorted(str(p) for split in splits for p in (folder / split / "text").glob("*.txt"))


def serial(files: list[str]) -> tuple[float, str]:
    """Wall seconds of ``provenance extract --format jsonl --jobs 1``, and what it printed."""
    command = [sys.executable, "-m", "provenance", "extract", "--format", "jsonl", "--jobs", "1"]
    begin = time.perf_counter()
    done = subprocess.run([*command, *files], capture_output=True, text=True, check=True)
    return time.perf_counter() - begin, done.stdout


def on_cluster(files: list[str], workers: int, partitions: int) -> tuple[float, float, str]:
    """Wall seconds with a fresh cluster (start-up and close included), seconds of the
    compute alone, and the JSON lines computed."""
    begin = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        started = time.perf_counter()
        claims = provenance.documents_bag(files, partitions=partitions)
        lines = claims.map(provenance.extract_records).flatten()
        computed = lines.map(json.dumps, ensure_ascii=False).compute()
        compute = time.perf_counter() - started
    return time.perf_counter() - begin, compute, "".join(line + "\n" for line in computed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    args = parser.parse_args(argv)
    files = texts(args.polnear)
    one: list[float] = []
    whole: list[float] = []
    compute: list[float] = []
    same = True
    for _ in range(args.runs):
        seconds, expected = serial(files)
        one.append(seconds)
        wall, inner, got = on_cluster(files, args.workers, args.partitions)
        whole.append(wall)
        compute.append(inner)
        same = same and got == expected
    record: dict[str, Any] = {
        "docs": len(files),
        "cores": len(os.sched_getaffinity(0)),
        "workers": args.workers,
        "partitions": args.partitions,
        "serial_s": round(statistics.median(one), 2),
        "cluster_s": round(statistics.median(whole), 2),
        "cluster_compute_s": round(statistics.median(compute), 2),
        "speedup": round(statistics.median(one) / statistics.median(whole), 2),
        "identical": same,
    }
    print(f"{len(files)} docs; --jobs 1: {record['serial_s']} s; Dask, {args.workers} workers:")
    print(f"  {record['cluster_s']} s with start-up ({record['cluster_compute_s']} s compute);")
    print(f"  {record['speedup']}x; output identical: {same}")
    print(json.dumps(record))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
