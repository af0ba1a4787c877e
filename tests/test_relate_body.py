"""The stance of an article body toward a claim (provenance/relate_body.py)."""

from __future__ import annotations

import pytest

from provenance.model import RelationKind
from provenance.relate.body import (
    STANCES,
    body_features,
    body_table,
    is_long,
    relate_body,
    split_sentences,
)

A, C, R, U = (
    RelationKind.AGREES,
    RelationKind.CONTRADICTS,
    RelationKind.RELATED,
    RelationKind.UNRELATED,
)
FILLER = (
    " The town council met on Tuesday to discuss the new budget for schools and roads."
    " Local shops stayed open late for the festival weekend."
)
CLAIM = "Fisherman saved from bear attack by his phone ringtone"
PLAIN = (
    "A fisherman was saved from a bear attack when his phone ringtone went off. The bear"
    " fled into the forest after the ringtone sounded. The fisherman was walking to his"
    " favourite fishing spot when the bear attacked him." + FILLER
)
REPORTED = (
    "A fisherman was reportedly saved from a bear attack when his phone ringtone went off,"
    " according to local media. Unconfirmed reports say the bear fled into the forest,"
    " sources said. The claim could not be verified, and the fisherman declined to comment"
    " on the bear attack." + FILLER
)
HOAX = (
    "The story of a fisherman saved from a bear attack by his phone ringtone is a hoax."
    " The photo of the bear attack was fake and the fisherman made it all up. Experts"
    " debunked the ringtone story as a hoax within hours." + FILLER
)


@pytest.mark.parametrize(
    ("claim", "body", "kind", "code"),
    [
        (CLAIM, PLAIN, A, "asserted"),
        (CLAIM, REPORTED, R, "attributed"),
        (CLAIM, HOAX, C, "refuted"),
        ("Bear attack ringtone story is a hoax", HOAX, A, "both-refute"),
        (
            "Report: fisherman claims a ringtone saved him from a bear",
            PLAIN,
            R,
            "certainty-difference",
        ),
        ("Apple to release a new watch next month", PLAIN, U, None),
    ],
)
def test_body_stance(claim: str, body: str, kind: RelationKind, code: str | None) -> None:
    """A plain body agrees, an attributing one reports, a debunking one contradicts."""
    found, _, reasons = relate_body(claim, body)
    assert found is kind
    assert (reasons[0].code if reasons else None) == code


@pytest.mark.parametrize(
    ("claim", "body"),
    [(CLAIM, PLAIN), (CLAIM, REPORTED), (CLAIM, HOAX), ("Is the ringtone story a hoax?", HOAX)],
)
def test_reason_words_come_from_the_texts(claim: str, body: str) -> None:
    """Every cue word a reason shows occurs in the claim or the body."""
    _, _, reasons = relate_body(claim, body)
    text = (claim + " " + body).lower()
    for reason in reasons:
        if reason.code != "shared-content":
            assert all(word in text for word in reason.words), reason


@pytest.mark.parametrize(
    ("claim", "body", "feature", "value"),
    [
        (CLAIM, REPORTED, "reporting_lead", 1.0),
        (CLAIM, PLAIN, "reporting_lead", 0.0),
        (CLAIM, HOAX, "refuting_lead", 1.0),
        (CLAIM, PLAIN, "refuting_lead", 0.0),
        (CLAIM, REPORTED, "matching_attributed", 1.0),
        (CLAIM, PLAIN, "matching_attributed", 0.0),
        (CLAIM, HOAX, "matching_refuting", 1.0),
        (CLAIM, REPORTED, "matching_refuting", 0.0),
        ("Was a fisherman saved by his ringtone?", PLAIN, "claim_question", 1.0),
        (CLAIM, PLAIN, "claim_question", 0.0),
        ("Police say a ringtone saved a fisherman", PLAIN, "claim_attributed", 1.0),
        (CLAIM, PLAIN, "claim_attributed", 0.0),
        ("Fisherman was not saved by his ringtone", PLAIN, "claim_negated", 1.0),
        (CLAIM, PLAIN, "claim_negated", 0.0),
        ("Ringtone story is fake", HOAX, "claim_refuting", 1.0),
        (CLAIM, HOAX, "claim_refuting", 0.0),
    ],
)
def test_body_features(claim: str, body: str, feature: str, value: float) -> None:
    """Each feature reads its cue in its place: the lead, the matching sentences, the claim."""
    found, _ = body_features(claim, body)
    assert found[feature] == value


def test_refuting_counts_grow_with_the_body() -> None:
    """A body that says 'hoax' more often has a larger refuting feature; a plain body has none."""
    once, _ = body_features(CLAIM, HOAX)
    twice, _ = body_features(CLAIM, HOAX + " It was a hoax, a hoax from the start.")
    plain, _ = body_features(CLAIM, PLAIN)
    assert twice["refuting"] > once["refuting"] > plain["refuting"] == 0.0


@pytest.mark.parametrize(
    ("text", "long"),
    [(PLAIN, True), (CLAIM, False), (" ".join(["word"] * 41), True), (" ".join(["w"] * 40), False)],
)
def test_is_long(text: str, long: bool) -> None:
    """A text of more than forty words is a body; a headline is not."""
    assert is_long(text) is long


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One. Two three. Four.", 3),
        ("Mr. Smith went home.", 1),
        ("Mr. Smith went home. Then he slept.", 2),
        ("Sen. Ted Cruz (R-Tex.) met Gen. Smith on Mar. 23 in the U.S. Capitol.", 1),
        ("He said it.\n\nThen he left", 2),
        ("no capital after. the stop", 1),
        ("“We lost. It is over,” he said. Then he left.", 2),
    ],
)
def test_split_sentences(text: str, count: int) -> None:
    """The body is cut by the one English splitter: never after an abbreviation or inside
    a closed quotation; a line always ends a sentence."""
    assert len(split_sentences(text)) == count


def test_model_weighs_every_feature() -> None:
    """The fitted [model] has a weight for each feature and no stale one (refit after a change)."""
    found, _ = body_features(CLAIM, PLAIN)
    model = body_table()["model"]
    for kind in STANCES:
        assert set(model[kind.value]) - {"intercept"} == set(found)


def test_every_reason_names_known_cue_lists() -> None:
    """Each [reasons] row names cue lists that exist and a place the words come from."""
    table = body_table()
    for code, detail, lists, where in table["reasons"].values():
        assert code and detail
        assert set(lists) <= set(table["cues"])
        assert where in ("claim", "lead", "body")
