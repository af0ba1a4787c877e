"""Candidate pairs of claims without comparing every claim with every other.

An inverted index maps each key (content word, name, number) to the claims that hold
it; keys held by too many claims are not indexed. Pairs sharing at least
``min_shared`` keys are scored with ``rapidfuzz.process.extract`` (token_set_ratio on
content words, one query per claim against its candidates; ``cdist`` would need numpy)
and kept at or above ``min_fuzz``.
"""

from __future__ import annotations

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
    """Key -> the positions of the texts that hold it, for keys not too common."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(texts):
        for key in sorted(keys(f)):
            index[key].append(i)
    data = table()["claims"]
    limit = max(data["max_df_floor"], data["max_df"] * len(texts))
    return {key: ids for key, ids in index.items() if len(ids) <= limit}


def shared_keys(index: dict[str, list[int]]) -> Counter[tuple[int, int]]:
    """How many indexed keys each pair (i < j) shares."""
    counts: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        counts.update(itertools.combinations(ids, 2))  # ids ascending: i < j
    return counts


def candidate_pairs(texts: Sequence[Features]) -> list[tuple[int, int, float]]:
    """(i, j, rapidfuzz score) for pairs i < j that share enough keys and words, sorted."""
    data = table()["claims"]
    counts = shared_keys(inverted_index(texts))
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(pair for pair, n in counts.items() if n >= data["min_shared"]):
        partners[i].append(j)
    words = [" ".join(sorted(f.content)) for f in texts]
    out: list[tuple[int, int, float]] = []
    for i, js in sorted(partners.items()):
        choices = {j: words[j] for j in js}
        found = process.extract(
            words[i],
            choices,
            scorer=fuzz.token_set_ratio,
            score_cutoff=data["min_fuzz"],
            limit=None,
        )
        out.extend((i, j, float(score)) for _, score, j in found)
    return sorted(out)
