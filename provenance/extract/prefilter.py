"""Cheap tests that tell a rule cannot match, before its regex runs (see ``extract.scan``).

``folded`` and ``letter_runs`` give a sentence's runs of ASCII letters in one pass of
``bytes.translate``; ``at_start`` tells a pattern that only matches at the sentence start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from provenance.lang.en.tokens import LETTERS

_FOLD = bytes.maketrans(
    bytes(range(256)),
    bytes(c | 32 if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256)),
)


def folded(sentence: str) -> str:
    """``sentence`` with its ASCII letters in lower case and every other character a
    space, between two spaces: ``" " + run + " "`` finds a run of letters (offset + 1)."""
    return " " + sentence.encode("ascii", "replace").translate(_FOLD).decode("ascii") + " "


def letter_runs(sentence: str) -> frozenset[str]:
    """The runs of ASCII letters of ``sentence``, in lower case (see ``first_words``)."""
    return frozenset(folded(sentence).split())


CueIndex = tuple[tuple[int, ...], dict[str, tuple[int, ...]], frozenset[str]]


def cue_index(needs: Sequence[frozenset[str]]) -> CueIndex:
    """For the ``needs_cues`` of each rule: the indices of the rules without any (always
    tried), each word mapped to the indices of the rules it lets through, and the words."""
    always = tuple(i for i, words in enumerate(needs) if not words)
    index: dict[str, list[int]] = {}
    for i, words in enumerate(needs):
        for word in words:
            index.setdefault(word, []).append(i)
    return always, {w: tuple(found) for w, found in index.items()}, frozenset(index)


def passing(index: CueIndex, words: frozenset[str]) -> set[int]:
    """The rules of a ``cue_index`` that need no word or one of ``words``."""
    always, rows, keys = index
    found = set(always)
    for word in words & keys:
        found.update(rows[word])
    return found


def split_forms(forms: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The forms that are one run of ASCII letters, and the first runs of the others.

    A whole word in the sentence matches a word macro where it is one of the first
    forms; where it is one of the first runs, only the regex can tell (a phrase).
    """
    words, leads = set(), set()
    for form in forms:
        lead = LETTERS.match(form)
        if lead is not None and lead.group() == form:
            words.add(form)
        elif lead is not None:
            leads.add(lead.group())
    return frozenset(words), frozenset(leads)


def at_start(pattern: str) -> bool:
    """Whether ``pattern`` only matches at the sentence start: it opens with ``^`` and has
    no ``|`` outside groups and character classes."""
    return pattern.startswith("^") and "|" not in _top_level(pattern)


def _top_level(pattern: str) -> str:
    """The characters of ``pattern`` outside groups, character classes and escapes."""
    kept, depth, i = [], 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            i = _class_end(pattern, i)
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0 and char != ")":
            kept.append(char)
        i += 2 if char == "\\" else 1
    return "".join(kept)


def _class_end(pattern: str, start: int) -> int:
    """The offset after the character class that opens at ``start``."""
    i = start + 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1
