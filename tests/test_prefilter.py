"""Cheap rule tests: the letter runs of a sentence and start-only patterns."""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]  # only to check at_start

import pytest

from provenance.extract import prefilter, rules

RULES = rules.rules()


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("He SAID it.", {"he", "said", "it"}),
        ("well-said, don’t", {"well", "said", "don", "t"}),
        ("Café 42x", {"caf", "x"}),
        ("“Yes”", {"yes"}),
        ("— 42 —", set()),
    ],
)
def test_letter_runs(sentence: str, runs: set[str]) -> None:
    """The runs of ASCII letters, lower case; any other character separates them."""
    assert prefilter.letter_runs(sentence) == runs


def test_folded_keeps_offsets() -> None:
    """A run of letters found in the folded text starts at the same offset in the text."""
    text = "“Sí,” he said."
    assert prefilter.folded(text).find(" said ") == text.index("said")


@pytest.mark.parametrize(
    ("pattern", "at_start"),
    [
        ("^a", True),
        ("^(?:a|b)c", True),
        ("^[|]x", True),
        ("^[]|]x", True),
        (r"^a\|b", True),
        ("^a|b", False),
        ("(?:^a)", False),
        ("a^", False),
    ],
)
def test_at_start(pattern: str, at_start: bool) -> None:
    """Only a pattern that opens with ``^`` and has no top-level ``|`` is start-only."""
    assert prefilter.at_start(pattern) is at_start


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_at_start_agrees_with_the_parser(rule: rules.Rule) -> None:
    """A rule is start-only exactly when Python's regex parser sees ``^`` first."""
    parsed = _parser.parse(rule.regex.pattern)
    first = parsed.data[:1] == [(_parser.AT, _parser.AT_BEGINNING)]
    assert rule.at_start is first


@pytest.mark.parametrize(
    ("forms", "words", "leads"),
    [
        (["said", "says"], {"said", "says"}, set()),
        (["pointed out", "noted"], {"noted"}, {"pointed"}),
        (["Slams", "e-mailed"], {"Slams"}, {"e"}),
        (["'tis"], set(), set()),
    ],
)
def test_split_forms(forms: list[str], words: set[str], leads: set[str]) -> None:
    """One-word forms are decided by the word; a phrase or hyphenated form needs the regex."""
    assert prefilter.split_forms(forms) == (frozenset(words), frozenset(leads))


@pytest.mark.parametrize(
    ("needs", "always", "index"),
    [
        ([frozenset()], (0,), {}),
        ([frozenset({"said"}), frozenset(), frozenset({"said", "told"})], (1,), {"said": (0, 2)}),
        ([frozenset({"told"})], (), {"told": (0,)}),
    ],
)
def test_cue_index(
    needs: list[frozenset[str]], always: tuple[int, ...], index: dict[str, tuple[int, ...]]
) -> None:
    """Rules without cue words are always tried; a cue word lets through the rules needing it."""
    found_always, found_index, words = prefilter.cue_index(needs)
    assert found_always == always
    assert {w: found_index[w] for w in index} == index
    assert words == frozenset(w for n in needs for w in n)


@pytest.mark.parametrize(
    ("words", "passing"),
    [
        ({"he", "said", "it"}, {0, 1, 2}),
        ({"he", "told", "them"}, {1, 2}),
        ({"nothing", "here"}, {1}),
    ],
)
def test_passing(words: set[str], passing: set[int]) -> None:
    """A rule passes when it needs no word or the sentence holds one of its words."""
    index = prefilter.cue_index([frozenset({"said"}), frozenset(), frozenset({"said", "told"})])
    assert prefilter.passing(index, frozenset(words)) == passing
