"""Folding for anchoring and scanning claims.toml lines: fast paths equal the plain definitions."""

from __future__ import annotations

import re
import sys

import attrs
from hypothesis import given
from hypothesis import strategies as st

from provenance.ledger import edit, words
from provenance.model import Claim, Kind, Span, Stance

from .conftest import EVERY_FIELD

ALPHABET = "ab \t\n\r\x1c\x85\u00a0\u2003\u2028\u200b\u2060\ufeff\u00ad“”‘’„«—–−…-\"'x`"


def reference(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Character by character: each folds alone; a space after a space joins it. The
    folded text, and where each of its characters starts and ends in ``text``."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for at, char in enumerate(text):
        folded = words.fold_char(char)
        if folded == " " and chars and chars[-1] == " ":
            ends[-1] = at + 1
            continue
        for piece in folded:
            chars.append(piece)
            starts.append(at)
            ends.append(at + 1)
    return "".join(chars), tuple(starts), tuple(ends)


def mapped(folded: words.Folded) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """A Folded as the reference gives it: text, and each character's start and end."""
    indices = range(len(folded.text))
    return (
        folded.text,
        tuple(folded.start(n) for n in indices),
        tuple(folded.end(n) for n in indices),
    )


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_fold_is_the_per_character_fold(text: str) -> None:
    """Same folded text and the same offsets back into the original."""
    assert mapped(words.fold(text)) == reference(text)


@given(st.text(alphabet=ALPHABET, max_size=60), st.lists(st.integers(0, 70)), st.integers(1, 8))
def test_ranges_in_one_loop_are_start_and_end(text: str, ats: list[int], length: int) -> None:
    """Where folded ranges start and end, found in one loop: ``start`` and ``end`` of each."""
    doc = words.fold(text)
    ats = sorted(at for at in ats if at + length <= len(doc.text))
    starts, ends = doc.ranges(tuple(ats), length)
    assert starts == [doc.start(at) for at in ats]
    assert ends == [doc.end(at + length - 1) for at in ats]


def test_white_is_every_character_python_calls_space() -> None:
    """The whitespace the piece pattern names one by one is all ``str.isspace`` knows."""
    every = "".join(char for char in map(chr, range(sys.maxunicode + 1)) if char.isspace())
    assert every == words.WHITE


# The pieces as first written: a run of whitespace or invisible characters, a lone
# whitespace character that is not a plain space, a lone invisible one or an ellipsis.
PLAIN_PIECE = re.compile(f"[\\s{words._GONE_SET}]{{2,}}|[^\\S ]|[{words._GONE_SET}…]")


@given(st.text(alphabet=ALPHABET + "\u3000\u1680\x1f\x0b  ", max_size=60))
def test_pieces_are_those_of_the_plain_pattern(text: str) -> None:
    """The pattern led by one set of characters finds the pieces the plain one finds."""
    found = [m.span() for m in words._PIECE.finditer(text)]
    assert found == [m.span() for m in PLAIN_PIECE.finditer(text)]


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_folded_text_alone_is_the_folds_text(text: str) -> None:
    """The folded text made with string methods is the one ``fold`` makes."""
    assert words.folded_text(text) == words.fold(text).text == reference(text)[0]


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_key_is_the_trimmed_fold(text: str) -> None:
    """``key`` (translate and collapse) is the folded text, trimmed."""
    assert words.key(text) == reference(text)[0].strip()


@given(st.text(alphabet="ab\"'#\\ =x", max_size=16), st.sampled_from(["", '"""', "'''"]))
def test_the_line_scan_is_the_character_scan(line: str, quote: str) -> None:
    """Which multi-line string a claims.toml line leaves open: the regex scan equals the
    character-by-character one."""
    assert edit._scan(line, quote) == edit._scan_chars(line, quote)


# Lines of a claims.toml a person may have edited: headers (indented, quoted, an array of
# tables, one not sync's), comments above them, one-line strings holding a triple quote,
# multi-line strings, other line breaks.
_LINES = st.sampled_from(
    [
        "[claims.c-1]",
        '[claims."c 2"]',
        '  [documents."a/b.txt"]',
        "\u3000[relations.x~y]",
        "[[claims]]",
        "[misc]",
        "# a comment",
        "  # indented comment",
        "",
        "   ",
        'content = "x"',
        "content = \"one ''' two\"",
        "before = \"it's ''' here\" # note",
        'note = """',
        "[claims.inside] still in a string",
        '"""',
        "note = '''",
        "'''",
        "a = 1\x0cb = 2",
        "c = 3\rd = 4",
        "e = '\u2028'",
        "f = [1, 2]",
    ]
)


@given(st.lists(_LINES, max_size=12), st.booleans())
def test_claims_toml_cut_by_offsets_is_cut_line_by_line(lines: list[str], end: bool) -> None:
    """A claims.toml text is cut into the same chunks by the offset search as line by line
    (comments above a header go with it; a text with a multi-line string or another line
    break is cut line by line)."""
    text = "\n".join(lines) + ("\n" if end and lines else "")
    assert edit.split(text) == edit._split_lines(text)
    if not any(mark in text for mark in edit._BREAKS) and not edit._opens_string(text):
        assert edit._split_fast(text) == edit._split_lines(text)


_NEAR_ALPHABET = 'ab said \n\u00a0\u200b\u00ad“”—…-"x'


@given(
    st.text(alphabet=_NEAR_ALPHABET, max_size=80),
    st.sampled_from(["a", "ab", "said", "b a", "x", '"a', "…", "a-b"]),
    st.integers(0, 80),
    st.integers(0, 20),
    st.integers(-1, 80),
)
def test_near_by_bisection_is_the_nearest_of_all(
    text: str, needle: str, at: int, size: int, placed: int
) -> None:
    """The bisected nearest occurrence of a cue or speaker is the plain nearest one (ties
    to the first), and a span already where an occurrence is stays there."""
    at = min(at, len(text))
    content = (Span.of(text, at, min(len(text), at + size)),)
    span = Span(placed, placed + len(needle), needle) if placed >= 0 else words.unanchored(needle)
    assert words._near(text, span, content) == words._nearest_of_all(text, span, content)
    for start, end in words.places(text, needle):
        own = Span(start, end, needle)
        assert words._near(text, own, content) == words._nearest_of_all(text, own, content)


@given(st.text(alphabet=_NEAR_ALPHABET, max_size=60), st.text(alphabet=_NEAR_ALPHABET, max_size=6))
def test_repeated_counts_the_places(text: str, needle: str) -> None:
    """Words are repeated exactly when they have more than one place (none placed to know)."""
    assert words.repeated(text, needle) == (len(words.places(text, needle)) > 1)


@given(st.text(alphabet=_NEAR_ALPHABET, max_size=60), st.text(alphabet=_NEAR_ALPHABET, max_size=6))
def test_the_first_place_found_alone_is_the_first_of_all(text: str, needle: str) -> None:
    """Content placed without context takes the first place: found alone, it is the same."""
    every = words.occurrences(text, needle)
    assert words._first_place(text, needle) == (every[0] if every else None)


def test_a_moved_claim_is_the_evolved_claim() -> None:
    """Placing a claim changes its spans only: every other field (each one set) is kept,
    as ``attrs.evolve`` keeps it."""
    claim = attrs.evolve(EVERY_FIELD, speaker=None, cue=None, content=(words.unanchored("one"),))
    speaker, cue, content = Span(0, 3, "Ann"), Span(4, 8, "said"), (Span(9, 12, "one"),)
    evolved = attrs.evolve(claim, speaker=speaker, cue=cue, content=content)
    assert words.moved(claim, speaker, cue, content) == evolved
    defaults = Claim("c-1", "a.txt", None, None, (), Kind.DIRECT, Stance.ASSERTS)
    assert words.moved(defaults, None, None, content) == attrs.evolve(defaults, content=content)
