"""Hand edits of claims.toml made in a text editor, as issue 10 lists them: kept by sync.

Each test edits the file's text (never through the store), then syncs, as a person would.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from provenance.ledger import store
from provenance.ledger import sync as sync_module
from provenance.ledger.check import check
from provenance.ledger.store import ChangedWhileSyncing
from provenance.model import DateBasis, Stance, Status

from .conftest import SEEDS
from .test_sync import ARTICLE, Repo


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository with one article, synced once (the fake extractor)."""
    (tmp_path / "news").mkdir()
    made = Repo(tmp_path)
    made.write("a.txt", ARTICLE)
    made.sync(folders=("news",))
    return made


def text_of(repo: Repo) -> str:
    """claims.toml as it is on disk."""
    return repo.ledger_path.read_text(encoding="utf-8")


def type_in(repo: Repo, old: str, new: str, count: int = 1) -> None:
    """Replace text in claims.toml as a person would in an editor."""
    text = text_of(repo)
    assert old in text
    repo.ledger_path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_an_edit_saved_while_sync_runs_survives(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person saves the file between sync's read and its write: nothing is overwritten."""
    repo.write("a.txt", "Lead.\n" + ARTICLE)

    def person_saves(path: Path) -> None:
        """The person's editor writes the file while sync is busy."""
        path.write_text(path.read_text(encoding="utf-8").replace('note = ""', 'note = "mine"', 1))

    monkeypatch.setattr(sync_module, "between_read_and_write", person_saves)
    with pytest.raises(ChangedWhileSyncing, match="changed while sync ran"):
        repo.sync()
    assert 'note = "mine"' in text_of(repo)
    assert store.leftover_temporaries(repo.ledger_path) == []
    monkeypatch.undo()
    repo.sync()  # run again: the edit is merged, and kept
    assert 'note = "mine"' in text_of(repo)


def test_auto_claim_edited_without_status_becomes_edited(repo: Repo) -> None:
    """A stance changed in an auto claim: it becomes edited, no twin, no orphan after a change."""
    type_in(repo, 'stance = "asserts"', 'stance = "hedges"')
    repo.sync()
    assert 'status = "edited"' in text_of(repo)
    repo.write("a.txt", "Lead.\n" + ARTICLE)
    repo.sync(reextract=True)
    claims = repo.ledger().claims
    assert len(claims) == 2 and all(c.flag is None for c in claims)
    alice = next(c for c in claims if c.speaker_name == "Alice")
    assert (alice.status, alice.stance) == (Status.EDITED, Stance.HEDGES)


def test_speaker_corrected_to_a_name_not_in_the_text(repo: Repo) -> None:
    """speaker = "The Washington Post" is kept; the mention as written stays beside it."""
    type_in(repo, 'speaker = "Alice"', 'speaker = "The Washington Post"')
    repo.write("a.txt", "Lead.\n" + ARTICLE)
    repo.sync()
    text = text_of(repo)
    assert 'speaker = "The Washington Post"' in text and 'mention = "Alice"' in text
    assert check(repo.ledger_path).findings == ()


def test_trimmed_content_reanchors(repo: Repo) -> None:
    """Content trimmed to a shorter verbatim part, in other quotes and spaces, is found."""
    type_in(repo, 'content = "the bridge was closed"', "content = 'bridge\u00a0 was'")
    repo.sync()
    assert check(repo.ledger_path).findings == ()
    alice = next(c for c in repo.ledger().claims if c.speaker_name == "Alice")
    assert (alice.content[0].start, alice.status) == (ARTICLE.index("bridge"), Status.EDITED)


def test_text_not_in_the_article_is_one_finding(repo: Repo) -> None:
    """A paraphrase is kept by sync and named by check, once."""
    type_in(repo, 'content = "the bridge was closed"', 'content = "the road was shut"')
    repo.sync()
    assert 'content = "the road was shut"' in text_of(repo)
    (finding,) = check(repo.ledger_path).findings
    assert finding.code == "not-found" and finding.message.startswith("c-")


MANUAL = """
[claims.desk-1]
doc = "news/a.txt"
speaker = "the mayor's office"
speaker_name = "Mayor Jones"
cue = "told us"
content = "Headline"
kind = "direct"
stance = "asserts"
status = "manual"
desk = "metro"  # our own key
"""


def test_manual_claim_keeps_every_field(repo: Repo) -> None:
    """cue, speaker, speaker_name and a desk's own key survive syncs and a document change."""
    repo.ledger_path.write_text(text_of(repo) + MANUAL, encoding="utf-8")
    repo.sync()
    repo.write("a.txt", ARTICLE + "More.\n")
    repo.sync(reextract=True)
    table = text_of(repo).split("[claims.desk-1]\n")[1]
    for line in MANUAL.strip().splitlines()[1:]:
        assert line in table
    assert check(repo.ledger_path).ok


def test_published_dates_undated_claims(repo: Repo) -> None:
    """A document's published date dates its undated claims (date_basis = "document")."""
    type_in(repo, "date = 2017-06-23\n", "", count=2)
    type_in(repo, "published = 2017-06-23", "published = 2018-01-05")
    repo.sync()
    claims = repo.ledger().claims
    assert {(c.date, c.date_basis) for c in claims} == {(dt.date(2018, 1, 5), DateBasis.DOCUMENT)}


SCHEMA1 = """\
# our desk's ledger
schema = 1
corpus = ["news"]

[documents."news/a.txt"]
sha256 = "SHA"
title = "Headline"
publisher = "Wire"
published = 2017-06-23
reviewed = true

[claims.c-old]
doc = "news/a.txt"
speaker = "Alice"
speaker_name = "Alice Smith"
cue = "said"
cue_lemma = "say"
content = "the bridge was closed"
spans = [[20, 41]]
speaker_span = [9, 14]
cue_span = [15, 19]
kind = "indirect"
stance = "asserts"
date = 2017-06-23
date_basis = "document"
rule = "fake-said"
status = "confirmed"
note = "called them"  # by phone
"""


def test_schema_1_is_upgraded_with_a_note_and_a_backup(repo: Repo) -> None:
    """Offsets go, speaker_name becomes speaker, the mention stays; comments and a backup kept."""
    sha = store.file_sha256(repo.root / "news" / "a.txt")
    repo.ledger_path.write_text(SCHEMA1.replace("SHA", sha), encoding="utf-8")
    notes: list[str] = []
    repo.sync(warn=notes.append)
    text = text_of(repo)
    assert [n for n in notes if "upgraded from schema 1" in n]
    assert repo.ledger_path.with_name("claims.toml.schema1.bak").read_text().startswith("# our")
    assert "schema = 2" in text and "spans" not in text and "cue_lemma" not in text
    table = text.split("[claims.c-old]\n")[1].split("\n\n")[0]
    assert 'speaker = "Alice Smith"' in table and 'mention = "Alice"' in table
    assert 'note = "called them"  # by phone' in table and "# our desk's ledger" in text
    assert check(repo.ledger_path).ok
    before = text_of(repo)
    repo.sync()
    assert text_of(repo) == before


def test_seed_ledger_keeps_the_everyday_edits(tmp_path: Path) -> None:
    """Issue 10's list on a fresh `init seeds` ledger: kept by sync, no finding but attribution."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    path = tmp_path / "claims.toml"
    sync_module.sync_file(path, ["seeds"], create=True)
    text = path.read_text(encoding="utf-8")
    tables = text.split("\n\n")
    seed3 = [  # attributed claims of seed 003 (its own-voice lede has no speaker)
        i
        for i, t in enumerate(tables)
        if t.startswith("[claims.") and "003_" in t and "\nspeaker = " in t
    ]
    first, second = seed3[0], seed3[1]
    tables[first] = re.sub(r'speaker = "[^"]*"', 'speaker = "The Washington Post"', tables[first])
    quoted = re.search(r'content = "([^"]{40,})"', tables[second])
    assert quoted is not None
    short = quoted[1][6:30].strip()
    tables[second] = tables[second].replace(quoted[0], f'content = "{short}"')
    tables[0] = "# the desk's ledger\n" + tables[0]
    text = "\n\n".join(tables).replace('published = ""', "published = 2017-06-23")
    ids = re.findall(r"\[claims\.(c-[0-9a-f]+)\]", text)
    text += f'\n[relations."{ids[3]}~{ids[1]}"]\nverdict = "confirmed"\nnote = ""\n'
    path.write_text(text, encoding="utf-8")
    sync_module.sync_file(path)
    after = path.read_text(encoding="utf-8")
    assert sync_module.sync_file(path).written is False  # the second sync changes nothing
    assert 'speaker = "The Washington Post"' in after and f'content = "{short}"' in after
    assert "# the desk's ledger" in after and f'[relations."{ids[3]}~{ids[1]}"]' in after
    codes = {f.code for f in check(path).findings}
    assert codes <= {"unattributed"}
    claims = store.open_ledger(path).claims
    assert all(c.date is not None for c in claims)
    assert (tmp_path / "seeds" / "003_bcaab3bcf559171c.txt").exists()
    seed = tmp_path / "seeds" / "003_bcaab3bcf559171c.txt"
    seed.write_text("A new first line.\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    sync_module.sync_file(path)
    now = path.read_text(encoding="utf-8").splitlines()
    changed = sum(a != b for a, b in zip(before, now, strict=False)) + abs(len(now) - len(before))
    assert changed <= 10
