"""Shapes that look like an attribution and are none, beside the true ones they resemble.

Each row is a general sentence written for the test; the shapes came from the PolNeAR
train false alarms (see ``[complements]``, ``adjunct_only`` and the name-colon rule of
rules.toml).
"""

from __future__ import annotations

import pytest

from provenance.extract import rules, segmenter
from provenance.lang.en import sentences
from provenance.model import Document


def found(text: str) -> list[tuple[str | None, str, list[str]]]:
    """(speaker, cue, content fragments) of every claim of ``text``."""
    document = Document(path="t.txt", text=text)
    return [
        (
            claim.speaker.text if claim.speaker else None,
            claim.cue.text if claim.cue else "",
            [span.text for span in claim.content],
        )
        for claim in segmenter.segment(document, sentences.split(text, ()))
    ]


NO_CLAIM = [
    # "add" with a noun phrase, "add to", "add up": the verb of adding
    "The storm added another hour to the trip.",
    "The new rules only added to the confusion.",
    "The costs quickly add up for small farms.",
    # "sign on", "sign up": enlisting
    "Three more volunteers signed up for the night shift.",
    "Two more sponsors have signed on to the festival.",
    # "named for" / "named after": a name given
    "A bridge named for a local hero was closed.",
    # compound nouns that start with a cue form
    "Two Washington think tanks published the study.",
    "The candidate won 300 pledged delegates in March.",
    # a content that is only an adjunct of time, place or manner: nothing is said
    "The campaign responded on Friday.",
    "The senator wrote in September.",
    "The crowd applauded loudly.",
    "The agency announced Wednesday.",
    "She has noted before.",
    # "decline" of falling, "suspected of", "knocked out"
    "Sales declined 40 percent last year.",
    "Turnout declined sharply in the south.",
    "Two men suspected of fraud were arrested.",
    "The storm knocked out power.",
    # a stranded preposition or particle, "backing down", "said than done"
    "That is what he rails against.",
    "The governor was not backing down.",
    "It is easier said than done.",
    # the one told, promised or attacked, and nothing said
    "The president told her.",
    "The mayor promised them.",
    "The dog attacked him and bit his arm.",
    "A stray dog attacked her.",
    # a participle that is never a past tense, after a noun: a reduced relative clause
    "A stray cat written off for dead was found alive.",
    # "thinking" as a noun after a modifier
    "Wishful thinking among investors drove the price up.",
    # a roster after a place, and a heading label
    "Ohio: Jane Roe, Al Poe, Ed Loe, Bo Doe, Cy Hoe.",
    "The Latest: Senate passes the budget bill.",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(text: str) -> None:
    """A cue word in its other sense gives no claim."""
    assert found(text) == []


CLAIMS = [
    ("The mayor added that the bridge would reopen.", "The mayor", "added"),
    ("The spokesman added he would return on Monday.", "The spokesman", "added"),
    ("She added: “We are not done.”", "She", "added"),
    ("Roe added warily: “Nothing is certain.”", "Roe", "added"),
    ("The report added, “The figures are final.”", "The report", "added"),
    ("The coach added of his team, “They never gave up.”", "The coach", "added"),
    ("The senator signed the letter that called for a vote.", "The senator", "signed"),
    ("The governor named the new judge on Friday.", "The governor", "named"),
    ("Most voters think the tax is too high.", "Most voters", "think"),
    ("The candidate pledged to cut taxes.", "The candidate", "pledged"),
    ("Jane Roe: The plan will fail.", "Jane Roe", ":"),
    ("They can't blame this on the weather.", "They", "can't blame"),
    ("He said so in December.", "He", "said"),
    ("The mayor said on Friday that the bridge would reopen.", "The mayor", "said"),
    ("The coach talked about the game.", "The coach", "talked about"),
    ("The mayor did not comment on the report.", "The mayor", "did not comment"),
    ("Conservative thought leaders backed the bill.", "Conservative thought leaders", "backed"),
    ("She has written that the plan failed.", "She", "has written"),
    ("Polls have shown that support fell.", "Polls", "have shown"),
    ("The mayor declined to comment.", "The mayor", "declined"),
    ("The senator declined an interview.", "The senator", "declined"),
    ("She suspected that the vote was rigged.", "She", "suspected"),
    ("Cruz knocked Rubio on trade.", "Cruz", "knocked"),
    ("He backed away from the plan.", "He", "backed"),
    ("He is thinking that the plan will fail.", "He", "is thinking"),
    ("He told her the plan had failed.", "He", "told"),
    ("The coach told them to run.", "The coach", "told"),
    ("Trump attacked her over the emails.", "Trump", "attacked"),
    ("She attacked him as a liar.", "She", "attacked"),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), CLAIMS)
def test_claim(text: str, speaker: str, cue: str) -> None:
    """The same cues with the complement of saying still give their claim."""
    assert [(s, c) for s, c, _ in found(text)] == [(speaker, cue)]


def test_a_clause_of_adding_inside_a_claim_is_no_second_claim() -> None:
    """Only the noting is a claim: its content adds, says nothing."""
    text = "Social media has added another link to the misinformation chain, she noted."
    assert found(text) == [
        ("she", "noted", ["Social media has added another link to the misinformation chain"])
    ]


def test_the_participle_of_adding_inherits_its_speaker() -> None:
    """A participle "adding that …" is still the speaker's second claim; "adding to …" is none."""
    claims = found("The governor said the roads were closed, adding that crews were at work.")
    assert [c for _, c, _ in claims] == ["said", "adding"]
    claims = found("The governor said the roads were closed, adding to the delays.")
    assert [c for _, c, _ in claims] == ["said"]


@pytest.mark.parametrize("lemma", sorted(rules.complements()))
def test_complements_are_cue_lemmas(lemma: str) -> None:
    """Every ``[complements]`` key is the lemma of a cue verb (else it would never apply)."""
    assert lemma in rules.classes()


def test_an_attack_and_a_cue_after_it_are_two_claims() -> None:
    """A cue after "and" makes the attack verbal: both claims stay, the second inherits."""
    claims = found("The senator attacked him and called him a liar.")
    expected = [("The senator", "attacked"), ("The senator", "called")]
    assert [(s, c) for s, c, _ in claims] == expected


def test_want_takes_no_that_clause() -> None:
    """The content of "want" starts after the cue, not at a later "that"."""
    claims = found("They want to believe that wages can rise.")
    assert claims == [("They", "want", ["to believe that wages can rise"])]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a claim in a relative clause ends where the sentence's predicate starts
        (
            "The woman who reported that she added a third breast was most likely lying.",
            "that she added a third breast",
        ),
        (
            "The man who claimed he had won the lottery was arrested on Friday.",
            "he had won the lottery",
        ),
        (
            "Voters who said the economy was most important were evenly divided.",
            "the economy was most important",
        ),
        # a verb of the content's own clause stays: none follows a first verb
        (
            "The critics who say the plan is too costly met on Monday.",
            "the plan is too costly met on Monday",
        ),
        # an inner clause ("who were gay") or a cue verb inside: the second verb may be
        # the inner clause's, so the content is left whole
        (
            "Those who said people who were gay were treated unfairly spoke first.",
            "people who were gay were treated unfairly spoke first",
        ),
        (
            "Voters who said they had heard the economy was weak chose him.",
            "they had heard the economy was weak chose him",
        ),
    ],
)
def test_a_relative_clause_content_ends_before_the_sentence_predicate(
    sentence: str, content: str
) -> None:
    """ "X who said Y was Z": Y is what was said, "was Z" is said of X (PolNeAR train)."""
    claims = [c for c in found(sentence) if c[0] in ("who", "Those who")]
    assert [c[2] for c in claims] == [[content]]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a claim in a sentence-opening adverbial clause ends where the main clause starts
        (
            "Although Republicans claim that the law failed, that isn’t true.",
            "that the law failed",
        ),
        (
            "While Ramos said that journalists cannot take sides, he was uneasy about it.",
            "that journalists cannot take sides",
        ),
        (
            "While she never mentioned Sanders by name, Clinton called her rival timid.",
            "Sanders by name",
        ),
        # a subordinator inside the content takes the first comma for its own clause
        (
            "Although Republicans claim that even if the law cut the uninsured rate, its "
            "enrollees had trouble seeing a doctor, that isn’t true.",
            "that even if the law cut the uninsured rate, its enrollees had trouble seeing a "
            "doctor",
        ),
        # no main clause after the comma (an appositive, no verb): the content is whole
        (
            "While the company claims that its base grew, a fact few dispute.",
            "that its base grew, a fact few dispute",
        ),
        # not opened by a subordinator: the content is whole, as before
        (
            "Republicans claim that the law failed, the uninsured rate rose.",
            "that the law failed, the uninsured rate rose",
        ),
    ],
)
def test_a_claim_in_an_opening_adverbial_clause_ends_at_the_main_clause(
    sentence: str, content: str
) -> None:
    """ "Although X claims Y, Z": Y is what X claims, Z is the writer's main clause."""
    assert [c[2] for c in found(sentence)][:1] == [[content]]
