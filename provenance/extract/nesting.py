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

import functools
import re
from collections.abc import Sequence

import attrs

from provenance import tables
from provenance.model import Claim, Kind, Span, Stance, opens


def link(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The claims with ``within`` set, without the denier's claims inside a denial."""
    bounds = [_bounds(claim.content) for claim in claims]
    result = []
    for claim in claims:
        outer = _enclosing(claim, claims, bounds)
        if outer is None:
            result.append(claim)
        elif not _denied_by_speaker(claim, outer):
            result.append(attrs.evolve(claim, within=outer.id))
    return tuple(result)


def _bounds(content: Sequence[Span]) -> tuple[int, int]:
    """Where a content begins and ends (a quick test before the fragments are looked at)."""
    return min((s.start for s in content), default=0), max((s.end for s in content), default=0)


def _enclosing(
    claim: Claim, claims: Sequence[Claim], bounds: Sequence[tuple[int, int]]
) -> Claim | None:
    """The claim with the shortest content that opens with ``claim``'s speaker and cue."""
    inner = [span for span in (claim.speaker, claim.cue) if span is not None]
    if not inner:
        return None
    first = min(inner, key=lambda span: span.start)
    last = max(span.end for span in inner)
    holders = [
        other
        for other, (lo, hi) in zip(claims, bounds, strict=True)
        if lo <= first.start
        and last <= hi
        and other.kind is not Kind.OWN  # the outlet's words are no attribution
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
