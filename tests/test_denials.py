"""Denials and nested attribution (issue 9): tables of sentence shapes, with negative rows."""

from __future__ import annotations

import attrs
import pytest

from provenance.extract.pipeline import extract
from provenance.extract.records import claim_record
from provenance.ledger import merge, store
from provenance.model import Claim, Document, Ledger, Stance

DENIALS = [
    pytest.param(
        "The doctor denied performing the operation.",
        "The doctor",
        "denied",
        "performing the operation",
        id="X denied doing Y",
    ),
    pytest.param(
        "The clinic has denied that it performed the operation.",
        "The clinic",
        "has denied",
        "that it performed the operation",
        id="X has denied that Y",
    ),
    pytest.param(
        "The president has denied reports that he offered land to the rebels.",
        "The president",
        "has denied",
        "that he offered land to the rebels",
        id="X has denied reports that Y",
    ),
    pytest.param(
        "The government denied claims that it threatened the family.",
        "The government",
        "denied",
        "that it threatened the family",
        id="X denied claims that Y",
    ),
    pytest.param(
        "Several studies have debunked claims that the vaccine causes autism.",
        "Several studies",
        "have debunked",
        "that the vaccine causes autism",
        id="X debunked claims that Y",
    ),
    pytest.param(
        "The ministry rejected the claim that its troops had crossed the border.",
        "The ministry",
        "rejected",
        "that its troops had crossed the border",
        id="X rejected the claim that Y",
    ),
    pytest.param(
        "Bush pointedly rejected the notion that he was part of the establishment.",
        "Bush",
        "pointedly rejected",
        "that he was part of the establishment",
        id="X pointedly rejected the notion that Y",
    ),
    pytest.param(
        "The company dismissed media reports that it would close the plant.",
        "The company",
        "dismissed",
        "that it would close the plant",
        id="X dismissed media reports that Y",
    ),
    pytest.param(
        "The minister disputed the allegation that he took bribes.",
        "The minister",
        "disputed",
        "that he took bribes",
        id="X disputed the allegation that Y",
    ),
    pytest.param(
        "The army refuted claims that civilians were killed.",
        "The army",
        "refuted",
        "that civilians were killed",
        id="X refuted claims that Y",
    ),
    pytest.param(
        "The army refuted the report.",
        "The army",
        "refuted",
        "the report",
        id="X refuted Y",
    ),
    pytest.param(
        "The spokesman called the report false.",
        "The spokesman",
        "called",
        "the report",
        id="X called Y false",
    ),
    pytest.param(
        "The ministry called the story a complete fabrication.",
        "The ministry",
        "called",
        "the story",
        id="X called Y a fabrication",
    ),
    pytest.param(
        "The senator dismissed the allegations as a hoax on Tuesday.",
        "The senator",
        "dismissed",
        "the allegations",
        id="X dismissed Y as a hoax",
    ),
    pytest.param(
        "There is no truth to the report that the minister resigned, the spokesman said.",
        "the spokesman",
        "said",
        "the report that the minister resigned",
        id="There is no truth to Y, X said",
    ),
    pytest.param(
        "A company spokeswoman told reporters that there was no truth to the rumors.",
        "A company spokeswoman",
        "told",
        "the rumors",
        id="X told reporters that there was no truth to Y",
    ),
    pytest.param(
        "The company dismissed claims made by the newspaper that it had paid the officials.",
        "The company",
        "dismissed",
        "that it had paid the officials",
        id="X dismissed claims made by Z that Y",
    ),
    pytest.param(
        "The dean disputed accusations by the oil company that the articles were misleading.",
        "The dean",
        "disputed",
        "that the articles were misleading",
        id="X disputed accusations by Z that Y",
    ),
    pytest.param(
        "The singer took to Instagram to deny rumors that she was pregnant.",
        "The singer",
        "took to Instagram to deny",
        "that she was pregnant",
        id="X took to Instagram to deny rumors that Y",
    ),
    pytest.param(
        "The senator took to social media to deny that he had met the donor.",
        "The senator",
        "took to social media to deny",
        "that he had met the donor",
        id="X took to social media to deny that Y",
    ),
    pytest.param(
        "Denying that such arrangements were being considered, the spokesman called the"
        " reports misleading.",
        "the spokesman",
        "Denying",
        "that such arrangements were being considered",
        id="Denying that Y, X called …",
    ),
    pytest.param(
        "The report is not true, the spokesman said.",
        "the spokesman",
        "said",
        "The report",
        id="Y is not true, X said",
    ),
    pytest.param(
        "The company said that the allegations were completely baseless.",
        "The company",
        "said",
        "that the allegations",
        id="X said that Y were completely baseless",
    ),
]


def claims_of(text: str) -> tuple[Claim, ...]:
    """The claims the whole extraction pipeline finds in ``text``."""
    return extract(Document(path="t.txt", text=text))


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), DENIALS)
def test_denial_shapes(text: str, speaker: str, cue: str, content: str) -> None:
    """The speaker denies the statement: the denied words are the content, nothing more."""
    denials = [c for c in claims_of(text) if c.stance is Stance.DENIES]
    assert len(denials) == 1, claims_of(text)
    claim = denials[0]
    assert claim.speaker is not None and claim.speaker.text == speaker
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.content_text == content


NOT_DENIALS = [
    pytest.param("The spokesman called the report important.", id="X called Y important"),
    pytest.param("The senator called for a vote on the false claims.", id="X called for Y false"),
    pytest.param("The report is true, the spokesman said.", id="Y is true, X said"),
    pytest.param("There is some truth to the report, he said.", id="some truth to Y, X said"),
    pytest.param("The spokesman said the report is true.", id="X said Y is true"),
    pytest.param("The court heard the disputed claims on Monday.", id="the disputed claims"),
    pytest.param("The party said it was false modesty.", id="X said it was false modesty"),
]


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_near_misses_deny_nothing(text: str) -> None:
    """Near misses of the denial shapes yield no denial."""
    assert [c for c in claims_of(text) if c.stance is Stance.DENIES] == []


NO_ASSERTION_BY_DENIER = [
    pytest.param(
        "The government denied claims that it threatened the family.",
        id="X denied claims that it did Y",
    ),
    pytest.param(
        "The president has denied reports that he offered land to the rebels.",
        id="X has denied reports that he did Y",
    ),
    pytest.param(
        "The clinic denied that it threatened the patient.",
        id="X denied that it did Y",
    ),
]


@pytest.mark.parametrize("text", NO_ASSERTION_BY_DENIER)
def test_denied_clause_is_no_assertion_of_the_denier(text: str) -> None:
    """The denied clause is never a second claim of the denier asserting it."""
    claims = claims_of(text)
    assert [c.stance for c in claims] == [Stance.DENIES]


NESTED = [
    pytest.param(
        "According to the tabloid, the clinic has denied carrying out the procedure.",
        ("the tabloid", Stance.ASSERTS),
        ("the clinic", Stance.DENIES),
        id="According to X, Y has denied Z",
    ),
    pytest.param(
        "The tabloid reported that the clinic denies the claims.",
        ("The tabloid", Stance.REPORTS),
        ("the clinic", Stance.DENIES),
        id="X reported that Y denies Z",
    ),
    pytest.param(
        "The ministry denied that the general said troops had crossed the border.",
        ("The ministry", Stance.DENIES),
        ("the general", Stance.ASSERTS),
        id="X denied that Y said Z",
    ),
    pytest.param(
        "The senator said the governor, whom the mayor described as reckless, had cut the "
        "school budget.",
        ("The senator", Stance.ASSERTS),
        ("the mayor", Stance.ASSERTS),
        id="X said Y, whom Z described as W, …",
    ),
]


@pytest.mark.parametrize(("text", "outer", "inner"), NESTED)
def test_nested_attribution_keeps_the_chain(
    text: str, outer: tuple[str, Stance], inner: tuple[str, Stance]
) -> None:
    """Both claims are recorded; the inner one names the outer one as ``within``."""
    by_speaker = {c.speaker.text: c for c in claims_of(text) if c.speaker is not None}
    assert by_speaker[outer[0]].stance is outer[1]
    assert by_speaker[outer[0]].within == ""
    assert by_speaker[inner[0]].stance is inner[1]
    assert by_speaker[inner[0]].within == by_speaker[outer[0]].id


NOT_NESTED = [
    pytest.param(
        "Experts decided that the group ran it from Raqqa, although intelligence offered "
        "no evidence to confirm this.",
        id="X decided that Y, although Z offered W",
    ),
    pytest.param("The mayor said the road was closed, adding that it would reopen.", id="adding"),
    pytest.param(
        "Experts said the group ran it from Raqqa, although by Friday intelligence officials "
        "said there was no evidence of this.",
        id="X said Y, although by then Z said W",
    ),
]


@pytest.mark.parametrize("text", NOT_NESTED)
def test_a_claim_later_in_a_content_is_not_within_it(text: str) -> None:
    """A claim within another's content opens it (after "that" at most) or stands in it
    with no clause break before it ([nesting] of rules.toml): after "although" or ";" it
    is no part of what the first speaker said."""
    assert all(c.within == "" for c in claims_of(text))


def test_within_is_in_the_record_only_when_set() -> None:
    """The JSON claim record holds ``within`` for a nested claim only."""
    text = "According to the tabloid, the clinic has denied carrying out the procedure."
    records = [claim_record(c) for c in claims_of(text)]
    assert ["within" in r for r in records] == [False, True]
    assert records[1]["within"] == records[0]["id"]


def test_ledger_keeps_within() -> None:
    """claims.toml writes ``within`` when set and reads it back."""
    text = "According to the tabloid, the clinic has denied carrying out the procedure."
    claims = claims_of(text)
    dumped = store.dumps(Ledger(corpus=("seeds",), claims=claims))
    assert dumped.count("within = ") == 1
    back, _ = store.parse_ledger(dumped)
    assert {c.id: c.within for c in back.claims} == {c.id: c.within for c in claims}


def test_merge_points_within_at_ledger_ids() -> None:
    """A sync that keeps an old id for the enclosing claim relinks the nested claim to it."""
    text = "According to the tabloid, the clinic has denied carrying out the procedure."
    outer, inner = claims_of(text)
    old = attrs.evolve(outer, id="c-kept")
    merged = merge.merge("t.txt", text, [old], claims_of(text), {"c-kept"})
    by_id = {c.id: c for c in merged.claims}
    assert by_id[inner.id].within == "c-kept"
