"""sync: every merge rule, re-anchoring, determinism, concurrency and interrupted writes."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomlkit
from hypothesis import example, given, settings
from hypothesis import strategies as st

from provenance.errors import InputError, UsageError
from provenance.ledger import edit, store
from provenance.ledger.merge import overlap
from provenance.ledger.sync import SyncSummary, sync_file
from provenance.model import (
    Claim,
    DocMeta,
    DocRecord,
    Document,
    Flag,
    Kind,
    Ledger,
    RelationVerdict,
    Span,
    Stance,
    Status,
    Verdict,
)

SAID = re.compile(r"(?P<speaker>[A-Z]\w+) (?P<cue>said|denied) (?P<content>[^.]*)\.")


def fake_extract(document: Document) -> tuple[Claim, ...]:
    """A stand-in extractor: ``Name said content.`` is a claim (hermetic, deterministic)."""
    claims = []
    for found in SAID.finditer(document.text):
        stance = Stance.DENIES if found["cue"] == "denied" else Stance.ASSERTS
        claims.append(
            Claim(
                id="c-tmp",
                doc=document.path,
                speaker=Span.of(document.text, *found.span("speaker")),
                cue=Span.of(document.text, *found.span("cue")),
                content=(Span.of(document.text, *found.span("content")),),
                kind=Kind.INDIRECT,
                stance=stance,
                rule="fake-said",
                speaker_name=found["speaker"],
            )
        )
    return tuple(claims)


def fake_read(path: Path, name: str) -> Document:
    """A stand-in reader whose text shows a publisher and a date."""
    text = path.read_bytes().decode("utf-8")
    meta = DocMeta(title=text.split("\n")[0], publisher="Wire", published=dt.date(2017, 6, 23))
    return Document(path=name, text=text, meta=meta)


ARTICLE = "Headline\nAlice said the bridge was closed. Bob denied the bridge was closed.\n"


@attrs.define
class Repo:
    """A temporary repository with a corpus folder and a claims.toml."""

    root: Path
    calls: list[str] = attrs.field(factory=list)

    @property
    def ledger_path(self) -> Path:
        """Where claims.toml lives."""
        return self.root / "claims.toml"

    def write(self, name: str, text: str) -> None:
        """Create or replace a corpus document."""
        (self.root / "news" / name).write_text(text, encoding="utf-8")

    def extract(self, document: Document) -> tuple[Claim, ...]:
        """The fake extractor, counting calls."""
        self.calls.append(document.path)
        return fake_extract(document)

    def sync(self, **options: Any) -> SyncSummary:
        """Run sync_file with the fake extractor and reader."""
        folders = options.pop("folders", ())
        extract = options.pop("extract", self.extract)
        return sync_file(
            self.ledger_path,
            folders,
            extract=extract,
            read=fake_read,
            **options,
        )

    def ledger(self) -> Ledger:
        """The ledger as it is on disk."""
        return store.open_ledger(self.ledger_path)

    def claim(self, content: str) -> Claim:
        """The claim whose content is ``content``."""
        return next(c for c in self.ledger().claims if c.content_text == content)

    def edit(self, content: str, **changes: Any) -> None:
        """Change a claim in claims.toml as a person would."""
        ledger = self.ledger()
        claims = tuple(
            attrs.evolve(c, **changes) if c.content_text == content else c for c in ledger.claims
        )
        store.save(self.ledger_path, attrs.evolve(ledger, claims=claims))


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository with one article, synced once."""
    (tmp_path / "news").mkdir()
    made = Repo(tmp_path)
    made.write("a.txt", ARTICLE)
    made.sync(folders=("news",))
    return made


def test_first_sync_creates_ledger_with_claims_and_provenance(repo: Repo) -> None:
    """A folder given to sync creates claims.toml with the documents, their meta and claims."""
    ledger = repo.ledger()
    assert ledger.corpus == ("news",)
    assert ledger.documents[0].publisher == "Wire"
    assert ledger.documents[0].published == dt.date(2017, 6, 23)
    assert [c.content_text for c in ledger.claims] == [
        "the bridge was closed",
        "the bridge was closed",
    ]
    assert all(c.status is Status.AUTO and c.flag is None for c in ledger.claims)


def test_no_ledger_and_no_folder_is_a_usage_error(tmp_path: Path) -> None:
    """Sync without claims.toml and without a folder says to run init."""
    with pytest.raises(UsageError, match="provenance init"):
        sync_file(tmp_path / "claims.toml")


def test_second_sync_is_byte_identical_and_reads_nothing(repo: Repo) -> None:
    """Unchanged documents are only hashed: no extraction, no write, same bytes."""
    before = repo.ledger_path.read_bytes()
    repo.calls.clear()
    report = repo.sync()
    assert repo.calls == []
    assert not report.written
    assert report.documents["unchanged"] == ("news/a.txt",)
    assert repo.ledger_path.read_bytes() == before


def test_no_change_sync_edits_and_joins_nothing(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync that changes nothing (nothing remembered: it reads and compares all) gives
    the text back as read: no table is edited, no chunk joined, nothing written."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", "")
    before = repo.ledger_path.read_bytes()

    def refused(*args: object) -> None:
        raise AssertionError("a no-change sync edited or joined the file")

    monkeypatch.setattr(edit, "_join", refused)
    monkeypatch.setattr(tomlkit, "parse", refused)
    assert not repo.sync().written
    assert repo.ledger_path.read_bytes() == before


@pytest.mark.parametrize("line", ['status = "auto"\n', 'mention = "Alice"\n'])
def test_one_missing_machine_field_is_written_back(repo: Repo, line: str) -> None:
    """A field sync writes, gone from one claim of a file otherwise as sync wants it, is
    written back: the file is the one sync wrote, byte for byte."""
    before = repo.ledger_path.read_text(encoding="utf-8")
    assert line in before
    repo.ledger_path.write_text(before.replace(line, "", 1), encoding="utf-8")
    assert repo.sync().written
    assert repo.ledger_path.read_text(encoding="utf-8") == before


def test_a_file_without_its_last_line_end_gets_it_back(repo: Repo) -> None:
    """Nothing else to change, but the last line has no line end: sync writes it back."""
    before = repo.ledger_path.read_text(encoding="utf-8")
    repo.ledger_path.write_text(before.removesuffix("\n"), encoding="utf-8")
    assert repo.sync().written
    assert repo.ledger_path.read_text(encoding="utf-8") == before


def test_reextract_keeps_ids_and_bytes(repo: Repo) -> None:
    """Re-extracting everything with the same rules changes nothing."""
    before = repo.ledger_path.read_bytes()
    report = repo.sync(reextract=True)
    assert repo.ledger_path.read_bytes() == before
    assert report.events["added"] == report.events["removed"] == ()


def test_text_shift_reanchors_and_keeps_ids(repo: Repo) -> None:
    """Text inserted before the claims moves their spans; ids stay; only the hash line changes."""
    ids = [c.id for c in repo.ledger().claims]
    before = repo.ledger_path.read_text(encoding="utf-8").splitlines()
    repo.write("a.txt", "NEW LEAD PARAGRAPH.\n" + ARTICLE)
    report = repo.sync()
    ledger = repo.ledger()
    assert [c.id for c in ledger.claims] == ids
    assert report.events["reanchored"] == ()  # words, not offsets: nothing to move in the file
    after = repo.ledger_path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("sha256 = ")
    text = (repo.root / "news" / "a.txt").read_text(encoding="utf-8")
    for claim in ledger.claims:
        assert all(text[s.start : s.end] == s.text for s in claim.content)
    assert ledger.documents[0].sha256 == store.file_sha256(repo.root / "news" / "a.txt")


@pytest.mark.parametrize("status", [Status.EDITED, Status.CONFIRMED, Status.MANUAL])
def test_person_claims_are_never_overwritten(repo: Repo, status: Status) -> None:
    """A claim a person touched keeps every field through a document change and re-extraction."""
    repo.edit("the bridge was closed", status=status, stance=Stance.HEDGES, note="checked")
    repo.write("a.txt", "Lead.\n" + ARTICLE)
    repo.sync(reextract=True)
    mine = [c for c in repo.ledger().claims if c.status is status]
    assert len(mine) == 2
    assert all(c.stance is Stance.HEDGES and c.note == "checked" for c in mine)
    assert len(repo.ledger().claims) == 2  # the extractor's copies were not added beside them


def test_rejected_claim_is_never_readded(repo: Repo) -> None:
    """The extractor finding a rejected claim again does not bring it back."""
    alice = repo.ledger().claims[0]
    ledger = repo.ledger()
    rejected = attrs.evolve(alice, status=Status.REJECTED)
    store.save(repo.ledger_path, attrs.evolve(ledger, claims=(rejected, *ledger.claims[1:])))
    repo.sync(reextract=True)
    claims = repo.ledger().claims
    assert [c.status for c in claims] == [Status.REJECTED, Status.AUTO]
    assert claims[0].id == alice.id


def test_manual_claim_without_spans_is_anchored(repo: Repo) -> None:
    """A claim typed by hand with no offsets gets its spans from the text."""
    text = repo.ledger_path.read_text(encoding="utf-8") + (
        '\n[claims.m-1]\ndoc = "news/a.txt"\nspeaker = "Bob"\ncontent = "Headline"\n'
        'kind = "direct"\nstance = "asserts"\nstatus = "manual"\n'
    )
    repo.ledger_path.write_text(text, encoding="utf-8")
    report = repo.sync()
    manual = next(c for c in repo.ledger().claims if c.id == "m-1")
    assert (manual.content[0].start, manual.content[0].end) == (0, 8)
    assert manual.speaker_name == "Bob"
    assert report.written and 'mention = "Bob"' in repo.ledger_path.read_text(encoding="utf-8")


def test_small_rewording_reanchors_fuzzily_and_flags(repo: Repo) -> None:
    """A confirmed claim whose text changed slightly moves with the text and is flagged."""
    repo.edit("the bridge was closed", status=Status.CONFIRMED)
    repo.write("a.txt", ARTICLE.replace("the bridge was closed", "the Bridge was closed", 1))
    report = repo.sync()
    moved = next(c for c in repo.ledger().claims if c.speaker_name == "Alice")
    assert moved.flag is Flag.REANCHORED
    assert moved.status is Status.CONFIRMED
    assert moved.id in report.events["flagged"]


def test_claim_whose_text_is_gone_is_kept_and_flagged(repo: Repo) -> None:
    """A claim that cannot be re-anchored is kept, unchanged, with flag = orphaned."""
    repo.edit("the bridge was closed", status=Status.CONFIRMED)
    before = {c.id: c for c in repo.ledger().claims}
    repo.write("a.txt", "Headline\nNothing to see here at all.\n")
    report = repo.sync()
    after = {c.id: c for c in repo.ledger().claims}
    assert set(after) == set(before)
    for id_, claim in after.items():
        assert claim.flag is Flag.ORPHANED
        assert claim.content_text == before[id_].content_text
    assert set(report.events["flagged"]) == set(before)


def test_orphan_flag_clears_when_the_text_returns(repo: Repo) -> None:
    """Restoring the text finds the claims again and clears the flag."""
    repo.write("a.txt", "Headline\nGone.\n")
    repo.sync()
    repo.write("a.txt", ARTICLE)
    repo.sync()
    assert all(c.flag is None for c in repo.ledger().claims)
    assert len(repo.ledger().claims) == 2


def test_deleted_document_keeps_claims_flagged(repo: Repo) -> None:
    """A deleted document keeps its record and claims, flagged; restoring it clears the flag."""
    (repo.root / "news" / "a.txt").unlink()
    report = repo.sync()
    ledger = repo.ledger()
    assert report.documents["missing"] == ("news/a.txt",)
    assert len(ledger.documents) == 1
    assert [c.flag for c in ledger.claims] == [Flag.MISSING, Flag.MISSING]
    repo.write("a.txt", ARTICLE)
    repo.sync()
    assert [c.flag for c in repo.ledger().claims] == [None, None]


def test_auto_claim_no_longer_found_is_removed_unless_judged(repo: Repo) -> None:
    """Better rules drop a stale auto claim, but not one a relation verdict names."""
    alice, bob = repo.ledger().claims
    ledger = repo.ledger()
    verdict = RelationVerdict(alice.id, "c-other", Verdict.CONFIRMED)
    store.save(repo.ledger_path, attrs.evolve(ledger, relations=(verdict,)))
    report = repo.sync(reextract=True, extract=lambda document: ())
    assert [c.id for c in repo.ledger().claims] == [alice.id]
    assert report.events["removed"] == (bob.id,)


def test_improved_rules_keep_ids_of_overlapping_claims(repo: Repo) -> None:
    """A new rule that widens a span keeps the claim's id and counts it as updated."""
    ids = [c.id for c in repo.ledger().claims]

    def wider(document: Document) -> tuple[Claim, ...]:
        return tuple(
            attrs.evolve(c, content=(Span.of(document.text, c.speaker.start, c.content[0].end),))
            for c in fake_extract(document)
            if c.speaker is not None
        )

    report = repo.sync(reextract=True, extract=wider)
    assert [c.id for c in repo.ledger().claims] == ids
    assert set(report.events["updated"]) == set(ids)


def test_new_claim_beside_old_gets_new_id(repo: Repo) -> None:
    """A new sentence adds a claim; the old ones keep their ids."""
    ids = {c.id for c in repo.ledger().claims}
    repo.write("a.txt", ARTICLE + "Carol said it reopened.\n")
    report = repo.sync()
    assert len(report.events["added"]) == 1
    assert ids < {c.id for c in repo.ledger().claims}


DOC_FIELDS = [
    (DocRecord("news/a.txt", publisher="Desk", reviewed=False), "Desk", dt.date(2017, 6, 23)),
    (DocRecord("news/a.txt", reviewed=True), "", None),
    (DocRecord("news/a.txt"), "Wire", dt.date(2017, 6, 23)),
]


@pytest.mark.parametrize(("record", "publisher", "published"), DOC_FIELDS)
def test_document_fields_are_filled_not_overwritten(
    repo: Repo, record: DocRecord, publisher: str, published: dt.date | None
) -> None:
    """Empty fields are filled from the text; a person's value and reviewed records stay."""
    ledger = repo.ledger()
    store.save(repo.ledger_path, attrs.evolve(ledger, documents=(record,)))
    repo.write("a.txt", ARTICLE + "More.\n")
    repo.sync()
    got = repo.ledger().documents[0]
    assert (got.publisher, got.published) == (publisher, published)


def test_unknown_keys_survive_sync(repo: Repo) -> None:
    """Keys this version does not know are written back unchanged."""
    text = repo.ledger_path.read_text(encoding="utf-8")
    text = text.replace("reviewed = false\n", 'reviewed = false\ndesk = "intl"\n')
    repo.ledger_path.write_text('team = "x"\n' + text, encoding="utf-8")
    warnings: list[str] = []
    repo.write("a.txt", ARTICLE + "More.\n")
    repo.sync(warn=warnings.append)
    after = repo.ledger_path.read_text(encoding="utf-8")
    assert 'desk = "intl"' in after and 'team = "x"' in after
    assert any("unknown key 'desk'" in w for w in warnings)


def test_comments_survive_a_rewrite(repo: Repo) -> None:
    """A rewrite keeps a person's comments: above a table, inside it, after a value."""
    text = repo.ledger_path.read_text(encoding="utf-8")
    text = "# my notes\n" + text.replace("[claims.", "# Alice's claim\n[claims.", 1)
    text = text.replace('note = ""', 'note = ""  # ask the desk', 1)
    repo.ledger_path.write_text(text, encoding="utf-8")
    repo.write("a.txt", ARTICLE + "More.\n")
    assert repo.sync().written
    after = repo.ledger_path.read_text(encoding="utf-8")
    for comment in ("# my notes\n", "# Alice's claim\n[claims.", 'note = ""  # ask the desk'):
        assert comment in after


def test_broken_file_is_never_overwritten(repo: Repo) -> None:
    """A claims.toml that does not parse stops sync with line and column; the file is kept."""
    broken = repo.ledger_path.read_text(encoding="utf-8").replace('stance = "asserts"', "stance =")
    repo.ledger_path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match=r"^claims\.toml:\d+:\d+: "):
        repo.sync()
    assert repo.ledger_path.read_text(encoding="utf-8") == broken


def test_schema_problem_stops_sync(repo: Repo) -> None:
    """A bad value is not guessed at: sync refuses and names the line."""
    broken = repo.ledger_path.read_text(encoding="utf-8").replace('"asserts"', '"asserted"', 1)
    repo.ledger_path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match=r"claims\.toml:\d+: \[claims\.c-\w+\] stance"):
        repo.sync()
    assert repo.ledger_path.read_text(encoding="utf-8") == broken


def test_sync_killed_before_rename_loses_nothing(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between writing and renaming: the old file stands, the next sync cleans up."""
    before = repo.ledger_path.read_bytes()
    repo.write("a.txt", ARTICLE + "Carol said it reopened.\n")
    real_replace = os.replace

    def killed(src: str, dst: str) -> None:
        raise SystemExit(9)

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda path: None)  # as if killed: the temp stays
    with pytest.raises(SystemExit):
        repo.sync()
    assert repo.ledger_path.read_bytes() == before
    assert len(store.leftover_temporaries(repo.ledger_path)) == 1
    monkeypatch.setattr(os, "replace", real_replace)
    monkeypatch.undo()
    warnings: list[str] = []
    repo.sync(warn=warnings.append)
    assert store.leftover_temporaries(repo.ledger_path) == []
    assert any("interrupted sync" in w for w in warnings)
    assert len(repo.ledger().claims) == 3


def slow(extract: Callable[[Document], tuple[Claim, ...]]) -> Callable[..., tuple[Claim, ...]]:
    """An extractor that takes its time, so a second sync starts while the first holds the lock."""

    def run(document: Document) -> tuple[Claim, ...]:
        time.sleep(0.3)
        return extract(document)

    return run


def test_two_concurrent_syncs_lose_nothing(tmp_path: Path) -> None:
    """Two syncs adding different folders at once: both folders and all claims end up written."""
    for folder, speaker in (("one", "Alice"), ("two", "Bob")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"{speaker} said it rained.\n", encoding="utf-8")
    path = tmp_path / "claims.toml"
    errors: list[BaseException] = []

    def run(folder: str) -> None:
        try:
            sync_file(path, (folder,), extract=slow(fake_extract), read=fake_read)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    ledger = store.open_ledger(path)
    assert sorted(ledger.corpus) == ["one", "two"]
    assert sorted(c.speaker_name for c in ledger.claims) == ["Alice", "Bob"]


def test_no_change_sync_keeps_comments(repo: Repo) -> None:
    """Nothing changed: the file is not rewritten, so a person's comments stay."""
    text = "# kept\n" + repo.ledger_path.read_text(encoding="utf-8")
    repo.ledger_path.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    assert not repo.sync(warn=warnings.append).written
    assert repo.ledger_path.read_text(encoding="utf-8") == text
    assert warnings == []


SENTENCES = [f"Speaker{n} said fact number {n} holds." for n in range(6)]
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "drop", "reword", "status", "delete", "restore"]),
        st.integers(0, 5),
        st.sampled_from([Status.EDITED, Status.CONFIRMED, Status.REJECTED, Status.MANUAL]),
    ),
    max_size=6,
)


def apply(sentences: list[str], op: str, at: int) -> list[str]:
    """A document edit: insert a sentence, drop one, or reword one (keeping its speaker)."""
    at %= len(sentences) or 1
    if op == "insert":
        return [*sentences[:at], "Filler text with no claim.", *sentences[at:]]
    if op == "drop" and sentences:
        return sentences[:at] + sentences[at + 1 :]
    if op == "reword" and sentences:
        return [
            *sentences[:at],
            sentences[at].replace("holds", "still holds"),
            *sentences[at + 1 :],
        ]
    return sentences


@settings(max_examples=25, deadline=None)
@given(EDITS)
# a rejection, then the first sentence dropped: the re-extracted claim is the rejected one
@example([("status", 5, Status.REJECTED), ("drop", 0, Status.EDITED)])
def test_no_hand_edit_is_ever_lost(edits: list[tuple[str, int, Status]]) -> None:
    """Any mix of document edits, deletions and status changes: every person's claim survives."""
    with tempfile.TemporaryDirectory() as folder:
        made = Repo(Path(folder))
        (made.root / "news").mkdir()
        sentences = list(SENTENCES)
        made.write("a.txt", " ".join(sentences))
        made.sync(folders=("news",))
        mine: dict[str, Claim] = {}
        for op, at, status in edits:
            if op == "status":
                claims = made.ledger().claims
                target = claims[at % len(claims)]
                mine[target.id] = attrs.evolve(target, status=status, note=f"by hand {at}")
                ledger = made.ledger()
                kept = tuple(mine.get(c.id, c) for c in ledger.claims)
                store.save(made.ledger_path, attrs.evolve(ledger, claims=kept))
            elif op == "delete":
                (made.root / "news" / "a.txt").unlink(missing_ok=True)
            else:
                sentences = apply(sentences, op, at)
                made.write("a.txt", " ".join(sentences))
            made.sync(reextract=True)
            after = {c.id: c for c in made.ledger().claims}
            for id_, claim in mine.items():
                assert id_ in after
                got = after[id_]
                assert (got.status, got.note, got.stance) == (
                    claim.status,
                    claim.note,
                    claim.stance,
                )
                if got.status is Status.REJECTED and got.flag is None:
                    twins = [  # an orphaned claim keeps stale offsets: it is no re-added twin
                        c
                        for c in after.values()
                        if c.id != id_ and c.flag is None and overlap(c, got)
                    ]
                    assert twins == []


def test_sync_never_reads_a_path_leaving_the_repository(repo: Repo) -> None:
    """A document path with `..` in claims.toml is not read; its claims are kept, flagged."""
    (repo.root.parent / "outside.txt").write_text("Mallory said secrets leak.\n", encoding="utf-8")
    ledger = repo.ledger()
    escaped = tuple(attrs.evolve(c, doc="../outside.txt") for c in ledger.claims)
    store.save(repo.ledger_path, attrs.evolve(ledger, claims=escaped))
    repo.calls.clear()
    repo.sync()
    assert repo.calls == []  # a.txt is unchanged; ../outside.txt is never read
    outside = [c for c in repo.ledger().claims if c.doc == "../outside.txt"]
    assert len(outside) == 2 and all(c.flag is Flag.MISSING for c in outside)


def test_prune_drops_a_deleted_documents_machine_claims(repo: Repo) -> None:
    """``--prune``: a deleted article's auto claims go; a person's stay, flagged; a record
    a person filled in stays, one sync wrote alone goes."""
    ledger = repo.ledger()
    mine = attrs.evolve(ledger.claims[0], status=Status.CONFIRMED, note="checked by the desk")
    store.save(repo.ledger_path, attrs.evolve(ledger, claims=(mine, *ledger.claims[1:])))
    repo.write("b.txt", "Carol said the ferry was late.")
    repo.sync()
    ledger = repo.ledger()
    bare = tuple(  # b.txt's record as sync alone would leave it: nobody attributed it
        attrs.evolve(d, publisher="", published=None) if d.path == "news/b.txt" else d
        for d in ledger.documents
    )
    store.save(repo.ledger_path, attrs.evolve(ledger, documents=bare))
    (repo.root / "news" / "a.txt").unlink()
    (repo.root / "news" / "b.txt").unlink()
    done = repo.sync(prune=True)
    ledger = repo.ledger()
    assert [(c.id, c.flag, c.note) for c in ledger.claims] == [
        (mine.id, Flag.MISSING, "checked by the desk")
    ]
    assert done.events["removed"]
    assert [d.path for d in ledger.documents] == ["news/a.txt"]  # attributed: kept
