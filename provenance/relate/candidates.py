"""Candidate pairs of claims without comparing every claim with every other.

An inverted index maps each key (content word, name, number) to the claims that hold
it; keys held by too many claims are not indexed (a share of the corpus, and a fixed
cap). Pairs sharing at least ``min_shared`` keys, at most ``max_per_claim`` a claim
(the rarest shared keys first), are scored with ``rapidfuzz.process.extract`` (token_set_ratio on
content words, one query per claim against its candidates; ``cdist`` would need numpy)
and kept at or above ``min_fuzz``.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from provenance.relate.cues import table
from provenance.relate.features import Features


def keys(f: Features) -> frozenset[str]:
    """The index keys of a text: content words, names of several words, numbers with unit."""
    numbers = {f"{q.low:g}~{q.unit}" for q in f.numbers}
    return f.content | {f"name:{n}" for n in f.names if " " in n} | numbers


def inverted_index(texts: Sequence[Features]) -> dict[str, list[int]]:
    """Key -> the positions of the texts that hold it, for keys not too common.

    A key is too common above a share of the texts (``[claims] max_df``, at least
    ``max_df_floor``) and, whatever the corpus size, above ``[candidates] max_postings``.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(texts):
        for key in sorted(keys(f)):
            index[key].append(i)
    data = table()["claims"]
    limit = min(
        max(data["max_df_floor"], data["max_df"] * len(texts)),
        table()["candidates"]["max_postings"],
    )
    return {key: ids for key, ids in index.items() if len(ids) <= limit}


def postings_of(index: dict[str, list[int]], size: int) -> list[list[list[int]]]:
    """For each text, the posting lists of its indexed keys."""
    held: list[list[list[int]]] = [[] for _ in range(size)]
    for ids in index.values():
        for i in ids:
            held[i].append(ids)
    return held


def partners(i: int, postings: Sequence[Sequence[int]], min_shared: int, best: int) -> list[int]:
    """The later texts (j > i) sharing at least ``min_shared`` indexed keys with text ``i``:
    at most ``best`` of them, those sharing the rarest keys first, in position order.

    A shared key weighs 1 / its posting list's length, so a pair sharing two words held by
    a handful of texts outranks one sharing several words held by a hundred.
    """
    later = [ids[bisect.bisect_right(ids, i) :] for ids in postings]  # ids ascending
    shared = Counter(itertools.chain.from_iterable(later))  # counted in C
    found = [j for j, n in shared.items() if n >= min_shared]
    if len(found) > best:  # rare: the weights only then, summed in the same order
        weight: dict[int, float] = dict.fromkeys(found, 0.0)
        for ids, after in zip(postings, later, strict=True):
            rarity = 1 / len(ids)
            for j in after:
                if j in weight:
                    weight[j] += rarity
        found = sorted(found, key=lambda j: (-weight[j], -shared[j], j))[:best]
    return sorted(found)


def candidate_pairs(texts: Sequence[Features]) -> list[tuple[int, int, float]]:
    """(i, j, rapidfuzz score) for pairs i < j that share enough keys and words, sorted.

    Each text is paired with at most ``[candidates] max_per_claim`` later texts, and no
    key is held by more than ``max_postings``: the work grows with the number of texts,
    not with its square.
    """
    data = table()["claims"]
    best = table()["candidates"]["max_per_claim"]
    held = postings_of(inverted_index(texts), len(texts))
    words = [" ".join(sorted(f.content)) for f in texts]
    out: list[tuple[int, int, float]] = []
    for i, postings in enumerate(held):
        js = partners(i, postings, data["min_shared"], best)
        if not js:
            continue
        found = process.extract(
            words[i],
            {j: words[j] for j in js},
            scorer=fuzz.token_set_ratio,
            score_cutoff=data["min_fuzz"],
            limit=None,
        )
        out.extend((i, j, float(score)) for _, score, j in found)
    return sorted(out)
