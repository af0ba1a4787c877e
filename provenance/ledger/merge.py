"""The merge rules of ``sync``: what the corpus says, merged into claims.toml, no hand edit lost.

Rules (DESIGN.md): a claim whose status is not ``auto`` is never overwritten; a
``rejected`` claim is never re-added (an extracted claim overlapping it is dropped); a
claim keeps its id while it overlaps what the extractor finds. Every claim is anchored
by its words (``words.anchor``); one found only approximately moves to the article's
words with ``flag = "reanchored"``, one not found is kept with ``flag = "orphaned"``. An
``auto`` claim the extractor no longer finds in a re-read document is removed, unless
it could not be re-anchored (then it is kept and flagged) or a relation verdict names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import attrs

from provenance.ledger import words
from provenance.ledger.schema import fingerprint
from provenance.ledger.words import Outcome
from provenance.model import (
    Claim,
    DateBasis,
    DocMeta,
    DocRecord,
    Document,
    Flag,
    Status,
    claim_id,
)

Extractor = Callable[[Document], Sequence[Claim]]
META_FIELDS = ("title", "publisher", "author", "published", "url", "origin")
EVENTS = ("added", "updated", "reanchored", "flagged", "removed")


@attrs.frozen
class Merged:
    """One document's claims after the merge, and what happened to which id."""

    claims: tuple[Claim, ...]
    events: tuple[tuple[str, str], ...] = ()  # (event, claim id), event in EVENTS


def merge(
    path: str,
    text: str,
    old: Sequence[Claim],
    found: Sequence[Claim] | None,
    taken: set[str],
    pinned: frozenset[str] = frozenset(),
    hints: Mapping[str, tuple[str, str]] | None = None,
) -> Merged:
    """Merge extracted claims (``found``; None: anchor only) into a document's ``old`` claims.

    ``taken`` holds every id in use and receives new ones; ``pinned`` ids (named by a
    relation verdict) are never removed; ``hints`` hold the written context of repeats.
    """
    hints = hints or {}
    anchored = [(claim, *words.anchor(claim, text, hints.get(claim.id, ("", "")))) for claim in old]
    events: list[tuple[str, str]] = []
    result: dict[str, Claim] = {}
    renamed: dict[str, str] = {}
    matched = _match(path, anchored, found or (), taken, result, events, renamed)
    _relink(result, renamed, {claim.id: moved for claim, moved, _ in anchored}, events)
    for claim, moved, outcome in anchored:
        if claim.id in matched:
            continue
        if found is not None and _removable(claim, outcome, pinned):
            events.append(("removed", claim.id))
            continue
        result[claim.id] = _kept(claim, moved, outcome, events)
    return Merged(tuple(result.values()), tuple(events))


def _removable(claim: Claim, outcome: Outcome, pinned: frozenset[str]) -> bool:
    return claim.status is Status.AUTO and outcome is not Outcome.LOST and claim.id not in pinned


def _kept(claim: Claim, moved: Claim, outcome: Outcome, events: list[tuple[str, str]]) -> Claim:
    """An old claim kept as it is, with its anchors moved and its flag brought up to date."""
    flag = _flag(claim.flag, outcome)
    if outcome is Outcome.FUZZY:
        events.append(("reanchored", claim.id))
    if flag is not None and flag != claim.flag:
        events.append(("flagged", claim.id))
    return moved if moved.flag is flag else attrs.evolve(moved, flag=flag)


def _flag(old: Flag | None, outcome: Outcome) -> Flag | None:
    if outcome is Outcome.LOST:
        return Flag.ORPHANED
    if outcome is Outcome.FUZZY:
        return Flag.REANCHORED
    return old if old is Flag.REANCHORED else None  # found again: orphaned/missing is over


def _match(
    path: str,
    anchored: list[tuple[Claim, Claim, Outcome]],
    found: Sequence[Claim],
    taken: set[str],
    result: dict[str, Claim],
    events: list[tuple[str, str]],
    renamed: dict[str, str],
) -> set[str]:
    """Give each extracted claim the id of the old auto claim it overlaps most, or a new one
    (``renamed`` receives extracted id → id in the ledger)."""
    live = [(claim, moved) for claim, moved, outcome in anchored if outcome is not Outcome.LOST]
    matched: set[str] = set()
    for new in sorted(found, key=_start):
        new = attrs.evolve(new, doc=path, status=Status.AUTO, flag=None, note="")
        touching = [(claim, moved) for claim, moved in live if overlap(moved, new) > 0]
        free = [(c, m) for c, m in touching if c.id not in matched and c.status is Status.AUTO]
        people = [overlap(m, new) for c, m in touching if c.status is not Status.AUTO]
        best_free = max((overlap(m, new) for _, m in free), default=0)
        if people and max(people) >= best_free:
            continue  # a person's claim (or rejection) is this text more than any auto one
        if free:
            claim, moved = max(free, key=lambda pair: overlap(pair[1], new))
            matched.add(claim.id)
            result[claim.id] = _renewed(claim, moved, new, events)
            renamed[new.id] = claim.id
        else:
            fresh = attrs.evolve(new, id=_fresh_id(path, new, taken))
            result[fresh.id] = fresh
            renamed[new.id] = fresh.id
            events.append(("added", fresh.id))
    return matched


def _relink(
    result: dict[str, Claim],
    renamed: dict[str, str],
    old: dict[str, Claim],
    events: list[tuple[str, str]],
) -> None:
    """Point each extracted claim's ``within`` at its enclosing claim's id in the ledger
    (cleared when that claim was not taken: a person's claim covers its text)."""
    fresh = set(renamed.values())
    for key, claim in result.items():
        if key not in fresh or not claim.within:
            continue
        within = renamed.get(claim.within, "")
        result[key] = attrs.evolve(claim, within=within)
        before = old.get(key)
        if before is not None and before.within != within and ("updated", key) not in events:
            events.append(("updated", key))


def _renewed(claim: Claim, moved: Claim, new: Claim, events: list[tuple[str, str]]) -> Claim:
    """The extractor's version of an auto claim under its old id (and its old note)."""
    renewed = attrs.evolve(new, id=claim.id, note=claim.note)
    if fingerprint(renewed) != fingerprint(moved) or renewed.rule != moved.rule:
        events.append(("updated", claim.id))
    return renewed


def _start(claim: Claim) -> tuple[int, int]:
    return min(span.start for span in claim.content), max(span.end for span in claim.content)


def overlap(a: Claim, b: Claim) -> int:
    """Characters the content spans of two claims share (1 for equal empty spans)."""
    shared = 0
    for x in a.content:
        for y in b.content:
            if (x.start, x.end) == (y.start, y.end):
                shared += max(x.end - x.start, 1)
            else:
                shared += max(0, min(x.end, y.end) - max(x.start, y.start))
    return shared


def _fresh_id(path: str, claim: Claim, taken: set[str]) -> str:
    base = claim_id(path, claim.content)
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    return name


def missing(old: Sequence[Claim]) -> Merged:
    """Claims of a document that is gone: all kept, flagged ``document-missing``."""
    kept, events = [], []
    for claim in old:
        if claim.flag is not Flag.MISSING:
            events.append(("flagged", claim.id))
        kept.append(attrs.evolve(claim, flag=Flag.MISSING))
    return Merged(tuple(kept), tuple(events))


def pruned(old: Sequence[Claim], pinned: frozenset[str]) -> Merged:
    """Claims of a deleted document under ``sync --prune``: the machine's untouched claims
    go; a person's (any status but ``auto``, or named by a verdict) stay, flagged."""
    kept, events = [], []
    for claim in old:
        if claim.status is Status.AUTO and claim.id not in pinned:
            events.append(("removed", claim.id))
            continue
        if claim.flag is not Flag.MISSING:
            events.append(("flagged", claim.id))
        kept.append(attrs.evolve(claim, flag=Flag.MISSING))
    return Merged(tuple(kept), tuple(events))


def dated(claims: Sequence[Claim], published: dt.date | None) -> tuple[Claim, ...]:
    """Undated claims dated by their document's ``published`` (``date_basis = "document"``)."""
    if published is None:
        return tuple(claims)
    return tuple(
        attrs.evolve(claim, date=published, date_basis=DateBasis.DOCUMENT)
        if claim.date is None and claim.status is not Status.REJECTED
        else claim
        for claim in claims
    )


def record(old: DocRecord | None, path: str, sha256: str, meta: DocMeta) -> DocRecord:
    """The record with its new hash; empty fields filled from the text unless reviewed."""
    base = old or DocRecord(path)
    if base.reviewed:
        return attrs.evolve(base, sha256=sha256)
    fill = {
        name: getattr(meta, name)
        for name in META_FIELDS
        if not getattr(base, name) and getattr(meta, name)
    }
    return attrs.evolve(base, sha256=sha256, **fill)
