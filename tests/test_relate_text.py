"""What the relation engine reads in one text: sources at a headline's end, contrasts, numbers."""

from __future__ import annotations

import pytest

from provenance.relate.cues import table
from provenance.relate.features import edge_source, features


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Amazon plans ad-supported video streaming service - NY post", "NY post"),
        ("Tesla settles on Nevada for gigafactory site -CNBC", "CNBC"),
        ("Kim Had Ankle Surgery: Source", "Source"),
        ("Islamic State flying three jets in Syria: monitor", "monitor"),
        ("Jihadi John identity revealed as Mohammed Emwazi: live", ""),
        ("Joan Rivers: Doctor Took Selfie, Performed Biopsy -- Details", ""),
        ("Senator: Detainees swapped for Bergdahl have contacted militants", ""),
        ("Kim Jong-un breaks his ankle", ""),
        ("Apple's 12.9-inch iPad Pro has been delayed", ""),
        ("The deal was signed: the two firms merge next year", ""),
    ],
)
def test_edge_source(headline: str, source: str) -> None:
    """A short tail after a colon or a spaced dash names a source; labels and clauses do not."""
    assert edge_source(headline) == source


@pytest.mark.parametrize(
    ("text", "negators"),
    [
        ("Tesla will build in Nevada, not Texas", ()),
        ("Marijuana may mean a ticket, not an arrest, in New York", ()),
        ("Tesla will not build in Nevada", ("not",)),
        ("In Nevada, not a single plant will be built this year", ("not",)),
        ("Banksy has NOT been arrested, police say", ("not",)),
    ],
)
def test_contrastive_negator_negates_nothing(text: str, negators: tuple[str, ...]) -> None:
    """A negator that sets a short phrase against the one before is no negation."""
    assert tuple(word for word, _ in features(text).negated) == negators


@pytest.mark.parametrize(
    ("text", "negators"),
    [
        ("The plan helps not only the rich but the middle class", ()),
        ("It works for working families and not just billionaires", ()),
        ("The airline is not the first to face complaints from passengers", ()),
        ("The airline is not planning to separate passengers", ("not",)),
    ],
)
def test_a_negator_that_keeps_what_follows_negates_nothing(
    text: str, negators: tuple[str, ...]
) -> None:
    """A negator before "only", "just" or "the first": what follows stays true."""
    assert tuple(word for word, _ in features(text).negated) == negators
    assert tuple(word for word, _ in features(text).negated_near) == negators


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("The airline faced delays last year as passengers refused to sit near women", ()),
        ("Saudia will segregate passengers after some men did not want to sit there", ()),
        ("The airline will not separate passengers on its flights", ("not",)),
        ("If elected, she would not raise taxes on the middle class", ("not",)),
    ],
)
def test_a_negator_in_a_later_subordinate_clause_negates_no_claim(
    text: str, near: tuple[str, ...]
) -> None:
    """Between claims, a negation in a clause "as", "after" … open past the content's
    first words is that clause's, not the claim's; texts (headline vs body) keep it."""
    assert tuple(word for word, _ in features(text).negated_near) == near
    assert features(text).negated


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("2,000 dollars", 1000.0),
        ("12.9 inches", 0.1),
        ("19 million watches", 1e6),
        ("43 students", 1.0),
    ],
)
def test_number_step(text: str, step: float) -> None:
    """A number's step is that of its last significant digit, times its scale."""
    assert features(text).numbers[0].step == step


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 1,300 emails", 1300.0, float("inf")),
        ("up to 40 people", float("-inf"), 40.0),
        ("about 2,000 people", 2000.0, 2000.0),
        ("over the 20 years", 20.0, 20.0),
        ("1,300 emails", 1300.0, 1300.0),
    ],
)
def test_number_bounds(text: str, low: float, high: float) -> None:
    """A bound phrase right before a number opens its range on one side."""
    q = features(text).numbers[0]
    assert (q.low, q.high) == (low, high)


def test_every_hedge_has_a_kind() -> None:
    """Every hedge phrase belongs to exactly one kind of [hedge_kinds]."""
    kinds = [p for phrases in table()["hedge_kinds"].values() for p in phrases]
    assert sorted(set(kinds)) == sorted(kinds)
    assert set(table()["cues"]["hedge"]) <= set(kinds)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The league has no plans to expand", {"plan", "expand"}),
        ("She has no intention of leaving the party", {"intent", "leav"}),
        ("He does not want to run again", {"want", "run"}),
        # a word that is no word of intent stops the scope where it was
        ("She did not talk to reporters", {"talk"}),
        ("They have no plans for the weekend", {"plan"}),
    ],
)
def test_negation_carries_past_a_word_of_intent(text: str, scope: set[str]) -> None:
    """Between claims a negator negates the next content word, and through a word of
    intent before "to" / "of" the word after it: "no plans to expand" denies expanding."""
    assert [set(words) for _, words in features(text).negated_near] == [scope]


@pytest.mark.parametrize(
    ("text", "refutes"),
    [
        ("the village lies in a valley north of the capital", False),
        ("nobody knows what lies ahead for the talks", False),
        ("the blame lies with the contractor", False),
        ("these reports are lies", True),
        ("he said it was all lies", True),
        ("the report is false", True),
    ],
)
def test_a_cue_word_in_another_sense_refutes_nothing(text: str, refutes: bool) -> None:
    """The "lies" of "lies in a valley" is a place, not a refutation ([cues] other_sense)."""
    assert features(text).has("refute") is refutes
