"""Find the date expressions of a text: written dates, weekdays and relative dates.

Pure and word-list driven (``extract/data/dates.toml``); ``provenance.extract.dates``
resolves what this module finds to calendar dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from provenance import tables
from provenance.lang.en import words as english


@attrs.frozen
class Mention:
    """One date expression at ``start:end``; the fields that do not apply are zero/empty."""

    start: int
    end: int
    kind: str  # "date" (month and day), "weekday", "offset" (relative)
    month: int = 0
    day: int = 0
    year: int = 0
    weekday: int = -1
    modifier: int = 0  # for a weekday: -1 last, +1 next, 0 the nearest
    days: int = 0
    months: int = 0
    anchor: str = ""  # for an offset: "document" or "reference"


def _table() -> dict[str, Any]:
    return tables.load("extract/dates")


@functools.cache
def _months() -> dict[str, int]:
    """Month names and abbreviations -> 1..12; full names in capitals too, if the table says."""
    found = dict(english.month_numbers())
    if _table()["capitalised_names"]:
        found.update({row[0].upper(): n for n, row in enumerate(english.months(), 1)})
    return found


@functools.cache
def _weekdays() -> dict[str, int]:
    """Weekday names -> ``date.weekday()``; in capitals too, if the table says."""
    found = {name: n for n, name in enumerate(english.weekdays())}
    if _table()["capitalised_names"]:
        found.update({name.upper(): n for n, name in enumerate(english.weekdays())})
    return found


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _capitalisable(phrases: Iterable[str]) -> str:
    """Lower-case phrases as a regex alternation that also accepts a capital first letter."""
    return _alternation({form for p in phrases for form in (p, p[0].upper() + p[1:])})


def _after_name(text: str, start: int) -> bool:
    """True when a capitalised phrase follows a capitalised word: part of a name ("USA Today")."""
    before = text[max(start - 40, 0) : start].rstrip(" ")
    words = before.split()
    return bool(words) and before[-1] not in '.!?:"“”(' and words[-1][:1].isupper()


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The expression patterns; none starts with a look-around, so ``re`` can skip ahead fast.
    The first ``_WITH_DIGITS`` cannot match a text without a digit (``\\d``).

    Word boundaries on the left and the optional words before a date ("Tuesday night,",
    "last") are checked in code (``_left_bound``, ``_lookbacks``).
    """
    data = _table()
    month = rf"(?P<mon>{_alternation(_months())})\b\.?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d|,\d))?"
    day = r"(?P<day>\d\d?)(?:st|nd|rd|th)?(?!\d|:\d)"
    return (  # the first _WITH_DIGITS each need a digit (the day, or the ISO date)
        re.compile(rf"{month}\s+{day}{year}"),
        re.compile(rf"{day}\s+(?:of\s+)?{month}{year}"),
        re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b"),
        re.compile(
            rf"(?P<unit>{_alternation(data['units'])})\s+"
            rf"(?P<dir>{_alternation(data['directions'])})\b"
        ),
        re.compile(rf"(?P<phrase>{_capitalisable(data['phrases'])})\b"),
        re.compile(rf"(?P<wd>{_alternation(_weekdays())})\b"),
    )


@functools.cache
def _lookbacks() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What stands just before a date (a weekday), a weekday ("last") or a unit (a number)."""
    data = _table()
    parts = _alternation(data["day_parts"]["words"])
    weekday = rf"(?<!\w)(?P<wd>{_alternation(_weekdays())})(?:\s+(?:{parts}))?,?\s+$"
    modifier = rf"(?<!\w)(?P<mod>{_alternation(data['weekday_modifiers'])})\s+$"
    number = rf"(?<!\w)(?P<num>{_alternation(data['numbers'])}|\d{{1,2}})\s+$"
    return re.compile(weekday), re.compile(modifier), re.compile(number)


def _before(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """``pattern`` matched against the 40 characters before ``start`` (ending at it)."""
    return pattern.search(text, max(start - 40, 0), start)


def _left_bound(text: str, start: int) -> bool:
    """True when ``start`` begins a word."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _written(match: re.Match[str], data: Mapping[str, Any]) -> Mention | None:
    """A month-day date, with its weekday and year when written."""
    mon = match["mon"]
    month = int(mon) if mon.isdigit() else _months()[mon]
    year = int(match["year"]) if match["year"] else 0
    day = int(match["day"])
    if not _valid(year, month, day):
        return None
    start, weekday = match.start(), -1
    before = _before(_lookbacks()[0], match.string, start)
    if before is not None:
        start, weekday = before.start(), _weekdays()[before["wd"]]
    return Mention(start, match.end(), "date", month, day, year, weekday)


def _offset(match: re.Match[str], data: Mapping[str, Any]) -> Mention | None:
    """ "two days later", "a week ago"."""
    before = _before(_lookbacks()[2], match.string, match.start())
    if before is None:
        return None
    num = before["num"]
    count = int(num) if num.isdigit() else int(data["numbers"][num])
    unit = data["units"][match["unit"]]
    direction = data["directions"][match["dir"]]
    sign = int(direction["sign"]) * count
    return Mention(
        before.start(),
        match.end(),
        "offset",
        days=sign * int(unit.get("days", 0)),
        months=sign * int(unit.get("months", 0)),
        anchor=str(direction["anchor"]),
    )


def _phrase(match: re.Match[str], data: Mapping[str, Any]) -> Mention | None:
    """ "yesterday", "last month", "the next day" (not "USA Today")."""
    phrase = match["phrase"]
    if phrase[0].isupper() and _after_name(match.string, match.start()):
        return None
    entry = data["phrases"][phrase[0].lower() + phrase[1:]]
    return Mention(
        match.start(),
        match.end(),
        "offset",
        days=int(entry.get("days", 0)),
        months=int(entry.get("months", 0)),
        anchor=str(entry["anchor"]),
    )


def _weekday(match: re.Match[str], data: Mapping[str, Any]) -> Mention:
    """A weekday on its own: "Monday", "on Thursday", "last Friday"."""
    start, modifier = match.start(), 0
    before = _before(_lookbacks()[1], match.string, start)
    if before is not None:
        start, modifier = before.start(), int(data["weekday_modifiers"][before["mod"]])
    weekday = _weekdays()[match["wd"]]
    return Mention(start, match.end(), "weekday", weekday=weekday, modifier=modifier)


def _mention(match: re.Match[str], data: Mapping[str, Any]) -> Mention | None:
    groups = match.groupdict()
    if "mon" in groups:
        return _written(match, data)
    if "unit" in groups:
        return _offset(match, data)
    if "phrase" in groups:
        return _phrase(match, data)
    return _weekday(match, data)


_WITH_DIGITS = 3  # the first patterns of _patterns(), which need a digit to match
_DIGIT = re.compile(r"\d")


def find_mentions(text: str) -> tuple[Mention, ...]:
    """The date expressions of ``text`` in text order; of overlapping ones, the longest."""
    data = _table()
    patterns = _patterns() if _DIGIT.search(text) else _patterns()[_WITH_DIGITS:]
    found = [
        mention
        for pattern in patterns
        for match in pattern.finditer(text)
        if _left_bound(text, match.start()) and (mention := _mention(match, data)) is not None
    ]
    found.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return tuple(kept)


_YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d|,\d)")


def text_years(text: str) -> tuple[int, ...]:
    """The plausible four-digit years written in ``text`` (not "$2,016" or "12016")."""
    limits = _table()["limits"]
    first, last = int(limits["first_year"]), int(limits["last_year"])
    return tuple(
        year
        for match in _YEAR.finditer(text)
        if first <= (year := int(match[0])) <= last
        and (match.start() == 0 or text[match.start() - 1] not in "0123456789,.$")
    )


_FULL_DATE_MAX = 60  # longer than "Wednesday night, September 30, 2015" and its kin


def parse_full_date(text: str) -> dt.date | None:
    """The date when ``text`` is exactly one full written date with a year, else None."""
    stripped = text.strip().rstrip(".")
    if len(stripped) > _FULL_DATE_MAX or not any(c.isdigit() for c in stripped):
        return None
    for mention in find_mentions(stripped):
        whole = mention.start == 0 and mention.end == len(stripped)
        if whole and mention.kind == "date" and mention.year:
            return dt.date(mention.year, mention.month, mention.day)
    return None
