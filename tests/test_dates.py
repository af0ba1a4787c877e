"""Statement dates: written, weekday-fixed, relative and inherited dates, with their basis."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract import datementions
from provenance.extract.datementions import find_mentions, parse_full_date
from provenance.extract.dates import resolve_dates, statement_date
from provenance.extract.reader import parse_document
from provenance.model import DateBasis, DocMeta, Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
D = dt.date
EXPLICIT, INFERRED = DateBasis.EXPLICIT, DateBasis.INFERRED
DOCUMENT, UNKNOWN = DateBasis.DOCUMENT, DateBasis.UNKNOWN


def _date_of(text: str, sentence: str, published: dt.date | None) -> tuple[object, DateBasis]:
    document = Document("t.txt", text, DocMeta(published=published))
    start = text.index(sentence)
    return statement_date(document, start, start + len(sentence))


# (text, the sentence asked about, document date, expected date, expected basis)
ROWS = [
    # written dates with a year
    ("On March 7, 2017, the army said it held the bank.", None, None, D(2017, 3, 7), EXPLICIT),
    ("She said on 21 April 2019 that she would run.", None, None, D(2019, 4, 21), EXPLICIT),
    ("The filing, dated 2016-10-03, says so.", None, None, D(2016, 10, 3), EXPLICIT),
    ("Officials said Sept. 26, 2016, that it was over.", None, None, D(2016, 9, 26), EXPLICIT),
    # month-day dates placed in the document's year (nearest the document date)
    (
        "Trump announced on Mar. 23 that it was over.",
        None,
        D(2019, 4, 25),
        D(2019, 3, 23),
        EXPLICIT,
    ),
    ("He said on Dec. 5 that he would run.", None, D(2016, 1, 10), D(2015, 12, 5), EXPLICIT),
    # a weekday fixes the year: latest not after the document date
    (
        "The senator said Wednesday, Nov. 9, that it was over.",
        None,
        D(2016, 11, 12),
        D(2016, 11, 9),
        EXPLICIT,
    ),
    (
        "The ministry said on Sunday, Apr. 21, it had evidence.",
        None,
        D(2024, 3, 29),
        D(2019, 4, 21),
        EXPLICIT,
    ),
    # ... with no document date: earliest not before the latest year in the text
    (
        "In 2015 it began. On Monday, Jan. 4, she said it was over.",
        "On Monday",
        None,
        D(2016, 1, 4),
        EXPLICIT,
    ),
    # weekday-fixed dates anchor the other month-day dates of the text
    (
        "Friday, March 29, 2024\n\nHe said on Mar. 23 it was won. "
        "It came on Easter Sunday, Apr. 21.",
        "He said on Mar. 23 it was won.",
        D(2024, 3, 29),
        D(2019, 3, 23),
        EXPLICIT,
    ),
    # weekdays and relative dates against the document date
    ("Clinton said Monday that she was fine.", None, D(2016, 9, 14), D(2016, 9, 12), EXPLICIT),
    ("He said last Friday that he was fine.", None, D(2016, 9, 16), D(2016, 9, 9), EXPLICIT),
    ("He told CBS on Sunday that he was ready.", None, D(2016, 9, 18), D(2016, 9, 18), EXPLICIT),
    ("The mayor said yesterday that it was safe.", None, D(2016, 9, 14), D(2016, 9, 13), EXPLICIT),
    ("Two days ago the mayor said it was safe.", None, D(2016, 9, 14), D(2016, 9, 12), EXPLICIT),
    ("The mayor said last month that it was safe.", None, D(2016, 3, 31), D(2016, 2, 29), EXPLICIT),
    # relative dates against a date told just before in the paragraph: inferred
    (
        "On June 7, 2016, the bill passed. The next day, aides said it was a mistake.",
        "The next day, aides said it was a mistake.",
        None,
        D(2016, 6, 8),
        INFERRED,
    ),
    (
        "On Monday, Oct. 3, 2016, he said no. Three days later, on Thursday, she said yes.",
        "Three days later, on Thursday, she said yes.",
        None,
        D(2016, 10, 6),
        INFERRED,
    ),
    (
        "The vote came Tuesday, Nov. 8, 2016.\nOn Thursday, the governor conceded.",
        "On Thursday, the governor conceded.",
        D(2016, 11, 20),
        D(2016, 11, 10),
        INFERRED,
    ),
    (
        "The raid came on June 7, 2016.\nIt was short.\nTen days later, the police said more.",
        "Ten days later, the police said more.",
        None,
        D(2016, 6, 17),
        INFERRED,
    ),
    # a year-less date with no anchor takes the year of the last written full date
    (
        "On March 7, 2017, it fell. On March 6 of this year, rebels took a road.",
        "On March 6 of this year, rebels took a road.",
        None,
        D(2017, 3, 6),
        INFERRED,
    ),
    # a sentence with no date takes the last date told earlier in its paragraph
    (
        "On Oct. 3, 2016, the campaign released a memo. Aides said it was accurate.",
        "Aides said it was accurate.",
        None,
        D(2016, 10, 3),
        INFERRED,
    ),
    # else the document's date, else unknown
    ("Aides said it was accurate.", None, D(2016, 10, 5), D(2016, 10, 5), DOCUMENT),
    ("Aides said it was accurate.", None, None, None, UNKNOWN),
    ("Two days later, aides said it was accurate.", None, None, None, UNKNOWN),
    ("The mayor said last month that it was safe.", None, None, None, UNKNOWN),
    # negative rows: no date here
    ("“We will vote on Tuesday,” she said.", None, D(2016, 10, 5), D(2016, 10, 5), DOCUMENT),
    ("USA Today reported that it was over.", None, D(2016, 10, 5), D(2016, 10, 5), DOCUMENT),
    ("Homeland Security Today said it was over.", None, D(2016, 10, 5), D(2016, 10, 5), DOCUMENT),
    (
        "They will march 5 miles, he said, and may 3 more.",
        None,
        D(2016, 10, 5),
        D(2016, 10, 5),
        DOCUMENT,
    ),
    ("He said the tally was 2,016 votes.", None, None, None, UNKNOWN),
    ("The meeting at 10:30 went well, he said.", None, D(2016, 10, 5), D(2016, 10, 5), DOCUMENT),
]


@pytest.mark.parametrize(("text", "sentence", "published", "date", "basis"), ROWS)
def test_statement_date(
    text: str, sentence: str | None, published: dt.date | None, date: object, basis: DateBasis
) -> None:
    """Each phrase resolves to the expected date and basis."""
    assert _date_of(text, sentence or text, published) == (date, basis)


@pytest.mark.xfail(strict=True, reason="holidays are not computed (Easter by computus)")
def test_holiday_without_date() -> None:
    """'on Easter Sunday' alone would need the computus."""
    text = "He spoke on Easter Sunday in Rome."
    assert _date_of(text, text, D(2019, 5, 1)) == (D(2019, 4, 21), EXPLICIT)


@pytest.mark.xfail(strict=True, reason="month-year dates ('November of 2016') are not dates")
def test_month_year() -> None:
    """'In November of 2016' has no day: it is not taken as a statement date."""
    text = "In November of 2016 he said so."
    assert _date_of(text, text, None)[0] == D(2016, 11, 1)


SEED_ROWS = [
    ("000", "President Donald Trump announced on Mar. 23", D(2019, 3, 23), EXPLICIT),
    (
        "000",
        "ISIL’s rejoinder came in Sri Lanka on Easter Sunday, Apr. 21",
        D(2019, 4, 21),
        EXPLICIT,
    ),
    (
        "003",
        "The Russian Defense Ministry’s qualified claim Friday, June 16",
        D(2017, 6, 16),
        EXPLICIT,
    ),
    ("003", "On Tuesday, June 20, Deputy Foreign Minister", D(2017, 6, 20), EXPLICIT),
    ("003", "Two days later, on Thursday, sources", D(2017, 6, 22), INFERRED),
    ("003", "Monday, Adam Dzaziri", D(2017, 6, 19), INFERRED),
    ("002", "On March 1, IS released a video", D(2017, 3, 1), INFERRED),
]


@pytest.mark.parametrize(("seed", "sentence", "date", "basis"), SEED_ROWS)
def test_seed_dates(seed: str, sentence: str, date: dt.date, basis: DateBasis) -> None:
    """The seed sentences named in the design resolve to their real dates."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    document = parse_document(path.name, path.read_text(encoding="utf-8"))
    start = document.text.index(sentence)
    assert statement_date(document, start, start + len(sentence)) == (date, basis)


FULL_DATES = [
    ("Friday, March 29, 2024", D(2024, 3, 29)),
    ("June 23, 2017", D(2017, 6, 23)),
    ("Sept. 26, 2016.", D(2016, 9, 26)),
    ("2017-06-23", D(2017, 6, 23)),
    ("23 June 2017", D(2017, 6, 23)),
    ("March 29", None),
    ("He said on March 29, 2024 it was over", None),
    ("February 30, 2017", None),
    ("", None),
]


@pytest.mark.parametrize(("line", "expected"), FULL_DATES)
def test_parse_full_date(line: str, expected: dt.date | None) -> None:
    """Only a line that is exactly one full date is a date line."""
    assert parse_full_date(line) == expected


def test_mentions_do_not_overlap() -> None:
    """Of overlapping expressions the longest is kept ('Tuesday, June 20', not 'Tuesday')."""
    text = "On Tuesday, June 20, and two days later, on Thursday"
    found = [text[m.start : m.end] for m in find_mentions(text)]
    assert found == ["Tuesday, June 20", "two days later", "Thursday"]


@given(st.text(), st.integers(0, 50), st.integers(0, 50), st.none() | st.dates())
def test_never_raises(text: str, start: int, length: int, published: dt.date | None) -> None:
    """Any text, span and document date gives a date (or None) and a basis."""
    document = Document("t.txt", text, DocMeta(published=published))
    date, basis = statement_date(document, start, start + length)
    assert isinstance(basis, DateBasis)
    assert (date is None) == (basis is UNKNOWN)


@given(st.text(alphabet=st.sampled_from("Monday June 12, 2016 ago later two days\n.")))
def test_resolved_in_text_order(text: str) -> None:
    """Resolved dates come in text order and lie inside the text."""
    starts = [r.mention.start for r in resolve_dates(text, None)]
    assert starts == sorted(starts)
    assert all(0 <= s < len(text) for s in starts)


VIEWED_ROWS = [
    # (published, viewed, expected): Sunday, Apr. 21 fell in 2019 and in 2024
    (None, D(2024, 3, 29), D(2019, 4, 21)),
    (None, D(2024, 5, 1), D(2024, 4, 21)),
    (D(2020, 1, 1), D(2024, 5, 1), D(2019, 4, 21)),
    (None, None, D(2024, 4, 21)),
]


@pytest.mark.parametrize(("published", "viewed", "expected"), VIEWED_ROWS)
def test_viewed_day_bounds_weekday_dates(
    published: dt.date | None, viewed: dt.date | None, expected: dt.date
) -> None:
    """Without a publication date, the day the page was viewed bounds a weekday date's year."""
    text = "Weather 2024.\n\nThe attack came on Sunday, Apr. 21, officials said."
    (found,) = resolve_dates(text, published, viewed)
    assert found.date == expected


def test_viewed_day_is_no_statement_date() -> None:
    """A statement with no date of its own is not dated by the day the page was viewed."""
    text = "Officials said the bridge was closed."
    document = Document("t.txt", text, DocMeta(viewed=D(2024, 3, 29)))
    assert statement_date(document, 0, len(text)) == (None, UNKNOWN)


INHERIT_ROWS = [
    (
        "The ministry’s claim Friday, June 16, 2017, that he died on May 28 was a ploy. "
        "The Russians hoped no one would notice.",
        "The Russians hoped no one would notice.",
        D(2017, 6, 16),
    ),
    (
        "On Tuesday, June 20, 2017, he admitted it. Two days later, on Thursday, aides said "
        "more. Officials added that it was over.",
        "Officials added that it was over.",
        D(2017, 6, 22),
    ),
]


@pytest.mark.parametrize(("text", "sentence", "date"), INHERIT_ROWS)
def test_inherits_the_previous_sentence_date(text: str, sentence: str, date: dt.date) -> None:
    """A dateless sentence takes the statement date of the last dated sentence before it."""
    assert _date_of(text, sentence, None) == (date, INFERRED)


@pytest.mark.parametrize(
    "text",
    [
        "He spoke on Monday, two days ago, and again last Friday night.",
        "The vote is set for March 3, 2016, or the 4th of July.",
        "Filed 2016-03-04; heard in May and in March, a month later.",
        "It rained in SEPTEMBER and on TUESDAY, a week earlier.",
        "Nothing here: no dates at all, just words like may and march.",
        "On Sept. 23 the panel met; on 23rd September it met again.",
    ],
)
def test_mentions_without_digit_patterns_are_those_of_all(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipping the patterns that need a digit in a text without one finds the same
    mentions as running every pattern."""
    found = datementions.find_mentions(text)
    monkeypatch.setattr(datementions, "_DIGIT", re.compile(""))  # every pattern runs
    assert datementions.find_mentions(text) == found
    assert all(
        re.search(r"\\d", p.pattern) for p in datementions._patterns()[: datementions._WITH_DIGITS]
    )
