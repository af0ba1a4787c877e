"""Re-anchoring: find a claim's spans again in a document's changed text.

Exact text nearest the old offset (shifted by how far the first fragment moved) first;
a content fragment not found exactly is aligned fuzzily (rapidfuzz) above a threshold
from ``data/ledger.toml``. A claim whose every span is found again is moved; else it
is lost, and the caller keeps it unchanged and flags it.
"""

from __future__ import annotations

import enum

import attrs
from rapidfuzz import fuzz

from provenance import tables
from provenance.model import Claim, Span


class Outcome(enum.Enum):
    """How re-anchoring went."""

    SAME = "same"  # every span still matches where it was
    MOVED = "moved"  # found exactly, at other offsets
    FUZZY = "fuzzy"  # found only approximately: the content text changed
    LOST = "lost"  # some span is no longer in the text


@attrs.frozen
class Found:
    """A span found again, and whether its text is exactly the old one."""

    span: Span
    exact: bool


def settings() -> tuple[float, int]:
    """The fuzzy score cutoff (0-100) and the shortest fragment aligned fuzzily."""
    table = tables.load("ledger/ledger")
    return float(table["reanchor_min_score"]), int(table["reanchor_min_chars"])


def holds(span: Span, text: str) -> bool:
    """The span's text is still at its offsets."""
    return 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text


def occurrences(text: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``text``."""
    found, at = [], text.find(needle) if needle else -1
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def reanchor(claim: Claim, text: str) -> tuple[Claim, Outcome]:
    """The claim with its spans found again in ``text``, and how; LOST returns it unchanged.

    Every plausible shift (where the first fragment, the speaker or the cue now stands)
    is tried; the one under which most of the claim's spans still hold wins.
    """
    spans = _spans(claim)
    if all(holds(span, text) for span in spans):
        return claim, Outcome.SAME
    best: tuple[tuple[int, bool, int], Claim, bool] | None = None
    for shift in _shifts(claim, text):
        placed = _place(claim, text, shift)
        if placed is None:
            continue
        moved, exact = placed
        score = (sum(holds(_moved(s, shift), text) for s in spans), exact, -abs(shift))
        if best is None or score > best[0]:
            best = (score, moved, exact)
    if best is None:
        return claim, Outcome.LOST
    return best[1], Outcome.MOVED if best[2] else Outcome.FUZZY


def _spans(claim: Claim) -> list[Span]:
    return [*claim.content, *(s for s in (claim.speaker, claim.cue) if s is not None)]


def _moved(span: Span, shift: int) -> Span:
    return Span(span.start + shift, span.end + shift, span.text)


def _shifts(claim: Claim, text: str, limit: int = 20) -> list[int]:
    """Candidate shifts, nearest first: where each fragment, the speaker or the cue now is."""
    shifts = {0}
    for span in _spans(claim):
        origin = max(span.start, 0)
        near = sorted(occurrences(text, span.text), key=lambda at: abs(at - origin))
        shifts.update(at - origin for at in near[:limit])
    return sorted(shifts, key=lambda shift: (abs(shift), shift))


def _place(claim: Claim, text: str, shift: int) -> tuple[Claim, bool] | None:
    """The claim with every span found near its place moved by ``shift``, and all exactly?"""
    content = [_near(text, span, shift, fuzzy=True) for span in claim.content]
    speaker = _near(text, claim.speaker, shift, fuzzy=False) if claim.speaker else None
    cue = _near(text, claim.cue, shift, fuzzy=False) if claim.cue else None
    if None in content or (claim.speaker and not speaker) or (claim.cue and not cue):
        return None
    found = [item for item in content if item is not None]
    moved = attrs.evolve(
        claim,
        content=tuple(item.span for item in found),
        speaker=speaker.span if speaker else None,
        cue=cue.span if cue else None,
    )
    return moved, all(item.exact for item in found)


def _near(text: str, span: Span, shift: int, fuzzy: bool) -> Found | None:
    """``span`` found in a window around its shifted place: exactly, else fuzzily if allowed."""
    margin = max(20, len(span.text) // 2)
    low = max(0, max(span.start, 0) + shift - margin)
    high = min(len(text), max(span.start, 0) + shift + len(span.text) + margin)
    window = text[low:high]
    exact = sorted(
        occurrences(window, span.text), key=lambda at: abs(low + at - span.start - shift)
    )
    if exact:
        return Found(Span.of(text, low + exact[0], low + exact[0] + len(span.text)), True)
    cutoff, shortest = settings()
    if not fuzzy or len(span.text) < shortest or len(span.text) > len(window):
        return None
    aligned = fuzz.partial_ratio_alignment(span.text, window, score_cutoff=cutoff)
    if aligned is None:
        return None
    return Found(Span.of(text, low + aligned.dest_start, low + aligned.dest_end), False)
