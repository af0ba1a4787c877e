"""Hostile input and faults: no forged CI annotation, no traceback, nothing shown that isn't there.

File names, article text and claims.toml arrive through pull requests; every text output of
check, sync, init, report and extract is read by a CI runner, which executes a line that
starts (after whitespace) with ``::`` and a ``##[`` anywhere in a line.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import display
from provenance.cli import main
from provenance.extract.invisible import HIDDEN
from provenance.ledger import store

FORGED_NAME = "b\n::error title=FORGED::x ##[warning]y.txt"
HOSTILE_ARTICLE = (
    "##[warning]Pwned by the article\n\n"
    "The mayor said the bridge would reopen.\u200b The governor denied it.\u200bThe police "
    "chief said ::error file=x::forged and \x1b[31mred\x1b[0m and \u202eDELIF TON\u202c.\n"
    "Smith said the road was closed.\u2028::warning::forged\u2029##[error]x\n"
)
TEXT_COMMANDS: list[list[str]] = [
    ["check"],
    ["check", "--format", "github"],
    ["check", "--strict"],
    ["sync"],
    ["report"],
    ["report", "--format", "markdown"],
    ["report", "--format", "html"],
]


def runner_commands(output: str) -> list[str]:
    """Lines a GitHub runner would execute: ``::`` after leading whitespace, ``##[`` anywhere."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def forged(output: str) -> list[str]:
    """Runner commands in ``output`` other than the annotations ``check --format github`` makes."""
    ours = re.compile(r"^::(error|warning) file=[^\n]*?,title=provenance check%3A [a-z-]+::")
    return [line for line in runner_commands(output) if not ours.match(line)]


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose file names, article text and claims.toml values attack the runner."""
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (news / FORGED_NAME).write_text("Alice said the bridge was closed.\n", encoding="utf-8")
    (news / "\x1b]0;title\x07.txt").write_text("Bob said it was open.\n", encoding="utf-8")
    assert main(["init", "news"]) == 0
    ledger = tmp_path / "claims.toml"
    text = ledger.read_text(encoding="utf-8")
    text = text.replace('note = ""', 'note = "::error title=NOTE::x\\n::error::y ##[warning]z"', 1)
    text = text.replace('publisher = ""', 'publisher = "@team ##[group]x\\r\\n::warning::p"', 1)
    ledger.write_text(text, encoding="utf-8")
    (news / "c.txt").write_text("::error::Untracked said it.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=" ".join)
def test_no_text_output_forges_a_runner_command(
    hostile: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """No line of stdout or stderr starts with ``::`` or holds ``##[`` but check's own."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert forged(out) == [] and forged(err) == []
    assert "\x1b" not in out + err and "\u202e" not in out + err and "\u2028" not in out + err


def test_extract_text_forges_nothing_and_json_stays_exact(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The extract table is safe; its JSON keeps the words exactly, offsets included."""
    files = sorted(str(p) for p in (hostile / "news").iterdir())
    assert main(["extract", *files]) == 0
    out, err = capsys.readouterr()
    assert forged(out + err) == []
    assert main(["extract", "--format", "jsonl", "news/a.txt"]) == 0
    text = (hostile / "news" / "a.txt").read_text(encoding="utf-8")
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records
    for record in records:
        spans = [*record["content"], record["speaker"], record["cue"]]
        for span in filter(None, spans):
            assert text[span["start"] : span["end"]] == span["text"]


def test_zero_width_characters_do_not_merge_claims(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The governor and the police chief stay two claims across the hidden sentence break."""
    assert main(["extract", "--format", "jsonl", "news/a.txt"]) == 0
    speakers = [json.loads(line)["speaker"] for line in capsys.readouterr().out.splitlines()]
    names = [speaker["text"] for speaker in speakers if speaker]
    assert "The governor" in names and "The police chief" in names


def test_report_json_keeps_the_text_exact(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON is for tools: the publisher's CRLF and ``::`` are the person's, escaped by JSON only."""
    assert main(["report", "--format", "json"]) == 0
    assert json.dumps("@team ##[group]x\r\n::warning::p") in capsys.readouterr().out


def test_bidi_override_is_shown_by_name(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ "DELIF TON" written right to left shows its override, never reads "NOT FILED"."""
    assert main(["extract", "news/a.txt"]) == 0
    assert "<U+202E>" in capsys.readouterr().out


def test_markdown_mentions_notify_no_one(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``@team`` in a publisher pasted into a pull request comment pings nobody."""
    main(["report", "--format", "markdown"])
    out = capsys.readouterr().out
    assert not re.search(r"@\w", out)


# -- display: the one function every text output uses -------------------------------------


@given(st.text())
def test_one_line_is_one_safe_line(text: str) -> None:
    """No line break, control or invisible character, no ``::``, no leading ``:``, no ``##[``."""
    shown = display.one_line(text)
    assert len(shown.splitlines()) <= 1
    assert not any(display.is_invisible(char) for char in shown)
    assert "::" not in shown and "##[" not in shown and not shown.lstrip().startswith(":")


@given(st.text(min_size=1), st.integers(min_value=1), st.text())
def test_fields_side_by_side_start_no_command(path: str, line_number: int, message: str) -> None:
    """A path, a line and a message joined as check joins them never start a command."""
    line = f"{display.one_line(path)}:{line_number}: error: {display.one_line(message)}"
    assert not line.lstrip().startswith("::") and "##[" not in line


@given(st.text())
def test_github_data_is_one_line(text: str) -> None:
    """A workflow command's message never breaks its line and carries no ``##[``."""
    data = display.github_data(text)
    assert "\n" not in data and "\r" not in data and "##[" not in data
    assert not any(display.is_invisible(char) for char in data)


def test_the_unsafe_class_covers_every_invisible_character() -> None:
    """``display`` shows every Cc, Cf, Zl, Zp character by name (but tab and soft hyphen)."""
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code < 0xE000
        and display.is_invisible(chr(code))
        and display.visible(chr(code)) == chr(code)
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\nb", "a\\nb"),
        ("\u202eDELIF TON\u202c", "<U+202E>DELIF TON<U+202C>"),
        ("\x1b[31m", "\\x1b[31m"),
        ("::error::x", "\\:\\:error:\\:x"),
        ("  :x", "  \\:x"),
        ("##[warning]", "#\\#[warning]"),
        ("نامه\u200cای", "نامه<U+200C>ای"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_one_line_rows(raw: str, shown: str) -> None:
    """Each kind of character shown as a reader should see it; joiners shown, never dropped."""
    assert display.one_line(raw) == shown


@given(st.text(alphabet=st.sampled_from("Ab. said\u200b\u202e\u00ad\u2060 “”\n")))
@settings(max_examples=200, deadline=None)
def test_offsets_hold_through_invisible_characters(text: str) -> None:
    """``text[start:end] == span.text`` on the original text, whatever hides in it."""
    from provenance.api import extract_text

    for claim in extract_text(text):
        for span in (claim.speaker, claim.cue, *claim.content):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_hidden_covers_the_zero_width_and_bidi_characters() -> None:
    """Extraction sees through the characters an attacker hides claims with."""
    for char in "\u200b\u200c\u200d\u2060\ufeff\u202a\u202e\u2066\u2069\u200e\u200f\u00ad":
        assert HIDDEN.fullmatch(char)


# -- faults: one line, the README's exit codes ---------------------------------------------


def test_nul_in_a_claims_toml_path_is_a_finding(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``"\\u0000"`` in a corpus folder or document path: refused, never a traceback."""
    ledger = hostile / "claims.toml"
    text = ledger.read_text(encoding="utf-8")
    text = text.replace('corpus = ["news"]', 'corpus = ["news", "a\\u0000b"]')
    text = text.replace('[documents."news/a.txt"]', '[documents."news/a\\u0000.txt"]')
    ledger.write_text(text, encoding="utf-8")
    assert main(["check"]) == 1
    assert "NUL character in a path" in capsys.readouterr().out
    for argv in (["sync"], ["report"], ["check", "--format", "github"]):
        assert main(argv) in (0, 1)
        out, err = capsys.readouterr()
        assert forged(out + err) == []


def test_bad_bytes_in_claims_toml_are_one_line(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claims.toml that is not UTF-8: one line naming it, for every command that reads it."""
    (hostile / "claims.toml").write_bytes(b"schema = 2\n\xff\xfe\n")
    for argv in (["check"], ["sync"], ["report"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not UTF-8" in err


@pytest.fixture
def fifo(hostile: Path) -> Iterator[Path]:
    """A FIFO in the corpus: opening it for reading would block forever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = hostile / "news" / "pipe.txt"
    os.mkfifo(path)
    yield path


def test_a_fifo_is_not_a_regular_file(fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check says what is wrong (not "run provenance sync"); sync fails on it, never blocks."""
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "pipe.txt" in line)
    assert "not a regular file" in line and "provenance sync" not in line
    assert main(["sync"]) == 1
    assert "pipe.txt: not a regular file" in capsys.readouterr().err


def test_an_article_over_the_limit_says_what_can_work(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file over the size limit: split it or move it, never "run provenance sync"."""
    from provenance import tables

    load = tables.load
    monkeypatch.setattr(
        tables,
        "load",
        lambda name: {"max_document_bytes": 10} if name == "extract/limits" else load(name),
    )
    assert main(["check"]) == 1
    line = next(line for line in capsys.readouterr().out.splitlines() if "c.txt" in line)
    assert "split it" in line and "provenance sync" not in line


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only file system"),
        (errno.EACCES, "permission denied"),
    ],
)
@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_a_full_or_read_only_disk_is_one_line(
    hostile: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
    where: str,
) -> None:
    """The write fails: one line, exit 1, claims.toml unchanged and no temporary file left."""
    ledger = hostile / "claims.toml"
    before = ledger.read_bytes()
    (hostile / "news" / "d.txt").write_text("Carol said the port was shut.\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, where, refuse)
    assert main(["sync"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip().splitlines()[-1].count(words) == 1
    assert ledger.read_bytes() == before
    assert store.leftover_temporaries(ledger) == []


def test_a_symlinked_lock_is_refused(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A committed claims.toml.lock symlink never creates its target outside the repository."""
    target = hostile.parent / f"{hostile.name}-outside"
    (hostile / "claims.toml.lock").symlink_to(target)
    assert main(["sync"]) == 1
    assert "symlink" in capsys.readouterr().err
    assert not target.exists()


def test_a_symlinked_claims_toml_is_refused(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claims.toml link is never read (its lines could show a secret) nor written through."""
    secret = hostile.parent / f"{hostile.name}-secret"
    secret.write_text("TOKEN=hunter2\n", encoding="utf-8")
    (hostile / "claims.toml").unlink()
    (hostile / "claims.toml").symlink_to(secret)
    for argv in (["check"], ["sync"], ["report"]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert "hunter2" not in out + err and "symlink" in err
    assert secret.read_text(encoding="utf-8") == "TOKEN=hunter2\n"


# -- fuzz: any bytes, one line ---------------------------------------------------------------

ARTICLE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(max_size=100).map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-16")),
)
LEDGER_LINES = st.sampled_from(
    [
        'schema = 2\ncorpus = ["news"]\n',
        'corpus = ["news", "a\\u0000b"]\n',
        '[documents."news/a.txt"]\ntitle = "::error::x"\n',
        '[claims.c-1]\ndoc = "news/a.txt"\ncontent = "said"\nstatus = "manual"\n',
        '[claims.c-1]\ndoc = "../x"\n',
        "published = 2017-06-23\n",
        'stance = "denies"\nkind = "direct"\n',
        "[relations.\"c-1~c-2\"]\nverdict = 'confirmed'\n",
        "x = [[1], {a = 1}]\n",
        "a.b.c = 1\n",
        "[[claims]]\n",
        "date = 2019-03-23T10:00:00\n",
    ]
)
HEADER = 'schema = 2\ncorpus = ["news"]\n'
LEDGER_BYTES = st.one_of(
    st.binary(max_size=200),
    st.lists(LEDGER_LINES, max_size=6).map(lambda lines: (HEADER + "".join(lines)).encode()),
    st.lists(LEDGER_LINES, max_size=6).map(lambda lines: (HEADER + "".join(lines)).encode()),
    st.lists(LEDGER_LINES, max_size=6).map(lambda lines: "".join(lines).encode("utf-8")),
    st.lists(st.one_of(LEDGER_LINES, st.text(max_size=30)), max_size=6).map(
        lambda lines: "".join(lines).encode("utf-8", "surrogatepass")
    ),
)
COMMANDS = st.sampled_from([["check"], ["check", "--format", "github"], ["sync"], ["report"]])


@given(ledger=LEDGER_BYTES, article=ARTICLE_BYTES, argv=COMMANDS)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_fuzzed_claims_toml_and_article_end_in_one_line(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ledger: bytes,
    article: bytes,
    argv: list[str],
) -> None:
    """Exit 0, 1 or 2; an error is one ``provenance: …`` line on stderr; never a traceback."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "news").mkdir()
    (root / "news" / "a.txt").write_bytes(article)
    (root / "claims.toml").write_bytes(ledger)
    monkeypatch.chdir(root)
    code = main([*argv, "--ledger", str(root / "claims.toml")])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    errors = [line for line in err.splitlines() if line.startswith("provenance: error")]
    if code and not out:
        assert len(errors) >= 1
    assert forged(out) == [] and forged(err) == []


def test_init_prints_hostile_names_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """init's summary names a forged file name on one line, as sync's does."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / FORGED_NAME).write_text("Alice said it.\n", encoding="utf-8")
    assert main(["init", "news"]) == 0
    out, err = capsys.readouterr()
    assert forged(out + err) == [] and "FORGED" in err


SCHEMA_SLIPS = [
    # (what a person wrote at the end of claims.toml, the words the finding must show,
    #  the line the finding must name)
    ('[[relations]]\nverdict = "confirmed"\n', "relations must be a table of tables",
     "[[relations]]"),
    ('[claims.c-x]\ndoc = "news/a.txt"\ncontent = "x"\nkind = "direct"\nstance = "asserts"\n'
     'status = "manual"\nspeaker = {name = "Ann"}\n', 'speaker = { name = "Ann" }',
     'speaker = {name = "Ann"}'),
    ('[relations."c-1~c-2"]\nverdict = 2019-03-23T10:00:00\n', "2019-03-23T10:00:00",
     "verdict = 2019-03-23T10:00:00"),
]  # fmt: skip


@pytest.mark.parametrize(("tail", "shown", "where"), SCHEMA_SLIPS)
def test_schema_slips_name_their_line_in_toml_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tail: str, shown: str, where: str,
) -> None:  # fmt: skip
    """An array of tables, an inline table or a datetime where a string or date belongs:
    the finding names the line it is on and shows the value as TOML, never a Python repr."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Ann said the bridge was closed.\n", "utf-8")
    assert main(["init", "news"]) in (0, 1)
    ledger = tmp_path / "claims.toml"
    text = ledger.read_text("utf-8") + "\n" + tail
    ledger.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if shown in row)
    assert int(line.split(":")[1]) == text.splitlines().index(where) + 1
    assert "datetime." not in out and "{'" not in out
