"""Propositions: claims of several articles that state one thing, and each claim's side."""

from __future__ import annotations

import attrs
import pytest

from provenance.model import Claim, Kind, Side, Span, Stance, claim_id
from provenance.relate.features import features
from provenance.relate.propositions import Proposition, propositions, side_of


def claim(
    doc: str, content: str, stance: Stance = Stance.ASSERTS, speaker: str = "", at: int = 0
) -> Claim:
    """A claim whose document text is ``speaker said content`` from offset ``at`` (offsets
    are real)."""
    start = at + (len(speaker) + 6 if speaker else 0)
    span = Span(start, start + len(content), content)
    who = Span(at, at + len(speaker), speaker) if speaker else None
    return Claim(claim_id(doc, (span,)), doc, who, None, (span,), Kind.INDIRECT, stance)


def nested(outer: Claim, content: str, speaker: str) -> Claim:
    """A claim whose speaker opens ``outer``'s content ("… said its owners said …")."""
    inner = claim(outer.doc, content, speaker=speaker, at=outer.content[0].start)
    return attrs.evolve(inner, within=outer.id)


def members(found: tuple[Proposition, ...]) -> set[str]:
    """The ids of every claim on a side of ``found``."""
    return {cid for p in found for ids in p.sides.values() for cid in ids}


SIDES = [
    # (stance, content, topic words of the proposition, side)
    (Stance.ASSERTS, "the woman paid for a third breast", "woman third breast", "for"),
    (Stance.CONCEDES, "the woman paid for a third breast", "woman third breast", "for"),
    (Stance.DENIES, "the woman paid for a third breast", "woman third breast", "against"),
    (Stance.ASSERTS, "the third breast story is a hoax", "third breast story", "against"),
    (Stance.ASSERTS, "the photo of the shark was doctored", "photo shark", "against"),
    (Stance.ASSERTS, "the photo of the shark isn’t true", "photo shark", "against"),
    (Stance.DENIES, "the video was fake", "video", "for"),
    (Stance.HEDGES, "the woman may have paid for a third breast", "woman third breast", "hedged"),
    (Stance.ASSERTS, "his death could not be verified", "death", "unverified"),
    (Stance.REPORTS, "the woman paid for a third breast", "woman third breast", None),
    (Stance.REFUSES, "the woman paid for a third breast", "woman third breast", None),
    # a question or a request takes no side ("asked whether the woman paid …")
    (Stance.ASKS, "whether the woman paid for a third breast", "woman third breast", None),
    # a negator counts only when its scope holds a word of the proposition
    (Stance.ASSERTS, "the league has no plans to expand", "league plan expand", "against"),
    # ... carried past "going to" / "looking to": the future and intent negate the verb
    (Stance.ASSERTS, "the league is not going to expand", "league expand", "against"),
    (Stance.ASSERTS, "the league is not looking to expand", "league expand", "against"),
    # a speaker called a liar is refuted; a body lying on the ground is not
    (Stance.ASSERTS, "the woman who paid for a third breast lied", "woman third breast", "against"),
    (Stance.ASSERTS, "the woman was lying on a beach", "woman beach", "for"),
    (Stance.ASSERTS, "my mother won't talk to me since the surgery", "surgery breast", "for"),
    # withdrawal in the content is no refutation of it
    (Stance.ASSERTS, "the minister quit to escape the scandal", "minister scandal", "for"),
]


@pytest.mark.parametrize(("stance", "content", "about", "side"), SIDES)
def test_side_of_a_claim(stance: Stance, content: str, about: str, side: str | None) -> None:
    """The side comes from the stance, refuting words, doubt and negation of the topic."""
    topic = features(about).content
    assert side_of(claim("a.txt", content, stance), features(content), topic) == side


def story() -> list[Claim]:
    """Four articles on one story (a rumour and its refutation) and an unrelated claim."""
    return [
        claim("a.txt", "a Tampa woman paid $20,000 to get a third breast implanted"),
        claim("b.txt", "the Tampa woman spent $20,000 on a third breast implant", speaker="she"),
        claim("c.txt", "the Tampa woman's third breast implant is a hoax", speaker="TMZ"),
        claim("d.txt", "a Tampa woman paid $20,000 to get a third breast implanted"),
        claim("d.txt", "the city council approved a new budget for the harbour"),
        claim("e.txt", "the city council approved the new harbour budget on Monday"),
    ]


def test_one_story_is_one_proposition_with_both_sides() -> None:
    """Paraphrases across articles join; the refutation stands against; others stay apart."""
    found = propositions(story())
    first = found[0]
    assert first.disputed
    docs = {c.id: c.doc for c in story()}
    assert sorted(docs[i] for i in first.sides[Side.FOR]) == ["a.txt", "b.txt", "d.txt"]
    assert [docs[i] for i in first.sides[Side.AGAINST]] == ["c.txt"]
    council = [p for p in found if "council" in p.text]
    assert len(council) == 1 and not council[0].disputed


def test_copies_count_as_one_source() -> None:
    """The same words in two outlets are one source carried twice."""
    first = propositions(story())[0]
    assert len(first.sides[Side.FOR]) == 3
    assert first.sources[Side.FOR] == 2
    assert first.sources[Side.AGAINST] == 1


def test_near_copies_count_as_one_source() -> None:
    """An outlet quoting part of a quote, or adding a bracket, carries the same words; two
    short claims are two statements, whatever the words they share."""
    quote = "I could not believe my luck when the phone went off and the bear fled"
    claims = [
        claim("a.txt", quote + ", and I know the ringtone is not to everyone's taste"),
        claim("b.txt", quote.replace("the bear", "he [the bear]")),
        claim("c.txt", quote),
        claim("d.txt", "a Tampa woman paid $20,000 for a third breast implant"),
        claim("e.txt", "the phone went off and the bear fled at once"),
    ]
    found = [p for p in propositions(claims) if "luck" in p.text]
    assert len(found) == 1
    assert len(found[0].sides[Side.FOR]) == 4
    assert found[0].sources[Side.FOR] == 2  # the quote, and e.txt's own words


def test_one_document_states_no_proposition() -> None:
    """What a single article says is not a proposition of the story."""
    lone = [
        claim("a.txt", "the mayor opened the bridge"),
        claim("a.txt", "the bridge opened", at=40),
    ]
    assert propositions(lone) == ()


def test_one_article_shows_a_proposition_only_where_its_voices_dispute_it() -> None:
    """Two speakers of one article agreeing are that article; disagreeing, a dispute."""
    agree = [
        claim("a.txt", "the mayor opened the new bridge on Monday", speaker="Police"),
        claim("a.txt", "the mayor opened the new bridge on Monday morning", speaker="Jones", at=99),
    ]
    assert propositions(agree) == ()
    dispute = [
        agree[0],
        claim("a.txt", "the mayor did not open the new bridge", speaker="Lee", at=99),
    ]
    (found,) = propositions(dispute)
    assert found.disputed and found.docs == 1


def test_propositions_are_deterministic() -> None:
    """Same claims in any order: the same propositions, ids and sides."""
    assert propositions(story()) == propositions(list(reversed(story())))


def test_a_person_moves_a_claim_to_another_side() -> None:
    """``side`` in claims.toml wins over the engine's reading; ``none`` takes a claim off."""
    claims = story()
    moved = attrs.evolve(claims[2], side=Side.FOR)  # TMZ's "is a hoax" read as for, by hand
    off = attrs.evolve(claims[1], side=Side.NONE)
    first = propositions([claims[0], off, moved, *claims[3:]])[0]
    assert moved.id in first.sides[Side.FOR] and not first.sides[Side.AGAINST]
    assert off.id not in {cid for ids in first.sides.values() for cid in ids}
    assert set(first.by_hand) == {moved.id, off.id}


def test_limit_caps_each_side_of_a_proposition() -> None:
    """``--limit`` shows at most N claims a side and says how many it left out."""
    from provenance.relate.propositions import Proposition
    from provenance.report.model import Entry, Report, Stated, capped

    entries = tuple(Entry(c, "s", "s", c.doc) for c in story()[:4])
    sides: dict[Side, tuple[Entry, ...]] = {
        side: () for side in (Side.FOR, Side.AGAINST, Side.HEDGED, Side.UNVERIFIED)
    }
    sides[Side.FOR] = entries
    proposition = Proposition("p-1", "words", {s: tuple(e.id for e in v) for s, v in sides.items()},
                              {s: len(v) for s, v in sides.items()}, 4, 4)  # fmt: skip
    stated = Stated(proposition, sides, {s: () for s in sides})
    report = Report((), (), (), (), (), (), propositions=(stated,))
    shown = capped(report, 3).propositions[0]
    assert len(shown.sides[Side.FOR]) == 3 and shown.more == {Side.FOR: 1}
    assert capped(report, 0).propositions[0] is stated


def test_the_text_is_the_statement_most_articles_share() -> None:
    """A proposition reads as the story states it in most articles, not as whichever
    claim happened to lead it (an aside of one article that joined first)."""
    claims = [
        claim("a.txt", "the fisherman walked to his spot and the bear attacked him at dawn"),
        claim("b.txt", "a bear attacked the fisherman and his ringtone scared the bear away"),
        claim("c.txt", "his ringtone scared away the bear that attacked the fisherman"),
        claim("d.txt", "the ringtone scared the bear that attacked the fisherman", speaker="he"),
    ]
    found = propositions(claims)
    assert len(found) == 1
    assert "ringtone" in found[0].text and "scared" in found[0].text
    assert found[0].id == propositions(list(reversed(claims)))[0].id


def test_a_claim_nested_in_another_is_no_second_voice_for_it() -> None:
    """A claim inside another claim's words (same document) shares them because it is part
    of them: it does not join the proposition that claim leads as a second voice."""
    outer = "the militia ran its campaign out of the river town, though officials saw no sign"
    inner = "officials saw no sign"
    at = len("Experts said ") + outer.index(inner)
    nested = Claim(
        claim_id("a.txt", (Span(at, at + len(inner), inner),)),
        "a.txt",
        Span(at, at + len("officials"), "officials"),
        None,
        (Span(at, at + len(inner), inner),),
        Kind.INDIRECT,
        Stance.ASSERTS,
    )
    claims = [
        claim("a.txt", outer, speaker="Experts"),
        nested,
        claim("b.txt", "the militia ran its campaign out of the river town", speaker="Police"),
    ]
    found = propositions(claims)
    assert len(found) == 1
    members = {cid for ids in found[0].sides.values() for cid in ids}
    assert nested.id not in members and len(members) == 2


def test_a_proposition_reads_as_what_its_for_side_states() -> None:
    """Negated claims stand against the statement the others make, whichever leads, and
    the proposition's words are the statement, not its negation."""
    claims = [
        claim("a.txt", "the airline has no plans to separate passengers by gender", speaker="she"),
        claim("b.txt", "the airline does not plan to separate passengers by gender"),
        claim("c.txt", "the airline has plans to separate passengers by gender", speaker="he"),
        claim("d.txt", "the airline plans to separate passengers by gender from March"),
    ]
    for order in (claims, list(reversed(claims))):
        (found,) = propositions(order)
        docs = {c.id: c.doc for c in claims}
        assert sorted(docs[i] for i in found.sides[Side.AGAINST]) == ["a.txt", "b.txt"]
        assert sorted(docs[i] for i in found.sides[Side.FOR]) == ["c.txt", "d.txt"]
        assert " no " not in f" {found.text} " and " not " not in f" {found.text} "


def test_a_shared_name_and_title_are_no_shared_statement() -> None:
    """Claims that share only names and a title ("Northern Front leader Omar Haddad") state
    different things; the statements about his death stand on their sides."""
    claims = [
        claim("a.txt", "Northern Front leader Omar Haddad is dead", speaker="Officials"),
        claim(
            "b.txt",
            "Northern Front leader Omar Haddad may have been killed in a raid",
            Stance.HEDGES,
        ),
        claim("c.txt", "Haddad's death could not be verified", speaker="The ministry"),
        claim(
            "d.txt",
            "the bomber had sworn allegiance to Northern Front leader Omar Haddad",
            speaker="he",
        ),
    ]
    (found,) = propositions(claims)
    docs = {c.id: c.doc for c in claims}
    assert [docs[i] for i in found.sides[Side.FOR]] == ["a.txt"]
    assert [docs[i] for i in found.sides[Side.HEDGED]] == ["b.txt"]
    assert [docs[i] for i in found.sides[Side.UNVERIFIED]] == ["c.txt"]


def test_a_negation_inside_the_story_is_no_denial_of_it() -> None:
    """Only a negation of the proposition's own words stands against it: "did not want
    their wives next to other men" tells the complaint, it does not deny it."""
    claims = [
        claim("a.txt", "passengers complained about strangers sitting next to their wives"),
        claim("b.txt", "passengers complained about male strangers sitting next to wives"),
        claim("c.txt", "passengers who complained did not want strangers sitting next to wives"),
        claim("d.txt", "no passengers complained about strangers sitting next to their wives"),
        claim("e.txt", "men complained they did not want strangers sitting next to wives"),
    ]
    (found,) = propositions(claims)
    docs = {c.id: c.doc for c in claims}
    assert sorted(docs[i] for i in found.sides[Side.FOR]) == ["a.txt", "b.txt", "c.txt", "e.txt"]
    assert [docs[i] for i in found.sides[Side.AGAINST]] == ["d.txt"]


@pytest.mark.parametrize(
    ("target", "stance", "side"),
    [
        ("the militia ran a network of cells in the border towns", Stance.DENIES, Side.FOR),
        ("the militia ran a network of cells in the border towns", Stance.ASSERTS, Side.AGAINST),
    ],
)
def test_a_claim_that_points_back_disputes_the_claim_before_it(
    target: str, stance: Stance, side: Side
) -> None:
    """ "this claim flies in the face of the evidence" stands on the other side of the
    claim before it: for what a denial denies, against what an assertion asserts."""
    first = claim("a.txt", target, stance, speaker="The army")
    pointer = claim(
        "a.txt", "this claim flies in the face of the evidence", speaker="Sources", at=200
    )
    (found,) = propositions([first, pointer])
    assert found.disputed
    assert pointer.id in found.sides[side]


def test_words_every_claim_holds_join_no_claims() -> None:
    """A word more claims hold than ``index_max_postings`` names no topic: 150 articles
    each saying people are going to vote in a different town are 150 statements, not one
    proposition chained through "people", "going" and "vote" (on PolNeAR's 924 articles
    such words made one proposition of 14,243 claims)."""
    names = [f"{a}{b}{c}" for a in "bdfgklmnprstvz" for b in "aeiou" for c in "lmnrstxz"]
    voting = [
        claim(f"v{i:03d}.txt", f"people are going to vote in {name}ville")
        for i, name in enumerate(names[:150])
    ]
    other = [  # the rest of a corpus: words no other article uses
        claim(f"o{i:03d}.txt", f"the {a}bor {b}ken {c}dal")
        for i, (a, b, c) in enumerate(zip(names[150:], names[250:], names[350:], strict=False))
    ]
    pair = [
        claim("x.txt", "the mayor of Springfield resigned after the bribery scandal"),
        claim("y.txt", "Springfield's mayor resigned over the bribery scandal"),
    ]
    found = propositions(voting + other + pair)
    assert max(len(p.sides[Side.FOR]) for p in found) == 2
    assert any("Springfield" in p.text for p in found)


def test_a_speech_quoted_whole_leads_no_proposition() -> None:
    """A quote of more than ``max_topic_words`` content words states many things: claims
    sharing a few of its words each are no proposition with it, nor through it."""
    speech = (
        "I grew up in a small town where the mill closed and families struggled, and I "
        "learned that schools, roads, hospitals, farms, factories, bridges, harbours, "
        "railways, libraries, parks, courts, prisons, taxes, wages, pensions, savings, "
        "mortgages, rents, prices, markets, banks, loans, exports, imports, tariffs, "
        "soldiers, veterans, nurses, teachers, doctors, farmers, miners, drivers, pilots, "
        "sailors, bakers, painters, plumbers, lawyers, judges, mayors, governors and "
        "senators all matter to voters in every county of this great state, from the "
        "coast to the mountains, the deserts, the valleys, the lakes and the rivers"
    )
    claims = [
        claim("a.txt", speech),
        claim("b.txt", "the governor said teachers deserve higher wages this year"),
        claim("c.txt", "farmers want lower tariffs on their exports next spring"),
        claim("d.txt", "nurses and doctors at the hospital asked for better pensions"),
    ]
    assert propositions(claims) == ()


def test_a_claim_inside_a_denial_takes_no_side() -> None:
    """What a denial denies is asserted by nobody in the article: "the league denied that
    its owners said the team would move" gives the owners no side on the move."""
    denial = claim(
        "a.txt",
        "its owners said the hockey team would move to Seattle next season",
        Stance.DENIES,
        speaker="The league",
    )
    said = nested(denial, "the hockey team would move to Seattle next season", "its owners")
    assert said.content[0].start == denial.content[0].start + len("its owners said ")
    claims = [
        denial,
        said,
        claim("b.txt", "the hockey team will move to Seattle next season", speaker="Sources"),
        claim("c.txt", "the hockey team is moving to Seattle next season", speaker="Fans"),
    ]
    found = propositions(claims)
    assert said.id not in members(found)
    assert any(denial.id in p.sides[Side.AGAINST] for p in found)


def test_a_negated_word_the_statements_share_puts_a_claim_against() -> None:
    """A negation counts against a proposition when its scope holds a word two of its
    statements share, not only a word of the one statement that reads for it: "has no
    plans to separate passengers" denies what "decided to separate passengers" states."""
    claims = [
        claim(
            "a.txt",
            "the national airline will keep men and women apart on its flights after "
            "complaints from passengers",
            speaker="The website",
        ),
        claim("b.txt", "the national airline will keep men and women apart on its flights"),
        claim("c.txt", "the national airline has decided to separate passengers on its flights"),
        claim("d.txt", "the national airline has decided to separate passengers after complaints"),
        claim("e.txt", "the national airline has no plans to separate passengers on its flights"),
    ]
    found = propositions(claims)
    assert len(found) == 1
    assert "separate" not in found[0].text
    assert found[0].sides[Side.AGAINST] == (claims[-1].id,)


def test_a_denial_of_such_things_joins_what_its_article_is_about() -> None:
    """ "Denied that such arrangements are being considered" names nothing by "such
    arrangements": it stands against the proposition its article leads with."""
    lede = "the national airline will seat men and women apart on its flights"
    denial = claim(
        "a.txt",
        "that such arrangements are being considered",
        Stance.DENIES,
        speaker="The spokesman",
        at=len(lede) + 2,
    )
    claims = [
        claim("a.txt", lede),
        denial,
        claim("b.txt", "the national airline will seat men and women apart on flights"),
        claim("c.txt", "the airline will seat men and women apart on its domestic flights"),
    ]
    found = propositions(claims)
    assert [p for p in found if denial.id in p.sides[Side.AGAINST]] == [found[0]]
    assert "apart" in found[0].text


def test_a_negation_the_statement_itself_makes_puts_no_claim_against_it() -> None:
    """A part of a quote that carries the quote's own negation ("… isn't to everyone's
    taste") stands where the whole quote stands, even where the whole quote's negation
    falls in a later clause (and so negates none of its claims)."""
    whole = (
        "I was sure I was lucky when the phone rang and the bear ran off, and I know that "
        "sort of ringtone isn't to everyone's taste but my granddaughter loaded it"
    )
    part = "that sort of ringtone isn't to everyone's taste but my granddaughter loaded it"
    claims = [
        claim("a.txt", whole, speaker="the fisherman"),
        claim("b.txt", whole, speaker="Igor"),
        claim("c.txt", whole, speaker="the man"),
        claim("d.txt", part, speaker="he"),
        claim("e.txt", part, speaker="the angler"),
        claim("f.txt", "he was lucky when the phone rang"),
        claim("g.txt", "he was sure he was lucky when the bear ran off"),
    ]
    (found,) = propositions(claims)
    assert found.text.startswith("I was sure")
    assert found.sides[Side.AGAINST] == ()
    assert len(found.sides[Side.FOR]) == 7


def test_a_possessive_of_a_function_word_is_no_content_word() -> None:
    """ "everyone's" is "everyone": a function word, as "today's" is "today"."""
    assert "everyone" not in features("it isn't to everyone's taste").content
    assert "taste" in features("it isn't to everyone's taste").content


def test_a_proposition_grows_by_the_words_of_many_of_its_claims_not_a_few() -> None:
    """A word three of twenty claims hold joins no proposition's words: the strike shares
    "school teachers" with three budget claims, and is not the budget."""
    mayors = ["Smith", "Jones", "Brown", "Green", "White", "Black", "Gray", "Stone", "Wood"]
    mayors += ["Hill", "King", "Ford", "Lane", "Moss", "Nash", "Page", "Reed"]
    claims = [
        claim(f"{i:02}.txt", f"the city council approved the harbour budget, mayor {name} said")
        for i, name in enumerate(mayors)
    ]
    claims += [
        claim(
            f"s{i}.txt",
            "the city council approved the harbour budget that raises the wages of school"
            f" teachers, nurses and drivers from {month}",
        )
        for i, month in enumerate(["March", "April", "June"])
    ]
    strike = claim(
        "z.txt",
        "school teachers went on strike across the whole state demanding better pensions"
        " and smaller classes",
    )
    found = propositions([*claims, strike])
    assert len(found) == 1
    assert len(found[0].sides[Side.FOR]) == 20
    assert not any(strike.id in ids for ids in found[0].sides.values())


def test_an_asserting_claim_leads_not_a_refutation_that_restates_it() -> None:
    """A refutation restates what it refutes with words of its own ("the woman who said
    she added a third breast … was lying about the surgery"): led by it, a proposition
    would gather the claims that share only those other words ("invented the surgery
    story") beside the story's assertions. Asserting claims lead; the refutation joins."""
    refutation = claim(
        "r.txt",
        "the woman who said she added a third breast to her chest in Tampa was lying about "
        "the surgery",
    )
    story = [
        claim(
            "a.txt",
            "a massage therapist from Tampa spent $20,000 to get a third breast implanted",
            speaker="she",
        ),
        claim(
            "b.txt", "the massage therapist paid $20,000 for a third breast implant", speaker="TMZ"
        ),
        claim(
            "d.txt",
            "she had surgery to add a third breast to her chest in Tampa",
            speaker="the woman",
        ),
    ]
    other = [
        claim(
            "e.txt", "the Tampa woman invented the surgery story to get famous", speaker="her agent"
        ),
        claim(
            "f.txt",
            "the woman from Tampa invented her surgery to get a TV show",
            speaker="the clinic",
        ),
    ]
    found = propositions([refutation, *story, *other])
    home = {cid: p.id for p in found for ids in p.sides.values() for cid in ids}
    assert {home[c.id] for c in story} == {home[story[0].id]}
    assert not {home.get(c.id) for c in other} & {home[story[0].id]}


def test_a_claim_that_reports_a_nested_claim_takes_no_side() -> None:
    """ "According to Google Translate, the original version said the bear fled when the
    phone spoke the time": the outer claim reports what the original version said; that
    claim states it and stands on the side, once, not twice for one article (the article
    comes last: a claim of another leads the proposition both would join)."""
    outer = claim(
        "z.txt",
        "the original version said the bear fled when the phone spoke the time",
        speaker="Google Translate",
    )
    inner = nested(outer, "the bear fled when the phone spoke the time", "the original version")
    claims = [
        outer,
        inner,
        claim("b.txt", "the bear fled when the fisherman's phone spoke", speaker="the fisherman"),
        claim("c.txt", "the bear fled into the forest when the phone spoke", speaker="police"),
    ]
    found = propositions(claims)
    assert outer.id not in members(found)
    assert any(inner.id in p.sides[Side.FOR] for p in found)


def test_a_refutation_said_of_a_pronoun_refutes_what_its_article_is_about() -> None:
    """ "I believe 100 per cent that this is a hoax everyone is falling for": "this" is the
    story its article tells, whatever other words the quote holds; the refutation joins
    the proposition of the article's first claim, against it."""
    lede = claim("a.txt", "she paid $20,000 to get a third breast implanted", speaker="the woman")
    hoax = claim(
        "a.txt",
        "I believe 100 per cent that this is a hoax that everyone is falling for",
        speaker="a plastic surgeon",
        at=200,
    )
    claims = [
        lede,
        hoax,
        claim("b.txt", "the woman paid $20,000 to get a third breast implanted", speaker="TMZ"),
        claim("c.txt", "a woman paid $20,000 for a third breast implant", speaker="Buzzfeed"),
    ]
    found = propositions(claims)
    story = next(p for p in found if lede.id in p.sides[Side.FOR])
    assert hoax.id in story.sides[Side.AGAINST]
