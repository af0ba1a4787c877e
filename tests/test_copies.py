"""Copies of one statement are related once; candidate pairs stay linear in the corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from provenance.model import (
    Claim,
    DocRecord,
    Ledger,
    RelationKind,
    RelationVerdict,
    Stance,
    Verdict,
)
from provenance.relate.candidates import candidate_pairs, partners
from provenance.relate.copies import fold, group_copies
from provenance.relate.cues import table
from provenance.relate.engine import relate_claims
from provenance.relate.features import features
from provenance.report.as_json import dumps
from provenance.report.build import build_report

from .report_ledger import claim

BRIDGE = "the Mosul bridge over the Tigris will reopen on Monday"
OUTLETS = ("ap", "reuters", "bbc", "cnn")
# The same words as four outlets print them: spacing, case, quote and dash styles differ.
PRINTED = (
    "the Mosul bridge over the Tigris will reopen on Monday",
    "the Mosul  bridge over the Tigris\nwill reopen on Monday",
    "THE MOSUL BRIDGE OVER THE TIGRIS WILL REOPEN ON MONDAY",
    "the Mosul bridge over the Tigris will reopen on Monday",
)


def copies_and_denial() -> list[Claim]:
    """Four copies of the mayor's statement, one per outlet, and a ministry's denial."""
    said = [
        claim(f"c-{outlet}", f"news/{outlet}.txt", "Mayor Jane Doe", "said", text, Stance.ASSERTS)
        for outlet, text in zip(OUTLETS, PRINTED, strict=True)
    ]
    denial = claim(
        "c-tass", "news/tass.txt", "The Iraqi ministry", "denied", f"that {BRIDGE}", Stance.DENIES
    )
    return [*said, denial]


def copies_ledger(*verdicts: RelationVerdict) -> Ledger:
    """The copies and the denial in a ledger whose documents name their outlets."""
    docs = tuple(
        DocRecord(f"news/{name}.txt", publisher=name.upper()) for name in (*OUTLETS, "tass")
    )
    return Ledger(
        corpus=("news",), documents=docs, claims=tuple(copies_and_denial()), relations=verdicts
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“It is over,” he said", '"It is over," he said'),
        ("the 2016–2017 season", "the 2016-2017 season"),
        ("it’s  done\n now", "It's done now"),
        ("Peace — at last", "peace - at last"),
    ],
)
def test_fold_makes_printings_equal(a: str, b: str) -> None:
    """Case, spacing, quote and dash styles do not tell copies apart."""
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the bridge will reopen", "the bridge will not reopen"),
        ("the bridge will reopen.", "the bridge will reopen"),
    ],
)
def test_fold_keeps_other_words_apart(a: str, b: str) -> None:
    """Different words or punctuation are not copies."""
    assert fold(a) != fold(b)


def test_copies_group_under_the_smallest_id() -> None:
    """Four printings of one statement: one group, its representative the smallest id."""
    copies = group_copies(copies_and_denial())
    assert copies.of("c-reuters") == "c-ap"
    assert copies.copies("c-ap") == ("c-bbc", "c-cnn", "c-reuters")
    assert copies.of("c-tass") == "c-tass" and copies.copies("c-tass") == ()


def test_copies_need_the_same_stance_and_speaker() -> None:
    """The same words denied, or said by someone else, are other statements."""
    words = "the bridge will reopen"
    rows = [
        claim("c-1", "a.txt", "Jane Doe", "said", words, Stance.ASSERTS),
        claim("c-2", "b.txt", "Jane Doe", "denied", words, Stance.DENIES),
        claim("c-3", "c.txt", "John Roe", "said", words, Stance.ASSERTS),
        claim("c-4", "d.txt", None, "", words, Stance.ASSERTS),
    ]
    copies = group_copies(rows)
    assert {copies.of(c.id) for c in rows} == {"c-1", "c-2", "c-3", "c-4"}


def test_a_copy_with_no_speaker_joins_the_one_speaker() -> None:
    """An outlet that dropped the speaker still carries the one speaker's statement."""
    rows = [
        claim("c-2", "a.txt", "Jane Doe", "said", "the bridge will reopen", Stance.ASSERTS),
        claim("c-1", "b.txt", None, "", "the bridge will reopen", Stance.ASSERTS),
    ]
    assert group_copies(rows).of("c-2") == "c-1"


def test_k_copies_and_a_denial_make_one_relation() -> None:
    """Four copies and one denial: one contradiction, through the representative."""
    relations = relate_claims(copies_and_denial())
    assert [(r.a, r.b, r.kind) for r in relations] == [("c-ap", "c-tass", RelationKind.CONTRADICTS)]


def test_the_report_lists_the_copies_with_their_statement() -> None:
    """One link; its side lists the copies and every outlet that carries them, once."""
    report = build_report(copies_ledger())
    assert len(report.links) == 1
    link = report.links[0]
    assert link.a.id == "c-ap"
    assert [copy.id for copy in link.a.copies] == ["c-bbc", "c-cnn", "c-reuters"]
    assert link.a.outlets == ("AP", "BBC", "CNN", "REUTERS")
    assert link.b.copies == ()


def test_report_json_copies_keys() -> None:
    """Claims gain ``copies`` and ``copy_of``; relations name the representative."""
    data = json.loads(dumps(build_report(copies_ledger())))
    assert data["claims"]["c-ap"]["copies"] == ["c-bbc", "c-cnn", "c-reuters"]
    assert data["claims"]["c-ap"]["copy_of"] is None
    assert data["claims"]["c-cnn"]["copies"] == []
    assert data["claims"]["c-cnn"]["copy_of"] == "c-ap"
    assert [(r["a"], r["b"]) for r in data["relations"]] == [("c-ap", "c-tass")]
    assert list(data["relations"][0]) == [
        "a", "b", "kind", "score", "reasons", "verdict", "note",
    ]  # fmt: skip


def test_report_with_copies_is_the_same_bytes_twice() -> None:
    """Same ledger, same JSON, whatever order the claims come in."""
    first = dumps(build_report(copies_ledger()))
    shuffled = copies_ledger()
    reordered = Ledger(
        corpus=shuffled.corpus,
        documents=shuffled.documents,
        claims=tuple(reversed(shuffled.claims)),
    )
    assert dumps(build_report(copies_ledger())) == first
    assert dumps(build_report(reordered)) == first


def test_a_verdict_on_a_copy_judges_its_statement() -> None:
    """A person dismissed the pair through a copy: the statement's relation is dismissed."""
    dismissed = RelationVerdict("c-cnn", "c-tass", Verdict.DISMISSED, "another bridge")
    report = build_report(copies_ledger(dismissed))
    assert report.links == () and report.hidden_dismissed == 1


def test_a_filter_on_a_copy_shows_its_statement() -> None:
    """--doc of a copy's document shows the relation of the statement it carries."""
    from provenance.report.model import Filters

    report = build_report(copies_ledger(), Filters(docs=("news/cnn.txt",)))
    assert [(link.a.id, link.b.id) for link in report.links] == [("c-ap", "c-tass")]


# Posting lists as the index gives them to claim 0: two rare keys it shares with claim 7,
# and common keys (held by 50 or 7 texts) it shares with claims 1-6 twice each.
COMMON = list(range(50))
RARE = [0, 7, 90]


@pytest.mark.parametrize(
    ("postings", "best", "found"),
    [
        ([COMMON, COMMON[:7], RARE, RARE], 3, [1, 7, 90]),
        ([COMMON, COMMON[:7], RARE, RARE], 1, [7]),
        ([COMMON, RARE], 100, [7]),  # one common key and one rare: two keys
        ([COMMON, COMMON[:7], RARE], 1, [7]),  # a rare key and a common one outrank two common
        ([COMMON, COMMON[:7], RARE, RARE], 100, [1, 2, 3, 4, 5, 6, 7, 90]),
        ([COMMON], 100, []),  # one shared key is never enough
    ],
)
def test_partners_keep_pairs_sharing_rare_keys_first(
    postings: list[list[int]], best: int, found: list[int]
) -> None:
    """The cap keeps the partners sharing the rarest keys; later texts only."""
    assert partners(0, postings, 2, best) == found


@pytest.fixture
def small_caps() -> Iterator[None]:
    """At most 3 partners a claim, and no key held by more than 30 claims."""
    data = table()["candidates"]
    saved = dict(data)
    data.update(max_per_claim=3, max_postings=30)
    yield
    data.clear()
    data.update(saved)


@pytest.mark.usefixtures("small_caps")
def test_the_cap_keeps_a_pair_sharing_rare_words() -> None:
    """Many claims share common words with the first; the one sharing its rare words stays."""
    crowd = [
        features(f"officials said the city council met on {n} and approved spending")
        for n in range(25)
    ]
    pair = [
        features("Zelenskyy praised the Kherson counteroffensive, officials said"),
        features("the Kherson counteroffensive surprised Zelenskyy's critics"),
    ]
    texts = [pair[0], *crowd, pair[1]]
    found = {(i, j) for i, j, _ in candidate_pairs(texts)}
    assert (0, len(texts) - 1) in found
    assert all(len([p for p in found if p[0] == i]) <= 3 for i in range(len(texts)))
