"""Stance from cue and content: a table with negative rows."""

from __future__ import annotations

import pytest

from provenance.extract import stance
from provenance.model import Claim, Kind, Span, Stance


def claim(cue: str, lemma: str, content: str, rule: str = "speaker-cue-clause") -> Claim:
    """A claim with only the fields stance reads."""
    return Claim(
        id="c-0",
        doc="t.txt",
        speaker=None,
        cue=Span(0, len(cue), cue),
        content=(Span(100, 100 + len(content), content),),
        kind=Kind.INDIRECT,
        stance=Stance.ASSERTS,
        rule=rule,
        cue_lemma=lemma,
    )


TABLE = [
    ("vehemently denied", "deny", "the group was running a network", Stance.DENIES),
    ("rejected", "reject", "the claim", Stance.DENIES),
    ("admitted", "admit", "the death “could not be verified.”", Stance.CONCEDES),
    ("acknowledged", "acknowledge", "that mistakes were made", Stance.CONCEDES),
    ("believe", "believe", "is an IS-linked attack", Stance.HEDGES),
    ("wanting", "want", "NHL expansion teams", Stance.HEDGES),
    ("hopes", "hope", "the league will expand", Stance.HEDGES),
    ("said", "say", "the leader may have been killed", Stance.HEDGES),
    ("said", "say", "the man was reportedly armed", Stance.HEDGES),
    ("said", "say", "he allegedly paid", Stance.HEDGES),
    ("said", "say", "the alleged fraud cost millions", Stance.HEDGES),
    ("said", "say", "the purported video shows the attack", Stance.HEDGES),
    ("qualified claim", "claim", "that the leader died", Stance.HEDGES),
    ("seem", "seem", "they … to have benefited", Stance.HEDGES),
    ("appeared", "appeared", "the team … paralyzed", Stance.HEDGES),
    ("declined", "decline", "to comment on the case", Stance.REFUSES),
    ("did not comment", "comment", "on the video", Stance.REFUSES),
    ("did not immediately respond", "respond", "to a request for comment", Stance.REFUSES),
    ("didn’t respond to", "respond", "questions about the deal", Stance.REFUSES),
    ("has not publicly commented", "comment", "on the report", Stance.REFUSES),
    ("declined", "decline", "requests for comment", Stance.REFUSES),
    ("commented", "comment", "on the plan at length", Stance.ASSERTS),
    ("responded to", "respond", "questions by saying the deal was legal", Stance.ASSERTS),
    ("have emerged", "emerged", "that units left Gaza", Stance.REPORTS),
    ("asked", "ask", "whether he would run again", Stance.ASKS),
    ("asked for", "ask", "proof of citizenship", Stance.ASKS),
    ("Asked", "ask", "about any link between the gesture and the protests", Stance.ASKS),
    ("said", "say", "the army left", Stance.ASSERTS),
    ("declined", "decline", "an invitation to the gala", Stance.ASSERTS),
    ("announced", "announce", "the territory is liberated", Stance.ASSERTS),
    ("said", "say", "mayors met in May", Stance.ASSERTS),
    ("said", "say", "the maybe-candidate spoke", Stance.ASSERTS),
]


@pytest.mark.parametrize(("cue", "lemma", "content", "expected"), TABLE)
def test_stance_table(cue: str, lemma: str, content: str, expected: Stance) -> None:
    """Each cue and content gets the expected stance; plain statements assert."""
    assert stance.stance_of(claim(cue, lemma, content)) is expected


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("speaker-released-medium-cue", Stance.REPORTS), ("speaker-cue-that-clause", Stance.ASSERTS)],
)
def test_stance_by_rule(rule: str, expected: Stance) -> None:
    """A medium as the source (a video stating) reports; a person stating asserts."""
    found = stance.stance_of(claim("stating", "state", "that China should expect it", rule))
    assert found is expected


def test_order_refuses_before_hedges() -> None:
    """“declined to comment on what may happen” refuses although it holds a hedge."""
    assert stance.stance_of(claim("declined", "decline", "to comment on what may happen")) is (
        Stance.REFUSES
    )
