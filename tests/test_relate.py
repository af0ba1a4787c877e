"""The relation engine on text pairs and hand-built claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.model import Claim, Kind, RelationKind, Span, Stance, claim_id
from provenance.relate.engine import relate_claims, relate_texts

SEED = Path(__file__).parents[1] / "seeds" / "003_bcaab3bcf559171c.txt"

A, C, R, U = (
    RelationKind.AGREES,
    RelationKind.CONTRADICTS,
    RelationKind.RELATED,
    RelationKind.UNRELATED,
)


@pytest.mark.parametrize(
    ("a", "b", "kind", "code"),
    [
        ("Banksy was arrested", "Everyone chill: Banksy has NOT been arrested", C, "negation-flip"),
        ("The Batmobile was stolen", "Batmobile wasn't stolen, police say", C, "negation-flip"),
        (
            "Tesla is building its factory in Nevada",
            "Tesla will build its factory in Nevada",
            A,
            "",
        ),
        ("Macaulay Culkin is dead", "Macaulay Culkin dead: another death hoax", C, "refuted"),
        ("The doctor took a selfie", "Doctor denies taking a selfie", C, "deny-vs-assert"),
        ("Hugh Hefner is dead", "Hugh Hefner is alive and well", C, "antonym"),
        ("ISIS is defeated in Mosul", "ISIS is resurgent in Mosul", C, "antonym"),
        (
            "Apple will sell 19 million watches",
            "Apple will sell 5 million watches",
            C,
            "number-mismatch",
        ),
        (
            "Apple will sell 19 million watches",
            "Apple reportedly to sell 19M watches",
            R,
            "certainty-difference",
        ),
        ("Amazon will open a store in New York", "Could Amazon open a store in New York?", R, ""),
        ("The army has 6,000 fighters", "The army has 6,000 fighters and 300 tanks", A, ""),
        ("North Korea fired a missile", "South Korea fired a missile", U, "different-entities"),
        (
            "officials say the Islamic State attacked a town near Mosul",
            "officials say the Israeli State attacked a town near Mosul",
            U,
            "different-entities",
        ),
        ("North Korea fired at South Korea", "South Korea fired at North Korea", A, ""),
        ("Kim Jong Un broke his ankles", "Kim Jong-un broke both ankles", A, ""),
        (
            "One of the freed men is trying to return to militancy",
            "Freed man tried to return to militancy: report",
            R,
            "certainty-difference",
        ),
        (
            "One of the freed men is trying to return to militancy",
            "Freed man is trying to return to militancy",
            A,
            "",
        ),
        (
            "A priest who was declared dead says he met God",
            "Priest declared dead claims he met God",
            A,
            "",
        ),
        (
            "A priest says he met God",
            "Priest may have met God, reports say",
            R,
            "certainty-difference",
        ),
        (
            "Amazon will launch a streaming service",
            "Amazon plans streaming service - NY post",
            R,
            "",
        ),
        (
            "Amazon will launch a streaming service",
            "Amazon launches streaming service: live",
            A,
            "",
        ),
        ("Tesla is building in Nevada", "Tesla will build in Nevada, not Texas", A, ""),
        (
            "Christian Bale will play Steve Jobs",
            "Christian Bale quits Steve Jobs movie",
            C,
            "deny-vs-assert",
        ),
        ("The actor quit the film", "The actor quits the film", A, ""),
        (
            "The firm disconnects users",
            "Firm calls rumor it disconnects users inaccurate",
            C,
            "refuted",
        ),
        ("Apple is buying Path", "Path refuses to confirm or deny that Apple is buying it", R, ""),
        (
            "The rebel was killed by the army",
            "Rebel feared killed by the army",
            R,
            "certainty-difference",
        ),
        ("Jihadi John is Mohammed Emwazi", "Jihadi John named by media as Mohammed Emwazi", R, ""),
        (
            "Vice Media's chief paid for the dinner",
            "Vice Media chief reportedly paid for dinner",
            R,
            "",
        ),
        ("The story of the boy was a hoax", "The story of the boy was a hoax", A, ""),
        ("Lego sent a letter to parents", "That Lego letter to parents? It's real", A, ""),
        ("Lego sent a letter to parents", "That Lego letter to parents?", R, ""),
        ("There is a case of Ebola in Kansas City", "Ebola scare in Kansas City", R, ""),
        ("A woman tried to eat her baby", "Woman tries to eat her baby", A, ""),
        ("A woman got a third breast", "Woman with three breasts: Real or hoax?", R, ""),
        ("A woman got a third breast", "Woman's third breast is a hoax", C, "refuted"),
        ("A woman got a third breast", "Woman got a third breast. Hoax?", C, "refuted"),
        ("Her sister has taken charge", "His sister may have taken charge. Or not.", R, ""),
        (
            "The actress accused the actor",
            "Actress denies rumors that she accused actor",
            C,
            "deny-vs-assert",
        ),
        ("The actress accused the actor", "Actress slams rumors that she accused actor", R, ""),
        ("The boy was suspended for magic", "Police: boy suspended for magic", R, ""),
        ("The boy was suspended for magic", "Officials: boy suspended for magic", R, ""),
        ("The boy was suspended for magic", "Magic boy: pupil suspended for magic", A, ""),
        ("The boy was suspended for magic", "Parent: boy suspended for magic", A, ""),
        (
            "The senator will run for president",
            "Senator drops out of presidential race",
            C,
            "deny-vs-assert",
        ),
        (
            "The witness said the man fled",
            "Witness walks back claim that man fled",
            C,
            "deny-vs-assert",
        ),
        ("Planes went missing from the airport", "Missing: a dog from the farm", R, ""),
        ("Planes went missing from the airport", "Planes missing from the airport", A, ""),
        ("The boy was suspended for magic", "Boy's parent suspended for magic", A, ""),
        pytest.param(
            "ESPN planned a panel that didn't include any women",
            "There was never a panel planned at ESPN",
            C,
            "negation-flip",
            marks=pytest.mark.xfail(
                strict=True, reason="the claim's negation in a relative clause blocks the flip"
            ),
        ),
        (
            "NHL expansion ahead? No, says Gary Bettman",
            "The NHL has no plans to expand, said NHL commissioner Gary Bettman",
            A,
            "",
        ),
        (
            "ESPN planned a panel that didn't include any women",
            "ESPN panel did not include women",
            A,
            "",
        ),
        ("Police will issue tickets", "Police may issue a ticket, not an arrest, soon", R, ""),
        (
            "Tesla is building in Nevada",
            "Tesla is not building in Nevada, sources say",
            C,
            "negation-flip",
        ),
        ("The tip was 2,084 dollars", "Driver surprised with a 2,000 dollars tip", A, ""),
        ("The iPad has a 12-inch screen", "The iPad has a 12.9-inch screen", A, ""),
        ("The blast killed 10 people", "The blast killed 11 people", C, "number-mismatch"),
        ("The blast killed 2,000 people", "The blast killed 3,000 people", C, "number-mismatch"),
        ("The plant opened in 2014", "The plant opened in 2017", C, "number-mismatch"),
        ("2,093 emails held secrets", "More than 1,300 emails held secrets", A, ""),
        ("2,093 emails held secrets", "Fewer than 1,300 emails held secrets", C, "number-mismatch"),
        ("The storm killed 2,093 people", "The storm killed about 2,000 people", A, ""),
        ("The president resigned", "Rain is expected on Tuesday", U, ""),
    ],
)
def test_relate_texts_rules(a: str, b: str, kind: RelationKind, code: str) -> None:
    """Each rule fires on its row, with its reason; negative rows stay quiet."""
    got, _, reasons = relate_texts(a, b)
    assert got is kind
    codes = {r.code for r in reasons}
    if code:
        assert code in codes
    else:
        assert not codes & {
            "negation-flip",
            "refuted",
            "antonym",
            "deny-vs-assert",
            "number-mismatch",
        }


def test_numbers_compare_only_with_the_same_unit() -> None:
    """Different units are different quantities: no number mismatch."""
    _, _, reasons = relate_texts("ISIS has 6,000 fighters in Libya", "ISIS has 300 tanks in Libya")
    assert "number-mismatch" not in {r.code for r in reasons}


def test_body_is_read_as_a_whole() -> None:
    """A long text that keeps calling the claim a hoax contradicts it."""
    body = " ".join(
        ["The story that Banksy was arrested is a hoax."] * 3 + ["Nothing else happened."] * 10
    )
    kind, _, reasons = relate_texts("Banksy was arrested in London", body)
    assert kind is C
    assert reasons[0].code == "refuted"


def claim(text: str, doc: str, content: str, speaker: str, stance: Stance) -> Claim:
    """A hand-built claim whose spans index ``text``."""
    start = text.index(content)
    spans = (Span.of(text, start, start + len(content)),)
    at = text.index(speaker)
    return Claim(
        claim_id(doc, spans),
        doc,
        Span.of(text, at, at + len(speaker)),
        None,
        spans,
        Kind.INDIRECT,
        stance,
        speaker_name=speaker,
    )


@pytest.fixture
def seed_claims() -> dict[str, Claim]:
    """The seed sentences of article 003 as hand-built claims."""
    if not SEED.exists():
        pytest.skip("seed article missing")
    text = SEED.read_text(encoding="utf-8")
    doc = "seeds/003_bcaab3bcf559171c.txt"
    rows = {
        "gatilov": (
            "Deputy Foreign Minister Gennady Gatilov",
            "Al- Baghdad’s death “could not be verified.”",
            Stance.CONCEDES,
        ),
        "sources": (
            "sources in the Russian foreign ministry",
            "We can say with a high degree of certainty that Islamic State leader"
            " Abu Bakr al-Baghdadi is dead.",
            Stance.ASSERTS,
        ),
        "defence": (
            "The Russian Defense Ministry’s",
            "the “caliph” Al-Baghdadi may have been taken out by a Russian air strike"
            " over Raqqa on May 28",
            Stance.HEDGES,
        ),
        "army": (
            "the Israeli army spokesman",
            "the ISIS was running a network on the West Bank or in Jerusalem",
            Stance.DENIES,
        ),
        "debka": (
            "DEBKA Weekly’s counterterrorism sources",
            "this claim flies in the face of all the evidence",
            Stance.ASSERTS,
        ),
    }
    return {
        key: claim(text, doc, content, who, stance) for key, (who, content, stance) in rows.items()
    }


def relation_of(claims: dict[str, Claim], x: str, y: str) -> tuple[RelationKind, set[str]]:
    """The relation found between two of the seed claims, and its reason codes."""
    ids = {claims[x].id, claims[y].id}
    for relation in relate_claims(list(claims.values())):
        if {relation.a, relation.b} == ids:
            return relation.kind, {r.code for r in relation.reasons}
    return U, set()


@pytest.mark.parametrize(
    ("x", "y", "kind", "code"),
    [
        pytest.param(
            "gatilov",
            "sources",
            C,
            "certainty-conflict",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the seed's typo 'Al- Baghdad' and its phrase 'high degree of"
                " certainty' are no longer in the tables (test_relate_reworded.py)",
            ),
        ),
        ("army", "debka", C, "points-back"),
        pytest.param(
            "defence",
            "sources",
            A,
            "certainty-difference",
            marks=pytest.mark.xfail(
                strict=True,
                reason="'taken out' is no general word for killed (test_relate_reworded.py)",
            ),
        ),
        ("army", "sources", U, ""),
        ("debka", "sources", U, ""),
    ],
)
def test_seed_relations(
    seed_claims: dict[str, Claim], x: str, y: str, kind: RelationKind, code: str
) -> None:
    """The seed pairs relate as the issue asks; a mere shared word relates nothing."""
    got, codes = relation_of(seed_claims, x, y)
    assert got is kind
    if code:
        assert code in codes


def test_pointer_on_other_text() -> None:
    """A claim saying "these reports are false" disputes the claim before it, not after."""
    text = (
        "Officials said the bridge collapsed. Witnesses said these reports are false. "
        "Police said it rained."
    )
    doc = "x.txt"
    first = claim(text, doc, "the bridge collapsed", "Officials", Stance.ASSERTS)
    pointer = claim(text, doc, "these reports are false", "Witnesses", Stance.ASSERTS)
    later = claim(text, doc, "it rained", "Police", Stance.ASSERTS)
    relations = relate_claims([later, pointer, first])
    assert [(r.kind, {r.a, r.b}) for r in relations] == [(C, {first.id, pointer.id})]
    assert "disputes the claim before it" in relations[0].reasons[0].detail


def test_relations_sorted_and_ids_ordered(seed_claims: dict[str, Claim]) -> None:
    """Relation ids satisfy a < b, the output is sorted and the same for any input order."""
    forward = relate_claims(list(seed_claims.values()))
    backward = relate_claims(list(reversed(seed_claims.values())))
    assert forward == backward
    assert all(r.a < r.b for r in forward)
    assert [(r.a, r.b) for r in forward] == sorted((r.a, r.b) for r in forward)
    assert all(r.kind is not U for r in forward)


def pair_relation(first: str, second: str, stances: tuple[Stance, Stance]) -> RelationKind:
    """The relation ``relate_claims`` finds between two claims of two documents."""
    x = claim(f"Alpha said {first}", "x.txt", first, "Alpha", stances[0])
    y = claim(f"Beta said {second}", "y.txt", second, "Beta", stances[1])
    found = relate_claims([x, y])
    return found[0].kind if found else U


P = (Stance.ASSERTS, Stance.ASSERTS)


@pytest.mark.parametrize(
    ("first", "second", "stances", "kind"),
    [
        (
            "Mayor Jane Smith blocked the harbour deal",
            "Jane Smith did not block the harbour deal",
            P,
            C,
        ),
        (
            "Jane Smith opened the harbour deal talks on June 28, 2016",
            "Jane Smith opened the harbour deal talks on June 29, 2016",
            P,
            A,
        ),
        pytest.param(
            "the harbour was closed on Monday",
            "the harbour was not closed on Monday",
            P,
            C,
            marks=pytest.mark.xfail(strict=True, reason="a subject that is no name is not seen"),
        ),
        (
            "he swore allegiance to leader Omar Haddad before the attack",
            "leader Omar Haddad is dead",
            P,
            U,
        ),
        (
            "single mothers would be especially affected by the plan",
            "about 9.9 million single mothers live in the country",
            (Stance.DENIES, Stance.ASSERTS),
            U,
        ),
        (
            "Rivera is not going to follow a script",
            "Lopez followed the same script against his rivals",
            P,
            U,
        ),
        pytest.param(
            "your tax returns are audited and you don't want to help the Internal Revenue Service",
            "Romney said refusing to release tax returns to the Internal Revenue Service was wrong",
            P,
            R,
            marks=pytest.mark.xfail(
                strict=True, reason="a shared noun (tax returns) counts as a predicate"
            ),
        ),
        (
            "Garcia had 42 percent, Moreau 38 percent and Okafor 3 percent",
            "Garcia beats Moreau by 46 percent to 42 percent",
            P,
            U,
        ),
        ("Garcia won 42 percent of the vote", "Garcia won 46 percent of the vote", P, C),
        (
            "ISIS suffered setbacks in Libya and is struggling to expand there",
            "ISIS' Libya base would be poorer, deprived of the means to remain and expand",
            P,
            R,
        ),
        ("we felt it was worth a try", "she felt the amendment was worth examining", P, U),
        (
            "Mayor Jane Smith said the harbour deal would create jobs and cut costs",
            "the harbour deal would cut costs and create jobs, the council said",
            P,
            R,
        ),
        (
            "Garcia leads the Lagos race with 45 percent",
            "Moreau trails in the Lagos race with 41 percent",
            P,
            U,
        ),
        (
            "Garcia will accept 10,000 refugees in Lagos",
            "Lagos accepted 11,491 refugees, over the limit of 10,000 Garcia set",
            P,
            A,
        ),
        (
            "Garcia will take in 250,000 refugees in Lagos",
            "Garcia accepted 11,491 refugees in Lagos last year",
            P,
            U,
        ),
        (
            "Garcia accepted 250,000 refugees in Lagos last year",
            "Garcia accepted 11,491 refugees in Lagos last year",
            P,
            C,
        ),
        (
            "No, Garcia will win the Lagos primary next week",
            "Garcia will win the Lagos primary next week",
            P,
            A,
        ),
        (
            "Garcia will not win the Lagos primary next week",
            "Garcia will win the Lagos primary next week",
            P,
            C,
        ),
        (
            "Garcia will win the Lagos primary. Moreau may not.",
            "Garcia will win the Lagos primary, or not",
            P,
            A,
        ),
        (
            "Garcia should resign for not calling the Lagos attack terrorism",
            "Garcia's refusal to call the Lagos attack terrorism means he should resign",
            P,
            A,
        ),
        (
            "Garcia's offer to make an exception to his Lagos travel ban",
            "Garcia's call for a Lagos travel ban",
            (Stance.DENIES, Stance.ASSERTS),
            R,
        ),
        (
            "the claim that Garcia's Lagos travel ban was approved",
            "Garcia's Lagos travel ban was approved",
            (Stance.DENIES, Stance.ASSERTS),
            C,
        ),
        (
            "that Garcia's Lagos travel ban was approved by the court",
            "Garcia's Lagos travel ban was approved by the court",
            (Stance.DENIES, Stance.ASSERTS),
            C,
        ),
        (
            "Maybe by speaking to Lagos voters, say, this is not who we are",
            "Maybe by speaking to Lagos voters, say, this is not who we are. We must do better",
            P,
            A,
        ),
    ],
)
def test_claims_need_one_proposition(
    first: str, second: str, stances: tuple[Stance, Stance], kind: RelationKind
) -> None:
    """Claims agree or contradict only on a shared name and predicate; shared words relate."""
    assert pair_relation(first, second, stances) is kind


@pytest.mark.parametrize(
    ("second", "points"),
    [
        ("these reports are false", True),
        ("that these reports are false", True),
        ("this debate is misleading", False),
        ("the ferry ignored the rule that the bridge is wrong", False),
    ],
)
def test_pointer_opens_the_claim(second: str, points: bool) -> None:
    """A claim points back only when it opens with the anaphor and its dispute predicate."""
    text = f"Officials said the bridge collapsed. Witnesses said {second}."
    first = claim(text, "x.txt", "the bridge collapsed", "Officials", Stance.ASSERTS)
    pointer = claim(text, "x.txt", second, "Witnesses", Stance.ASSERTS)
    kinds = [r.kind for r in relate_claims([first, pointer]) if r.reasons[0].code == "points-back"]
    assert kinds == ([C] if points else [])


def test_one_text_read_twice_is_no_relation() -> None:
    """Two claims over the same characters of one document are one text, not a relation."""
    text = "Officials said for months that the bridge over the river collapsed in the storm."
    whole = claim(
        text,
        "x.txt",
        "for months that the bridge over the river collapsed",
        "Officials",
        Stance.ASSERTS,
    )
    part = claim(text, "x.txt", "the bridge over the river collapsed", "months", Stance.REPORTS)
    assert relate_claims([whole, part]) == ()
