"""The sentence scanner: anchors at cue words, the speaker window, needs and starts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract import rules, scan

RULES = rules.rules()
SENTENCES = [text for rule in RULES for text in (*rule.examples, *rule.counterexamples)] + [
    "Officials did not immediately comment on the report, which emerged late on Friday.",
    "“It’s over,” he said; the others, who had not spoken, declared that it was not.",
    "In a statement released Monday, the U.S. Department of State said nothing new.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_anchors_are_found_at_cue_words(text: str) -> None:
    """Every anchor match starts at a cue word: the scanner finds all of them."""
    scanner = scan.Scan(text)
    for rule in RULES:
        if rule.anchor is not None:
            expected = [m.start() for m in rule.anchor.finditer(text)]
            assert scanner.anchor_starts(rule.anchor) == expected, rule.id
            assert scanner.anchor_starts(rule.anchor, rule.anchor_forms) == expected, rule.id


@pytest.mark.parametrize(
    ("text", "cue", "window"),
    [
        ("The former U.S. ambassador to Russia said it.", "said", "The former U.S."),
        ("He left; the senator said it.", "said", "the senator"),
        ("“No,” the senator said.", "said", "the senator"),
        ("Smith, a lawyer, who was there, said it.", "said", "Smith, a lawyer, who"),
        ("Walsh, director of policy and research, said it.", "said", "Walsh, director"),
        ("Walsh or policy or research then said it.", "said", "or research then"),
        (
            "He ran, she hid, a man, 40, of Baldwin, Miss., said it.",
            "said",
            "a man, 40, of Baldwin",
        ),
        ("The dog barked because the mayor said it.", "said", "because the mayor"),
        ("The IS group, which was defeated in 2017, said it.", "said", "The IS group"),
        ("The deal, he said, was done or he then said it.", "said", "he then said"),
        ("Officials in Moscow have also repeatedly denied it.", "denied", "Officials in"),
    ],
)
def test_speaker_window(text: str, cue: str, window: str) -> None:
    """No speaker starts before a quotation mark, colon, third comma or barring word."""
    scanner = scan.Scan(text)
    start = scanner._barrier(text.rindex(" " + cue) + 1)
    assert text[start:].lstrip().startswith(window)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("A spokesman said the talks failed.", True),
        ("The weather was fine all week.", False),
        ("Nobody could tell.", True),
        ("Carson: Cruz took the wrong approach.", True),
        ("Carson:Cruz", False),
    ],
)
def test_may_hold_claim(text: str, holds: bool) -> None:
    """A sentence without a trigger word is never searched."""
    assert scan.may_hold_claim(text) is holds


@pytest.mark.parametrize(
    "text", [*SENTENCES, "The weather was fine all week.", "Nobody could tell."]
)
def test_live_rules_pass_their_cue_words(text: str) -> None:
    """``live`` keeps exactly the rules whose ``needs_cues`` and ``needs_words`` the
    sentence passes, in order."""
    scanner = scan.Scan(text)
    runs, words = scanner.letter_runs, scanner.word_set
    expected = [
        i
        for i, r in enumerate(RULES)
        if (not r.needs_cues or not runs.isdisjoint(r.needs_cues))
        and (not r.needs_words or not words.isdisjoint(r.needs_words))
    ]
    assert scanner.live() == expected


@given(
    st.lists(st.integers(0, 60), max_size=12, unique=True),
    st.integers(-1, 61),
    st.integers(-1, 61),
)
def test_inside_is_a_search_of_every_span(cuts: list[int], first: int, last: int) -> None:
    """``_inside`` (a bisection) finds what a look at every span finds, for sorted spans
    that do not overlap."""
    bounds = sorted(cuts)
    spans = list(zip(bounds[::2], bounds[1::2], strict=False))
    expected = any(lo <= first and last < hi for lo, hi in spans)
    assert scan._inside(spans, first, last) is expected
