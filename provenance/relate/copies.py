"""Copies of one statement: the same words carried by several outlets or documents.

Syndication repeats a quote word for word; each copy is a claim of its own document
(the ledger keeps one claim per document), but it is one statement. Two claims are
copies when their contents are the same once case, spacing, quote and dash styles are
folded (``[copies]`` of relate.toml), they have the same stance, and the same speaker or
none: claims with no speaker join the copies of the one speaker who says these words,
and stay apart when several speakers do (we refuse to guess whose they are).

A group's **representative** is its smallest id; relations are found between
representatives only, so k copies make one statement, never k(k-1)/2 relations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import attrs

from provenance.model import Claim
from provenance.relate.cues import table

_SPACE = re.compile(r"\s+")


@functools.cache
def _folding() -> dict[int, str]:
    """The translation table: every quote mark to ``"``, every dash to ``-``."""
    data = table()["copies"]
    marks = {mark: '"' for mark in data["quotes"]} | {dash: "-" for dash in data["dashes"]}
    marks["'"] = '"'
    return str.maketrans(marks)


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """``text`` casefolded, its quotes and dashes of one style, its spaces single (a report
    folds each claim's words twice: for relations, then for its entries)."""
    return _SPACE.sub(" ", text.translate(_folding())).strip().casefold()


def speaker_key(claim: Claim) -> str:
    """The claim's speaker folded (a resolved pronoun's name first); "" when none."""
    name = claim.speaker_name or (claim.speaker.text if claim.speaker else "")
    return fold(name)


@attrs.frozen
class Copies:
    """Which claims are copies of one statement."""

    representative: Mapping[str, str]  # every claim id -> its group's representative id
    carried: Mapping[str, tuple[str, ...]]  # a representative -> its copies (itself left out)

    def of(self, claim_id: str) -> str:
        """The representative of ``claim_id`` (itself when it has no copies or is unknown)."""
        return self.representative.get(claim_id, claim_id)

    def copies(self, claim_id: str) -> tuple[str, ...]:
        """The other claims carrying the statement that ``claim_id`` represents."""
        return self.carried.get(claim_id, ())


def group_copies(claims: Iterable[Claim]) -> Copies:
    """The copies among ``claims`` (claims with no content are copies of nothing)."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.content:  # a stance is a str: the same key as its str() (without the call)
            buckets.setdefault((fold(claim.content_text), claim.stance), []).append(claim)
    representative: dict[str, str] = {}
    carried: dict[str, tuple[str, ...]] = {}
    for bucket in buckets.values():
        for group in by_speaker(bucket):
            ids = sorted(claim.id for claim in group)
            representative.update((claim_id, ids[0]) for claim_id in ids)
            if len(ids) > 1:
                carried[ids[0]] = tuple(ids[1:])
    return Copies(representative, carried)


def by_speaker(bucket: list[Claim]) -> list[list[Claim]]:
    """Claims of the same words split by speaker; unnamed ones join a lone named speaker."""
    speakers: dict[str, list[Claim]] = {}
    for claim in bucket:
        speakers.setdefault(speaker_key(claim), []).append(claim)
    named = [name for name in speakers if name]
    if len(named) <= 1:
        return [bucket]
    return list(speakers.values())


__all__ = ["Copies", "fold", "group_copies"]
