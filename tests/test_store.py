"""The claims store: schema 1 round trip, problems, safe paths, atomic writes, the lock."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.errors import InputError, ProvenanceError, UsageError
from provenance.ledger import store, tomltext
from provenance.model import (
    Claim,
    DateBasis,
    DocRecord,
    Flag,
    Kind,
    Ledger,
    RelationVerdict,
    Side,
    Span,
    Stance,
    Status,
    Verdict,
)

DOC = "seeds/a.txt"
TEXT = "Officials said the bridge “was closed” on Friday. He denied it."


def claim(start: int, end: int, **changes: object) -> Claim:
    """A claim over TEXT[start:end] with a speaker and a cue."""
    fields: dict[str, object] = {
        "id": f"c-{start:04d}",
        "doc": DOC,
        "speaker": Span.of(TEXT, 0, 9),
        "cue": Span.of(TEXT, 10, 14),
        "content": (Span.of(TEXT, start, end),),
        "kind": Kind.INDIRECT,
        "stance": Stance.ASSERTS,
        "date": dt.date(2017, 6, 23),
        "date_basis": DateBasis.DOCUMENT,
        "rule": "speaker-cue",
        "cue_lemma": "say",
        "speaker_name": "Officials",
    }
    fields.update(changes)
    return Claim(**fields)  # type: ignore[arg-type]


def ledger() -> Ledger:
    """A ledger using every field, including unknown keys and a two-fragment claim."""
    return Ledger(
        corpus=("seeds",),
        documents=(
            DocRecord(DOC, sha256="ab" * 32, title="A “title” # not a comment", publisher="X"),
            DocRecord("seeds/b c.txt", published=dt.date(2020, 1, 2), reviewed=True),
        ),
        claims=(
            claim(
                15, 48, status=Status.EDITED, note='he said "hi"\nline two', flag=Flag.REANCHORED
            ),
            claim(
                15,
                18,
                id="c-split",
                content=(Span.of(TEXT, 15, 18), Span.of(TEXT, 26, 36)),
                kind=Kind.MIXED,
            ),
            claim(50, 64, speaker=Span.of(TEXT, 50, 52), speaker_name="Officials", cue=None),
        ),
        relations=(RelationVerdict("c-0015", "c-0050", Verdict.DISMISSED, note="n"),),
        unknown={("", ""): {"owner": "desk"}, ("claims", "c-0050"): {"tags": ["a", 1]}},
    )


def words(claim: Claim) -> tuple[object, ...]:
    """What claims.toml says of a claim (words, not offsets)."""
    return (
        claim.id,
        claim.doc,
        claim.speaker_name or (claim.speaker.text if claim.speaker else ""),
        claim.cue.text if claim.cue else "",
        tuple(span.text for span in claim.content),
        claim.kind,
        claim.stance,
        claim.date,
        claim.date_basis,
        claim.rule,
        claim.status,
        claim.note,
        claim.flag,
    )


def test_round_trip_keeps_every_field() -> None:
    """dump then parse gives the same words, with no problem but the unknown keys."""
    text = store.dumps(ledger())
    back, problems = store.parse_ledger(text)
    assert back.documents == tuple(sorted(ledger().documents, key=lambda d: d.path))
    assert {words(c) for c in back.claims} == {words(c) for c in ledger().claims}
    assert all(span.start == -1 for c in back.claims for span in c.content)  # no offsets
    assert back.relations == ledger().relations
    assert back.unknown == ledger().unknown
    assert [p.field for p in problems] == ["owner", "tags"]


def test_dump_is_a_fixed_point() -> None:
    """Dumping a parsed dump gives the same bytes (from the second round on)."""
    text = store.dumps(store.parse_ledger(store.dumps(ledger()))[0])
    assert store.dumps(store.parse_ledger(text)[0]) == text


def test_dump_layout_follows_design() -> None:
    """Header comment, no offsets, a split quote as a list, the person's fields first."""
    text = store.dumps(ledger())
    assert text.startswith("# provenance ledger — status: auto | confirmed")
    assert "spans" not in text and "_span" not in text
    assert 'content = ["the", "“was close"]' in text
    assert 'corpus = ["seeds"]' in text
    assert text.index("[claims.c-0015]") < text.index("[claims.c-split]") < text.index("c-0050]")
    assert text.index('[documents."seeds/a.txt"]') < text.index("[claims.c-0015]")
    fields = [line.split(" =")[0] for line in block(text, "[claims.c-0050]")]
    assert fields[:4] == ["doc", "speaker", "content", "stance"]
    assert fields.index("note") < fields.index("mention") < fields.index("date_basis")
    assert fields[-2:] == ["fingerprint", "tags"]


def block(text: str, header: str) -> list[str]:
    """The lines of the table under ``header``."""
    return text.split(header + "\n")[1].split("\n\n")[0].splitlines()


def test_unknown_published_is_in_the_template() -> None:
    """A document with no date shows ``published = ""`` to fill in; it reads as no date."""
    text = store.dumps(Ledger(documents=(DocRecord(DOC),)))
    assert 'published = ""' in text and 'author = ""' in text
    assert store.parse_ledger(text)[0].documents[0].published is None


@given(st.text())
def test_any_string_survives(value: str) -> None:
    """Every string (quotes, backslashes, controls, non-BMP) round-trips through the writer."""
    note = claim(15, 48, note=value, id="c-x")
    back, _ = store.parse_ledger(store.dumps(Ledger(claims=(note,))))
    assert back.claims[0].note == value
    assert back.claims[0].status is Status.AUTO  # its fingerprint still matches


@given(st.text(min_size=1))
def test_any_key_survives(name: str) -> None:
    """Every document path round-trips as a TOML key."""
    back, _ = store.parse_ledger(store.dumps(Ledger(documents=(DocRecord(name),))))
    assert back.documents[0].path == name


BROKEN = [
    ('schema = 1\ncorpus = ["seeds"\n', "claims.toml:3:1:"),
    ("schema = 1\n[claims.c-1]\ndoc = 'x'\n[claims.c-1]\n", "claims.toml:4:"),
    ("schema = \n", "claims.toml:1:10:"),
]


@pytest.mark.parametrize(("text", "prefix"), BROKEN)
def test_syntax_error_names_line_and_column(text: str, prefix: str) -> None:
    """A file that does not parse raises one line starting with name:line:column."""
    with pytest.raises(InputError) as info:
        store.parse_ledger(text)
    message = str(info.value)
    assert message.startswith(prefix)
    assert "\n" not in message and "(at line" not in message


PLAIN = [
    ("published = 2016-10-32", "not a real date; write YYYY-MM-DD"),
    ("reviewed = yes", "write true or false (lower case, no quotes), not yes"),
    ('title = "A headline', "a string is not closed"),
    ("reviewed = True", "not True"),
]


@pytest.mark.parametrize(("line", "words"), PLAIN)
def test_common_syntax_mistakes_are_said_plainly(line: str, words: str) -> None:
    """A bad date, yes for true, an unclosed string: plain words and claims.toml:LINE."""
    text = f'schema = 2\ncorpus = ["seeds"]\n\n[documents."seeds/a.txt"]\n{line}\nauthor = ""\n'
    with pytest.raises(InputError) as info:
        store.parse_ledger(text)
    assert str(info.value).startswith("claims.toml:5:")
    assert words in str(info.value)


def test_bom_and_crlf_are_read_and_kept(tmp_path: Path) -> None:
    """A BOM is accepted; a CRLF file stays CRLF (and keeps its BOM) when rewritten."""
    path = tmp_path / "claims.toml"
    lines = ["# mine", "schema = 2", 'corpus = ["seeds"]', "", "[relations.\"c-2~c-1\"]",
             'verdict = "confirmed"', 'note = ""', ""]  # fmt: skip
    path.write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    read = store.open_ledger(path)
    assert read.corpus == ("seeds",)
    store.save(path, attrs.evolve(read, relations=(attrs.evolve(read.relations[0], note="n"),)))
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff# mine\r\n") and "\n" not in raw.replace("\r\n", "")
    assert '[relations."c-2~c-1"]\r\nverdict = "confirmed"\r\nnote = "n"\r\n' in raw


PROBLEMS = [
    ('stance = "sure"', "stance", "use one of asserts"),
    ('status = "aproved"', "status", "use one of auto"),
    ('date = "2017-06-23"', "date", "is not a date"),
    ("spans = [[5, 2]]", "spans", "0 <= start <= end"),
    ('flag = "odd"', "flag", "use one of orphaned"),
    ("stanse = 1", "stanse", "did you mean 'stance'"),
]


@pytest.mark.parametrize(("line", "field", "words"), PROBLEMS)
def test_schema_problems_name_the_field(line: str, field: str, words: str) -> None:
    """A bad field is a problem on that field, and load refuses the file with its line."""
    body = {"stance": 'stance = "asserts"'}
    key = line.split(" =")[0]
    rows = [body.get(key, 'stance = "asserts"'), line] if key != "stance" else [line]
    text = (
        'schema = 1\ncorpus = []\n[claims.c-1]\ndoc = "a.txt"\ncontent = "x"\nkind = "direct"\n'
        + "\n".join(rows)
        + "\n"
    )
    _, problems = store.parse_ledger(text)
    assert [(p.field, words in p.message) for p in problems] == [(field, True)]
    assert store.line_of(text, problems[0]) == text.splitlines().index(line) + 1


def test_valid_file_has_no_problems() -> None:
    """The negative row: a valid claim parses cleanly."""
    text = (
        'schema = 1\n[claims.c-1]\ndoc = "a"\ncontent = "x"\nkind = "direct"\nstance = "denies"\n'
    )
    ledger_, problems = store.parse_ledger(text)
    assert problems == []
    assert ledger_.claims[0].content[0].start == -1  # not anchored yet


def test_load_missing_file_says_init(tmp_path: Path) -> None:
    """No claims.toml is a usage error that names `provenance init`."""
    with pytest.raises(UsageError, match="provenance init"):
        store.open_ledger(tmp_path / "claims.toml")


def test_load_refuses_schema_problems(tmp_path: Path) -> None:
    """load raises for a bad field and names the file and line."""
    path = tmp_path / "claims.toml"
    path.write_text('schema = 1\n[documents."a.txt"]\nreviewed = "yes"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"claims.toml:3: \[documents.a.txt\] reviewed"):
        store.open_ledger(path)


COMMENTS = [
    ("a = 1 # note\n", [1]),
    ('# top\na = "x # y"\n', [1]),
    ("a = 'it''s'\nb = 2\n# end\n", [3]),
    ('a = """\n# inside\n"""\n#after\n', [4]),
    ("a = '''\n#x\n'''\n", []),
    ('a = "\\" # still string"\n', []),
    ('a = """q"""""\n# c\n', [2]),
    ("a = 1\n", []),
]


@pytest.mark.parametrize(("text", "lines"), COMMENTS)
def test_comment_lines(text: str, lines: list[int]) -> None:
    """`#` outside strings is a comment; inside any string kind it is not."""
    assert tomltext.comment_lines(text) == lines


SAFE = [
    ("seeds/a.txt", True),
    ("seeds/../seeds/a.txt", False),
    ("../outside.txt", False),
    ("/etc/passwd", False),
    ("C:/x.txt", False),
    ("seeds\\a.txt", False),
    ("", False),
    ("link/secret.txt", False),
]


@pytest.mark.parametrize(("name", "ok"), SAFE)
def test_resolve_refuses_paths_leaving_the_root(tmp_path: Path, name: str, ok: bool) -> None:
    """Relative paths inside the root resolve; `..`, absolute, and outward symlinks are refused."""
    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (root / "link").symlink_to(tmp_path / "out")
    if ok:
        assert store.resolve(root, name) == (root / name).resolve()
    else:
        with pytest.raises(store.UnsafePath):
            store.resolve(root, name)


def test_corpus_files_lists_text_files_and_refuses_escapes(tmp_path: Path) -> None:
    """Only visible .txt files; a symlink to outside is refused, not listed."""
    (tmp_path / "c" / "sub").mkdir(parents=True)
    for name in ("c/b.txt", "c/sub/a.txt", "c/.hidden.txt", "c/readme.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path.parent / "outside.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "c" / "evil.txt").symlink_to(tmp_path.parent / "outside.txt")
    files, refused = store.corpus_files(tmp_path, ("c", "../x"))
    assert files == ["c/b.txt", "c/sub/a.txt"]
    assert len(refused) == 2


def test_atomic_write_killed_before_rename_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure between writing and renaming leaves the old file and no temporary."""
    path = tmp_path / "claims.toml"
    path.write_text("old", encoding="utf-8")

    def killed(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        store.atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert store.leftover_temporaries(path) == []


def test_lock_serialises_holders(tmp_path: Path) -> None:
    """A second holder waits until the first releases; the lock file is removed after."""
    path = tmp_path / "claims.toml"
    order: list[str] = []

    def second() -> None:
        with store.locked(path):
            order.append("second")

    with store.locked(path):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.2)
        order.append("first")
    thread.join()
    assert order == ["first", "second"]
    assert not path.with_name("claims.toml.lock").exists()


def test_lock_times_out_with_a_message(tmp_path: Path) -> None:
    """A held lock makes another holder give up after the timeout with a clear error."""
    path = tmp_path / "claims.toml"
    with (
        store.locked(path),
        pytest.raises(ProvenanceError, match="another sync holds the lock"),
        store.locked(path, timeout=0.1),
    ):
        pass


def test_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    """A new claims.toml is readable as any new file (umask), not private like a temp file."""
    umask = os.umask(0o022)
    try:
        store.atomic_write(tmp_path / "claims.toml", "schema = 1\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "claims.toml").stat().st_mode & 0o777 == 0o644


def test_a_side_set_by_hand_round_trips() -> None:
    """``side`` on a claim is read, written back, and a wrong value is named."""
    text = store.dumps(Ledger(claims=(claim(0, 4, side=Side.AGAINST),)))
    assert 'side = "against"' in text
    back, problems = store.parse_ledger(text)
    assert not problems and back.claims[0].side is Side.AGAINST
    _, problems = store.parse_ledger(text.replace('"against"', '"maybe"'))
    assert any('side = "maybe"' in p.message for p in problems)
