"""Pronoun speakers resolved to names."""

from __future__ import annotations

import pytest

from provenance import tables
from provenance.extract import pipeline, speakers
from provenance.model import Claim, Document, Kind, Span, Stance


def names(text: str) -> list[tuple[str, str]]:
    """(speaker as written, speaker name) for every claim of ``text``."""
    found = pipeline.extract(Document(path="t.txt", text=text))
    return [(c.speaker.text, c.speaker_name) for c in found if c.speaker]


TABLE = [
    (
        "Senator Jane Roe spoke in Ohio. She said the plant would close.",
        [("She", "Senator Jane Roe")],
    ),
    (
        "Trump said the wall works. He said it was cheap, too.",
        [("Trump", "Trump"), ("He", "Trump")],
    ),
    (
        "The plan came from Mayor Bill Stone, who said it was cheap.",
        [("who", "Mayor Bill Stone")],
    ),
    ("he said the plant would close.", [("he", "he")]),
    # after his own words, a speaker is not a name inside them
    (
        "Angie Holan studies rumours. Social media spreads them faster than ever, she noted.",
        [("she", "Angie Holan")],
    ),
    (
        "Carly Fiorina spoke in Ohio. “I met the workers of New Delhi,” she said.",
        [("she", "Carly Fiorina")],
    ),
    # "it" stands for no person: after a person's name it stays as written
    (
        "The joke ended up in a Seth Meyers monologue. The first report was in Russian, "
        "and it says nothing about the singer.",
        [("it", "it")],
    ),
    ("Mr. Daniloff spoke in Moscow. It said the talks had failed.", [("It", "It")]),
    # ... but a thing a person owns, or a name of no person, it may stand for
    (
        "Mrs. Clinton's campaign said the plan was bad. It said the plant would close.",
        [("Mrs. Clinton's campaign", "Mrs. Clinton's campaign"), ("It", "Mrs. Clinton's campaign")],
    ),
    (
        "The Philippine Star ran the story. It said the plant would close.",
        [("It", "Philippine Star")],
    ),
    # "he" and "she" stand for no plural noun, claim noun or outlet
    (
        "The senator's aides said the deal was bad. He said the plant would close.",
        [("The senator's aides", "The senator's aides"), ("He", "He")],
    ),
    # a capitalised word never written in lower case is a name ("Woods"), even plural
    (
        "Woods said the deal was bad. He said the plant would close.",
        [("Woods", "Woods"), ("He", "Woods")],
    ),
    (
        "The New York Times said the deal was bad. She said the plant would close.",
        [("The New York Times", "The New York Times"), ("She", "She")],
    ),
    # ... but for a person whose name ends in an outlet's word they do
    (
        "Mayor Don Guardian spoke on Friday. He said the plant would close.",
        [("He", "Mayor Don Guardian")],
    ),
    # a name ends with its sentence: no "Tampa, Florida. Here" (nor its period), but
    # an abbreviation's or an initial's period is no sentence end
    (
        "She is a young lady from Tampa, Florida. Here is an interview. She said it was cheap.",
        [("She", "She")],
    ),
    (
        "The plan came from Senator Jane Roe. It was cheap. They said the plant would close.",
        [("They", "Senator Jane Roe")],
    ),
    (
        "The plan came from Sen. John Q. Public. They said the plant would close.",
        [("They", "Sen. John Q. Public")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_pronoun_names(text: str, expected: list[tuple[str, str]]) -> None:
    """A pronoun takes the nearest earlier speaker or name; with none it stays as written."""
    assert names(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"), [("he", True), ("They", True), ("Trump", False), ("the", False)]
)
def test_is_pronoun(word: str, expected: bool) -> None:
    """Pronouns are recognised whatever their case; names and articles are not pronouns."""
    assert speakers.is_pronoun(word) is expected


SURNAMES = [
    ("Sen. Ted Cruz spoke in Iowa. Cruz said the plan would fail.", "Ted Cruz"),
    ("Sen. Ted Cruz spoke in Iowa. Mr. Cruz said the plan would fail.", "Ted Cruz"),
    (
        "Bill Clinton and William Clinton spoke. Clinton said the plan would fail.",
        "William Clinton",
    ),
    # two people, or no full name: the surname stays as written
    ("Hillary Clinton and Bill Clinton spoke. Clinton said the plan would fail.", "Clinton"),
    ("George W. Bush and George H.W. Bush spoke. Bush said the plan would fail.", "Bush"),
    ("Cruz said the plan would fail.", "Cruz"),
    # a full name at a sentence end is the same name without its period
    ("The plan came from Sen. Ted Cruz. Cruz said the plan would fail.", "Ted Cruz"),
]


@pytest.mark.parametrize(("text", "name"), SURNAMES)
def test_surname_joins_the_full_name_of_its_document(text: str, name: str) -> None:
    """A bare surname takes the one person's full name in its document; with two people
    of that surname (a short form is no second person) or none it stays as written."""
    assert names(text)[-1][1] == name


OUTLETS = sorted(tables.load("extract/rules")["speakers"]["outlet_examples"].items())


@pytest.mark.parametrize(("text", "name"), OUTLETS)
def test_outlet_references(text: str, name: str) -> None:
    """ "The newspaper" and a short form "The Post" name the outlet named before them;
    with none named they stay as written (rules.toml outlet_examples)."""
    assert names(text)[-1][1] == name


CUTS = sorted(tables.load("extract/rules")["speakers"]["cut_examples"].items())


@pytest.mark.parametrize(("found", "kept"), CUTS)
def test_cut_examples(found: str, kept: str) -> None:
    """A speaker span ends before an aside after a comma; an appositive stays (rules.toml)."""
    assert speakers.cut(found).rstrip(" ,") == kept


def test_cut_in_the_pipeline() -> None:
    """The claim's speaker span and name lose the aside: "Gates, in contrast, told …"."""
    found = names("Gates, in contrast, told reporters that the plan would fail.")
    assert ("Gates", "Gates") in found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The new ad shows footage of Senator Roe saying: “We will cut taxes.”", "Senator Roe"),
        ("The ad ends with a clip of Mayor Stone warning that taxes will rise.", "Mayor Stone"),
        # negative row: a cue that is no -ing form keeps the recording as the source
        ("A video of the meeting shows the mayor left early.", "A video of the meeting"),
    ],
)
def test_recorded_speaker_before_an_ing_cue(text: str, speaker: str) -> None:
    """Before an -ing cue, a recording of someone (footage, a video, a clip of X) is X
    speaking: the speaker starts after the recording."""
    assert names(text)[0] == (speaker, speaker)


SPEAKERS = tables.load("extract/rules")["speakers"]


@pytest.mark.parametrize("speaker", SPEAKERS["not_source_examples"])
def test_not_a_source(speaker: str) -> None:
    """A number, a date, a verb form or a lone adverb is no source (rules.toml rows)."""
    assert not speakers.is_source(speaker)


@pytest.mark.parametrize("speaker", SPEAKERS["not_source_counterexamples"])
def test_a_source(speaker: str) -> None:
    """People, groups, pronouns, counts of people and names stay sources."""
    assert speakers.is_source(speaker)


@pytest.mark.parametrize(
    ("speaker", "source"),
    [
        ("March 3", False),
        ("last March", False),
        ("on Tuesday", False),
        ("Monday", False),
        ("Sept. 12, 2016", False),
        ("May", True),
        ("Jun", True),
        ("Monday Morning Quarterback", True),
    ],
)
def test_dates_are_no_source(speaker: str, source: bool) -> None:
    """A date is no source; a month name alone may be a name ("May said")."""
    assert speakers.is_source(speaker) is source


def test_no_source_leaves_the_claim_without_speaker() -> None:
    """A claim whose "speaker" is a year keeps its cue and content, with no speaker."""
    text = "2012 said the plant would close."
    claim = Claim(
        id="c-1",
        doc="t.txt",
        speaker=Span.of(text, 0, 4),
        cue=Span.of(text, 5, 9),
        content=(Span.of(text, 10, 32),),
        kind=Kind.INDIRECT,
        stance=Stance.ASSERTS,
        speaker_name="2012",
    )
    (found,) = speakers.resolve(text, (claim,))
    assert found.speaker is None and found.speaker_name == ""
    assert found.content == claim.content
