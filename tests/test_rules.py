"""The rule table's speed keys: cue first words, anchors of cue words, needs at cues."""

from __future__ import annotations

import pytest

from provenance import tables
from provenance.extract import prefilter, rules, scan

RULES = rules.rules()
MACROS = tables.load("extract/rules")["macros"]


@pytest.mark.parametrize(
    ("names", "word", "held"),
    [
        (["speech"], "said", True),
        (["speech"], "believed", False),
        (["thought"], "believed", True),
        (["prep"], "according", True),
        (["prep"], "to", False),
        (["speech_ing"], "saying", True),
        (["speech_ing"], "said", False),
        ([], "said", False),
    ],
)
def test_first_words(names: list[str], word: str, held: bool) -> None:
    """The first words of a cue macro are the first letter runs of its forms."""
    assert (word in rules.first_words(names)) is held


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("{saying}", ["speech", "frame"]),
        ("{evidence}|{speech}", ["evidence", "speech"]),
        ("{cueverb}", ["cueverb"]),
        ("{speaker}", []),
        ("{saying}|said", []),
        (r"\b(?:emerged|surfaced)\b", []),
        ("", []),
    ],
)
def test_cue_names(text: str, names: list[str]) -> None:
    """An anchor made only of cue word macros names them; anything else names none."""
    assert rules._cue_names(text, MACROS) == names


@pytest.mark.parametrize(
    ("rule", "text"),
    [(rule, text) for rule in RULES if rule.needs_cues for text in rule.examples],
    ids=str,
)
def test_needs_cues_hold_in_every_cue(rule: rules.Rule, text: str) -> None:
    """The cue of every match of an example starts a run of letters in ``needs_cues``."""
    for match in rule.regex.finditer(text):
        cue = prefilter.letter_runs(match.group("cue"))
        assert not cue.isdisjoint(rule.needs_cues), (rule.id, match.group("cue"))
        if rule.needs_at_cue:
            assert rule.needs is not None
            starts = scan.Scan(text).run_starts(rule.needs_cues)
            assert any(rule.needs.match(text, start) for start in starts), rule.id


def test_equal_word_sets_of_rules_are_one_object() -> None:
    """Rules whose ``needs_cues`` or anchor forms are equal share one object (the scan's
    per-sentence caches are keyed by them: a look-up that finds the same object is cheap)."""
    seen: dict[object, object] = {}
    for rule in rules.rules():
        for value in (rule.needs_cues, rule.anchor_forms):
            assert seen.setdefault(value, value) is value, rule.id
