"""``provenance eval --polnear DIR`` through ``main(argv)``: views, errors file, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from provenance.cli import main
from provenance.evaluate import run as evaluate_run
from provenance.evaluate.polnear import attributed, nested
from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.model import Claim, Document

from .test_evaluation import DEV, SCORER, TEXT, assert_agrees, corpus, gold_line, reference

ANN = gold_line("1", "Smith", "said", "Taxes will rise") + gold_line("2", "", "", "poll found")


def run_json(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    """The JSON view of ``eval`` on ``folder`` (exit 0 asserted)."""
    assert main(["eval", "--polnear", str(folder), "--format", "json", *extra]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1
    record: dict[str, object] = json.loads(out)
    return record


def test_dev_split_agrees_with_the_shared_scorer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the dev split, eval's figures equal polnear_score.py's on the pipeline's own claims:
    those eval scores, and with the nested claims it leaves out counted too."""
    if not DEV.is_dir() or not SCORER.is_file():
        pytest.skip("../shared (PolNeAR dev and the reference scorer) is not beside the repository")
    claims: dict[str, list[Claim]] = {}
    inner: dict[str, list[Claim]] = {}

    def recording(document: Document) -> tuple[Claim, ...]:
        found = extract(document)
        claims[Path(document.path).stem] = attributed(found)  # what eval scores
        inner[Path(document.path).stem] = nested(found)  # what it leaves out
        return found

    monkeypatch.setattr(evaluate_run, "extract", recording)  # the pipeline runs once, recorded
    errors = tmp_path / "errors.jsonl"
    mine = run_json(DEV, capsys, "--errors", str(errors))
    assert len(claims) == 84
    theirs = reference(DEV, claims, tmp_path)
    assert mine["docs"] == 84 and mine["gold_attributions"] == 2192
    assert_agrees(mine, theirs)
    left_out: dict[str, Any] = mine["nested"]  # type: ignore[assignment]
    assert left_out["left_out"] == sum(map(len, inner.values())) > 0
    every = {stem: claims[stem] + inner[stem] for stem in claims}
    (tmp_path / "counted").mkdir()
    counted = reference(DEV, every, tmp_path / "counted")
    assert counted is not None
    for figure in ("partial", "strict"):
        assert left_out["counted"][figure] == counted[figure]
    kinds = [json.loads(line)["kind"] for line in errors.read_text("utf-8").splitlines()]
    matched = mine["pairs"]["matched"]  # type: ignore[index]
    assert kinds.count("missed") == 2192 - matched
    assert kinds.count("nested") == left_out["left_out"]


def test_text_view_is_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default view prints a table with the partial and strict rows and the counts."""
    folder = corpus(tmp_path, TEXT, ANN)
    assert main(["eval", "--polnear", str(folder)]) == 0
    captured = capsys.readouterr()
    for label in ("attribution partial", "attribution strict", "tokens cue", "source exact"):
        assert label in captured.out
    assert "1 docs, 2 gold attributions, " in captured.out
    assert "scored 1 documents" in captured.err


def test_json_view_counts_gold_of_the_first_annotator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several annotators: only the lexicographically first .ann is gold."""
    folder = corpus(tmp_path, TEXT, ANN)
    (folder / "attributions" / "doc_b2.ann").write_text(gold_line("1", "", "", "Taxes"), "utf-8")
    (folder / "text" / "bare.txt").write_text("No annotation for this one.", "utf-8")
    record = run_json(folder, capsys)
    assert (record["docs"], record["gold_attributions"]) == (2, 2)
    assert record["tokens"]["content"]["gold"] == 5  # type: ignore[index]


def test_errors_file_accounts_for_every_attribution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--errors: a "missed" line per unmatched gold, a "spurious" line per unmatched claim."""
    folder = corpus(tmp_path, TEXT, ANN + gold_line("3", "", "", "voters unhappy"))
    (folder / "text" / "doc.txt").write_text(TEXT + "Zebras graze.\n", "utf-8")
    errors = tmp_path / "out" / "errors.jsonl"
    errors.parent.mkdir()
    record = run_json(folder, capsys, "--errors", str(errors))
    lines = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    kinds = [e["kind"] for e in lines]
    matched = record["pairs"]["matched"]  # type: ignore[index]
    assert kinds.count("missed") == 3 - matched
    assert kinds.count("spurious") == record["pred_attributions"] - matched
    missed = [e["gold"] for e in lines if e["kind"] == "missed"]
    assert all(TEXT[s["start"] : s["end"]] == s["text"] for g in missed for s in g["content"])


@pytest.mark.parametrize("content", ["", " \n"])
def test_empty_annotation_file_means_no_attributions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    """An empty .ann (PolNeAR train has one) is a text without gold, as the reference reads it."""
    folder = corpus(tmp_path, TEXT, content)
    record = run_json(folder, capsys)
    assert (record["docs"], record["gold_attributions"]) == (1, 0)
    claims = {"doc": list(extract(read_document(folder / "text" / "doc.txt")))}
    assert_agrees(record, reference(folder, claims, tmp_path))


@pytest.mark.parametrize(
    ("setup", "code", "message"),
    [
        ("no-folder", 2, "no such folder"),
        ("no-text", 2, "no text/ folder"),
        ("bad-utf8", 1, "doc.txt: not UTF-8"),
        ("bad-offsets", 1, "doc_a1.ann:1: offsets"),
        ("unwritable", 1, "cannot write"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, code: int, message: str
) -> None:
    """A missing folder or text/ is a usage error (2); a bad file is a one-line error (1)."""
    folder = corpus(tmp_path, TEXT, ANN)
    argv = ["eval", "--polnear", str(folder)]
    if setup == "no-folder":
        argv[-1] = str(tmp_path / "nowhere")
    elif setup == "no-text":
        argv[-1] = str(folder / "attributions")
    elif setup == "bad-utf8":
        (folder / "text" / "doc.txt").write_bytes(b"caf\xe9 said")
    elif setup == "bad-offsets":
        (folder / "attributions" / "doc_a1.ann").write_text("T1\tCue 3\tx\n", "utf-8")
    else:
        argv += ["--errors", str(tmp_path / "missing-dir" / "e.jsonl")]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert message in err and err.startswith("provenance: error:") and "Traceback" not in err
