"""The ledger's records as plain tuples (strings, numbers, None) that ``marshal`` stores.

A cache must load fast: ``pickle`` of attrs objects rebuilds each through its state
(seconds for 100k claims), a tuple of fields goes straight to the constructor. Enums are
their values, dates their ordinals. ``claim(claim_tuple(c)) == c`` for every claim.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, TypeVar

from provenance.model import (
    Claim,
    DateBasis,
    DocRecord,
    Flag,
    Kind,
    RelationVerdict,
    Side,
    Span,
    Stance,
    Status,
    Verdict,
)

E = TypeVar("E", bound=enum.Enum)
PlainSpan = tuple[int, int, str] | None


def _members(kind: type[E]) -> dict[Any, E]:
    return {member.value: member for member in kind}


_KIND, _STANCE, _BASIS, _STATUS = (
    _members(Kind),
    _members(Stance),
    _members(DateBasis),
    _members(Status),
)
_FLAG, _SIDE, _VERDICT = _members(Flag), _members(Side), _members(Verdict)


def span_tuple(span: Span | None) -> PlainSpan:
    """A span as (start, end, text), or None."""
    return None if span is None else (span.start, span.end, span.text)


def span(plain: PlainSpan) -> Span | None:
    """The span of ``span_tuple``."""
    return None if plain is None else Span(*plain)


def day(date: dt.date | None) -> int | None:
    """A date as its ordinal."""
    return None if date is None else date.toordinal()


def date(ordinal: int | None) -> dt.date | None:
    """The date of ``day``."""
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def placed(claim: Claim) -> tuple[Any, ...]:
    """Where a claim stands in its text: speaker, cue and content spans."""
    return span_tuple(claim.speaker), span_tuple(claim.cue), tuple(map(span_tuple, claim.content))


def claim_tuple(claim: Claim) -> tuple[Any, ...]:
    """A claim's fields, its spans first (see ``placed``)."""
    return (
        *placed(claim),
        claim.id,
        claim.doc,
        claim.kind.value,
        claim.stance.value,
        day(claim.date),
        claim.date_basis.value,
        claim.rule,
        claim.cue_lemma,
        claim.speaker_name,
        claim.status.value,
        claim.note,
        None if claim.flag is None else claim.flag.value,
        claim.within,
        None if claim.side is None else claim.side.value,
    )


def claim(plain: tuple[Any, ...], spans: tuple[Any, ...] | None = None) -> Claim:
    """The claim of ``claim_tuple``, placed at ``spans`` (a ``placed`` value) when given."""
    speaker, cue, content = spans or plain[:3]
    (ident, doc, kind, stance, when, basis, rule, lemma, name, status, note, flag, within, side) = (
        plain[3:]
    )
    return Claim(
        ident,
        doc,
        span(speaker),
        span(cue),
        tuple(Span(*s) for s in content),
        _KIND[kind],
        _STANCE[stance],
        date(when),
        _BASIS[basis],
        rule,
        lemma,
        name,
        _STATUS[status],
        note,
        None if flag is None else _FLAG[flag],
        within,
        None if side is None else _SIDE[side],
    )


def document_tuple(doc: DocRecord) -> tuple[Any, ...]:
    """A document record's fields."""
    return (
        doc.path,
        doc.sha256,
        doc.title,
        doc.publisher,
        doc.author,
        day(doc.published),
        doc.url,
        doc.origin,
        doc.reviewed,
    )


def document(plain: tuple[Any, ...]) -> DocRecord:
    """The record of ``document_tuple``."""
    path, sha, title, publisher, author, published, url, origin, reviewed = plain
    return DocRecord(path, sha, title, publisher, author, date(published), url, origin, reviewed)


def relation_tuple(relation: RelationVerdict) -> tuple[str, str, str, str]:
    """A person's verdict's fields."""
    return relation.a, relation.b, relation.verdict.value, relation.note


def relation(plain: tuple[str, str, str, str]) -> RelationVerdict:
    """The verdict of ``relation_tuple``."""
    a, b, verdict, note = plain
    return RelationVerdict(a, b, _VERDICT[verdict], note)
