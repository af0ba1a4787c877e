"""Document provenance read from the text: title, author, publisher, date, URL, origin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from provenance.extract.boilerplate import excluded_regions
from provenance.extract.meta import read_meta
from provenance.model import DocMeta

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = (
    "The Senate passed the budget on Tuesday after a debate that ran through the night, "
    "and the governor said he would sign it."
)


def _meta(text: str) -> DocMeta:
    return read_meta(text, excluded_regions(text))


def _page(header: str = "", footer: str = "") -> str:
    return f"{header}\n\nSenate passes the budget after a long night\n\n{BODY}\n\n{footer}\n"


# (header lines, footer lines, field, expected value)
ROWS = [
    # title: the first substantive line that is not boilerplate
    ("World", "", "title", "Senate passes the budget after a long night"),
    (
        "72 F\nBoston\nMonday, June 5, 2017",
        "",
        "title",
        "Senate passes the budget after a long night",
    ),
    ("", "", "title", "Senate passes the budget after a long night"),
    # author
    ("Written by Jane Doe", "", "author", "Jane Doe"),
    ("By Maggie Haberman and Alan Rappeport", "", "author", "Maggie Haberman"),
    ("By JOHN SMITH, Associated Press", "", "author", "JOHN SMITH"),
    ("Author: Ana de Souza", "", "author", "Ana de Souza"),
    (
        "",
        "About the author: Jane Doe completed her degree at Clark University.",
        "author",
        "Jane Doe",
    ),
    ("", "Follow Ian Hanchett on Twitter @IanHanchett", "author", "Ian Hanchett"),
    ("", "", "author", ""),
    ("By Tuesday, it was over.", "", "author", ""),
    # publisher: from the footer only
    ("", "More from SOFREP\n\nTRY 14 DAYS FREE", "publisher", "SOFREP"),
    ("", "© 2017 The Daily Planet. All rights reserved.", "publisher", "Daily Planet"),
    ("", "Copyright 2016 Acme Media, Inc.", "publisher", "Acme Media"),
    (
        "",
        "Related Articles\n\nThe Metro Coalition's Capital Ledger (CL) is the premier news and "
        "information resource for the capital region.",
        "publisher",
        "Capital Ledger",
    ),
    ("", "About Acme News Team View All Posts", "publisher", "Acme"),
    ("", "", "publisher", ""),
    # published: a date line in the header (or in boilerplate)
    ("Friday, March 29, 2024", "", "published", dt.date(2024, 3, 29)),
    ("Published: June 23, 2017", "", "published", dt.date(2017, 6, 23)),
    ("Updated 2016-10-03", "", "published", dt.date(2016, 10, 3)),
    ("", "", "published", None),
    # a date beside the weather is the day the page was viewed, not published
    ("72°F\nNew York\nMonday, June 5, 2017", "", "published", None),
    ("Partly cloudy\nMonday, June 5, 2017", "", "published", None),
    ("New York\nMonday, June 5, 2017", "", "published", dt.date(2017, 6, 5)),
    # url: a bare site URL in the header or boilerplate, not a link in prose
    (
        "",
        "Related Articles\n\nCapital Ledgerhttp://www.capledger.us",
        "url",
        "http://www.capledger.us",
    ),
    ("www.example.org", "", "url", "www.example.org"),
    ("", "See http://example.com/report.pdf for the full report.", "url", ""),
    # origin: syndication and wire credits
    ("", "Read more at War on the Rocks", "origin", "War on the Rocks"),
    ("", "Read the rest of the story at The New York Post.", "origin", "The New York Post"),
    ("", "This article originally appeared on The Conversation.", "origin", "The Conversation"),
    ("", "h/t: The Hill.", "origin", "The Hill"),
    ("", "The Associated Press contributed to this report.", "origin", "Associated Press"),
    ("", "Source: NATO.", "origin", ""),
    ("", "Via legislative side doors, Sanders made some gains.", "origin", ""),
    ("By Jane Roe, Associated Press", "", "origin", "Associated Press"),
    ("By Jane Roe, Associated Press", "", "author", "Jane Roe"),
    ("By Jane Roe | Reuters", "", "origin", "Reuters"),
    ("By Jane Roe, staff writer", "", "origin", ""),
    ("", "Distributed by Tribune Content Agency.", "origin", "Tribune Content Agency"),
    ("", "Reprinted with permission from The Conversation.", "origin", "The Conversation"),
    ("", "", "origin", ""),
]


@pytest.mark.parametrize(("header", "footer", "field", "expected"), ROWS)
def test_meta_field(header: str, footer: str, field: str, expected: object) -> None:
    """Each field is read from the line that carries it, and left empty otherwise."""
    assert getattr(_meta(_page(header, footer)), field) == expected


DATELINES = [
    ("WASHINGTON (AP) — Democrats said on Monday that", "Associated Press"),
    ("NEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary", "United Press International"),
    ("MACAU (Reuters) – Top Republican Party donor Sheldon Adelson", "Reuters"),
    ("New York (AFP) – Oscar-winning actress Susan Sarandon", "Agence France-Presse"),
    ("(CNN) — Democrats said on Monday that", "CNN"),
    ("(Reuters) - Democrats said on Monday that", "Reuters"),
    ("WASHINGTON — Democrats said on Monday that", ""),
    ("The AP (Associated Press) reported that", ""),
]


@pytest.mark.parametrize(("first", "origin"), DATELINES)
def test_wire_dateline(first: str, origin: str) -> None:
    """A wire dateline credits the agency as the origin."""
    text = f"Budget passes\n\n{first} the budget passed.\n"
    assert _meta(text).origin == origin


LEDE = (
    "A Florida cat that was hit by a car and buried by its owner clawed its way out of "
    "the grave five days later and walked back home, the animal shelter said on Monday."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"{LEDE}\n\nThe owner said he was stunned.\n", id="lede then short line"),
        pytest.param(f"{LEDE} {BODY}\n\nThe owner said he was stunned.\n", id="long paragraph"),
    ],
)
def test_a_body_that_opens_with_a_paragraph_has_no_title(text: str) -> None:
    """A first line of more words than a headline has is the lede (the first sentence of
    a title-less body), and a later paragraph is no title either."""
    assert _meta(text).title == ""


@pytest.mark.xfail(strict=True, reason="an outlet's name in its own prose is not read")
def test_publisher_from_prose() -> None:
    """'DEBKA Weekly’s counterterrorism sources say' names the publisher only implicitly."""
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    assert _meta(text).publisher == "DEBKA Weekly"


SEED_META = {
    "000": DocMeta(
        title="A Glimpse into the Islamic State’s External Operations, Post-Caliphate",
        publisher="Homeland Security Today",
        viewed=dt.date(2024, 3, 29),
        url="http://www.hstoday.us",
        origin="War on the Rocks",
    ),
    "001": DocMeta(title="In Retreat in Home, the Islamic State Spreads Terror Further Abroad"),
    "002": DocMeta(
        title="The Islamic State is Losing at Home but Gaining Abroad",
        author="Justin Leopold-Cohen",
    ),
    "003": DocMeta(title="ISIS’ Global Terror Is Resistant to Losses in Syria, Iraq"),
    "004": DocMeta(
        title="ISIS’ backup plan is falling apart",
        publisher="SOFREP",
        origin="Business Insider",
    ),
}


@pytest.mark.parametrize("seed", sorted(SEED_META))
def test_seed_meta(seed: str) -> None:
    """The seed articles' provenance is what their text shows, and nothing more."""
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    assert _meta(text) == SEED_META[seed]
