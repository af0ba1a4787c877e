"""Boilerplate and repeated blocks: line markers, footers, trailing bios, widgets, repeats."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract.boilerplate import excluded_regions
from provenance.model import Region

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TITLE = "Senate passes the budget after a long night"
PROSE = (
    "The Senate passed the budget on Tuesday after a debate that ran through the night, "
    "and the governor said he would sign it."
)
MORE = (
    "Opponents said the plan would cut school funding, a claim the budget office disputed "
    "in a report released on Wednesday."
)


def _reasons(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.reason) for r in excluded_regions(text)]


def _in_middle(line: str) -> list[tuple[str, str]]:
    return _reasons(f"{TITLE}\n\n{PROSE}\n\n{line}\n\n{MORE}\n")


# (a line in the middle of an article, the reason it is excluded or None)
LINE_ROWS = [
    (
        "Share on Facebook Share on Twitter Share on LinkedIn Share in Email Print article",
        "share-buttons",
    ),
    ("Share this article", "share-buttons"),
    ("Tweet this on Twitter", "share-buttons"),
    ("- Advertisement -", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Written by Justin Leopold-Cohen", "byline"),
    ("By Jane Doe and John Roe, USA TODAY", "byline"),
    ("By MAGGIE HABERMAN", "byline"),
    ("Related: Trump rallies in Ohio", "related"),
    ("Read the rest of the story at Mediaite.", "read-more"),
    ("Read more at Business Insider", "read-more"),
    ("You've reached your daily free article limit.", "paywall"),
    ("You’ve reached your monthly limit of free articles.", "paywall"),
    ("Subscribe and support our veteran writing staff to continue reading.", "paywall"),
    ("Subscribe to HuffPost’s politics podcast here.", "paywall"),
    ("Already a subscriber? Sign in", "paywall"),
    ("TRY 30 DAYS FREE", "paywall"),
    ("Get unlimited digital access for $1 a week", "paywall"),
    ("Sign up for our free daily newsletter", "paywall"),
    (
        "Enjoy unlimited digital access to our coverage and support independent journalism "
        "written by people who were there. Already a subscriber?",
        "paywall",
    ),
    ("About the author: Jane Doe is a fellow at the Brookings Institution.", "bio"),
    ("About SOFREP News Team View All Posts", "bio"),
    ("Disclaimer: The views expressed are the author’s own.", "disclaimer"),
    ("The views and opinions expressed in this article are those of the author.", "disclaimer"),
    (
        "Editor’s note: This story has been updated with a statement from the campaign.",
        "disclaimer",
    ),
    ("This story has been updated with additional reactions from Congress.", "disclaimer"),
    ("Correction: An earlier version of this story misstated the date.", "disclaimer"),
    ("Print Friendly, PDF & Email", "print"),
    ("Image courtesy of vox.com", "image-credit"),
    ("Photo by John Smith", "image-credit"),
    ("Photo: Jane Roe for The Times", "image-credit"),
    ("John Moore/Getty Images.", "image-credit"),
    ("Getty.", "image-credit"),
    ("Follow Pam Key on Twitter @pamkeyNEN.", "social"),
    ("Like us on Facebook", "social"),
    ("Do you support Ted Cruz? Like the page:", "social"),
    ("We Are Sorry,This video is restricted from playingEcode: 11.", "video"),
    ("ABSTRACT.", "section-label"),
    ("Tags: election, budget, Senate", "section-label"),
    # negative rows: prose that merely mentions the words
    ("He urged supporters to share the video on Facebook before the rally, aides said.", None),
    ("Few people subscribe to that view, the senator said in a long interview.", None),
    ("Subscribers to the theory say the government hid the evidence.", None),
    ("Comments by the senator drew criticism from both parties.", None),
    ("Related charges were filed against two other men in federal court.", None),
    ("The advertisement ran in three states, according to the campaign.", None),
    ("By Tuesday, it was over.", None),
    ("By way of social media, the group has inspired attacks in Europe.", None),
    ("Read more about the plan in the bill’s text, which runs to 300 pages.", None),
    ("Getty said the museum would reopen in the spring.", None),
    ("Photos by witnesses showed the crowd pushing toward the stage.", None),
    ("Photo credits aside, the exhibit drew large crowds all week.", None),
    ("Follow the money, the senator told reporters on Capitol Hill.", None),
    ("The author of the bill said the views of voters had changed.", None),
    ("Print media have lost readers for years, the study found.", None),
    ("About 200 people attended, the organizers said.", None),
]


@pytest.mark.parametrize(("line", "reason"), LINE_ROWS)
def test_line_marker(line: str, reason: str | None) -> None:
    """A boilerplate line is excluded with its reason; prose around it is not."""
    expected = [] if reason is None else [(line, reason)]
    assert _in_middle(line) == expected


def test_footer_runs_to_the_end() -> None:
    """'Related Articles' followed only by short lines excludes everything to the end."""
    tail = "Related Articles\n\nBudget vote delayed again\n\n- Advertisement -\n\nLatest Articles"
    text = f"{TITLE}\n\n{PROSE}\n\n{tail}"
    assert _reasons(text) == [(tail, "footer")]


def test_footer_marker_before_prose_is_one_line() -> None:
    """A footer marker followed by more article prose excludes only its own line."""
    text = f"{TITLE}\n\n{PROSE}\n\nRelated Articles\n\n{MORE}"
    assert _reasons(text) == [("Related Articles", "related")]


def test_comments_footer() -> None:
    """'COMMENTS' and the comment prompt after it are a footer."""
    tail = "COMMENTS\n\nYou must become a subscriber or login to view or post comments."
    assert _reasons(f"{TITLE}\n\n{PROSE}\n\n{tail}\n") == [(tail, "footer")]


TRAILING = [
    (
        "Jane Doe is a senior fellow at the Brookings Institution and a columnist for the Post.",
        "bio",
    ),
    ("Gaudiano is a Washington-based reporter for the USA TODAY NETWORK.", "bio"),
    (
        "The Daily Planet is an independent news organization based in Metropolis that has "
        "covered the city since 1938.",
        "self-description",
    ),
    (
        "The Acme News Team is a collective of professional military journalists. "
        "Its editor lives in Ohio.",
        "self-description",
    ),
]


@pytest.mark.parametrize(("paragraph", "reason"), TRAILING)
def test_trailing_paragraph(paragraph: str, reason: str) -> None:
    """Bios and site descriptions are excluded at the end of the text."""
    assert _reasons(f"{TITLE}\n\n{PROSE}\n\n{paragraph}\n") == [(paragraph, reason)]


@pytest.mark.parametrize(("paragraph", "reason"), TRAILING)
def test_trailing_rules_spare_the_body(paragraph: str, reason: str) -> None:
    """The same paragraphs in the body of the article are prose, not boilerplate."""
    assert _reasons(f"{TITLE}\n\n{paragraph}\n\n{PROSE}\n") == []


def test_widget_block() -> None:
    """Short lines with a temperature or date above the title are a widget."""
    widget = "72°F\nNew York\nMonday, June 5, 2017"
    assert _reasons(f"{widget}\n\n{TITLE}\n\n{PROSE}") == [(widget, "widget")]


def test_no_widget_without_weather_or_date() -> None:
    """A short first block without a temperature or date is left alone (it is the title)."""
    assert _reasons(f"World\n\n{TITLE}\n\n{PROSE}") == []


def test_repeats_are_marked() -> None:
    """Every repeat of a long enough line (whitespace-normalised) is excluded, not the first."""
    text = f"{TITLE}\n\n{PROSE}\n\n{MORE}\n\n{PROSE.replace(' ', '  ')}\n\n{MORE}\n"
    regions = excluded_regions(text)
    assert [r.reason for r in regions] == ["repeat"]
    assert text[regions[0].start : regions[0].end].split() == f"{PROSE}\n\n{MORE}".split()


def test_short_repeats_are_kept() -> None:
    """A short repeated line ('He said no.') is not a repeated block."""
    assert _reasons(f"{TITLE}\n\nHe said no.\n\n{PROSE}\n\nHe said no.\n") == []


SEED_REASONS = {
    "000": ["widget", "footer"],
    "001": [],
    "002": ["share-buttons", "byline", "bio", "disclaimer"],
    "003": ["print"],
    "004": ["paywall", "repeat", "footer"],
}


@pytest.mark.parametrize("seed", sorted(SEED_REASONS))
def test_seed_regions(seed: str) -> None:
    """The seed articles lose exactly their boilerplate and repeated blocks."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    regions = excluded_regions(path.read_text(encoding="utf-8"))
    assert [r.reason for r in regions] == SEED_REASONS[seed]


def test_seed_004_repeat_is_the_whole_copy() -> None:
    """Seed 004's article copy after the paywall notice is excluded up to its new paragraph."""
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    repeat = next(r for r in excluded_regions(text) if r.reason == "repeat")
    assert text[repeat.start :].startswith("Libya has become")
    assert text[repeat.end :].lstrip().startswith("The effort paid off")


def _well_formed(regions: tuple[Region, ...], text: str) -> bool:
    inside = all(0 <= r.start < r.end <= len(text) for r in regions)
    ordered = all(a.end <= b.start for a, b in itertools.pairwise(regions))
    return inside and ordered


@given(st.text())
def test_regions_well_formed(text: str) -> None:
    """Regions lie inside the text, are sorted and never overlap."""
    assert _well_formed(excluded_regions(text), text)


LINES = st.sampled_from(
    ["Related Articles", "COMMENTS", "- Advertisement -", PROSE, MORE, "", "72 F", "By Jo Ma"]
)


@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_regions_well_formed_on_pages(lines: list[str], newline: str) -> None:
    """Pages built from boilerplate and prose give well-formed regions that are not blank."""
    text = newline.join(lines)
    regions = excluded_regions(text)
    assert _well_formed(regions, text)
    assert all(text[r.start : r.end].strip() for r in regions)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("© 2017 The Daily Planet. All rights reserved.", "copyright"),
        ("Copyright 2016 Acme Media, Inc.", "copyright"),
        ("Copyright law was the subject of the hearing, the senator said.", None),
    ],
)
def test_copyright_line(line: str, reason: str | None) -> None:
    """A copyright line is boilerplate; prose about copyright is not."""
    expected = [] if reason is None else [(line, reason)]
    assert _in_middle(line) == expected
