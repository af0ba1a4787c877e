"""Statement dates: dates in or around a claim's sentence, resolved against the document date.

A document is analysed once (cached): every date expression is resolved to a calendar
date. Written dates with a year are taken as written. A month-day date with a weekday
takes the year where the weekday matches (the latest not after the document's date, or
else the day the page was viewed; with neither, the earliest not before the latest year
the text mentions). Those weekday-fixed dates show the text's real year and anchor the
other month-day dates; else the document's date does. Weekdays and relative dates count
from the date told just before in the paragraph (basis "inferred") or from the document's
date ("explicit").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import Any

import attrs

from provenance import tables
from provenance.extract.datementions import Mention, find_mentions, text_years
from provenance.model import DateBasis, Document


@attrs.frozen
class Resolved:
    """A date expression and the calendar date it stands for."""

    mention: Mention
    date: dt.date
    basis: DateBasis


def statement_date(document: Document, start: int, end: int) -> tuple[dt.date | None, DateBasis]:
    """The date of the statement whose sentence is ``document.text[start:end]``, and its basis."""
    meta = document.meta
    analysis = _analyse(document.text, meta.published, meta.published or meta.viewed)
    own = _first_unquoted(document.text, analysis, start, end)
    if own is not None:
        return own.date, own.basis
    inherited = _inherited(document.text, analysis, start)
    if inherited is not None:
        return inherited, DateBasis.INFERRED
    if document.meta.published is not None:
        return document.meta.published, DateBasis.DOCUMENT
    return None, DateBasis.UNKNOWN


def resolve_dates(
    text: str, published: dt.date | None, viewed: dt.date | None = None
) -> tuple[Resolved, ...]:
    """Every date expression of ``text`` that can be placed on the calendar, in text order.

    ``viewed`` (the day the page was seen) bounds the year of weekday dates when there is
    no ``published`` date.
    """
    return _analyse(text, published, published or viewed)


def _limits() -> dict[str, Any]:
    limits: dict[str, Any] = tables.load("extract/dates")["limits"]
    return limits


def _first_unquoted(
    text: str, analysis: tuple[Resolved, ...], start: int, end: int
) -> Resolved | None:
    """The first resolved date in the sentence that is not inside quotation marks."""
    first = bisect.bisect_left([r.mention.start for r in analysis], start)
    for resolved in analysis[first:]:
        if resolved.mention.start >= end:
            break
        if not _quoted(text[start : resolved.mention.start]):
            return resolved
    return None


def _quoted(before: str) -> bool:
    """True when a quotation opened in ``before`` is still open."""
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1


def _inherited(text: str, analysis: tuple[Resolved, ...], start: int) -> dt.date | None:
    """The date of the last earlier sentence of the paragraph that told one (its first date)."""
    if not _limits()["inherit_from_paragraph"]:
        return None
    paragraph = text.rfind("\n", 0, start) + 1
    found: dt.date | None = None
    previous_end = paragraph
    for resolved in analysis:
        mention = resolved.mention
        if mention.start >= start:
            break
        if mention.start >= paragraph:
            if previous_end == paragraph or _SENTENCE_END.search(
                text, previous_end, mention.start + 1
            ):
                found = resolved.date
            previous_end = mention.end
    return found


# Where a sentence ends inside a paragraph: . ! or ? (and a closing quote) before a capital.
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"])")


@functools.lru_cache(maxsize=256)
def _analyse(text: str, published: dt.date | None, bound: dt.date | None) -> tuple[Resolved, ...]:
    mentions = find_mentions(text)
    fixed = _weekday_fixed(mentions, bound, max(text_years(text), default=0))
    placed = {**fixed, **_month_days(mentions, fixed, published)}
    return _relatives(text, mentions, placed, published)


def _weekday_fixed(
    mentions: tuple[Mention, ...], bound: dt.date | None, latest_year: int
) -> dict[Mention, Resolved]:
    """Dates with a written year, and month-day dates whose weekday fixes the year."""
    placed: dict[Mention, Resolved] = {}
    for mention in mentions:
        day: dt.date | None = None
        if mention.kind == "date" and mention.year:
            day = dt.date(mention.year, mention.month, mention.day)
        elif mention.kind == "date" and mention.weekday >= 0:
            day = _weekday_year(mention, bound, latest_year)
        if day is not None:
            placed[mention] = Resolved(mention, day, DateBasis.EXPLICIT)
    return placed


def _weekday_year(mention: Mention, bound: dt.date | None, latest: int) -> dt.date | None:
    """The month-day date whose weekday matches: the latest not after ``bound``."""
    span = int(_limits()["weekday_year_span"])
    if bound is not None:
        years = range(bound.year, bound.year - span, -1)
    elif latest:
        years = range(latest, latest + span)
    else:
        return None
    for year in years:
        day = _date(year, mention.month, mention.day)
        if day and day.weekday() == mention.weekday and (not bound or day <= bound):
            return day
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_days(
    mentions: tuple[Mention, ...], fixed: dict[Mention, Resolved], published: dt.date | None
) -> dict[Mention, Resolved]:
    """Month-day dates without year or weekday, placed in the year nearest their anchor."""
    anchors = [r for r in fixed.values() if not r.mention.year]
    placed: dict[Mention, Resolved] = {}
    for mention in mentions:
        if mention.kind != "date" or mention in fixed:
            continue
        anchor, basis = _anchor(mention, anchors, fixed, published)
        if anchor is not None:
            day = _nearest_year(mention, anchor)
            if day is not None:
                placed[mention] = Resolved(mention, day, basis)
    return placed


def _anchor(
    mention: Mention,
    anchors: list[Resolved],
    fixed: dict[Mention, Resolved],
    published: dt.date | None,
) -> tuple[dt.date | None, DateBasis]:
    """What a year-less date is placed against: weekday-fixed dates, the document or a date."""
    if anchors:
        nearest = min(anchors, key=lambda r: abs(r.mention.start - mention.start))
        return nearest.date, DateBasis.EXPLICIT
    if published is not None:
        return published, DateBasis.EXPLICIT
    before = [r for r in fixed.values() if r.mention.start < mention.start]
    if before:
        return before[-1].date, DateBasis.INFERRED
    return None, DateBasis.UNKNOWN


def _nearest_year(mention: Mention, anchor: dt.date) -> dt.date | None:
    """The month-day date in the year (around the anchor's) that lies nearest the anchor."""
    candidates = [
        day
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (day := _date(year, mention.month, mention.day)) is not None
    ]
    return min(candidates, key=lambda day: abs((day - anchor).days), default=None)


def _relatives(
    text: str,
    mentions: tuple[Mention, ...],
    placed: dict[Mention, Resolved],
    published: dt.date | None,
) -> tuple[Resolved, ...]:
    """Weekdays and relative dates, counted from the date told just before or the document's."""
    starts = _paragraph_starts(text)
    window = int(_limits()["reference_paragraphs"])
    done: list[Resolved] = []
    for mention in mentions:
        resolved = placed.get(mention)
        if resolved is None:
            paragraph = bisect.bisect_right(starts, mention.start) - 1
            floor = starts[max(paragraph - window, 0)]
            reference = next((r for r in reversed(done) if r.mention.start >= floor), None)
            resolved = _relative(mention, reference, published)
        if resolved is not None:
            done.append(resolved)
    return tuple(done)


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where the non-blank lines of ``text`` begin (a line is a paragraph)."""
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        if text[position + 1 : position + 2].strip():
            starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _relative(
    mention: Mention, reference: Resolved | None, published: dt.date | None
) -> Resolved | None:
    if mention.kind == "weekday":
        if reference is not None:
            return Resolved(mention, _near_weekday(mention, reference.date), DateBasis.INFERRED)
        if published is not None:
            return Resolved(mention, _past_weekday(mention, published), DateBasis.EXPLICIT)
        return None
    if mention.anchor == "reference" and reference is not None:
        return Resolved(mention, _shift(reference.date, mention), DateBasis.INFERRED)
    if mention.anchor == "document" and published is not None:
        return Resolved(mention, _shift(published, mention), DateBasis.EXPLICIT)
    return None


def _near_weekday(mention: Mention, reference: dt.date) -> dt.date:
    """The day with the mention's weekday nearest ``reference`` ("last"/"next": before/after)."""
    ahead = (mention.weekday - reference.weekday()) % 7
    behind = (7 - ahead) % 7
    if mention.modifier > 0:
        return reference + dt.timedelta(days=ahead or 7)
    if mention.modifier < 0 or ahead > 3:
        return reference - dt.timedelta(days=behind or 7 if mention.modifier else behind)
    return reference + dt.timedelta(days=ahead)


def _past_weekday(mention: Mention, published: dt.date) -> dt.date:
    """The last day with the mention's weekday on or before ``published`` ("next": after)."""
    if mention.modifier > 0:
        ahead = (mention.weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    behind = (published.weekday() - mention.weekday) % 7
    if mention.modifier < 0 and behind == 0:
        behind = 7
    return published - dt.timedelta(days=behind)


def _shift(day: dt.date, mention: Mention) -> dt.date:
    """``day`` moved by the mention's days and months (a month end is clipped)."""
    moved = day + dt.timedelta(days=mention.days)
    if not mention.months:
        return moved
    index = moved.year * 12 + moved.month - 1 + mention.months
    year, month = divmod(index, 12)
    for last in (moved.day, 30, 29, 28):
        if (clipped := _date(year, month + 1, last)) is not None:
            return clipped
    return moved
