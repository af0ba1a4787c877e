"""Draw docs/report.svg: the head of `provenance report` on the project's claims.toml.

Run from the repository root after `provenance sync` (or a change to the report):

    .venv/bin/python docs/make_report_svg.py [--ledger claims.toml] [--out docs/report.svg]

The picture shows the summary, the contradictions and the agreements, at width 100,
as rich draws them in a terminal. Output is deterministic: commit it when it changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from provenance.ledger import store
from provenance.relate.engine import relate_claims
from provenance.report.formats import svg
from provenance.report.model import build, usable

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path, default=HERE.parent / "claims.toml")
    parser.add_argument("--out", type=Path, default=HERE / "report.svg")
    args = parser.parse_args()
    ledger = store.open_ledger(args.ledger)
    report = build(ledger, relate_claims(usable(ledger)))
    args.out.write_text(svg(report), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
