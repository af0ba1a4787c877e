"""The stance of an article body toward a claim: read over the whole body, not one sentence.

A body is related when it holds enough of the claim's weighted words, overall and in its
lead (journalists state the story in the first sentences). It contradicts the claim when
it keeps calling the content false; it agrees when it commits (few hedges per sentence);
otherwise it discusses the claim (related). The thresholds live in
``provenance/data/relate_body.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from provenance import lexicon
from provenance.model import Reason, RelationKind
from provenance.relate_rules import Mode, Overlap, Side, certainty, overlap
from provenance.relate_text import Features, features

Judgement = tuple[RelationKind, float, tuple[Reason, ...]]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")


def body_table() -> dict[str, Any]:
    """The thresholds and words of ``relate_body.toml``."""
    return lexicon.load("relate_body")


def split_sentences(text: str) -> list[str]:
    """A long text cut at sentence ends (rough: good enough to find the lead)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def is_long(text: str) -> bool:
    """Whether a text is an article body rather than a headline or a sentence."""
    return len(text.split()) > int(body_table()["words"])


@functools.lru_cache(maxsize=1024)
def lead_and_count(body: str) -> tuple[Features, int]:
    """The features of the body's lead sentences and its number of sentences (cached)."""
    sentences = split_sentences(body)
    return features(" ".join(sentences[: body_table()["lead_sentences"]])), max(1, len(sentences))


def body_overlap(a: Features, body: str, idf: Mapping[str, float] | None) -> Overlap:
    """The claim's share in the whole body, blended with its share in the lead."""
    whole = overlap(a, features(body), Mode.TEXTS, idf)
    lead = overlap(a, lead_and_count(body)[0], Mode.TEXTS, idf)
    w = body_table()["lead_weight"]
    return Overlap((1 - w) * whole.score + w * lead.score, whole.words, whole.names)


def strong_hedges(body: Features) -> tuple[str, ...]:
    """The body's hedges and open-truth phrases, without plain attribution ("said")."""
    weak = frozenset(body_table()["weak_hedges"])
    hedges = tuple(w for w in body.cues.get("hedge", ()) if w not in weak)
    return hedges + body.cues.get("unverified", ())


def relate_body(a: str, body: str, idf: Mapping[str, float] | None = None) -> Judgement:
    """The stance of an article ``body`` toward the claim ``a``."""
    data = body_table()
    fa, fb = features(a), features(body)
    o = body_overlap(fa, body, idf)
    score = round(o.score, 4)
    if o.score < data["related"]:
        return RelationKind.UNRELATED, score, ()
    common = (Reason("shared-content", "the same content words", o.words[:8]),)
    refutes = fb.cues.get("refute", ())
    if len(refutes) >= data["refute_min"] and not fa.has("refute"):
        why = Reason(
            "refuted", "the body keeps calling the content false", tuple(dict.fromkeys(refutes))
        )
        return RelationKind.CONTRADICTS, score, (why, *common)
    if certainty(Side(fa)) in ("hedged", "unverified"):
        why = Reason("certainty-difference", "the claim itself is hedged", fa.cues.get("hedge", ()))
        return RelationKind.RELATED, score, (why, *common)
    hedges = strong_hedges(fb)
    if len(hedges) / lead_and_count(body)[1] <= data["hedge_rate"]:
        return RelationKind.AGREES, score, common
    why = Reason("certainty-difference", "the body hedges", tuple(dict.fromkeys(hedges))[:8])
    return RelationKind.RELATED, score, (why, *common)
