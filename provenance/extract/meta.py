"""The provenance a text carries about itself: title, author, publisher, date, URL, origin.

Pure: ``read_meta(text, excluded)`` applies the patterns of ``extract/data/meta.toml``
line by line. A field nothing matches stays empty (None for the date): never a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from provenance import tables
from provenance.extract.boilerplate import Line, is_weather, split_lines
from provenance.extract.datementions import parse_full_date
from provenance.model import DocMeta, Region


def read_meta(text: str, excluded: Sequence[Region] = ()) -> DocMeta:
    """The document provenance found in ``text`` (``excluded``: its boilerplate regions)."""
    lines = [line for line in split_lines(text) if line.text]
    furniture = [line for line in lines if _inside(line, excluded)]
    header = lines[: _limit("header_lines")]
    viewed = _weather_block(lines, excluded)
    return DocMeta(
        title=_title(lines, excluded),
        publisher=publisher(furniture),
        author=_first_name(_compiled("author"), lines),
        published=_published([line for line in [*header, *furniture] if line not in viewed]),
        viewed=_published(viewed),
        url=_url([*furniture, *header]),
        origin=_origin(lines),
    )


def _weather_block(lines: Sequence[Line], excluded: Sequence[Region]) -> list[Line]:
    """The lines of a top-of-page weather widget (its date is the day the page was viewed)."""
    widgets = [r for r in excluded if r.reason == "widget"]
    block = [line for line in lines if _inside(line, widgets)]
    return block if any(is_weather(line.text) for line in block) else []


def _inside(line: Line, regions: Sequence[Region]) -> bool:
    return any(r.start <= line.start < r.end for r in regions)


def _data() -> dict[str, Any]:
    return tables.load("extract/meta")


def _limit(name: str) -> int:
    return int(_data()["limits"][name])


@functools.cache
def _compiled(section: str) -> tuple[re.Pattern[str], ...]:
    name = _data()["name"]["pattern"]
    return tuple(re.compile(p.replace("{name}", name)) for p in _data()[section]["patterns"])


def _first_name(patterns: Iterable[re.Pattern[str]], lines: Iterable[Line]) -> str:
    """The ``name`` group of the first pattern (in order) that matches any line."""
    listed = list(lines)
    for pattern in patterns:
        for line in listed:
            if (match := pattern.search(line.text)) is not None:
                return " ".join(match["name"].split())
    return ""


def _title(lines: Sequence[Line], excluded: Sequence[Region]) -> str:
    """The first substantive line that is not boilerplate, a date, a byline or a URL,
    when it is short enough to be a headline; a body that opens with a paragraph has none
    (its first sentence is the lede, and a later paragraph is no title either)."""
    bylines = _compiled("author")
    for index, line in enumerate(lines):
        if _inside(line, excluded):
            continue
        words = len(line.text.split())
        if words < _limit("title_min_words"):
            continue
        if parse_full_date(line.text) or any(p.search(line.text) for p in bylines):
            continue
        if len(line.text) > _limit("title_max_chars") or words > _limit("title_max_words"):
            return ""
        return _continued(line.text, lines[index + 1 : index + 2])
    return ""


def _continued(title: str, following: Sequence[Line]) -> str:
    """A title whose line ends in a continuation mark joined with the next line (its deck)."""
    marks = tuple(_data()["title"]["continuation_marks"])
    if not title.endswith(marks) or not following:
        return title
    deck = following[0].text
    return f"{title} {deck}" if len(deck) <= _limit("title_max_chars") else title


def publisher(lines: Sequence[Line]) -> str:
    """The outlet's name from its footer, copyright line or self-description."""
    found = _first_name(_compiled("publisher"), lines)
    if not found:
        found = _site_name_line(lines)
    for pattern in _data()["publisher"]["strip_patterns"]:
        found = re.sub(pattern, "", found).strip()
    return found


def _site_name_line(lines: Sequence[Line]) -> str:
    """A short title-case line the page repeats (a site name in the header and footer)."""
    counts = Counter(
        line.text
        for line in lines
        if len(line.text.split()) <= 5 and line.text.istitle() and line.text[-1].isalnum()
    )
    repeated = [text for text, count in counts.items() if count > 1]
    return repeated[0] if repeated else ""


def _published(lines: Sequence[Line]) -> dt.date | None:
    """The first line that is a full date (optionally after "Published:" and the like)."""
    prefixes = sorted(_data()["date_line"]["prefixes"], key=len, reverse=True)
    opener = re.compile(
        r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\b\s*:?\s*", re.IGNORECASE
    )
    for line in lines:
        day = parse_full_date(opener.sub("", line.text, count=1))
        if day is not None:
            return day
    return None


def _url(lines: Sequence[Line]) -> str:
    """The first bare site URL on a line of page furniture (boilerplate or the header)."""
    pattern = re.compile(_data()["url"]["pattern"])
    for line in lines:
        if (match := pattern.search(line.text)) is not None:
            return match["name"]
    return ""


def _origin(lines: Sequence[Line]) -> str:
    """The outlet a story came from: "Read more at X", a wire dateline or credit."""
    found = _first_name(_compiled("origin"), lines)
    return str(_data()["origin"]["names"].get(found, found))
