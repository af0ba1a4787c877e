"""The cache of claims.toml as read: the same answers as a full read, never a stale one."""

from __future__ import annotations

import io
import json
import os
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.extract import reader
from provenance.ledger import (
    anchored,
    cache,
    check,
    plain,
    store,
    sync,
    tomltext,
    unchanged,
    words,
)
from provenance.model import Claim, Kind, Span, Stance
from provenance.relate.propositions import propositions
from provenance.report import as_json, remembered
from provenance.report.build import relations_of, report_file
from provenance.report.formats import FORMATTERS
from provenance.report.model import Report, usable

from .conftest import EVERY_FIELD, SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and the claims.toml `init` writes for them (built once, copied per test)."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(SEEDS, root / "news")
    sync.sync_file(root / "claims.toml", ["news"], create=True)
    return root


@pytest.fixture
def repo(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the built seeds with its own, empty cache folder."""
    shutil.copytree(built, tmp_path / "repo")
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path / "repo")
    yield tmp_path / "repo"


def full_read(path: Path) -> tuple[object, ...]:
    """What the store reads without any cache: ledger, outcomes, problems, hints."""
    loaded = store.load(path)
    ledger, outcomes = store.anchor_all(path.parent, loaded.parsed)
    return ledger, outcomes, loaded.parsed.problems, loaded.parsed.hints


def cached_read(path: Path) -> tuple[object, ...]:
    """The same, through ``anchored.read``."""
    found = anchored.read(path)
    return found.ledger, found.outcomes, found.problems, found.hints


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose text is read from now on, in order."""
    seen: list[str] = []
    original = reader.read_text

    def counting(path: Path, name: str | None = None) -> str:
        seen.append(name or str(path))
        return original(path, name)

    monkeypatch.setattr(reader, "read_text", counting)
    return seen


def report_json(path: Path) -> str:
    """The JSON report of ``path``."""
    out = io.StringIO()
    FORMATTERS["json"](report_file(path), out, None, lambda *_: lambda: None)
    return out.getvalue()


def test_cold_and_warm_reads_equal_a_full_read(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first read fills the cache, the second answers from it; both equal a full read
    and the second reads no document."""
    path = repo / "claims.toml"
    expected = full_read(path)
    assert cached_read(path) == expected
    assert cache.location(path, anchored.KIND) is not None
    assert cache.location(path, anchored.KIND).exists()  # type: ignore[union-attr]
    seen = reads(monkeypatch)
    assert cached_read(path) == expected
    assert seen == []


def test_edit_of_claims_toml_is_never_served_stale(repo: Path) -> None:
    """A person edits a speaker: the next read says so (the cache key is the file's hash)."""
    path = repo / "claims.toml"
    anchored.read(path)
    text = path.read_text(encoding="utf-8")
    first = anchored.read(path).ledger.claims[0]
    edited = text.replace(f'speaker = "{first.speaker_name}"', 'speaker = "Somebody Else"', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    assert anchored.read(path).ledger.claims[0].speaker_name == "Somebody Else"
    assert cached_read(path) == full_read(path)


def test_changed_document_alone_is_read_again(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose bytes changed is read and its claims placed again; the others are not."""
    path = repo / "claims.toml"
    anchored.read(path)
    claim = anchored.read(path).ledger.claims[0]
    doc = repo / claim.doc
    doc.write_text(doc.read_text(encoding="utf-8").replace(claim.content[0].text, "gone"), "utf-8")
    seen = reads(monkeypatch)
    found = anchored.read(path)
    assert seen == [claim.doc]
    assert found.outcomes[claim.id] is not words.Outcome.FOUND
    seen.clear()
    again = cached_read(path)
    assert seen == []  # the cache was brought up to date
    assert again == full_read(path)


@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\xe9" * 64, "truncate"])
def test_damaged_cache_file_is_ignored(repo: Path, damage: bytes | str) -> None:
    """An empty, foreign, garbled or truncated cache file is ignored and rewritten."""
    path = repo / "claims.toml"
    expected = cached_read(path)
    where = cache.location(path, anchored.KIND)
    assert where is not None
    good = where.read_bytes()
    where.write_bytes(good[: len(good) // 2] if damage == "truncate" else bytes(damage))  # type: ignore[arg-type]
    assert cached_read(path) == expected
    assert where.read_bytes() == good


def test_entry_of_another_shape_is_ignored(repo: Path) -> None:
    """A cache entry that unmarshals but holds something else reads the file instead."""
    path = repo / "claims.toml"
    expected = cached_read(path)
    cache.keep(path, anchored.KIND, store.read_source(path).sha256, ("wrong", "shape"))
    assert cached_read(path) == expected


def test_parts_are_kept_and_given_back_in_order(repo: Path) -> None:
    """``keep_parts`` writes a payload a part at a time; ``fetch_parts`` gives the parts
    back in order, and ``fetch`` (one part) refuses an entry of several."""
    path = repo / "claims.toml"
    parts = [("head", 1), tuple(range(5000)), ("tail", None, 2.5)]
    cache.keep_parts(path, "test", "key", iter(parts))
    assert cache.fetch_parts(path, "test", "key") == parts
    assert cache.fetch_parts(path, "test", "other key") is None
    assert cache.fetch(path, "test", "key") is None
    cache.keep(path, "test", "key", {"one": "payload"})
    assert cache.fetch(path, "test", "key") == {"one": "payload"}
    assert cache.fetch_parts(path, "test", "key") == [{"one": "payload"}]


def test_deleted_or_disabled_cache_is_fine(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache folder may vanish between runs, or be turned off with an empty value."""
    path = repo / "claims.toml"
    expected = cached_read(path)
    shutil.rmtree(repo.parent / "cache")
    assert cached_read(path) == expected
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", "")
    assert cache.location(path, anchored.KIND) is None
    assert cached_read(path) == expected


def test_unwritable_cache_folder_costs_only_time(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache 'folder' that is a file cannot be written: the read still works."""
    (repo.parent / "blocked").write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(repo.parent / "blocked"))
    path = repo / "claims.toml"
    assert cached_read(path) == full_read(path)


def test_report_is_the_same_cold_warm_and_without_cache(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON report is identical whatever the cache holds."""
    path = repo / "claims.toml"
    cold, warm = report_json(path), report_json(path)
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", "")
    assert cold == warm == report_json(path)


def test_check_sees_an_edited_document_after_a_cached_run(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check after check: the second answers from the cache; an edited document is stale."""
    path = repo / "claims.toml"
    first = check.check(path)
    assert check.check(path) == first
    doc = repo / anchored.read(path).ledger.documents[0].path
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    codes = [finding.code for finding in check.check(path).findings]
    assert "stale" in codes


def test_check_sees_words_removed_from_claims_toml(repo: Path) -> None:
    """A claim's content changed to words not in its document: not-found, cache or not."""
    path = repo / "claims.toml"
    check.check(path)
    claim = anchored.read(path).ledger.claims[0]
    text = path.read_text(encoding="utf-8")
    table = store.read_source(path).text.split(f"[claims.{claim.id}]", 1)[1]
    content = table.split("content = ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(content, '"words nowhere in the article"', 1), encoding="utf-8")
    codes = [finding.code for finding in check.check(path).findings]
    assert "not-found" in codes


def test_no_change_sync_is_remembered_and_replayed(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second no-change sync reads no document and says what the first said."""
    assert main(["sync"]) == 0
    first = capsys.readouterr().err
    seen = reads(monkeypatch)
    assert main(["sync"]) == 0
    assert capsys.readouterr().err == first
    assert seen == []


def test_the_files_a_sync_saw_are_what_inputs_says(repo: Path) -> None:
    """What a sync keeps of the files it saw (hashed once, as it read them) equals the
    files looked at afresh: articles, a file that is not one, a document gone, one added."""
    path = repo / "claims.toml"
    docs = sorted((repo / "news").glob("*.txt"))
    docs[0].unlink()
    (repo / "news" / "notes.md").write_text("not an article\n", encoding="utf-8")
    (repo / "news" / "new.txt").write_text("Officials said it rained.\n", encoding="utf-8")
    ledger = store.load(path).parsed.ledger
    done = sync.sync_file(path)
    named = sorted({doc.path for doc in ledger.documents} | set(ledger.claims_by_doc))
    afresh = unchanged.inputs(repo, ledger.corpus, ledger.articles, named)
    assert done.seen == afresh
    assert afresh is not None and afresh[3][f"news/{docs[0].name}"] == ""
    assert afresh[2] == ("news/notes.md",) and "news/new.txt" in afresh[0]


def test_sync_after_a_document_edit_is_a_full_sync(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remembered no-change sync is not replayed once a document changed (or appeared)."""
    path = repo / "claims.toml"
    sync.sync_file(path)
    assert unchanged.recall(path, prune=False) is not None
    doc = next((repo / "news").glob("*.txt"))
    doc.write_text(doc.read_text(encoding="utf-8") + "\nThe mayor said the bridge was safe.\n")
    assert unchanged.recall(path, prune=False) is None
    done = sync.sync_file(path)
    assert done.written and done.documents["changed"] == (f"news/{doc.name}",)
    (repo / "news" / "new.txt").write_text("Officials said it rained.\n", encoding="utf-8")
    assert sync.sync_file(path).written
    assert unchanged.recall(path, prune=False) is None  # only a sync that wrote nothing is kept
    assert not sync.sync_file(path).written
    assert unchanged.recall(path, prune=False) is not None
    (repo / "news" / "later.txt").write_text("Officials said it snowed.\n", encoding="utf-8")
    assert unchanged.recall(path, prune=False) is None
    assert unchanged.recall(path, prune=True) is None  # remembered per --prune


def test_sync_after_claims_toml_edit_is_a_full_sync(repo: Path) -> None:
    """An edit of claims.toml (another hash) runs the sync in full: the edit is honoured."""
    path = repo / "claims.toml"
    sync.sync_file(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status = "auto"', 'status = "rejected"', 1), "utf-8")
    assert unchanged.recall(path, prune=False) is None
    sync.sync_file(path)
    assert 'status = "rejected"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "header",
    [
        "[claims.c-7f3a91e2]",
        '[documents."seeds/003_bcaab3bcf559171c.txt"]',
        '[documents."a b/ü.txt"]',
        '[relations."c-1~c-2"]',
        "[other.thing]",
        '[documents."tab\there"]',
        '[documents."esc\\"aped"]',
        "[claims.c-1] # comment",
        "[a.b.c]",
        "[claims]",
    ],
)
def test_table_header_reads_as_tomllib_does(header: str) -> None:
    """The fast header reader answers only for headers tomllib reads the same way."""
    simple = tomltext.table_header(header)
    if simple is None:
        return  # left to tomllib
    table = tomllib.loads(header + "\n")
    section = next(iter(table))
    assert (section, next(iter(table[section]))) == simple


@pytest.mark.parametrize(
    "claim",
    [
        Claim("c-1", "a.txt", None, None, (Span(-1, -1, "words"),), Kind.DIRECT, Stance.ASSERTS),
        EVERY_FIELD,
    ],
)
def test_plain_tuples_round_trip(claim: Claim) -> None:
    """A claim survives its plain form, and so does its place."""
    assert plain.claim(plain.claim_tuple(claim)) == claim
    assert plain.claim(plain.claim_tuple(claim), plain.placed(claim)) == claim


def test_second_check_is_replayed_without_reading(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check over the same claims.toml and files answers the same and reads no document."""
    path = repo / "claims.toml"
    first = check.check(path)
    seen = reads(monkeypatch)
    assert check.check(path) == first
    assert seen == []


def test_check_notices_a_new_file_in_the_corpus(repo: Path) -> None:
    """A file added to a corpus folder (an article or not) makes the check run again."""
    path = repo / "claims.toml"
    check.check(path)
    (repo / "news" / "notes.md").write_text("not an article\n", encoding="utf-8")
    assert "not-an-article" in [f.code for f in check.check(path).findings]
    (repo / "news" / "new.txt").write_text("Officials said it rained.\n", encoding="utf-8")
    assert "untracked" in [f.code for f in check.check(path).findings]


def test_check_from_another_folder_names_files_from_there(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings name files relative to the working folder: a replay never crosses folders."""
    path = repo / "claims.toml"
    here = {f.file for f in check.check(path).findings}
    monkeypatch.chdir(repo / "news")
    there = {f.file for f in check.check(path).findings}
    assert there == {os.path.relpath(repo / name) for name in here}


def test_json_written_in_pieces_is_the_whole_text(repo: Path) -> None:
    """The JSON report streamed a line at a time equals the text built whole."""
    report = report_file(repo / "claims.toml")
    out = io.StringIO()
    as_json.write(report, out, batch=1)
    assert out.getvalue() == as_json.dumps(report)
    assert json.loads(out.getvalue())["schema"] == as_json.SCHEMA


def test_report_relations_and_propositions_are_remembered(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second report of the same files relates nothing: what the first kept equals what
    relating again gives, and the report is the same."""
    path = repo / "claims.toml"
    first = report_json(path)
    found = anchored.read(path)
    kept = remembered.Remembered.of(path, found).fetch()
    ledger = found.ledger
    assert kept == (relations_of(usable(ledger)), propositions(usable(ledger)))
    assert kept is not None and kept[0] and kept[1]

    def never(*_: object) -> object:
        raise AssertionError("related again")

    monkeypatch.setattr("provenance.report.build.relate_claims", never)
    assert report_json(path) == first


def test_report_of_changed_files_is_computed_again(repo: Path) -> None:
    """An edit of claims.toml or of a document makes another key: nothing stale is served."""
    path = repo / "claims.toml"
    before = remembered.Remembered.of(path, anchored.read(path)).key
    report_json(path)
    claim = anchored.read(path).ledger.claims[0]
    doc = repo / claim.doc
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMore text.\n", "utf-8")
    after = remembered.Remembered.of(path, anchored.read(path))
    assert after.key != before
    assert after.fetch() is None
    text = path.read_text(encoding="utf-8").replace('note = ""', 'note = "seen"', 1)
    path.write_text(text, encoding="utf-8")
    assert remembered.Remembered.of(path, anchored.read(path)).key not in (before, after.key)


def test_damaged_report_entry_is_computed_again(repo: Path) -> None:
    """A report entry of another shape is ignored: the report is the same as without it."""
    path = repo / "claims.toml"
    expected = report_json(path)
    place = remembered.Remembered.of(path, anchored.read(path))
    cache.keep(path, remembered.KIND, place.key, ("wrong", "shape", 1))
    assert place.fetch() is None
    assert report_json(path) == expected


def test_streamed_json_is_the_json_of_the_whole_report(repo: Path) -> None:
    """Claims, relations, propositions, speakers and dates encoded one at a time give the
    text of the whole report's data, empty sections included."""
    report = report_file(repo / "claims.toml")
    whole = "".join(as_json.pieces(as_json.report_json(report), 2))
    assert "".join(as_json.streamed(report)) == whole
    empty = Report((), (), (), (), (), ())
    assert "".join(as_json.streamed(empty)) == "".join(
        as_json.pieces(as_json.report_json(empty), 2)
    )
