"""Relate texts and claims: agrees, contradicts or related, with a score and the reasons.

``relate_texts`` judges one arbitrary pair (the stance of text b toward claim a);
``relate_pairs`` judges many with idf weights computed on their b sides;
``relate_claims`` finds related claims in a collection without comparing all pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from provenance.relate_body import Judgement, is_long, relate_body
from provenance.relate_rules import Mode, Side, decide, idf_table, overlap
from provenance.relate_text import features


def relate_texts(a: str, b: str, idf: Mapping[str, float] | None = None) -> Judgement:
    """The stance of text ``b`` toward the claim ``a``: relation, score and reasons.

    ``idf`` weights content words (see ``idf_table``); without it every word weighs 1.
    """
    if is_long(b):
        return relate_body(a, b, idf)
    fa, fb = features(a), features(b)
    return decide(Side(fa), Side(fb), overlap(fa, fb, Mode.TEXTS, idf), Mode.TEXTS)


def relate_pairs(pairs: Sequence[tuple[str, str]]) -> list[Judgement]:
    """``relate_texts`` over many pairs, words weighted by idf over the distinct b texts."""
    idf = idf_table([features(b) for b in sorted({b for _, b in pairs})])
    return [relate_texts(a, b, idf) for a, b in pairs]
