"""The command line through ``main(argv)`` and one real ``python -m provenance`` run."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from provenance import cli
from provenance.cli import COMMANDS, MODULES, build_parser, command, main

from .conftest import ROOT, SEEDS


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Running without a command prints help to stderr and exits 2."""
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad option exits 2 with a one-line error, not a traceback."""
    assert main(["extract", "--format", "yaml", "x.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("provenance: error:") and "Traceback" not in err


def test_extract_jsonl_records_index_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    """``extract --format jsonl`` prints JSON claim records whose offsets give their text."""
    paths = sorted(SEEDS.glob("*.txt"))
    assert main(["extract", "--format", "jsonl", *map(str, paths)]) == 0
    lines = capsys.readouterr().out.splitlines()
    texts = {str(p): p.read_text(encoding="utf-8") for p in paths}
    for line in lines:
        record = json.loads(line)
        text = texts[record["doc"]]
        for span in record["content"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert set(record) >= {"id", "doc", "speaker", "cue", "content", "kind", "stance"}


def test_extract_json_is_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints a single JSON array."""
    assert main(["extract", "--format", "json", str(SEEDS / "000_6a190f3d635b5ef0.txt")]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe bad bytes", "not UTF-8"),
        (b"text\x00with NUL", "binary"),
    ],
)
def test_extract_refuses_bad_files_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    """A non-UTF-8 or binary file gives a one-line error naming it, and exit 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["extract", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: " in err and message in err and "Traceback" not in err


def test_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is named in a one-line error."""
    assert main(["extract", "no/such/file.txt"]) == 2
    assert "no/such/file.txt: no such file" in capsys.readouterr().err


def test_rich_output_neutralises_terminal_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escape sequences and rich markup in a document never reach the terminal as such."""
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        'Evil Corp said that "[bold red]the \x1b[2J screen[/] is clear\x07," he said.\n',
        encoding="utf-8",
    )
    assert main(["extract", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_every_command_is_documented_in_readme() -> None:
    """Each CLI command appears in the README as ``provenance NAME``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [m.NAME for m in COMMANDS if f"provenance {m.NAME}" not in readme]
    assert not missing


def test_python_dash_m_runs_the_program() -> None:
    """A real ``python -m provenance extract`` subprocess exits 0 and prints records."""
    seed = SEEDS / "002_da1534e9c0cd0481.txt"
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "extract", "--format", "jsonl", str(seed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert all(json.loads(line)["doc"] == str(seed) for line in done.stdout.splitlines())


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "--format", "jsonl", *sorted(str(p) for p in SEEDS.glob("*.txt")) * 20],
        ["report"],
    ],
    ids=["extract", "report"],
)
def test_a_reader_that_leaves_early_is_no_error(command: list[str]) -> None:
    """``provenance … | head -1`` (more output than a pipe holds): the program stops
    quietly, exit 0, no error line."""
    with subprocess.Popen(
        [sys.executable, "-m", "provenance", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "100"},
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline()
        child.stdout.close()
        errors = child.stderr.read().decode("utf-8", "replace")
        code = child.wait(timeout=120)
    assert code == 0, errors
    assert "error" not in errors.lower() and "Traceback" not in errors


LOADED = "import sys; from provenance.cli import main; main(sys.argv[1:]); print(*sys.modules)"


def test_extract_as_json_loads_no_rich_ledger_or_report() -> None:
    """``provenance extract --format jsonl`` imports its own command only: a fast start."""
    seed = SEEDS / "002_da1534e9c0cd0481.txt"
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "extract", "--format", "jsonl", str(seed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    loaded = set(done.stdout.splitlines()[-1].split())
    assert "provenance.extract.pipeline" in loaded
    heavy = ("rich", "tomlkit", "rapidfuzz", "provenance.ledger", "provenance.report")
    assert not [m for m in loaded if m.split(".")[0] in heavy or m.startswith(heavy)]
    assert not [m for m in loaded if m.startswith(("provenance.relate", "provenance.cli.sync"))]


def test_every_command_module_is_registered_under_its_name() -> None:
    """``MODULES`` maps each command's NAME to the module that defines it."""
    assert [m.NAME for m in COMMANDS] == list(MODULES)
    assert all(name == command(name).NAME for name in MODULES)


def test_a_command_parser_alone_parses_as_the_full_one() -> None:
    """The parser of one command reads its arguments as the parser of every command does."""
    argv = ["extract", "--format", "jsonl", "--jobs", "2", "a.txt"]
    assert build_parser("extract").parse_args(argv) == build_parser().parse_args(argv)


def test_a_commands_process_collects_garbage_less_often(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run as the process's command line, main sets the collector's thresholds (and
    freezes what the imports made) and ends the process with the command's exit code;
    called from Python with arguments, it leaves them and returns."""
    calls: list[tuple[str, tuple[int, ...]]] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(("freeze", ())))
    monkeypatch.setattr(gc, "set_threshold", lambda *t: calls.append(("threshold", t)))
    monkeypatch.setattr(os, "_exit", lambda code: calls.append(("exit", (code,))))
    monkeypatch.setattr(sys, "argv", ["provenance", "extract", str(next(SEEDS.glob("*.txt")))])
    assert main(["extract", str(next(SEEDS.glob("*.txt")))]) == 0
    assert calls == []
    assert main() == 0  # os._exit, faked here, returned
    assert calls == [("freeze", ()), ("threshold", cli.GC_THRESHOLDS), ("exit", (0,))]
    assert cli.GC_THRESHOLDS[0] > gc.get_threshold()[0]  # fewer collections than the default
    capsys.readouterr()
