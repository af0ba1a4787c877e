"""Speaker names across documents."""

from __future__ import annotations

import pytest

from provenance.relate.speakers import canonical_speaker, group_speakers


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("President Donald Trump", "Donald Trump"),
        ("Donald Trump", "Donald Trump"),
        ("Deputy Foreign Minister Gennady Gatilov", "Gennady Gatilov"),
        ("Israeli Major-General Yoav Mordechai", "Yoav Mordechai"),
        ("A spokesman for the Chinese foreign ministry", "Chinese foreign ministry"),
        ("the Israeli army spokesman", "Israeli army"),
        ("The Russian Defense Ministry’s", "Russian Defense Ministry"),
        ("Mr. Smith", "Smith"),
        ("sources in the Russian foreign ministry", "sources in the Russian foreign ministry"),
        ("President", "President"),
        # an aside after a comma is not the speaker's name
        ("Prince Naif, whose ascension many hoped would end this", "Naif"),
        ("The man, who sustained cuts and bruises", "man"),
        ("Jo-Renee Formicola, political science professor at Seton Hall", "Jo-Renee Formicola"),
        ("The campaign’s spokesman, Brian Fallon", "campaign"),
    ],
)
def test_canonical_speaker(name: str, canonical: str) -> None:
    """Titles go, a spokesman becomes his body, a nationality stays on a body."""
    assert canonical_speaker(name) == canonical


def test_group_joins_a_surname_to_its_one_full_name() -> None:
    """ "Trump" joins "Donald Trump"; "Smith" with two full names stays alone."""
    groups = group_speakers(
        ["President Donald Trump", "Trump", "Smith", "John Smith", "Jane Smith"]
    )
    assert groups["Trump"] == groups["President Donald Trump"] == "Donald Trump"
    assert groups["Smith"] == "Smith"
    assert groups["John Smith"] != groups["Jane Smith"]


@pytest.mark.parametrize(
    ("names", "name", "group"),
    [
        (["Justice Department", "Justice"], "Justice", "Justice Department"),
        (["the Justice Department"], "the Justice Department", "Justice Department"),
        (["Donald Trump's", "Trump"], "Trump", "Donald Trump"),
        (["Sen. Ted Cruz", "Mr. Cruz", "Cruz's"], "Cruz's", "Ted Cruz"),
        (["Bill Clinton", "William Clinton"], "Bill Clinton", "William Clinton"),
        (["Bill Clinton", "William Clinton", "Clinton"], "Clinton", "William Clinton"),
        (["Bob Corker", "Sen. Robert Corker"], "Bob Corker", "Robert Corker"),
        (["Marc E. Elias", "Marc Elias", "Elias"], "Elias", "Marc E. Elias"),
        (
            ["Douglas Holtz-Eakin, an economist", "Holtz-Eakin"],
            "Holtz-Eakin",
            "Douglas Holtz-Eakin",
        ),
        (
            ["House Oversight Committee Chairman Jane Roe", "Jane Roe", "Roe"],
            "Roe",
            "Jane Roe",
        ),
    ],
)
def test_group_joins(names: list[str], name: str, group: str) -> None:
    """One person or body, one canonical name: title and possessive stripped."""
    assert group_speakers(names)[name] == group


@pytest.mark.parametrize(
    ("names", "a", "b"),
    [
        (["The Post", "New York Post"], "The Post", "New York Post"),
        (["Post", "Washington Post"], "Post", "Washington Post"),
        (["the former president", "NAACP President"], "the former president", "NAACP President"),
        (
            ["president", "Cornell William Brooks President"],
            "president",
            "Cornell William Brooks President",
        ),
        (["Bill Clinton", "Hillary Clinton"], "Bill Clinton", "Hillary Clinton"),
        (["Clinton", "Bill Clinton", "Hillary Clinton"], "Clinton", "Hillary Clinton"),
        (["Clinton", "Bill Clinton", "Hillary Clinton"], "Clinton", "Bill Clinton"),
        (["the campaign", "Trump Campaign"], "the campaign", "Trump Campaign"),
        (["Ted Cruz", "Edward Cruz"], "Ted Cruz", "Edward Cruz"),
        (["Jack Lew", "John Lew"], "Jack Lew", "John Lew"),
        (
            ["Bill Clinton", "William Clinton", "Hillary Clinton", "Clinton"],
            "Clinton",
            "Bill Clinton",
        ),
    ],
)
def test_group_never_joins(names: list[str], a: str, b: str) -> None:
    """A wrong merge is worse than a missed one: these stay apart."""
    groups = group_speakers(names)
    assert groups[a] != groups[b]


def test_a_common_noun_joins_the_one_body_it_ends() -> None:
    """ "the center" joins "The West Point center" (the seed report shows it once)."""
    assert group_speakers(["The West Point center", "the center"])["the center"] == (
        "West Point center"
    )
