"""Speaker names: a pronoun speaker ("he said") resolved to the name it stands for.

Reads claims in text order and the document text; writes ``speaker_name``: the
speaker as written, or for a pronoun the nearest fitting name before it (the named
speaker of an earlier claim, else a capitalised name in the text, "Trump, who said"
takes the name just before "who"). No name found: the pronoun stays (refuse to guess).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from provenance import tables
from provenance.model import Claim

_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'.-]*)+")
_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)[\s,]*$")


@functools.cache
def _table() -> dict[str, Any]:
    """The [speakers] table of rules.toml."""
    table: dict[str, Any] = tables.load("extract/rules")["speakers"]
    return table


def is_pronoun(text: str) -> bool:
    """Whether a speaker text is a bare pronoun."""
    return text.lower() in _table()["pronouns"]


def _names_before(text: str, end: int) -> list[tuple[int, str]]:
    """Capitalised names (two words or more) ending before ``end``, as (end, name)."""
    start = max(0, end - int(_table()["window"]))
    names = []
    for match in _NAME.finditer(text, start, end):
        words = match.group().split()
        while words and words[0] in _table()["not_names"]:
            words = words[1:]
        if len(words) >= 2 or (words and match.group() != " ".join(words)):
            names.append((match.end(), " ".join(words)))
    return names


def _antecedent(text: str, claim: Claim, named: list[Claim]) -> str:
    """The name a pronoun speaker stands for, or "" when none fits."""
    assert claim.speaker is not None
    pronoun, start = claim.speaker.text.lower(), claim.speaker.start
    if pronoun in _table()["unresolved"]:
        return ""
    if pronoun in _table()["relative"]:
        match = _BEFORE.search(text, max(0, start - 120), start)
        return match.group(1) if match else ""
    window = start - int(_table()["window"])
    earlier = [c for c in named if c.speaker is not None and window < c.speaker.end <= start]
    if earlier:
        return earlier[-1].speaker_name
    names = _names_before(text, start)
    return names[-1][1] if names else ""


def resolve(text: str, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The claims (in text order) with pronoun speakers resolved in ``speaker_name``."""
    named: list[Claim] = []
    result = []
    for claim in sorted(claims, key=lambda c: c.speaker.start if c.speaker else -1):
        if claim.speaker is not None and is_pronoun(claim.speaker.text):
            name = _antecedent(text, claim, named) or claim.speaker.text
            claim = attrs.evolve(claim, speaker_name=name)
        elif claim.speaker is not None:
            named.append(claim)
        result.append(claim)
    return tuple(result)
