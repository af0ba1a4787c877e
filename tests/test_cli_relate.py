"""``provenance relate`` through main(argv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main


@pytest.fixture
def pairs(tmp_path: Path) -> Path:
    """A small CSV of text pairs."""
    path = tmp_path / "pairs.csv"
    path.write_text(
        "id,claim,text\n"
        '1,"Banksy was arrested","Banksy has NOT been arrested"\n'
        '2,"North Korea fired a missile","South Korea fired a missile"\n',
        encoding="utf-8",
    )
    return path


def test_jsonl(pairs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One JSON object a row with id, relation, score and reasons."""
    code = main(
        ["relate", "--pairs", str(pairs), "--id-col", "id", "--a-col", "claim", "--b-col", "text"]
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [(r["id"], r["relation"]) for r in rows] == [("1", "contradicts"), ("2", "unrelated")]
    assert rows[0]["reasons"][0]["code"] == "negation-flip"


def test_json(pairs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one array."""
    args = [
        "relate",
        "--pairs",
        str(pairs),
        "--id-col",
        "id",
        "--a-col",
        "claim",
        "--b-col",
        "text",
    ]
    assert main([*args, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


@pytest.mark.parametrize(
    ("columns", "code", "message"),
    [
        (["--id-col", "id", "--a-col", "nope", "--b-col", "text"], 2, "no column 'nope'"),
        (["--id-col", "id", "--a-col", "claim"], 2, "--b-col"),
    ],
)
def test_usage_errors(
    pairs: Path, capsys: pytest.CaptureFixture[str], columns: list[str], code: int, message: str
) -> None:
    """A missing column is a one-line usage error."""
    assert main(["relate", "--pairs", str(pairs), *columns]) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or non-UTF-8 file is a one-line error naming it."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"id,a,b\n1,\xff,x\n")
    for path in (tmp_path / "none.csv", bad):
        args = ["relate", "--pairs", str(path), "--id-col", "id", "--a-col", "a", "--b-col", "b"]
        assert main(args) == 1
        assert str(path) in capsys.readouterr().err


def test_writes_no_claims_file(
    pairs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """relate never writes claims.toml."""
    monkeypatch.chdir(tmp_path)
    main(["relate", "--pairs", str(pairs), "--id-col", "id", "--a-col", "claim", "--b-col", "text"])
    assert not (tmp_path / "claims.toml").exists()
