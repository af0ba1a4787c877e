"""Candidate pairs from the inverted index, scored by rapidfuzz."""

from __future__ import annotations

from provenance.relate.candidates import candidate_pairs, inverted_index
from provenance.relate.features import features


def test_candidates_need_two_shared_keys() -> None:
    """Texts sharing two rare words pair up; one shared word is not enough."""
    texts = [
        features("Al-Baghdadi is dead, the ministry said"),
        features("Al-Baghdadi may be dead"),
        features("Al-Baghdadi visited Mosul"),
        features("The weather in Paris was fine"),
    ]
    pairs = {(i, j) for i, j, _ in candidate_pairs(texts)}
    assert pairs == {(0, 1)}


def test_common_keys_are_not_indexed() -> None:
    """A word held by most texts is left out of the index."""
    texts = [features(f"attack number {n} on town{n} reported") for n in range(200)]
    index = inverted_index(texts)
    assert "attack" not in index
    assert "town7" in index


def test_no_candidates_from_nothing() -> None:
    """No texts, no pairs."""
    assert candidate_pairs([]) == []
