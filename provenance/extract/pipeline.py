"""The extraction pipeline: document ─► sentences ─► claims, one direction.

sentences (``provenance.lang.en.sentences``) ─► claims (``provenance.extract.segmenter``) ─► speaker
names (``provenance.extract.speakers``) ─► the outlet's own voice (``provenance.extract.own_voice``:
the lede and refutations no one is quoted for) ─► stance (``provenance.extract.stance``) ─► nesting
─► statement date
(``provenance.extract.dates``, from the sentence around the cue) ─► sorted, no duplicates.
Nesting (``provenance.extract.nesting``) links a claim inside another's content to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import warnings
from collections.abc import Sequence

import attrs

from provenance import errors, tables
from provenance.extract import dates, invisible, nesting, own_voice, segmenter, speakers, stance
from provenance.lang.en import sentences
from provenance.model import Claim, DateBasis, Document, Span


def extract(document: Document) -> tuple[Claim, ...]:
    """The claims of one document, in text order (invisible characters seen through).

    A sentence longer than ``max_sentence_chars`` (``data/limits.toml``) is read in
    pieces, with a ``LongSentenceWarning``: a claim across a cut may be missed.
    """
    return invisible.seen_through(document, _extract)


def _extract(document: Document) -> tuple[Claim, ...]:
    spans = _sentences(document)
    claims = segmenter.segment(document, spans)
    claims = speakers.resolve(document.text, claims)
    claims = (*claims, *own_voice.own_claims(document, spans, claims))
    claims = stance.assign(claims)
    claims = nesting.link(claims)
    dated: dict[tuple[int, int], tuple[dt.date | None, DateBasis]] = {}
    starts = [span.start for span in spans]
    claims = tuple(_dated(document, spans, starts, claim, dated) for claim in claims)
    return _unique(sorted(claims, key=_order))


def _sentences(document: Document) -> tuple[Span, ...]:
    """The document's sentences, over-long ones cut into pieces (with a warning)."""
    spans = sentences.split(document.text, document.excluded)
    longest = int(tables.load("extract/limits")["max_sentence_chars"])
    spans, cut = sentences.cut_long(document.text, spans, longest)
    if cut:
        warnings.warn(errors.long_sentences(document.path, cut, longest), stacklevel=3)
    return spans


def _order(claim: Claim) -> tuple[int, int, str]:
    """Text order: first content fragment, then cue, then id."""
    cue = claim.cue.start if claim.cue else -1
    return (claim.content[0].start if claim.content else -1, cue, claim.id)


def _sentence_of(spans: Sequence[Span], starts: Sequence[int], claim: Claim) -> Span | None:
    """The sentence holding the claim's cue (else its first content fragment); ``starts``
    are the sentences' starts."""
    anchor = claim.cue or (claim.content[0] if claim.content else None)
    if anchor is None:
        return None
    index = bisect.bisect_right(starts, anchor.start) - 1
    return spans[index] if index >= 0 else None


def _dated(
    document: Document,
    spans: Sequence[Span],
    starts: Sequence[int],
    claim: Claim,
    known: dict[tuple[int, int], tuple[dt.date | None, DateBasis]],
) -> Claim:
    """The claim with the date of the statement in its sentence (``known``: per sentence)."""
    sentence = _sentence_of(spans, starts, claim)
    key = (sentence.start, sentence.end) if sentence else (0, len(document.text))
    if key not in known:
        known[key] = dates.statement_date(document, *key)
    date, basis = known[key]
    return attrs.evolve(claim, date=date, date_basis=basis)


def _unique(claims: list[Claim]) -> tuple[Claim, ...]:
    """The claims without a second claim of the same id (same first content span)."""
    seen: set[str] = set()
    result = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            result.append(claim)
    return tuple(result)
