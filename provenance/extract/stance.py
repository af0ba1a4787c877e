"""Stance: how the speaker stands toward the content, from the cue and the content.

Reads a Claim's cue lemma, cue text, rule and content; writes its stance. The word
lists and their order are in ``data/stance.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from provenance import tables
from provenance.model import Claim, Stance


@functools.cache
def _table() -> dict[str, Any]:
    """The stance table."""
    return tables.load("extract/stance")


@functools.cache
def _hedge_words() -> re.Pattern[str]:
    """Any hedge word or phrase, as a whole word, case-sensitive ("may", not the month)."""
    words = sorted(_table()["hedges"]["words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _lemma_in(claim: Claim, key: str) -> bool:
    """Whether the claim's cue lemma is listed under ``key``."""
    return claim.cue_lemma.lower() in _table()[key]["lemmas"]


def _refuses(claim: Claim) -> bool:
    """Declined to comment, did not comment, did not respond to requests (a negated
    comment or respond: "commented on the plan" says something)."""
    table = _table()["refuses"]
    cue = claim.cue.text.lower() if claim.cue else ""
    if any(phrase in cue for phrase in table["cues"]):
        return True
    if claim.cue_lemma.lower() in table["negated_lemmas"]:
        words = cue.replace("n't", " n't").replace("n’t", " n’t").split()
        return any(word in table["negators"] for word in words)
    content = claim.content_text.lower().lstrip("“\"' ")
    return _lemma_in(claim, "refuses") and content.startswith(tuple(table["content_starts"]))


def _reports(claim: Claim) -> bool:
    """A medium or rumour as the source: reports emerged, a video stating, a poll showed."""
    return claim.rule in _table()["reports"]["rules"] or _lemma_in(claim, "reports")


def _hedges(claim: Claim) -> bool:
    """A belief, or a hedge word in the cue or the content."""
    cue = claim.cue.text if claim.cue else ""
    return (
        _lemma_in(claim, "hedges")
        or _hedge_words().search(f"{cue} {claim.content_text}") is not None
    )


_TESTS: dict[str, Callable[[Claim], bool]] = {
    "refuses": _refuses,
    "denies": lambda claim: _lemma_in(claim, "denies") or claim.rule in _table()["denies"]["rules"],
    "concedes": lambda claim: _lemma_in(claim, "concedes"),
    "asks": lambda claim: _lemma_in(claim, "asks"),
    "reports": _reports,
    "hedges": _hedges,
}


def stance_of(claim: Claim) -> Stance:
    """The first stance of ``stance.toml``'s order whose test fires, else asserts."""
    for name in _table()["order"]:
        if _TESTS[name](claim):
            return Stance(name)
    return Stance.ASSERTS


def assign(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The claims with their stance set."""
    return tuple(_with_stance(claim, stance_of(claim)) for claim in claims)


def _with_stance(claim: Claim, stance: Stance) -> Claim:
    """The claim with ``stance`` (itself when it has it already: no copy)."""
    return claim if claim.stance is stance else attrs.evolve(claim, stance=stance)
