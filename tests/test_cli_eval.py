"""``provenance eval --polnear DIR`` through ``main(argv)``: views, errors file, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.pipeline import extract
from provenance.reader import read_document

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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the dev split, eval's figures equal polnear_score.py's on the pipeline's own claims."""
    if not DEV.is_dir() or not SCORER.is_file():
        pytest.skip("../shared (PolNeAR dev and the reference scorer) is not beside the repository")
    errors = tmp_path / "errors.jsonl"
    mine = run_json(DEV, capsys, "--errors", str(errors))
    claims = {p.stem: list(extract(read_document(p))) for p in sorted((DEV / "text").glob("*.txt"))}
    theirs = reference(DEV, claims, tmp_path)
    assert mine["docs"] == 84 and mine["gold_attributions"] == 2192
    assert_agrees(mine, theirs)
    kinds = [json.loads(line)["kind"] for line in errors.read_text("utf-8").splitlines()]
    matched = mine["pairs"]["matched"]  # type: ignore[index]
    assert kinds.count("missed") == 2192 - matched


def test_text_view_is_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default view prints a table with the partial and strict rows and the counts."""
    folder = corpus(tmp_path, TEXT, ANN)
    assert main(["eval", "--polnear", str(folder)]) == 0
    captured = capsys.readouterr()
    for label in ("attribution partial", "attribution strict", "tokens cue", "source exact"):
        assert label in captured.out
    assert "1 docs, 2 gold attributions, 0 predicted" in captured.out
    assert "scored 1 documents" in captured.err


def test_json_view_counts_gold_of_the_first_annotator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several annotators: only the lexicographically first .ann is gold."""
    folder = corpus(tmp_path, TEXT, ANN)
    (folder / "attributions" / "doc_b2.ann").write_text(gold_line("1", "", "", "Taxes"), "utf-8")
    (folder / "text" / "bare.txt").write_text("No annotation for this one.", "utf-8")
    record = run_json(folder, capsys)
    assert (record["docs"], record["gold_attributions"], record["pred_attributions"]) == (2, 2, 0)
    assert record["tokens"]["content"]["gold"] == 5  # type: ignore[index]


def test_errors_file_lists_every_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With no predictions, --errors holds one "missed" line per gold attribution, with its text."""
    folder = corpus(tmp_path, TEXT, ANN)
    errors = tmp_path / "out" / "errors.jsonl"
    errors.parent.mkdir()
    run_json(folder, capsys, "--errors", str(errors))
    lines = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert [(e["kind"], e["gold"]["id"]) for e in lines] == [("missed", "E1"), ("missed", "E2")]
    assert lines[0]["gold"]["content"][0]["text"] == "Taxes will rise"


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
