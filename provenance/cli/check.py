"""``provenance check``: CI for the corpus: every document in claims.toml, attributed, current.

Exit 0 clean (warnings allowed unless ``--strict``), 1 findings, 2 usage error (no
claims.toml). Findings go
to stdout as ``text`` (the rich view), ``github`` (workflow commands) or ``json``.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.text import Text

from provenance import display
from provenance.cli import options
from provenance.ledger.check import CheckResult, Finding, check
from provenance.report import terminal

NAME = "check"
HELP = "CI: fail when a corpus document is missing from claims.toml, unattributed, or stale"
FORMATS = ("text", "github", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    options.add_ledger(parser, "the claims.toml to check")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--strict", action="store_true", help="warnings (flagged claims, stray files) fail too"
    )


def run(args: argparse.Namespace) -> int:
    result = check(args.ledger, strict=args.strict)
    if args.format == "github":
        sys.stdout.write("".join(github(finding) + "\n" for finding in result.findings))
    elif args.format == "json":
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        out = terminal.console()
        for finding in result.findings:
            out.print(text(finding), soft_wrap=True)
    print(summary(result), file=sys.stderr)
    return 0 if result.ok else 1


def location(finding: Finding) -> str:
    """``file:line:column`` as far as known."""
    parts = [finding.file, finding.line, finding.column]
    return ":".join(str(part) for part in parts if part is not None)


def text(finding: Finding) -> Text:
    """One finding for a person: where, how bad, what to do."""
    style = "finding" if finding.severity == "error" else "muted"
    line = terminal.safe(f"{location(finding)}: ", "doc")
    line.append_text(terminal.safe(f"{finding.severity}: ", style))
    line.append_text(terminal.safe(finding.message))
    return line


def github(finding: Finding) -> str:
    """``::error file=…,line=…,title=…::message``: an annotation on the pull request."""
    props = [("file", finding.file), ("line", finding.line), ("col", finding.column)]
    props.append(("title", f"provenance check: {finding.code}"))
    shown = ",".join(
        f"{key}={display.github_property(str(value))}" for key, value in props if value is not None
    )
    return f"::{finding.severity} {shown}::{display.github_data(finding.message)}"


def as_json(result: CheckResult) -> dict[str, object]:
    """One JSON document for tools."""
    findings = [
        {
            "severity": f.severity,
            "code": f.code,
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "message": f.message,
        }
        for f in result.findings
    ]
    return {
        "ok": result.ok,
        "documents": result.documents,
        "claims": result.claims,
        "findings": findings,
    }


def summary(result: CheckResult) -> str:
    """The stderr line: clean, or how many errors and warnings."""
    seen = f"{result.documents} documents, {result.claims} claims"
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    if not result.findings:
        return f"provenance check: ok ({seen})"
    return f"provenance check: {errors} error(s), {warnings} warning(s) ({seen})"
