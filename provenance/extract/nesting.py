"""Nested attribution: a claim inside the content of another claim keeps the chain.

Reads claims with their speaker names and stances; writes ``within`` (the id of the
innermost claim whose content holds this claim's cue and speaker, and opens with them,
after "that" at most, or holds them with no clause break before them, ``[nesting]`` of
rules.toml: "According to the tabloid, the clinic has denied …" records the clinic's
denial within the tabloid's claim; a claim after a break in a content that runs on,
", although intelligence offered …", is no part of it). A claim inside a denial by
the same speaker ("the government denied claims that it threatened the family") is
part of what is denied, never that speaker's assertion: it is dropped.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs

from provenance import tables
from provenance.model import Claim, Kind, Span, Stance, opens


def link(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The claims with ``within`` set, without the denier's claims inside a denial."""
    by_start = _ByStart(claims)
    result = []
    for claim in claims:
        outer = _enclosing(claim, by_start)
        if outer is None:
            result.append(claim)
        elif not _denied_by_speaker(claim, outer):
            result.append(attrs.evolve(claim, within=outer.id))
    return tuple(result)


class _ByStart:
    """The claims by where their contents begin: those whose content may hold a point
    are found by a binary search and a scan back over at most the longest content (a
    document of 20,000 claims took 10 s when every claim was tried for every claim)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        bounds = [_bounds(claim.content) for claim in claims]
        self.order = sorted(range(len(claims)), key=lambda i: bounds[i][0])
        self.starts = [bounds[i][0] for i in self.order]
        self.longest = max((hi - lo for lo, hi in bounds), default=0)
        self.claims = claims
        self.bounds = bounds

    def holding(self, start: int, end: int) -> list[int]:
        """The positions (in document order) of the claims whose content extent holds
        ``start`` to ``end``."""
        found = []
        at = bisect.bisect_right(self.starts, start) - 1
        while at >= 0 and self.starts[at] >= start - self.longest:
            i = self.order[at]
            if end <= self.bounds[i][1]:
                found.append(i)
            at -= 1
        return sorted(found)


def _bounds(content: Sequence[Span]) -> tuple[int, int]:
    """Where a content begins and ends (a quick test before the fragments are looked at)."""
    return min((s.start for s in content), default=0), max((s.end for s in content), default=0)


def _enclosing(claim: Claim, by_start: _ByStart) -> Claim | None:
    """The claim with the shortest content that opens with ``claim``'s speaker and cue."""
    inner = [span for span in (claim.speaker, claim.cue) if span is not None]
    if not inner:
        return None
    first = min(inner, key=lambda span: span.start)
    last = max(span.end for span in inner)
    holders = [
        other
        for other in (by_start.claims[i] for i in by_start.holding(first.start, last))
        if other.kind is not Kind.OWN  # the outlet's words are no attribution
        and other.id != claim.id
        and other.doc == claim.doc
        and all(_holds(other.content, span) for span in inner)
        and (opens(other.content, first) or _unbroken(other.content, first))
    ]
    return min(holders, key=lambda c: sum(s.end - s.start for s in c.content), default=None)


def _holds(content: Sequence[Span], span: Span) -> bool:
    """Whether one content fragment holds all of ``span``."""
    return any(part.start <= span.start and span.end <= part.end for part in content)


@functools.cache
def _break() -> re.Pattern[str]:
    """A clause break inside a content: a word of ``breaks`` or a mark of ``break_marks``."""
    table = tables.load("extract/rules")["nesting"]
    words = "|".join(map(re.escape, table["breaks"]))
    marks = "|".join(map(re.escape, table["break_marks"]))
    return re.compile(rf"\b(?:{words})\b|{marks}", re.IGNORECASE)


def _unbroken(content: Sequence[Span], span: Span) -> bool:
    """Whether a content fragment holds ``span`` with no clause break before it."""
    return any(
        part.start <= span.start < part.end
        and _break().search(part.text, 0, span.start - part.start) is None
        for part in content
    )


def _denied_by_speaker(claim: Claim, outer: Claim) -> bool:
    """A claim of the denier inside their own denial: the denied content itself."""
    return (
        outer.stance is Stance.DENIES
        and bool(claim.speaker_name)
        and claim.speaker_name.lower() == outer.speaker_name.lower()
    )
