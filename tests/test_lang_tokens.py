"""The one English tokenizer (``provenance.lang.en.tokens``): tables of real phrases, and
that no stage keeps a word-token regex of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance.lang.en import tokens

PACKAGE = Path(tokens.__file__).resolve().parents[2]

LOWER = [
    ("he wasn't there", ["he", "was", "n't", "there"]),
    ("more than 1,300 people", ["more", "than", "1,300", "people"]),
    ("it grew 3.5 percent", ["it", "grew", "3.5", "percent"]),
    ("the u.s. and so-called allies", ["the", "u.s", "and", "so-called", "allies"]),
    (
        "real or hoax? no, said one: yes",
        ["real", "or", "hoax", "?", "no", ",", "said", "one", ":", "yes"],
    ),
    ("obama's plan", ["obama's", "plan"]),
    # negative rows: quotes, dashes and stops are not tokens
    ("“no” — he said.", ["no", "he", "said"]),
    ("end. start", ["end", "start"]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER)
def test_lower_tokens(text: str, expected: list[str]) -> None:
    """Lower-case tokens split "n't", keep numbers whole and keep "?", ":" and ","."""
    assert tokens.lower_tokens(text) == expected


CASED = [
    ("ISIS' Libya base", ["ISIS", "Libya", "base"], ["ISIS'", "Libya", "base"]),
    ("Trump's Iowa team", ["Trump's", "Iowa", "team"], ["Trump's", "Iowa", "team"]),
    ("the U.S. Army", ["the", "U.S", "Army"], ["the", "U.S", "Army"]),
    # negative row: curly apostrophes are normalised before, never part of a word here
    ("Trump’s", ["Trump", "s"], ["Trump", "s"]),
]


@pytest.mark.parametrize(("text", "words", "possessive"), CASED)
def test_cased_words(text: str, words: list[str], possessive: list[str]) -> None:
    """Cased words keep capitals; the possessive view keeps a trailing apostrophe."""
    assert tokens.cased_words(text) == words
    assert tokens.CASED_POSSESSIVE.findall(text) == possessive


NAMES = [
    ("Sen. Ted Cruz Jr.", ["Sen.", "Ted", "Cruz", "Jr."]),
    ("O’Neill's spokesman", ["O’Neill's", "spokesman"]),
    ("Maj.-Gen. Yoav Mordechai", ["Maj.-Gen.", "Yoav", "Mordechai"]),
    # negative row: commas and brackets are not part of a name
    ("Cruz (R-Tex.), who", ["Cruz", "R-Tex.", "who"]),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_name_words(name: str, expected: list[str]) -> None:
    """A name's words keep their stops, hyphens and apostrophes."""
    assert tokens.name_words(name) == expected


DIFF = [
    ("It isn't true.", ["It", "isn't", "true", "."]),
    ("he’d go, not stay", ["he’d", "go", ",", "not", "stay"]),
    # negative row: a trailing apostrophe is a mark of its own
    ("ISIS' base", ["ISIS", "'", "base"]),
]


@pytest.mark.parametrize(("text", "expected"), DIFF)
def test_diff_tokens(text: str, expected: list[str]) -> None:
    """Diff tokens are words with inner apostrophes and single punctuation marks."""
    assert tokens.DIFF.findall(text) == expected


PIECES = [
    ("“We won,” he said; then", ["“", "We", "won", ",", "”", "he", "said", ";", "then"]),
    ("''Yes,'' said O'Neill", ["''", "Yes", ",", "''", "said", "O'Neill"]),
    # negative row: stops, brackets and dashes do not bound a speaker
    ("(Gen.) — left.", ["Gen", "left"]),
]


@pytest.mark.parametrize(("text", "expected"), PIECES)
def test_pieces(text: str, expected: list[str]) -> None:
    """The pieces a claim rule scans: words and the marks that bound a speaker."""
    assert tokens.PIECE.findall(text) == expected


def test_spaced_tokens_keep_opening_marks_apart() -> None:
    """A whitespace token reports its opening quotes or brackets as group 1."""
    found = [(m.group(1), m.group()) for m in tokens.SPACED.finditer("He said “(no) way")]
    assert found == [("", "He"), ("", "said"), ("“(", "“(no)"), ("", "way")]


# The word-token regexes stages used to compile for themselves, before the language layer.
OLD_PATTERNS = [
    r"[a-z0-9_]+(?=n't)",
    r"[A-Za-z0-9_]+(?:['.\-][A-Za-z0-9_]+)*",
    r"[\w.'’-]+",
    r"\w+(?:['’]\w+)*|[^\w\s]",
    r"''|\w[\w’'-]*",
    r"([\"“‘'(\[]*)\S+",
    r're.compile(r"\w+")',
    r're.compile(r"[A-Za-z]+")',
]


@pytest.mark.parametrize("pattern", OLD_PATTERNS)
def test_no_stage_compiles_its_own_word_tokens(pattern: str) -> None:
    """Only ``lang/en/tokens.py`` holds a word-token regex; every stage imports it."""
    here = PACKAGE / "lang" / "en" / "tokens.py"
    holders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != here and pattern in path.read_text(encoding="utf-8")
    ]
    assert holders == []


def test_old_patterns_are_the_tokens_modules_own() -> None:
    """Each pattern the guard looks for is part of a regex of the tokens module (a guard
    for a pattern nobody writes would prove nothing)."""
    compiled = [value.pattern for value in vars(tokens).values() if isinstance(value, re.Pattern)]
    for pattern in OLD_PATTERNS:
        body = pattern.removeprefix('re.compile(r"').removesuffix('")')
        assert any(body in written for written in compiled), pattern
