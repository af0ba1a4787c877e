"""check: each finding (and its negative row), its line in claims.toml, and each output format."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.cli.check import github
from provenance.display import github_data, github_property
from provenance.extract import reader
from provenance.ledger import store
from provenance.ledger.check import Finding, check
from provenance.ledger.sync import sync_file

from .test_sync import fake_extract, fake_read

ARTICLE = "Alice said the bridge was closed. Bob denied the bridge was closed.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A synced repository whose one document is attributed: check is clean."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    sync_file(tmp_path / "claims.toml", ("news",), extract=fake_extract, read=fake_read)
    return tmp_path


def edit(repo: Path, old: str, new: str, count: int = 1) -> str:
    """Replace text in claims.toml as a person would; return the new text."""
    path = repo / "claims.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def codes(repo: Path) -> list[str]:
    """The finding codes of a check of ``repo``."""
    return [finding.code for finding in check(repo / "claims.toml").findings]


def test_clean_repository_has_no_findings(repo: Path) -> None:
    """The negative row of every finding: a fresh sync of an attributed corpus passes."""
    result = check(repo / "claims.toml")
    assert result.findings == ()
    assert result.ok and (result.documents, result.claims) == (1, 2)


def new_document(repo: Path) -> None:
    """A document added to the corpus but not synced."""
    (repo / "news" / "b.txt").write_text("New.\n", encoding="utf-8")


def edited_document(repo: Path) -> None:
    """A document edited after the sync."""
    (repo / "news" / "a.txt").write_text(ARTICLE + "More.\n", encoding="utf-8")


def deleted_document(repo: Path) -> None:
    """A document deleted after the sync."""
    (repo / "news" / "a.txt").unlink()


def unattributed(repo: Path) -> None:
    """A document with no publisher."""
    edit(repo, 'publisher = "Wire"', 'publisher = ""')


def paraphrased(repo: Path) -> None:
    """A claim whose content is not the article's words."""
    edit(repo, 'content = "the bridge was closed"', 'content = "the tunnel was shut"')


def bad_status(repo: Path) -> None:
    """An unknown status."""
    edit(repo, 'status = "auto"', 'status = "approved"')


def bad_date(repo: Path) -> None:
    """A date written as a string."""
    edit(repo, "published = 2017-06-23", 'published = "23 June 2017"')


def flagged(repo: Path) -> None:
    """A claim sync flagged for a person to look at (a warning)."""
    edit(repo, 'note = ""', 'note = ""\nflag = "reanchored"')


def blank_publisher(repo: Path) -> None:
    """A publisher of spaces is no attribution."""
    edit(repo, 'publisher = "Wire"', 'publisher = " "')


def empty_corpus(repo: Path) -> None:
    """No corpus folder named while articles sit beside claims.toml."""
    edit(repo, 'corpus = ["news"]', "corpus = []")


def stray_file(repo: Path) -> None:
    """A file in the corpus folder that is not read as an article (a warning)."""
    (repo / "news" / "README.md").write_text("About this folder.\n", encoding="utf-8")
    (repo / "news" / "b.TXT").write_text("Shouting.\n", encoding="utf-8")


def unknown_document(repo: Path) -> None:
    """A claim naming a document claims.toml does not list."""
    edit(repo, 'doc = "news/a.txt"', 'doc = "news/zzz.txt"')


def unsafe_claim(repo: Path) -> None:
    """A claim whose document path leaves the repository."""
    edit(repo, 'doc = "news/a.txt"', 'doc = "../../etc/passwd"')


def dangling(repo: Path) -> None:
    """A relation verdict naming a claim that does not exist."""
    path = repo / "claims.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n[relations."c-a~c-b"]\nverdict = "confirmed"\n', encoding="utf-8")


def unknown_key(repo: Path) -> None:
    """A key this version does not know."""
    edit(repo, "reviewed = false", "reviewed = false\npublsher = 1")


FINDINGS: list[tuple[Callable[[Path], None], list[str]]] = [
    (new_document, ["untracked"]),
    (edited_document, ["stale"]),
    (deleted_document, ["missing"]),
    (unattributed, ["unattributed"]),
    (paraphrased, ["not-found"]),
    (bad_status, ["schema"]),
    (bad_date, ["schema"]),
    (flagged, ["flagged"]),
    (blank_publisher, ["unattributed"]),
    (empty_corpus, ["no-corpus"]),
    (stray_file, ["not-an-article", "not-an-article"]),
    (unknown_document, ["unknown-document"]),
    (unsafe_claim, ["unsafe-path"]),
    (dangling, ["dangling-relation", "dangling-relation"]),
    (unknown_key, ["unknown-key"]),
]


@pytest.mark.parametrize(("change", "expected"), FINDINGS, ids=lambda v: getattr(v, "__name__", ""))
def test_each_finding(repo: Path, change: Callable[[Path], None], expected: list[str]) -> None:
    """Each kind of damage gives its finding, and nothing else."""
    change(repo)
    assert codes(repo) == expected


def test_unknown_key_is_only_a_warning(repo: Path) -> None:
    """Unknown keys are reported but do not fail the check."""
    unknown_key(repo)
    result = check(repo / "claims.toml")
    assert result.ok
    assert "did you mean 'publisher'" in result.findings[0].message


def test_reviewed_document_counts_as_attributed(repo: Path) -> None:
    """A person who marked a document reviewed (no publisher in the text) passes it."""
    edit(repo, 'publisher = "Wire"', 'publisher = ""')
    edit(repo, "reviewed = false", "reviewed = true")
    assert codes(repo) == []


def test_unattributed_message_says_what_to_fill(repo: Path) -> None:
    """The message names the missing fields and the reviewed escape hatch, at the table's line."""
    text = edit(repo, "published = 2017-06-23\n", "")
    finding = check(repo / "claims.toml").findings[0]
    assert "fill in published = YYYY-MM-DD" in finding.message
    assert "publisher" not in finding.message.split("fill in")[1].split(",")[0]
    assert "reviewed = true" in finding.message
    assert text.splitlines()[finding.line - 1] == '[documents."news/a.txt"]'  # type: ignore[operator]


def test_words_not_found_point_at_the_content_line(repo: Path) -> None:
    """The finding names the claim, carries the line of its ``content`` and says what to do."""
    paraphrased(repo)
    finding = check(repo / "claims.toml").findings[0]
    text = (repo / "claims.toml").read_text(encoding="utf-8")
    assert text.splitlines()[finding.line - 1] == 'content = "the tunnel was shut"'  # type: ignore[operator]
    assert finding.message.startswith("c-") and "not in news/a.txt" in finding.message
    assert 'status = "rejected"' in finding.message


def test_flags_and_stray_files_are_warnings_that_strict_fails(repo: Path) -> None:
    """A flagged claim and a stray file pass the check (exit 0) unless --strict."""
    flagged(repo)
    stray_file(repo)
    ledger = str(repo / "claims.toml")
    assert check(repo / "claims.toml").ok
    assert main(["check", "--ledger", ledger]) == 0
    assert main(["check", "--ledger", ledger, "--strict"]) == 1


EVERYDAY = [
    ('speaker = "Alice"', 'speaker = "The Washington Post"'),
    ('content = "the bridge was closed"', 'content = "bridge was"'),
    ('content = "the bridge was closed"', "content = 'the  bridge\u00a0was closed'"),
    ('stance = "asserts"', 'stance = "hedges"'),
    ('status = "auto"', 'status = "confirmed"  # checked by phone'),
]


@pytest.mark.parametrize(("old", "new"), EVERYDAY)
def test_everyday_edits_pass_check(repo: Path, old: str, new: str) -> None:
    """A corrected speaker, a trimmed quote, other spaces, a stance, a comment: no finding."""
    edit(repo, old, new)
    assert codes(repo) == []


def test_verdict_in_either_order_is_read(repo: Path) -> None:
    """A relation written b~a names the same pair as a~b: no finding, and it is read."""
    ids = sorted(c.id for c in store.open_ledger(repo / "claims.toml").claims)
    path = repo / "claims.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f'\n[relations."{ids[1]}~{ids[0]}"]\nverdict = "confirmed"\n', "utf-8")
    assert codes(repo) == []
    (verdict,) = store.open_ledger(path).relations
    assert (verdict.a, verdict.b) == (ids[0], ids[1])


def test_stale_document_is_not_also_span_checked(repo: Path) -> None:
    """An edited document gives one finding (run sync), not one per claim."""
    (repo / "news" / "a.txt").write_text("XX" + ARTICLE, encoding="utf-8")
    assert codes(repo) == ["stale"]


def test_rejected_claims_are_not_span_checked(repo: Path) -> None:
    """A rejected claim is a tombstone: its spans are not checked."""
    edit(repo, 'status = "auto"', 'status = "rejected"')
    paraphrased(repo)
    assert codes(repo) == []


def test_duplicate_id_is_a_syntax_finding_with_line(repo: Path) -> None:
    """Two tables with one id do not parse: one finding with line and column."""
    path = repo / "claims.toml"
    text = path.read_text(encoding="utf-8")
    block = text[text.index("[claims.") :].split("\n\n")[0]
    path.write_text(text + "\n" + block + "\n", encoding="utf-8")
    (finding,) = check(path).findings
    assert finding.code == "syntax"
    assert finding.line == text.count("\n") + 2 and finding.column is not None


UNSAFE = ["../outside.txt", "/etc/passwd", "news/link.txt"]


@pytest.mark.parametrize("name", UNSAFE)
def test_paths_leaving_the_repository_are_refused_unread(
    repo: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`..`, absolute and outward-symlink paths are findings, and never read."""
    (repo.parent / "outside.txt").write_text("secret", encoding="utf-8")
    (repo / "news" / "link.txt").symlink_to(repo.parent / "outside.txt")
    edit(repo, '[documents."news/a.txt"]', f'[documents."{name}"]\n[documents."news/a.txt"]')
    read: list[Path] = []
    real = reader.read_text

    def reading(path: Path, name: str | None = None) -> str:
        """The real reader, noting each path it reads."""
        read.append(path)
        return real(path, name)

    monkeypatch.setattr(reader, "read_text", reading)
    found = codes(repo)
    assert "unsafe-path" in found
    assert all("outside" not in str(path) and "passwd" not in str(path) for path in read)


def test_unsafe_corpus_folder_is_a_finding(repo: Path) -> None:
    """A corpus folder outside the repository is refused."""
    edit(repo, 'corpus = ["news"]', 'corpus = ["news", "../.."]')
    assert codes(repo) == ["unsafe-path"]


ESCAPES = [
    ("100% sure", "100%25 sure", "100%25 sure"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x: y, z", "x: y, z", "x%3A y%2C z"),
    ("plain", "plain", "plain"),
    ("a\n::error::x", "a%0A:\\:error:\\:x", "a%0A%3A\\%3Aerror%3A\\%3Ax"),
    ("##[warning]x", "#\\#[warning]x", "#\\#[warning]x"),
    ("esc \x1b[31m \u202e", "esc \\x1b[31m <U+202E>", "esc \\x1b[31m <U+202E>"),
]


@pytest.mark.parametrize(("raw", "data", "prop"), ESCAPES)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    """GitHub's rules: %, CR, LF in data; also : and , in properties."""
    assert github_data(raw) == data
    assert github_property(raw) == prop


def test_github_line_escapes_file_and_message() -> None:
    """A whole annotation: properties escaped as properties, the message as data."""
    finding = Finding("stale", "dir,a:b.toml", "50%\nnext", line=3)
    expected = "::error file=dir%2Ca%3Ab.toml,line=3,title=provenance check%3A stale::50%25%0Anext"
    assert github(finding) == expected


def test_formats_through_the_cli(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """text, github and json all report the finding and exit 1."""
    unattributed(repo)
    ledger = str(repo / "claims.toml")
    outputs = {}
    for fmt in ("text", "github", "json"):
        assert main(["check", "--ledger", ledger, "--format", fmt]) == 1
        outputs[fmt] = capsys.readouterr().out
    lines = (repo / "claims.toml").read_text(encoding="utf-8").splitlines()
    line = lines.index('[documents."news/a.txt"]') + 1
    assert f"claims.toml:{line}: error: news/a.txt: not attributed" in outputs["text"]
    assert outputs["github"].startswith("::error file=")
    assert f",line={line}," in outputs["github"]
    record = json.loads(outputs["json"])
    assert record["ok"] is False and record["findings"][0]["code"] == "unattributed"


def test_clean_check_exits_zero(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No findings: exit 0, nothing on stdout, ok on stderr."""
    assert main(["check", "--ledger", str(repo / "claims.toml")]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "ok (1 documents, 2 claims)" in err


def test_missing_ledger_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No claims.toml: exit 2 and say to run init."""
    assert main(["check", "--ledger", str(tmp_path / "claims.toml")]) == 2
    assert "provenance init" in capsys.readouterr().err


def test_published_today_is_a_date(repo: Path) -> None:
    """A TOML date parses as a date (the negative row of bad_date)."""
    assert store.open_ledger(repo / "claims.toml").documents[0].published == dt.date(2017, 6, 23)
