"""The fast reader of sync's TOML: tomllib's answer, or None (then tomllib reads the file)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.ledger import quicktoml, store, tomltext

ROOT = Path(__file__).resolve().parents[1]


def same_as_tomllib(text: str) -> None:
    """``quicktoml.loads`` equals ``tomllib.loads``, or says None; a file tomllib refuses is
    never read by it."""
    quick = quicktoml.loads(text)
    try:
        slow = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert quick is None
        return
    if quick is not None:
        assert quick == slow
        assert list(quick) == list(slow)


def test_the_projects_own_ledger_is_read_fast_and_the_same() -> None:
    """The committed claims.toml is in the subset and reads as tomllib reads it."""
    text = (ROOT / "claims.toml").read_text(encoding="utf-8")
    assert quicktoml.loads(text) == tomllib.loads(text)


LINES = [
    'a = "x"',
    'a = "say \\"hi\\" \\\\ \\t \\u00e9 \\U0001F600"',
    "a = true",
    "a = false  # a comment",
    "a = 2017-06-23",
    "a = 2017-02-30",  # not a date
    "a = 2017-06-23 10:00:00",  # a date-time: tomllib's
    "a = 2017-06-23T10:00:00Z",
    "a = 12",
    "a = -3",
    "a = 012",  # leading zero: an error
    "a = 1_000",
    "a = 1.5",
    'a = ["x", "y"]',
    'a = [ "x" , "y", ]',
    "a = []",
    'a = ["x", 1]',
    'a = ["a]b"]',
    'a = """x"""',
    "a = 'literal'",
    "a = { b = 1 }",
    'a = "bad \\q escape"',
    'a = "\\ud800"',
    'a = "tab\there"',
    'a = "x" "y"',
    "a.b = 1",
    '"a" = 1',
    "a = 1\na = 2",  # defined twice
    "[t]\na = 1\n[t]",  # a table defined twice
    "[t.u]\n[t]\na = 1",  # a table made implicitly, then defined: valid TOML
    "[t]\nu = 1\n[t.u]",
    "t = 1\n[t.u]",
    '[t."a b"]\nx = 1',
    '[t."a\\"b"]\nx = 1',
    "[[t]]\nx = 1",
    "[t.u.v]\nx = 1",
    "  [ t . u ]  # header\n  x = 1",
    "# only a comment",
    "#\x01 control in a comment",
    "a = 1\r\nb = 2",
    "a = 1\rb = 2",
    "",
    "\n\n",
    "a =",
    "= 1",
]


@pytest.mark.parametrize("text", LINES)
def test_a_line_reads_as_tomllib_reads_it_or_is_left_to_it(text: str) -> None:
    """Every kind of line: the same value as tomllib, or None (never a different answer)."""
    same_as_tomllib(text)


def test_sync_style_values_are_read_fast() -> None:
    """What sync writes is in the subset: the fast path is taken, not skipped."""
    text = "\n".join(
        [
            "schema = 2",
            'corpus = ["seeds", "news"]',
            '[documents."seeds/a b.txt"]',
            'title = "A \\"quoted\\" title"',
            "published = 2017-06-23",
            "reviewed = false",
            "[claims.c-1]",
            'content = ["one", "two"]',
            'note = "tab\\tand\\nnewline"',
        ]
    )
    assert quicktoml.loads(text) == tomllib.loads(text)
    assert quicktoml.loads(text) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_string_written_by_sync_reads_back_the_same(value: str) -> None:
    """A string tomltext writes reads back as tomllib reads it (fast path or not)."""
    text = f"[claims.c-1]\ncontent = {tomltext.string(value)}\nnote = [{tomltext.string(value)}]\n"
    same_as_tomllib(text)
    assert quicktoml.loads(text) is not None
    assert quicktoml.loads(text) == {"claims": {"c-1": {"content": value, "note": [value]}}}


_PIECES = st.sampled_from(
    [
        "[claims.c-1]",
        "[claims.c-2]",
        '[documents."a.txt"]',
        "[relations]",
        "[claims]",
        "x = 1",
        'x = "v"',
        "y = true",
        "z = 2016-10-32",
        "z = 2016-10-30",
        'w = ["a", "b",]',
        "# note",
        "",
        "  ",
        "claims = 1",
        "v = 'lit'",
        'q = "a\\\\b"',
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_any_mix_of_lines_reads_as_tomllib_reads_it(lines: list[str]) -> None:
    """Headers and pairs in any order (clashes included): tomllib's answer or None."""
    same_as_tomllib("\n".join(lines))


def test_store_parse_gives_tomllibs_error_for_a_bad_file() -> None:
    """A bad date still fails with tomllib's line and words (the fast reader steps aside)."""
    with pytest.raises(Exception) as raised:
        store.parse("schema = 2\npublished = 2016-10-32\n")
    assert ":2:" in str(raised.value)


def test_a_date_is_a_date() -> None:
    """Dates come back as ``datetime.date``, as tomllib gives them."""
    assert quicktoml.loads("d = 2017-06-23") == {"d": dt.date(2017, 6, 23)}


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet='ab-_ .="', max_size=6),
    st.text(max_size=20),
    st.sampled_from(["", " ", " # c", '"', "\\"]),
)
def test_a_raw_key_and_string_line_reads_as_tomllib_reads_it(key: str, raw: str, tail: str) -> None:
    """``key = "…"`` as a person might type it (any characters, control ones and quotes
    unescaped, something after the closing quote): tomllib's answer, or None."""
    same_as_tomllib(f'{key} = "{raw}"{tail}\n')
    same_as_tomllib(f'[claims.c-1]\n{key} = "{raw}"{tail}\nnote = "n"\n')


def test_repeated_keys_and_short_values_are_one_object() -> None:
    """Each claim repeats its keys and short values (a document's path, a stance): read
    once each, so dropping the tables leaves no holes among the claims that live on."""
    long = "word " * 30
    claim = '[claims.c-{n}]\ndoc = "news/a.txt"\nstance = "asserts"\ncontent = "{long}"\n'
    text = "".join(claim.format(n=n, long=long) for n in (1, 2))
    data = quicktoml.loads(text)
    assert data == tomllib.loads(text)
    one, two = data["claims"]["c-1"], data["claims"]["c-2"]
    assert one["doc"] is two["doc"] and one["stance"] is two["stance"]
    assert [k1 is k2 for k1, k2 in zip(one, two, strict=True)] == [True, True, True]
    assert one["content"] == two["content"]  # a long value: kept as read, not looked up
