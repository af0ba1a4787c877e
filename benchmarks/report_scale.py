"""Ledger, check and report cost on a growing corpus of near-duplicate copies: PolNeAR
train+dev ×1, ×2, ×4, ×8.

    .venv/bin/python benchmarks/report_scale.py [--scales 1,2,4,8] [--work DIR] [--reuse]

Builds the copies with ``../shared/bench/make_copies.py --out DIR/corpus -n MAX`` (copy 0 is
the articles as they are; copy j > 0 swaps six words of each article), then for each scale
N runs ``provenance init c0 … c{N-1} --ledger DIR/corpus/claims-xN.toml`` (skipped with
``--reuse`` when that ledger exists) and times, in this order, with the cache folder
(``PROVENANCE_CACHE_DIR=DIR/cache``) emptied where it says *cold*:

- ``sync`` with nothing changed: cold, then warm (the second finds the first remembered);
- ``check``: cold, then warm;
- ``report --format json`` cold (stdout to a file, to count claims and relations);
- ``report --format rich --width 100`` warm (the json run filled the cache);
- ``report --format json`` warm.

Each command's wall time, CPU seconds and peak resident memory are those of its child
process (``os.wait4``: the CPU seconds include those of the children it waited for, the
peak RSS is the largest of any one process); beside them, the peak of the sum of ``Pss``
of the child and every process it forked (``/proc/PID/smaps_rollup``, sampled every
0.25 s on Linux: pages the processes share counted once), the memory the whole command
takes. A sync that rewrote the ledger (it should not) is reported. Prints a table, then
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
PROVENANCE = [sys.executable, "-m", "provenance"]


def timed(command: list[str], cwd: Path, stdout: Path | None = None) -> dict[str, Any]:
    """Run ``command``: exit code, wall and CPU seconds, peak RSS (MiB) of the largest
    process, peak Pss (MiB) of the process tree (None where /proc cannot tell)."""
    sink = open(stdout, "w") if stdout else open(os.devnull, "w")  # noqa: SIM115 (closed below)
    begin = time.perf_counter()
    with sink:
        child = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL)
        sampler = TreePss(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        sampler.stop()
    seconds = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": child.returncode,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),  # waiting for a core excluded
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),  # KiB on Linux
        "tree_pss_mib": sampler.peak_mib(),
    }


class TreePss(threading.Thread):
    """The peak sum of ``Pss`` of a process and its descendants, sampled every 0.25 s."""

    PERIOD = 0.25

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.seen = pid, 0, False
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            total = sum(pss_kib(pid) or 0 for pid in tree(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self.seen = self.seen or total > 0
            if self.done.wait(self.PERIOD):
                return

    def stop(self) -> None:
        self.done.set()
        self.join()

    def peak_mib(self) -> float | None:
        return round(self.peak_kib / 1024, 1) if self.seen else None


def tree(pid: int) -> list[int]:
    """``pid`` and every process descended from it (Linux ``/proc``; ``[pid]`` elsewhere)."""
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        try:
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children") as children:
                    todo.extend(int(word) for word in children.read().split())
        except OSError:  # gone, or no /proc
            pass
    return found


def pss_kib(pid: int) -> int | None:
    """The proportional set size of a process (KiB), None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def counts(report: Path) -> dict[str, int]:
    """Claims and relations (by kind) in a report's JSON."""
    data = json.loads(report.read_text(encoding="utf-8"))
    kinds: dict[str, int] = {}
    for relation in data["relations"]:
        kinds[relation["kind"]] = kinds.get(relation["kind"], 0) + 1
    copies = sum(len(c.get("copies", ())) for c in data["claims"].values())
    return {"claims": len(data["claims"]), "copies": copies, **kinds}


def one_scale(corpus: Path, cache: Path, n: int, reuse: bool) -> dict[str, Any]:
    """init (unless reused), then sync, check and report over the first ``n`` copies."""
    ledger = corpus / f"claims-x{n}.toml"
    row: dict[str, Any] = {"scale": n}
    if not (reuse and ledger.exists()):
        ledger.unlink(missing_ok=True)
        folders = [f"c{j}" for j in range(n)]
        row["init"] = timed([*PROVENANCE, "init", *folders, "--ledger", ledger.name], corpus)
    before = ledger.read_bytes()
    on = ["--ledger", ledger.name]
    for name, command in (("sync", ["sync", *on]), ("check", ["check", *on])):
        shutil.rmtree(cache, ignore_errors=True)
        row[f"{name}_cold"] = timed([*PROVENANCE, *command], corpus)
        row[f"{name}_warm"] = timed([*PROVENANCE, *command], corpus)
    row["ledger_unchanged"] = ledger.read_bytes() == before
    out = corpus / f"report-x{n}.json"
    shutil.rmtree(cache, ignore_errors=True)
    row["report"] = timed([*PROVENANCE, "report", "--format", "json", *on], corpus, stdout=out)
    rich = [*PROVENANCE, "report", "--format", "rich", "--width", "100", *on]
    row["rich"] = timed(rich, corpus, stdout=corpus / f"report-x{n}.txt")
    again = [*PROVENANCE, "report", "--format", "json", *on]
    row["report_warm"] = timed(again, corpus, stdout=corpus / f"report-x{n}-warm.json")
    row["report_same_warm"] = out.read_bytes() == (corpus / f"report-x{n}-warm.json").read_bytes()
    row.update(counts(out))
    return row


COLUMNS = (  # (heading, row key) of each timed command
    ("init", "init"),
    ("sync cold", "sync_cold"),
    ("sync warm", "sync_warm"),
    ("check cold", "check_cold"),
    ("check warm", "check_warm"),
    ("json", "report"),
    ("rich", "rich"),
    ("json warm", "report_warm"),
)


def table(rows: list[dict[str, Any]]) -> str:
    """The growth table, a line a scale: claims, then a cell a command: wall s / CPU s /
    peak RSS MiB of the largest process / peak Pss MiB of the process tree."""
    head = f"{'scale':>5} {'claims':>8} " + " ".join(f"{name:>26}" for name, _ in COLUMNS)
    lines = [head]
    for r in rows:
        cells = []
        for _, key in COLUMNS:
            run = r.get(key)
            if not run:
                cells.append("-")
                continue
            pss = run.get("tree_pss_mib")
            cells.append(
                f"{run['seconds']:>5} / {run['cpu_seconds']:>5} / {run['peak_rss_mib']:>4.0f}"
                f" / {'-' if pss is None else format(pss, '4.0f'):>4}"
            )
        lines.append(
            f"{'x' + str(r['scale']):>5} {r['claims']:>8} " + " ".join(f"{c:>26}" for c in cells)
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,2,4,8", help="copies per scale, comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/provenance-report-scale"))
    parser.add_argument("--reuse", action="store_true", help="keep a scale's existing ledger")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder")
    args = parser.parse_args()
    scales = sorted({int(s) for s in args.scales.split(",")})
    corpus = args.work / "corpus"
    make_copies = args.shared / "bench" / "make_copies.py"
    subprocess.run(
        [sys.executable, str(make_copies), "--out", str(corpus), "-n", str(max(scales))],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    cache = args.work / "cache"
    os.environ["PROVENANCE_CACHE_DIR"] = str(cache)  # the children's cache, emptied for "cold"
    rows = []
    for n in scales:
        rows.append(one_scale(corpus, cache, n, args.reuse))
        print(table(rows).splitlines()[-1], file=sys.stderr, flush=True)
    print(table(rows))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(json.dumps({"rows": rows, "machine": machine}, sort_keys=True))
    return 1 if any(failed(row) for row in rows) else 0


def failed(row: dict[str, Any]) -> bool:
    """A command failed (check exits 1 for findings: only 2 or more is a failure here)."""
    runs = [row.get(key) or {"exit": 0} for _, key in COLUMNS]
    checks = (row["check_cold"]["exit"], row["check_warm"]["exit"])
    others = [run["exit"] for run in runs if run not in (row["check_cold"], row["check_warm"])]
    same = row["ledger_unchanged"] and row["report_same_warm"]
    return any(others) or max(checks) > 1 or not same


if __name__ == "__main__":
    sys.exit(main())
