"""The three seed relations of article 003, reworded in plain English by hand.

None of these sentences reuses the seed's distinctive phrases ("could not be verified",
"high degree of certainty", "we can say", "taken out", "flies in the face of"): the
relations must come from general words of relate.toml, not from the seed's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import relate_claims
from provenance.model import Claim, RelationKind, Stance

from .test_relate import claim

A, C = RelationKind.AGREES, RelationKind.CONTRADICTS

UNSURE = [
    "Abu Bakr al-Baghdadi's death has not been confirmed",
    "there is no evidence that Abu Bakr al-Baghdadi is dead",
    "Abu Bakr al-Baghdadi's death has yet to be confirmed",
    "officials were unable to confirm that Abu Bakr al-Baghdadi is dead",
    "Abu Bakr al-Baghdadi's death has not been independently verified",
    "Abu Bakr al-Baghdadi's death could not be independently verified",
]
SURE = [
    "we are now almost certain that Abu Bakr al-Baghdadi is dead",
    "Abu Bakr al-Baghdadi is definitely dead",
    "there is no doubt that Abu Bakr al-Baghdadi is dead",
    "we are highly confident that Abu Bakr al-Baghdadi is dead",
    "Abu Bakr al-Baghdadi is certainly dead, without a doubt",
    "it is a near certainty that Abu Bakr al-Baghdadi is dead",  # PolNeAR train: "a near certainty"
    "officials are convinced that Abu Bakr al-Baghdadi is dead",
    "there is no question that Abu Bakr al-Baghdadi is dead",
    "we are sure that Abu Bakr al-Baghdadi is dead",
]
MAYBE = [
    "Abu Bakr al-Baghdadi might have been killed by a Russian air strike",
    "Abu Bakr al-Baghdadi was possibly killed in a Russian bombing",
    "Abu Bakr al-Baghdadi may have died in a Russian air raid",
    "Abu Bakr al-Baghdadi was reportedly killed by a Russian airstrike",
]
DENIALS = [
    ("denied", "Islamic State was running a network in Jerusalem"),
    ("rejected", "the claim that Islamic State ran a network in Jerusalem"),
    ("dismissed", "reports that Islamic State was running a network in Jerusalem"),
]
POINTERS = [
    "this claim is contradicted by all the evidence",
    "that denial runs counter to everything we know",
    "this statement is false",
    "the denial is not true",
    "that is simply wrong",
    "this account is at odds with the evidence",
    "that is incorrect",
    "this claim is patently false",
    "this was untrue",
    "the story is deeply flawed",
]


def related(x: Claim, y: Claim) -> tuple[RelationKind | None, set[str]]:
    """The relation ``relate_claims`` finds between two claims, and its reason codes."""
    for relation in relate_claims([x, y]):
        if {relation.a, relation.b} == {x.id, y.id}:
            return relation.kind, {r.code for r in relation.reasons}
    return None, set()


def two_documents(first: str, stance_a: Stance, second: str, stance_b: Stance) -> list[Claim]:
    """Two speakers' claims, each in a document of its own."""
    x = claim(f"The minister said {first}.", "a.txt", first, "The minister", stance_a)
    y = claim(f"Officials said {second}.", "b.txt", second, "Officials", stance_b)
    return [x, y]


@pytest.mark.parametrize("unsure", UNSURE)
@pytest.mark.parametrize("sure", SURE)
def test_unverified_contradicts_certain(unsure: str, sure: str) -> None:
    """Gatilov's "could not be verified" against the ministry sources' certainty, reworded."""
    x, y = two_documents(unsure, Stance.CONCEDES, sure, Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is C
    assert "certainty-conflict" in codes


@pytest.mark.parametrize(
    "unsure",
    ["al-Baghdadi's death has not been confirmed", "there is no proof that al-Baghdadi is dead"],
)
def test_the_surname_with_its_particle_names_the_same_man(unsure: str) -> None:
    """ "al-Baghdadi" alone is the "Abu Bakr al-Baghdadi" of the other claim: a lower-case
    particle joined by a hyphen ("al-", "bin-") starts a name like a capital does."""
    x, y = two_documents(unsure, Stance.CONCEDES, SURE[0], Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is C
    assert "certainty-conflict" in codes


@pytest.mark.parametrize(
    "unsure", ["Baghdadi's death has not been confirmed", "there is no proof that Baghdadi is dead"]
)
def test_the_surname_without_its_particle_names_the_same_man(unsure: str) -> None:
    """ "Baghdadi" is the "al-Baghdadi" of the other claim: news writes the name both ways
    (the particle is dropped from the word, relate.toml [words] particles)."""
    x, y = two_documents(unsure, Stance.CONCEDES, SURE[0], Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is C
    assert "certainty-conflict" in codes
    relation = next(r for r in relate_claims([x, y]))
    assert "baghdadi" in {w for r in relation.reasons for w in r.words}


@pytest.mark.parametrize("maybe", MAYBE)
@pytest.mark.parametrize("sure", SURE)
def test_hedged_agrees_with_certain(maybe: str, sure: str) -> None:
    """The Defense Ministry's "may have been killed" agrees with the sources, less surely."""
    x, y = two_documents(maybe, Stance.HEDGES, sure, Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is A
    assert "certainty-difference" in codes


@pytest.mark.parametrize(
    "maybe",
    [
        "al-Baghdadi was probably killed in a Russian airstrike",
        "al-Baghdadi is thought to have died in a Russian raid",
        "Baghdadi may be dead after a Russian air strike",
    ],
)
def test_the_surname_alone_agrees_with_the_full_name(maybe: str) -> None:
    """A claim naming the man by his surname only agrees with one giving his full name:
    "Abu Bakr" is the rest of that name, not words the shorter claim lacks."""
    x, y = two_documents(maybe, Stance.HEDGES, SURE[1], Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is A
    assert "certainty-difference" in codes


def test_two_people_with_one_surname_are_not_one_name() -> None:
    """Only a shorter name that ends the longer one stands for it: "Bill Clinton" is not
    the "Hillary Clinton" of the other claim."""
    x, y = two_documents(
        "Hillary Clinton won the vote in Ohio",
        Stance.ASSERTS,
        "Bill Clinton won the vote in Ohio",
        Stance.ASSERTS,
    )
    assert related(x, y)[0] is not A


@pytest.mark.parametrize(("verb", "denied"), DENIALS)
@pytest.mark.parametrize("pointer", POINTERS)
def test_pointer_disputes_the_denial(verb: str, denied: str, pointer: str) -> None:
    """The army spokesman's denial, then the outlet's sources pointing back at it."""
    text = f"The army spokesman {verb} {denied}. But our sources say {pointer}."
    denial = claim(text, "d.txt", denied, "The army spokesman", Stance.DENIES)
    back = claim(text, "d.txt", pointer, "our sources", Stance.ASSERTS)
    kind, codes = related(denial, back)
    assert kind is C
    assert "points-back" in codes


@pytest.mark.parametrize(
    "opinion", ["it was wrong to compare the two attacks", "it is false that the network exists"]
)
def test_it_before_what_it_stands_for_points_at_nothing(opinion: str) -> None:
    """ "it was wrong to …" says what "it" is after it: no pointer to the claim before."""
    denied = "Islamic State was running a network in Jerusalem"
    text = f"The army spokesman denied {denied}. But our sources say {opinion}."
    denial = claim(text, "d.txt", denied, "The army spokesman", Stance.DENIES)
    back = claim(text, "d.txt", opinion, "our sources", Stance.ASSERTS)
    assert "points-back" not in related(denial, back)[1]


def test_plain_assertion_is_not_a_certainty_conflict() -> None:
    """Unverified against a plain (not certain) statement differs in certainty only."""
    x, y = two_documents(UNSURE[0], Stance.CONCEDES, "Abu Bakr al-Baghdadi is dead", Stance.ASSERTS)
    kind, codes = related(x, y)
    assert kind is not C
    assert "certainty-conflict" not in codes


REWORDED_003 = (
    "The Russian Defense Ministry said on Friday that the Islamic State leader Abu Bakr"
    " al-Baghdadi might have been killed by a Russian air strike over Raqqa on May 28.\n\n"
    "Deputy Foreign Minister Gennady Gatilov said on Monday that al-Baghdadi's death"
    ' "could not be verified."\n\n'
    'Sources in the Russian foreign ministry told reporters: "We are now almost certain'
    ' that Islamic State leader Abu Bakr al-Baghdadi is dead."\n\n'
    "Police said a note found on the bomber showed he had sworn allegiance to Islamic State"
    " leader al-Baghdadi shortly before the attack.\n"
)


def test_the_reworded_article_states_one_proposition_with_its_sides() -> None:
    """Reworded, article 003 gives the proposition of ../shared/DESIGN.md: al-Baghdadi is
    dead, for (the ministry sources), hedged (the Defense Ministry), unverified (Gatilov);
    the bomber's allegiance to him is another statement, on no side of it."""
    from provenance.extract.pipeline import extract
    from provenance.extract.reader import parse_document
    from provenance.relate.propositions import propositions

    claims = extract(parse_document("news/a.txt", REWORDED_003))
    (found,) = propositions(claims)
    speaker = {c.id: c.speaker.text if c.speaker else "" for c in claims}
    sides = {side.value: [speaker[i] for i in ids] for side, ids in found.sides.items()}
    assert sides == {
        "for": ["Sources in the Russian foreign ministry"],
        "against": [],
        "hedged": ["The Russian Defense Ministry"],
        "unverified": ["Deputy Foreign Minister Gennady Gatilov"],
    }
    assert found.text.endswith("al-Baghdadi is dead.")


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (
            "The Financial Times reported that the company missed its sales targets last year."
            " The company denied the report.",
            "The company",
        ),
        (
            "The army spokesman denied that the group was running a network in the city."
            " Our sources say this denial is false.",
            "Our sources",
        ),
        (
            "A woman in Florida said she had a third breast implanted. This is a hoax, the"
            " surgeons say.",
            "the surgeons",
        ),
    ],
)
def test_denying_an_anaphor_disputes_the_claim_before(text: str, denier: str) -> None:
    """Denying "the report" or calling "this denial" false (the segmenter's denied content
    is the anaphor) disputes the claim before it, as "this claim is false" does."""
    from provenance.extract.pipeline import extract
    from provenance.extract.reader import parse_document

    claims = extract(parse_document("a.txt", text))
    by_id = {c.id: c for c in claims}
    found = [
        r
        for r in relate_claims(list(claims))
        if any((by_id[x].speaker_name or "").startswith(denier) for x in (r.a, r.b))
    ]
    assert [r.kind for r in found] == [C]
    assert "points-back" in {r.code for r in found[0].reasons}


SEED_003 = Path(__file__).resolve().parents[1] / "seeds" / "003_bcaab3bcf559171c.txt"
# Each seed phrase (left) and three plain-English rewordings of it (right).
REWORDINGS = [
    ("may have been taken out", ["might have been killed", "was possibly killed", "may have died"]),
    ("Al- Baghdad’s", ["al-Baghdadi’s", "Baghdadi’s", "the ISIS leader’s"]),
    (
        "“could not be verified.”",
        [
            "could not be independently confirmed.",
            "had not been confirmed.",
            "remained unconfirmed.",
        ],
    ),
    (
        "We can say with a high degree of certainty that",
        ["We are now almost certain that", "There is no doubt that", "We are convinced that"],
    ),
    (
        "vehemently denied the ISIS was running",
        [
            "denied that ISIS was running",
            "rejected claims that ISIS was running",
            "dismissed reports that ISIS was running",
        ],
    ),
    (
        "this claim flies in the face of all the evidence",
        [
            "this claim is contradicted by all the evidence",
            "that is simply wrong",
            "this denial is false",
        ],
    ),
]


def speaker_key(claim: Claim) -> str:
    """Which of the seed's five speakers a claim is ("" for the others)."""
    name = claim.speaker.text if claim.speaker else ""
    keys = {"Gatilov": "gatilov", "foreign ministry": "sources", "Defense": "defense"}
    keys |= {"army": "army", "DEBKA": "debka"}
    return next((key for word, key in keys.items() if word in name), "")


@pytest.mark.parametrize("version", [0, 1, 2])
def test_seed_003_reworded_keeps_its_three_relations(version: int) -> None:
    """The bundled article 003 with every sentence of its three relations reworded in
    plain English: Gatilov against the ministry sources, the Defense Ministry with them
    (less surely), the army's denial against DEBKA's sources."""
    from provenance.extract.pipeline import extract
    from provenance.extract.reader import parse_document

    if not SEED_003.is_file():
        pytest.skip("seed article 003 missing")
    text = SEED_003.read_text(encoding="utf-8")
    for phrase, plain in REWORDINGS:
        assert phrase in text
        text = text.replace(phrase, plain[version])
    claims = extract(parse_document("seeds/003.txt", text))
    by_id = {c.id: c for c in claims}
    found = set()
    for r in relate_claims(list(claims)):
        pair = tuple(sorted((speaker_key(by_id[r.a]), speaker_key(by_id[r.b]))))
        found.add((pair, r.kind))
    assert (("gatilov", "sources"), C) in found
    assert (("defense", "sources"), A) in found
    assert (("army", "debka"), C) in found
