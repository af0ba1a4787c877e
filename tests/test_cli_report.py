"""``provenance report`` through ``main(argv)``: formats, filters, errors, the seeds' findings."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from provenance.cli import main
from provenance.ledger import store
from provenance.model import RelationVerdict, Status, Verdict
from provenance.relate.engine import relate_claims
from provenance.report.formats import FORMATTERS
from provenance.report.model import build, usable

from .conftest import ROOT, SEEDS
from .report_ledger import check_golden

GATILOV = "Gatilov"
SHARED_CODES = {"shared-content", "shared-entities"}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the seeds as ``news/`` and a fresh claims.toml."""
    shutil.copytree(SEEDS, tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news"]) == 0
    return tmp_path


def report_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    """The JSON report for ``argv`` (exit 0 asserted)."""
    capsys.readouterr()
    assert main(["report", "--format", "json", *argv]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def speakers_of(data: dict[str, Any], relation: dict[str, Any]) -> tuple[str, str]:
    """The speakers of a relation's two claims."""
    return data["claims"][relation["a"]]["speaker"], data["claims"][relation["b"]]["speaker"]


def find(data: dict[str, Any], one: str, other: str) -> list[dict[str, Any]]:
    """Relations between claims whose speakers hold ``one`` and ``other``."""
    found = []
    for relation in data["relations"]:
        a, b = (s or "" for s in speakers_of(data, relation))
        if (one in a and other in b) or (one in b and other in a):
            found.append(relation)
    return found


@pytest.mark.parametrize("fmt", ["rich", "json", "markdown", "html"])
def test_every_format_exits_0_and_never_writes_the_ledger(
    corpus: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each format prints something and leaves claims.toml byte for byte as it was."""
    ledger = corpus / "claims.toml"
    before = (ledger.read_bytes(), ledger.stat().st_mtime_ns)
    capsys.readouterr()
    assert main(["report", "--format", fmt, "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert GATILOV in out
    assert (ledger.read_bytes(), ledger.stat().st_mtime_ns) == before
    assert sorted(p.name for p in corpus.iterdir()) == ["claims.toml", "news"]


@pytest.mark.xfail(
    strict=True,
    reason="the seed spells 'Al- Baghdad' (a typo the alias list no longer carries: no"
    " general rule takes the city Baghdad for the man al-Baghdadi); spelt right, the"
    " relation comes out (tests/test_relate_reworded.py, 'certainty' is a general cue)",
)
def test_seeds_gatilov_contradicts_the_foreign_ministry_sources(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """“could not be verified” against “high degree of certainty … dead”, with the words."""
    data = report_json(capsys)
    found = find(data, "Gatilov", "foreign ministry")
    assert [r["kind"] for r in found] == ["contradicts"]
    words = {w for r in found[0]["reasons"] for w in r["words"]}
    assert "could not be verified" in words
    assert any("certainty" in w for w in words)


def test_seeds_army_denial_contradicts_debka_sources(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Israeli army spokesman's denial against DEBKA Weekly's sources."""
    data = report_json(capsys)
    found = find(data, "Israeli army spokesman", "DEBKA Weekly")
    assert [r["kind"] for r in found] == ["contradicts"]
    assert found[0]["reasons"]


@pytest.mark.xfail(
    strict=True,
    reason="rested on 'taken out' as a word for killed (PolNeAR train: 'taken out of the"
    " equation'); tests/test_relate_reworded.py keeps the relation in plain English",
)
def test_seeds_defence_ministry_agrees_with_the_sources_less_certainly(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """“may have been taken out” agrees with the ministry sources; the certainty gap is named."""
    data = report_json(capsys)
    found = find(data, "Defense Ministry", "foreign ministry")
    assert [r["kind"] for r in found] == ["agrees"]
    assert "certainty-difference" in {r["code"] for r in found[0]["reasons"]}


def test_seeds_no_relation_rests_on_one_shared_word(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every relation has a reason beyond sharing words, or shares more than one word."""
    for relation in report_json(capsys)["relations"]:
        reasons = relation["reasons"]
        shared = {w for r in reasons if r["code"] in SHARED_CODES for w in r["words"]}
        assert len(shared) > 1 or any(r["code"] not in SHARED_CODES for r in reasons), relation


def test_contradictions_come_before_agreements(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The relations list every contradiction before the first agreement."""
    kinds = [r["kind"] for r in report_json(capsys)["relations"]]
    assert kinds == sorted(kinds, key=["contradicts", "agrees", "related"].index)


def judge(corpus: Path, data: dict[str, Any], verdict: Verdict, note: str = "") -> tuple[str, str]:
    """Write a verdict on the first contradiction into claims.toml (as a person would)."""
    first = next(r for r in data["relations"] if r["kind"] == "contradicts")
    path = corpus / "claims.toml"
    ledger = store.open_ledger(path)
    judged = RelationVerdict(first["a"], first["b"], verdict, note)
    store.save(path, attrs.evolve(ledger, relations=(judged,)))
    return first["a"], first["b"]


def test_dismissed_relations_hidden_unless_asked(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dismissed pair leaves the report; --show-dismissed brings it back with its note."""
    pair = judge(corpus, report_json(capsys), Verdict.DISMISSED, "two different raids")
    shown = {(r["a"], r["b"]): r for r in report_json(capsys)["relations"]}
    assert pair not in shown
    again = {(r["a"], r["b"]): r for r in report_json(capsys, "--show-dismissed")["relations"]}
    assert again[pair]["verdict"] == "dismissed"
    assert again[pair]["note"] == "two different raids"
    capsys.readouterr()
    assert main(["report", "--width", "100"]) == 0
    assert "1 dismissed relation" in capsys.readouterr().out


def test_confirmed_relation_leads(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A confirmed contradiction is listed first, marked confirmed."""
    data = report_json(capsys)
    last = [r for r in data["relations"] if r["kind"] == "contradicts"][-1]
    path = corpus / "claims.toml"
    verdict = RelationVerdict(last["a"], last["b"], Verdict.CONFIRMED)
    store.save(path, attrs.evolve(store.open_ledger(path), relations=(verdict,)))
    first = report_json(capsys)["relations"][0]
    assert (first["a"], first["b"], first["verdict"]) == (last["a"], last["b"], "confirmed")


def test_rejected_claims_are_left_out(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A claim a person rejected is in neither the claims nor any relation."""
    path = corpus / "claims.toml"
    ledger = store.open_ledger(path)
    gatilov = next(c for c in ledger.claims if c.speaker and GATILOV in c.speaker.text)
    rejected = attrs.evolve(gatilov, status=Status.REJECTED)
    claims = tuple(rejected if c.id == gatilov.id else c for c in ledger.claims)
    store.save(path, attrs.evolve(ledger, claims=claims))
    data = report_json(capsys)
    assert gatilov.id not in data["claims"]
    assert all(gatilov.id not in (r["a"], r["b"]) for r in data["relations"])


@pytest.mark.parametrize(
    ("argv", "kept"),
    [
        (["--speaker", "gatilov"], lambda c: GATILOV in (c["speaker"] or "")),
        (["--doc", "news/003_bcaab3bcf559171c.txt"], lambda c: c["doc"].startswith("news/003")),
        (["--since", "2017-06-20"], lambda c: c["date"] and c["date"] >= "2017-06-20"),
        (["--until", "2017-06-20"], lambda c: c["date"] and c["date"] <= "2017-06-20"),
    ],
)
def test_claim_filters(
    corpus: Path, capsys: pytest.CaptureFixture[str], argv: list[str], kept: Any
) -> None:
    """The timeline holds exactly the claims the filter keeps, and some are left out."""
    everything = report_json(capsys)["claims"]
    data = report_json(capsys, *argv)
    timeline = {cid for day in data["timeline"] for cid in day["claims"]}
    assert timeline == {cid for cid, c in everything.items() if kept(c)}
    assert 0 < len(timeline) < len(everything)


def test_min_score_filter(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--min-score drops weaker relations, keeps the rest."""
    scores = [r["score"] for r in report_json(capsys)["relations"]]
    cut = sorted(scores)[len(scores) // 2]
    kept = [r["score"] for r in report_json(capsys, "--min-score", str(cut))["relations"]]
    assert kept and all(s >= cut for s in kept)
    assert len(kept) == sum(s >= cut for s in scores)


def test_doc_relative_to_the_working_folder(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--doc accepts a path from the working folder when the ledger is elsewhere."""
    monkeypatch.chdir(corpus / "news")
    ledger = str(corpus / "claims.toml")
    data = report_json(capsys, "--ledger", ledger, "--doc", "003_bcaab3bcf559171c.txt")
    assert {c["doc"] for c in data["claims"].values() if GATILOV in (c["speaker"] or "")}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "2017-13-01"], "not a date"),
        (["--until", "yesterday"], "not a date"),
        (["--since", "2017-06-21", "--until", "2017-06-20"], "is after"),
        (["--doc", "news/nothing.txt"], "not a document"),
        (["--width", "0"], "positive"),
        (["--min-score", "high"], "invalid float"),
        (["--format", "pdf"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_in_one_line(
    corpus: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A bad option exits 2 with one line naming the problem."""
    capsys.readouterr()
    assert main(["report", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_missing_ledger_says_to_run_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No claims.toml: exit 2 and one line telling to run `provenance init`."""
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 2
    err = capsys.readouterr().err.strip()
    assert "provenance init" in err and len(err.splitlines()) == 1


def test_broken_ledger_names_line_and_column(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claims.toml that does not parse: one line with claims.toml:line:col, exit 1."""
    path = corpus / "claims.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[claims.oops\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["report"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("provenance: error: claims.toml:")
    assert err.split(":")[3].isdigit() and err.split(":")[4].isdigit()


def test_changed_document_is_marked(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document edited after sync is named in the report's summary."""
    doc = corpus / "news" / "003_bcaab3bcf559171c.txt"
    doc.chmod(0o644)
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["report", "--width", "200"]) == 0
    assert "changed since the last sync: news/003_bcaab3bcf559171c.txt" in capsys.readouterr().out


def test_python_dash_m_report_keeps_data_on_stdout(corpus: Path) -> None:
    """A real subprocess: the JSON alone on stdout, nothing else there."""
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "report", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=corpus,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema"] == 1


def test_seeds_report_golden(update_golden: bool) -> None:
    """The report on the project's claims.toml, width 100, no colour (review diffs)."""
    ledger = ROOT / "claims.toml"
    if not ledger.is_file():
        pytest.skip("the project's claims.toml is not there yet")
    loaded = store.open_ledger(ledger)
    report = build(loaded, relate_claims(usable(loaded)))
    out = io.StringIO()
    FORMATTERS["rich"](report, out, 100)
    check_golden("seeds.txt", out.getvalue(), update_golden)
