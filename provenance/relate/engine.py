"""Relate texts and claims: agrees, contradicts or related, with a score and the reasons.

``relate_texts`` judges one arbitrary pair (the stance of text b toward claim a);
``relate_pairs`` judges many; ``relate_claims`` finds related claims in a collection
without comparing all pairs. Each takes the ``WordWeights`` fitted on a corpus; without
them, ``relate_pairs`` fits them on its distinct b texts and ``relate_claims`` on its
claims' contents, so a result then depends on the batch it was judged in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from provenance.model import Claim, Reason, Relation, RelationKind
from provenance.relate.body import Judgement, is_long, relate_body
from provenance.relate.candidates import candidate_pairs
from provenance.relate.copies import group_copies
from provenance.relate.cues import table
from provenance.relate.features import Features, features
from provenance.relate.pointer import pointer_relations
from provenance.relate.proposition import claim_overlap, decide_claims
from provenance.relate.rules import Mode, Side, decide, overlap
from provenance.relate.weights import WordWeights


def relate_texts(a: str, b: str, weights: WordWeights | None = None) -> Judgement:
    """The stance of text ``b`` toward the claim ``a``: relation, score and reasons.

    ``weights`` weigh content words (``WordWeights.fit``); without them every word weighs 1.
    """
    idf = weights.idf if weights is not None else None
    if is_long(b):
        return relate_body(a, b, idf)
    fa, fb = features(a), features(b)
    return decide(Side(fa), Side(fb), overlap(fa, fb, Mode.TEXTS, idf), Mode.TEXTS)


def relate_pairs(
    pairs: Sequence[tuple[str, str]], weights: WordWeights | None = None
) -> list[Judgement]:
    """``relate_texts`` over many pairs (default weights: fitted on the distinct b texts)."""
    if weights is None:
        weights = WordWeights.fit(sorted({b for _, b in pairs}))
    return [relate_texts(a, b, weights) for a, b in pairs]


def relate_claims(
    claims: Sequence[Claim], weights: WordWeights | None = None
) -> tuple[Relation, ...]:
    """Agreements, contradictions and related pairs among ``claims`` (ids a < b, sorted).

    Copies of one statement (``relate.copies``) are related once, through their
    representative (the smallest id): every relation names representatives, and copies
    never relate to each other. Candidates come from an inverted index (``candidates``);
    claims of one document are compared too. Unrelated pairs are left out; so are claims
    whose stance takes no side. Default weights: fitted on the distinct statements that
    take a side (a copy counts once).
    """
    skip = frozenset(table()["claims"]["skip_stances"])
    usable = sorted((c for c in claims if c.content and c.stance not in skip), key=lambda c: c.id)
    copies = group_copies(usable)
    distinct = [c for c in usable if copies.of(c.id) == c.id]
    texts = [features(c.content_text) for c in distinct]
    idf = (weights or WordWeights.of_features(texts)).idf
    found = {}
    for i, j, _ in candidate_pairs(texts):
        if same_words(distinct[i], distinct[j]):
            continue
        judged = judge_claims((distinct[i], texts[i]), (distinct[j], texts[j]), idf)
        if judged is not None:
            found[(judged.a, judged.b)] = judged
    for relation in pointer_relations(usable):
        a, b = sorted((copies.of(relation.a), copies.of(relation.b)))
        if a != b:
            found[(a, b)] = attrs.evolve(relation, a=a, b=b)
    return tuple(found[key] for key in sorted(found))


def same_words(x: Claim, y: Claim) -> bool:
    """Whether two claims of one document share content characters (one text read twice)."""
    if x.doc != y.doc:
        return False
    return any(s.start < t.end and t.start < s.end for s in x.content for t in y.content)


def judge_claims(
    first: tuple[Claim, Features], second: tuple[Claim, Features], idf: Mapping[str, float]
) -> Relation | None:
    """The relation of two claims (with their content's features), or None when unrelated."""
    (x, fx), (y, fy) = first, second
    o = claim_overlap(fx, fy, idf)
    kind, score, reasons = decide_claims(Side(fx, x.stance), Side(fy, y.stance), o)
    if kind is RelationKind.UNRELATED:
        return None
    a, b = sorted((x.id, y.id))
    return Relation(a, b, kind, score, reasons)


__all__ = [
    "Judgement",
    "Reason",
    "WordWeights",
    "relate_claims",
    "relate_pairs",
    "relate_texts",
]
