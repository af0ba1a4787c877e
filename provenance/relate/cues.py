"""Cue phrases (hedges, denials, negators …) found in a text by token lookup.

A phrase of ``relate.toml`` is a token sequence; lists are matched in ``cue_order`` and
a token taken by one list is not seen by the next, so "not" inside "could not be
verified" is no negation. Token lookup, not one large regex: bodies are long.
"""

from __future__ import annotations

import functools
from typing import Any

from provenance import tables
from provenance.lang.en.tokens import lower_tokens

Phrase = tuple[str, ...]


def table() -> dict[str, Any]:
    """The relation engine's data table."""
    return tables.load("relate/relate")


def tokens(lower: str) -> list[str]:
    """The tokens of lower-cased text: words, numbers, "n't", "?", ":" and ","
    (``provenance.lang.en.tokens.LOWER``)."""
    return lower_tokens(lower)


@functools.cache
def cue_lists() -> tuple[tuple[str, frozenset[Phrase], dict[str, tuple[int, ...]]], ...]:
    """(name, phrases as token tuples, first token -> phrase lengths longest first) per list."""
    data = table()
    out = []
    for name in data["cue_order"]:
        phrases = frozenset(tuple(tokens(p.lower())) for p in data["cues"][name])
        out.append((name, phrases, first_tokens(phrases)))
    return tuple(out)


def first_tokens(phrases: frozenset[Phrase]) -> dict[str, tuple[int, ...]]:
    """First token -> the lengths of the phrases it starts, longest first."""
    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    return {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()}


@functools.cache
def date_words() -> frozenset[str]:
    """Cue words that are a month when a number follows ("May 28")."""
    return frozenset(table()["cue_exceptions"]["month_before_number"])


def is_date(toks: list[str], start: int, end: int) -> bool:
    """Whether a one-word match is a month name followed by a number."""
    return (
        end - start == 1
        and toks[start] in date_words()
        and end < len(toks)
        and toks[end][0].isdigit()
    )


def match_list(
    toks: list[str],
    taken: list[bool],
    phrases: frozenset[Phrase],
    firsts: dict[str, tuple[int, ...]],
) -> list[tuple[int, int]]:
    """(start, end) token ranges of phrases not overlapping taken tokens, longest first."""
    found: list[tuple[int, int]] = []
    if firsts.keys().isdisjoint(toks):  # most lists: no phrase can start in this text
        return found
    after = 0  # a phrase found ends here: the next one starts at or after it
    for i in [i for i, token in enumerate(toks) if token in firsts]:
        if i < after:
            continue
        for size in firsts[toks[i]]:
            hit = tuple(toks[i : i + size]) in phrases and not is_date(toks, i, i + size)
            if hit and not any(taken[i : i + size]):
                found.append((i, i + size))
                after = i + size
                break
    return found


def find_cues(toks: list[str]) -> tuple[dict[str, list[tuple[int, int]]], list[bool]]:
    """Token ranges of each cue list's phrases, and which tokens a cue took."""
    taken = [False] * len(toks)
    found: dict[str, list[tuple[int, int]]] = {}
    for name, phrases, firsts in cue_lists():
        ranges = match_list(toks, taken, phrases, firsts)
        for start, end in ranges:
            taken[start:end] = [True] * (end - start)
        if ranges:
            found[name] = ranges
    return found, taken


def phrase_text(toks: list[str], span: tuple[int, int]) -> str:
    """The phrase of a token range, as written in the data."""
    return (
        " ".join(toks[span[0] : span[1]])
        .replace(" n't", "n't")
        .replace(" :", ":")
        .replace(" ,", ",")
    )
