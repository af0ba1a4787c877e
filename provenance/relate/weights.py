"""Word weights: what the relation engine learns from a corpus, fitted once and passed in.

A content word shared by two texts counts by its smoothed idf over the corpus: a word
most texts hold ("said", "people") counts little, a rare name much. Fit the weights on
the whole corpus once (``WordWeights.fit``) and pass them to every call, so a relation
never depends on how the corpus was split into batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from provenance.relate.features import Features, features
from provenance.relate.rules import idf_table


@attrs.frozen
class WordWeights:
    """The idf of each content word (as ``features`` normalises it) of a corpus; key ``""``
    holds the weight of a word the corpus lacks."""

    idf: Mapping[str, float] = attrs.field(hash=False, repr=False)
    documents: int = 0

    @classmethod
    def fit(cls, texts: Iterable[str]) -> WordWeights:
        """Weights over ``texts``, each text one document (pass distinct texts to count
        a repeated one once)."""
        return cls.of_features([features(text) for text in texts])

    @classmethod
    def of_features(cls, texts: Iterable[Features]) -> WordWeights:
        """Weights over texts whose features are already computed."""
        found = list(texts)
        return cls(idf_table(found), len(found))
