"""``--jobs N``: extraction in worker processes, a report in two: what one process gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import provenance
from provenance.cli import build_parser, main
from provenance.extract.files import extract_files, extract_json_lines
from provenance.extract.records import claim_line
from provenance.ledger import words

from .conftest import SEEDS


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds as ``news/`` with one binary file among them, in a working folder."""
    shutil.copytree(SEEDS, tmp_path / "news")
    (tmp_path / "news" / "002_bad.txt").write_bytes(b"\x00\x01")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _extract(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_with_two_jobs_prints_what_one_prints(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON lines, the failure and the summary are the same with 1 and 2 jobs."""
    files = sorted(str(p.relative_to(corpus)) for p in (corpus / "news").glob("*.txt"))
    one = _extract(["extract", "--format", "jsonl", "--jobs", "1", *files], capsys)
    two = _extract(["extract", "--format", "jsonl", "--jobs", "2", *files], capsys)
    assert one == two
    assert one[0] == 2 and "002_bad.txt: looks binary" in one[2] and one[1].count("\n") > 10


def test_init_with_two_jobs_writes_what_one_writes(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """claims.toml and the summary are byte-identical with 1 and 2 jobs."""
    assert main(["init", "news", "--jobs", "1", "--ledger", "one.toml"]) == 1
    first = capsys.readouterr().err.replace("one.toml", "X")
    assert main(["init", "news", "--jobs", "2", "--ledger", "two.toml"]) == 1
    assert capsys.readouterr().err.replace("two.toml", "X") == first
    assert (corpus / "one.toml").read_bytes() == (corpus / "two.toml").read_bytes()


def test_sync_with_two_jobs_after_a_change(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sync that extracts a changed document again in workers writes what one job writes."""
    assert main(["init", "news", "--jobs", "1"]) == 1
    shutil.copy(corpus / "claims.toml", corpus / "before.toml")
    changed = sorted((corpus / "news").glob("0*.txt"))[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAnn Lee said it rained.\n")
    assert main(["sync", "--jobs", "1"]) == 1
    one = (corpus / "claims.toml").read_bytes()
    shutil.copy(corpus / "before.toml", corpus / "claims.toml")
    capsys.readouterr()
    assert main(["sync", "--jobs", "2"]) == 1
    assert (corpus / "claims.toml").read_bytes() == one
    assert "changed 1" in capsys.readouterr().err


def test_api_extract_files_with_jobs(corpus: Path) -> None:
    """``provenance.extract_files`` gives the same claims and failures for any ``jobs``."""
    paths = sorted((corpus / "news").glob("*.txt"))
    one = provenance.extract_files(paths)
    assert provenance.extract_files(paths, jobs=2) == one
    assert one.files == len(paths) - 1 and len(one.failures) == 1


def test_json_lines_are_the_records_of_the_claims(corpus: Path) -> None:
    """Workers that write each claim's JSON line send back the lines of the claims, in
    order, and the same failures, for any ``jobs``."""
    paths = sorted((corpus / "news").glob("*.txt"))
    found = extract_files(paths)
    for jobs in (1, 2):
        lines = extract_json_lines(paths, jobs=jobs)
        assert lines.lines == tuple(map(claim_line, found.claims)) and lines.lines
        assert (lines.failures, lines.files) == (found.failures, found.files)


@pytest.mark.parametrize("fmt", ["json", "rich"])
def test_report_with_two_jobs_prints_what_one_prints(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Cold (nothing cached) and warm (what the children kept read back), the report of
    ``--jobs 2`` is byte-identical to that of ``--jobs 1``."""
    assert main(["init", "news", "--jobs", "1"]) == 1
    printed = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(corpus / f"cache-{jobs}"))
        for run in ("cold", "warm"):
            capsys.readouterr()
            argv = ["report", "--format", fmt, "--width", "100", "--jobs", jobs]
            assert main(argv) == 0
            printed[jobs, run] = capsys.readouterr().out
        kept = sorted(
            p.name.split("-")[0] for p in (corpus / f"cache-{jobs}" / "ledgers").iterdir()
        )
        assert kept == ["read", "report"]
    assert printed["1", "cold"]
    assert len(set(printed.values())) == 1


@pytest.mark.parametrize("command", ["extract", "init", "sync", "report"])
def test_jobs_defaults_to_the_cores_this_process_may_use(command: str) -> None:
    """The default is the CPU affinity of the process, not the machine's count."""
    args = build_parser().parse_args([command, "x"] if command == "extract" else [command])
    assert args.jobs == provenance.available_cores() == len(os.sched_getaffinity(0))


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_below_one_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs`` takes a whole number of at least 1."""
    assert main(["extract", "--jobs", value, "x.txt"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_claims_placed_in_two_processes_as_in_one(corpus: Path) -> None:
    """``anchored.place`` with two jobs gives the claims, outcomes and hashes of one, in
    the same order, with a document missing and one whose words changed."""
    from provenance.ledger import anchored, store

    assert main(["init", "news", "--jobs", "1"]) == 1
    parsed = store.parse((corpus / "claims.toml").read_text(encoding="utf-8"), "claims.toml")[1]
    names = sorted({claim.doc for claim in parsed.ledger.claims})
    (corpus / names[0]).unlink()
    last = corpus / names[-1]
    last.write_text(last.read_text(encoding="utf-8").replace("e", "ë"), encoding="utf-8")
    one = anchored.place(corpus, parsed.ledger.claims, parsed.hints, jobs=1)
    two = anchored.place(corpus, parsed.ledger.claims, parsed.hints, jobs=2)
    assert two == one
    assert [list(part) for part in two[1:]] == [list(part) for part in one[1:]]  # dict order
    assert words.Outcome.FOUND in one[1].values()
    assert len(set(one[1].values())) > 1  # the changed document's claims are not all found
    assert one[2][names[0]] == ""
