"""Sentence splitting: tables of real phrases and Hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.lang.en import sentences
from provenance.model import Region

SPLITS = [
    ("One. Two.", ["One.", "Two."]),
    ("He left! She stayed? Yes.", ["He left!", "She stayed?", "Yes."]),
    ("Trump announced on Mar. 23 the end.", ["Trump announced on Mar. 23 the end."]),
    ("The U.S. Army left. Then it rained.", ["The U.S. Army left.", "Then it rained."]),
    ("Maj.-Gen. Yoav Mordechai spoke.", ["Maj.-Gen. Yoav Mordechai spoke."]),
    ("Dr. Jones and Sen. Ted Cruz (R-Tex.) met.", ["Dr. Jones and Sen. Ted Cruz (R-Tex.) met."]),
    ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
    (
        "It grew 3.5 percent. See www.example.com now.",
        ["It grew 3.5 percent.", "See www.example.com now."],
    ),
    ("Gen. Smith, i.e. the boss, left. Ok.", ["Gen. Smith, i.e. the boss, left.", "Ok."]),
    ("“Not again!” Bush said. Then he left.", ["“Not again!” Bush said.", "Then he left."]),
    ("“Really?” asked the senator from Ohio.", ["“Really?” asked the senator from Ohio."]),
    (
        "“Fine.” He said the deal was done and over.",
        ["“Fine.”", "He said the deal was done and over."],
    ),
    ("“Why?” Nobody knew.", ["“Why?”", "Nobody knew."]),
    (
        "“Why?” Trump asked, looking pleased. Then he left.",
        ["“Why?” Trump asked, looking pleased.", "Then he left."],
    ),
    (
        "A headline without a stop\nThe body starts.",
        ["A headline without a stop", "The body starts."],
    ),
    ("First line.\n\nSecond line.", ["First line.", "Second line."]),
    ("“We left. It rained,” he said. Next.", ["“We left. It rained,” he said.", "Next."]),
    ("He said “yes.” Then he left.", ["He said “yes.”", "Then he left."]),
    ("“An open quote. It never closes.", ["“An open quote.", "It never closes."]),
    ("He said no. Then left.", ["He said no.", "Then left."]),
    ("Ask about No. 10 Downing Street.", ["Ask about No. 10 Downing Street."]),
    ("ending in lower case. and more", ["ending in lower case. and more"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_table(text: str, expected: list[str]) -> None:
    """Each phrase splits into the expected sentences."""
    assert [s.text for s in sentences.split(text)] == expected


def test_excluded_regions_are_dropped() -> None:
    """Text in an excluded region yields no sentence and ends the one before it."""
    text = "Keep this. Read more at X. Keep that."
    start = text.index("Read")
    region = Region(start, start + len("Read more at X."), "boilerplate")
    assert [s.text for s in sentences.split(text, (region,))] == ["Keep this.", "Keep that."]


def test_quotations_skip_nested_marks() -> None:
    """Only outermost closed quotations are reported."""
    block = '“a ‘b’ c” and "d" and “open'
    assert sentences.quotations(block) == [(0, 9), (14, 17)]


@pytest.mark.xfail(strict=True, reason="an abbreviation that ends a sentence never splits")
def test_abbreviation_at_sentence_end() -> None:
    """ "in the U.S. The next" should split after U.S. but the splitter refuses."""
    assert len(sentences.split("He moved to the U.S. The next day he left.")) == 2


WORD = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
NAME = st.builds(
    lambda w: w.capitalize(), st.text(alphabet="bcdfgklmnprstvz", min_size=2, max_size=8)
)
PIECE = st.one_of(
    WORD,
    NAME,
    st.sampled_from(["Mr.", "U.S.", "3.5", "“", "”", '"', ".", "!", "?", ",", "\n", "  ", "J."]),
)
TEXT = st.lists(PIECE, max_size=40).map(" ".join)


@given(TEXT)
def test_offsets_give_text(text: str) -> None:
    """Every sentence's offsets give back its text."""
    for span in sentences.split(text):
        assert text[span.start : span.end] == span.text


@given(TEXT)
def test_ordered_non_overlapping_whitespace_gaps(text: str) -> None:
    """Sentences are ordered, never overlap, and only whitespace lies between them."""
    position = 0
    for span in sentences.split(text):
        assert span.start >= position
        assert text[position : span.start].strip() == ""
        assert span.text == span.text.strip() and span.text
        position = span.end
    assert text[position:].strip() == ""


@given(
    st.lists(WORD, max_size=5).map(" ".join),
    st.sampled_from(sorted(sentences.abbreviations())),
    NAME,
)
def test_no_split_after_abbreviation(before: str, abbreviation: str, name: str) -> None:
    """A listed abbreviation followed by a capitalised name never ends a sentence."""
    text = f"{before} {abbreviation} {name} spoke."
    cut = text.index(abbreviation) + len(abbreviation)
    assert all(span.end != cut for span in sentences.split(text))


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ('“It is over," he said.', ['“It is over,"']),
        ('"It is over,” he said.', ['"It is over,”']),
        ('“He said "no" to me,” she said.', ['“He said "no" to me,”']),
        ("“Open and never closed, he said.", []),
    ],
)
def test_mixed_quotation_marks(line: str, spans: list[str]) -> None:
    """A straight mark may close a curly quotation and ” a straight one."""
    assert [line[a:b] for a, b in sentences.quotations(line)] == spans
