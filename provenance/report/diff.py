"""The words to highlight in two related claims: where their wording differs, and reason words.

Pure functions over strings; ranges are ``(start, end)`` character offsets into the text
given, sorted and merged, so a renderer only styles them.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence

from provenance import tables
from provenance.lang.en.tokens import DIFF as _WORD
from provenance.model import Reason, ReasonCode

Ranges = tuple[tuple[int, int], ...]


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words (and lone punctuation marks) of ``text``: normalised form, start, end.

    Cached: a claim's content is compared with every claim it relates to.
    """
    folded = fold(text)  # same length: lower() of these scripts and ’ -> ' keep offsets
    if len(folded) != len(text):
        return tuple((fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text))
    return tuple((folded[m.start() : m.end()], m.start(), m.end()) for m in _WORD.finditer(text))


def fold(word: str) -> str:
    """A word compared without case and with straight apostrophes."""
    return word.lower().replace("’", "'")


def differing(a: str, b: str) -> tuple[Ranges, Ranges]:
    """The words of ``a`` and of ``b`` outside their longest common word runs.

    Nothing is marked when the two are worded too differently to compare
    (``diff_min_similarity`` in data/report.toml).
    """
    ta, tb = tokens(a), tokens(b)
    words_a, words_b = [t[0] for t in ta], [t[0] for t in tb]
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if matcher.ratio() < float(tables.load("report/report")["diff_min_similarity"]):
        return (), ()
    marks_a: list[tuple[int, int]] = []
    marks_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            marks_a += _words(ta[i1:i2])
            marks_b += _words(tb[j1:j2])
    return merged(marks_a), merged(marks_b)


def _words(run: Sequence[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """The ranges of the words in ``run`` (punctuation alone is not worth a highlight)."""
    return [(start, end) for word, start, end in run if word[0].isalnum() or word[0] == "_"]


def phrases(text: str, wanted: Iterable[str]) -> Ranges:
    """Where each phrase of ``wanted`` occurs in ``text``, word for word, ignoring case.

    A lower-case phrase does not match a capitalised word inside a sentence: the hedge
    "may" is not the month in "on May 28".
    """
    found = tokens(text)
    words = [t[0] for t in found]
    marks: list[tuple[int, int]] = []
    for phrase in wanted:
        parts = [t[0] for t in tokens(phrase)]
        if not parts:
            continue
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] == parts and same_case(text, found, i, phrase):
                marks.append((found[i][1], found[i + len(parts) - 1][2]))
    return merged(marks)


def same_case(text: str, found: Sequence[tuple[str, int, int]], i: int, phrase: str) -> bool:
    """Whether the match at word ``i`` may stand for ``phrase`` given capitals."""
    word = text[found[i][1] : found[i][2]]
    if not word[:1].isupper() or word.isupper() or not phrase[:1].islower():
        return True
    return i == 0 or not found[i - 1][0][0].isalnum()


def is_shared(reason: Reason) -> bool:
    """Whether a reason tells what the claims share rather than where they differ."""
    return reason.code in _shared_codes()


@functools.cache
def _shared_codes() -> frozenset[ReasonCode]:
    """The ``shared_reason_codes`` of report.toml (members, checked when the table loads)."""
    return frozenset(map(ReasonCode, tables.load("report/report")["shared_reason_codes"]))


def reason_words(reasons: Iterable[Reason]) -> tuple[str, ...]:
    """The words the reasons name, but for reasons about what the claims share."""
    return tuple(dict.fromkeys(w for r in reasons if not is_shared(r) for w in r.words))


def highlights(a: str, b: str, reasons: Iterable[Reason]) -> tuple[Ranges, Ranges]:
    """What to highlight in ``a`` and ``b``: differing words plus the reasons' words."""
    words = reason_words(reasons)
    diff_a, diff_b = differing(a, b)
    return (
        merged([*diff_a, *phrases(a, words)]),
        merged([*diff_b, *phrases(b, words)]),
    )


def merged(ranges: Iterable[tuple[int, int]]) -> Ranges:
    """Sorted ranges with overlapping or touching-by-one-space ranges joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)
