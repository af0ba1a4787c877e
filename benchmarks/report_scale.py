"""Report cost on a growing corpus of near-duplicate copies: PolNeAR train+dev ×1, ×2, ×4, ×8.

    .venv/bin/python benchmarks/report_scale.py [--scales 1,2,4,8] [--work DIR] [--reuse]

Builds the copies with ``../shared/bench/make_copies.py --out DIR/corpus -n MAX`` (copy 0 is
the articles as they are; copy j > 0 swaps six words of each article), then for each scale
N runs ``provenance init c0 … c{N-1} --ledger DIR/corpus/claims-xN.toml`` (skipped with
``--reuse`` when that ledger exists) and times ``provenance report --format json`` over it
(stdout to a file, to count claims and relations). Wall time and peak resident memory are
those of the child process alone (``os.wait4``). Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
PROVENANCE = [sys.executable, "-m", "provenance"]


def timed(command: list[str], cwd: Path, stdout: Path | None = None) -> dict[str, Any]:
    """Run ``command``: its exit code, wall seconds and peak RSS (MiB), of this child only."""
    sink = open(stdout, "w") if stdout else open(os.devnull, "w")  # noqa: SIM115 (closed below)
    begin = time.perf_counter()
    with sink:
        child = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": child.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),  # KiB on Linux
    }


def counts(report: Path) -> dict[str, int]:
    """Claims and relations (by kind) in a report's JSON."""
    data = json.loads(report.read_text(encoding="utf-8"))
    kinds: dict[str, int] = {}
    for relation in data["relations"]:
        kinds[relation["kind"]] = kinds.get(relation["kind"], 0) + 1
    copies = sum(len(c.get("copies", ())) for c in data["claims"].values())
    return {"claims": len(data["claims"]), "copies": copies, **kinds}


def one_scale(corpus: Path, n: int, reuse: bool) -> dict[str, Any]:
    """init (unless reused) and report --format json over the first ``n`` copies."""
    ledger = corpus / f"claims-x{n}.toml"
    row: dict[str, Any] = {"scale": n}
    if not (reuse and ledger.exists()):
        ledger.unlink(missing_ok=True)
        folders = [f"c{j}" for j in range(n)]
        row["init"] = timed([*PROVENANCE, "init", *folders, "--ledger", ledger.name], corpus)
    out = corpus / f"report-x{n}.json"
    command = [*PROVENANCE, "report", "--format", "json", "--ledger", ledger.name]
    row["report"] = timed(command, corpus, stdout=out)
    row.update(counts(out))
    return row


def table(rows: list[dict[str, Any]]) -> str:
    """The growth table, one line a scale."""
    head = (
        f"{'scale':>5} {'claims':>8} {'copies':>7} {'contra':>6} {'agrees':>7} {'related':>8}"
        f" {'init s':>7} {'report s':>9} {'report MiB':>11}"
    )
    lines = [head]
    for r in rows:
        init = r.get("init", {}).get("seconds", "-")
        lines.append(
            f"{'x' + str(r['scale']):>5} {r['claims']:>8} {r['copies']:>7}"
            f" {r.get('contradicts', 0):>6} {r.get('agrees', 0):>7} {r.get('related', 0):>8}"
            f" {init:>7} {r['report']['seconds']:>9} {r['report']['peak_rss_mib']:>11}"
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
    rows = []
    for n in scales:
        rows.append(one_scale(corpus, n, args.reuse))
        print(table(rows).splitlines()[-1], file=sys.stderr, flush=True)
    print(table(rows))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(json.dumps({"rows": rows, "machine": machine}, sort_keys=True))
    failed = [r for r in rows if r["report"]["exit"] or r.get("init", {}).get("exit")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
