"""Boilerplate and repeated blocks: the parts of a page that must yield no claims.

Pure: ``excluded_regions(text)`` reads the rules of ``extract/data/boilerplate.toml``
and returns sorted, non-overlapping regions, each with its reason (the rule's
``reason``, ``footer``, ``widget`` or ``repeat``). A line is the unit: scraped pages put
one paragraph, button or label on a line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from provenance import tables
from provenance.extract.datementions import parse_full_date
from provenance.model import Region


@attrs.frozen
class Line:
    """A line's content with the surrounding whitespace removed (``text == ""``: blank)."""

    start: int
    end: int
    text: str


@attrs.frozen
class Rule:
    """One reason and the patterns (joined into one regex) that mark a line for it."""

    reason: str
    scope: str
    pattern: re.Pattern[str]


def excluded_regions(text: str) -> tuple[Region, ...]:
    """The boilerplate and repeated blocks of ``text``, sorted and non-overlapping."""
    lines = split_lines(text)
    marks = _marked(lines)
    footer = _footer(lines, marks)
    _mark_trailing(lines, marks, footer)
    _mark_widget(lines, marks)
    _mark_repeats(lines, marks)
    regions = [Region(lines[i].start, lines[i].end, reason) for i, reason in marks.items()]
    if footer is not None:
        regions.append(Region(lines[footer].start, lines[-1].end, "footer"))
    return merge(regions, text)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its stripped bounds (offsets into ``text``)."""
    lines: list[Line] = []
    start = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        left = start + (len(raw) - len(raw.lstrip())) if stripped else start
        lines.append(Line(left, left + len(stripped), stripped))
        start += len(raw) + 1
    while lines and not lines[-1].text:
        lines.pop()
    return lines


def _data() -> dict[str, Any]:
    return tables.load("extract/boilerplate")


def _limit(name: str) -> int:
    return int(_data()["limits"][name])


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules of the data file, each with its patterns compiled into one regex."""
    return tuple(
        Rule(
            str(entry["reason"]),
            str(entry["scope"]),
            re.compile("|".join(f"(?:{p})" for p in entry["patterns"]), re.IGNORECASE),
        )
        for entry in _data()["rule"]
    )


def classify(line: str, scopes: Iterable[str] = ("line", "paragraph", "footer")) -> Rule | None:
    """The first rule of the given scopes that marks ``line`` (stripped), or None."""
    wanted = set(scopes)
    short = len(line) <= _limit("line_chars")
    for rule in rules():
        fits = short or rule.scope not in ("line", "footer")
        if rule.scope in wanted and fits and rule.pattern.search(line):
            return rule
    return None


def _marked(lines: list[Line]) -> dict[int, str]:
    marks: dict[int, str] = {}
    for index, line in enumerate(lines):
        if line.text and (rule := classify(line.text)) is not None:
            marks[index] = rule.reason
    return marks


def _footer(lines: list[Line], marks: dict[int, str]) -> int | None:
    """The first footer marker after which every line is short or boilerplate."""
    tail_ok = True
    footer: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if tail_ok and index in marks and _is_footer_marker(line.text):
            footer = index
        tail_ok = tail_ok and _furniture(line, index in marks)
    return footer


def _is_footer_marker(text: str) -> bool:
    rule = classify(text, ("footer",))
    return rule is not None


def _furniture(line: Line, marked: bool) -> bool:
    """True for a line that may stand in a page footer: boilerplate, a label, a headline."""
    if marked or not line.text:
        return True
    sentence = line.text.endswith((".", "!", "?", "”", '"'))
    if sentence and len(line.text.split()) > _limit("tail_sentence_words"):
        return classify(line.text, ("end",)) is not None
    if len(line.text) <= _limit("tail_line_chars"):
        return True
    return classify(line.text, ("end",)) is not None


def _mark_trailing(lines: list[Line], marks: dict[int, str], footer: int | None) -> None:
    """Mark bios and site descriptions in the trailing part of the text (above a footer)."""
    last = len(lines) if footer is None else footer
    for index in range(last - 1, -1, -1):
        line = lines[index]
        if not line.text or index in marks:
            continue
        rule = classify(line.text, ("end",))
        if rule is None:
            return
        marks[index] = rule.reason


def _mark_widget(lines: list[Line], marks: dict[int, str]) -> None:
    """Mark a weather/date widget: the short lines at the top before the first blank line."""
    first = next((i for i, line in enumerate(lines) if line.text), None)
    if first is None:
        return
    block = []
    for index in range(first, len(lines)):
        if not lines[index].text:
            break
        block.append(index)
    short = all(len(lines[i].text) <= _limit("widget_line_chars") for i in block)
    if len(block) <= _limit("widget_max_lines") and short and any(_widget(lines[i]) for i in block):
        marks.update((i, "widget") for i in block if i not in marks)


def _widget(line: Line) -> bool:
    return is_weather(line.text) or parse_full_date(line.text) is not None


def is_weather(text: str) -> bool:
    """Whether a line is a weather reading (a temperature, "Partly cloudy")."""
    return any(re.search(p, text, re.IGNORECASE) for p in _data()["widget"]["patterns"])


def _mark_repeats(lines: list[Line], marks: dict[int, str]) -> None:
    """Mark every repeat of an earlier line that is long enough (whitespace-normalised)."""
    seen: set[str] = set()
    shortest = _limit("repeat_min_chars")
    for index, line in enumerate(lines):
        key = " ".join(line.text.split())
        if len(key) < shortest:
            continue
        if key in seen and index not in marks:
            marks[index] = "repeat"
        seen.add(key)


def merge(regions: Iterable[Region], text: str) -> tuple[Region, ...]:
    """Sorted, non-overlapping regions: overlaps join the earlier region; neighbours with
    the same reason and only whitespace between them become one."""
    merged: list[Region] = []
    for region in sorted(regions, key=lambda r: (r.start, -r.end)):
        if region.end <= region.start:
            continue
        if merged and _joins(merged[-1], region, text):
            last = merged[-1]
            merged[-1] = Region(last.start, max(last.end, region.end), last.reason)
        else:
            merged.append(region)
    return tuple(merged)


def _joins(last: Region, region: Region, text: str) -> bool:
    if region.start < last.end:
        return True
    return region.reason == last.reason and not text[last.end : region.start].strip()
