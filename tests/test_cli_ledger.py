"""init, sync and check through ``main(argv)``, a real subprocess, and the project's corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from provenance.cli import COMMANDS, main
from provenance.cli.sync import summary
from provenance.ledger import store
from provenance.ledger.sync import SyncSummary

from .conftest import ROOT, SEEDS


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a copy of the seeds as ``news/``."""
    shutil.copytree(SEEDS, tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_creates_ledger_then_refuses_twice(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init FOLDER writes claims.toml listing every document; a second init is a usage error."""
    assert main(["init", "news"]) == 0
    ledger = store.open_ledger(corpus / "claims.toml")
    assert ledger.corpus == ("news",)
    assert len(ledger.documents) == len(list(SEEDS.glob("*.txt")))
    assert "wrote claims.toml" in capsys.readouterr().err
    assert main(["init", "news"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_sync_without_ledger_or_folder_is_a_usage_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sync with nothing to work on exits 2 and names init."""
    assert main(["sync"]) == 2
    assert "provenance init" in capsys.readouterr().err


def test_sync_with_folder_creates_and_second_run_is_a_no_op(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sync FOLDER creates the ledger; sync again writes nothing and says so."""
    assert main(["sync", "news"]) == 0
    before = (corpus / "claims.toml").read_bytes()
    capsys.readouterr()
    assert main(["sync"]) == 0
    err = capsys.readouterr().err
    assert "already up to date" in err and "5 unchanged" in err
    assert (corpus / "claims.toml").read_bytes() == before


def test_sync_reports_a_broken_ledger_in_one_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claims.toml that does not parse: exit 1, ``claims.toml:line:col: message``, file kept."""
    (corpus / "claims.toml").write_text('schema = 1\ncorpus = ["news"\n', encoding="utf-8")
    assert main(["sync"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("provenance: error: claims.toml:3:1: ") and err.count("\n") == 1
    assert (corpus / "claims.toml").read_text(encoding="utf-8").endswith('"news"\n')


def test_unreadable_document_makes_sync_exit_one(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A binary file in the corpus is named and skipped; the rest is written; exit 1."""
    (corpus / "news" / "bad.txt").write_bytes(b"\x00\x01")
    assert main(["sync", "news"]) == 1
    assert "bad.txt: looks binary" in capsys.readouterr().err
    ledger = store.open_ledger(corpus / "claims.toml")
    assert "news/bad.txt" not in {d.path for d in ledger.documents}


def test_summary_names_what_changed() -> None:
    """The summary counts documents and lists event ids, the first few by name."""
    report = SyncSummary(
        events={"added": tuple(f"c-{n}" for n in range(10)), "flagged": ("c-x",)},
        documents={"new": ("a.txt",), "unchanged": ()},
        written=True,
    )
    lines = summary(report, Path("claims.toml"))
    assert lines[0] == "documents: 1 new"
    assert "added 10: c-0, c-1, c-2, c-3, c-4, c-5, c-6, c-7 and 2 more" in lines
    assert "flagged 1: c-x" in lines
    assert lines[-1] == "wrote claims.toml"


def test_check_fails_on_an_unattributed_document(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document with neither publisher nor date fails check, saying what to fill in."""
    assert main(["init", "news"]) == 0
    ledger = store.open_ledger(corpus / "claims.toml")
    first = attrs.evolve(ledger.documents[0], publisher="", published=None, reviewed=False)
    store.save(corpus / "claims.toml", attrs.evolve(ledger, documents=(first,)))
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert f'{first.path}: not attributed: fill in publisher = "…" and published' in out


def test_python_m_provenance_check(tmp_path: Path) -> None:
    """One real subprocess: ``python -m provenance check`` on a fresh init exits 0 or 1, not 2."""
    shutil.copytree(SEEDS, tmp_path / "news")
    init = subprocess.run(
        [sys.executable, "-m", "provenance", "init", "news"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    run = subprocess.run(
        [sys.executable, "-m", "provenance", "check", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1) and run.stdout.startswith("{")


def test_project_corpus_passes_check(capsys: pytest.CaptureFixture[str]) -> None:
    """The repository's own claims.toml (the seeds) passes check."""
    ledger = ROOT / "claims.toml"
    if not ledger.exists():
        pytest.skip("no claims.toml at the repository root yet")
    assert main(["check", "--ledger", str(ledger)]) == 0, capsys.readouterr().out


def test_pre_commit_hooks_run_registered_commands() -> None:
    """Every hook in .pre-commit-hooks.yaml runs a command the CLI has."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [line.split("entry:")[1].split() for line in text.splitlines() if "entry:" in line]
    names = {module.NAME for module in COMMANDS}
    assert entries and all(e[0] == "provenance" and e[1] in names for e in entries)
    assert "pass_filenames: false" in text
