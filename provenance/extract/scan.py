"""The rule matches of one sentence (``Scan``), with the work rules share done once.

A rule with an ``anchor`` is tried only at phrase starts a little before each match of
its anchor; anchors are only looked for where a word of ``rules.anchor_words()`` starts.
A rule with a ``speaker_window`` is not tried before the barrier in front of its anchor
(a quotation mark, a semicolon, a colon, the third comma back, or a word that no
speaker, date or auxiliary holds), where it cannot match.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any, Generic, TypeVar

from provenance.extract import prefilter, rules
from provenance.lang.en.tokens import PIECE as _PIECE
from provenance.lang.en.tokens import SPACED as _TOKEN

_HARD = frozenset(("''", ";", ":", "“", "”", '"'))
_SHORT = 5  # a phrase of at most this many words may start after any word
_COMMAS = 5  # a speaker holds an age and an appositive with a town and state: four commas
_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


_T = TypeVar("_T")


class _once(Generic[_T]):  # lower case: used as a decorator, like functools.cached_property
    """A property computed on first use and then kept in the instance (no lock, unlike
    ``functools.cached_property`` in Python 3.11, whose lock costs more than our work)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


def may_hold_claim(sentence: str) -> bool:
    """Whether ``sentence`` has a trigger word (no claim without one)."""
    return Scan(sentence).may_hold_claim()


class Scan:
    """The rule matches of one sentence, with the phrase starts and anchors shared by rules."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._anchors: dict[tuple[str, tuple[frozenset[str], frozenset[str]]], list[int]] = {}
        self._needs: dict[tuple[str, bool, frozenset[str]], bool] = {}
        self._tried: dict[str, dict[int, re.Match[str] | None]] = {}
        self._barriers: dict[int, int] = {}
        self._heads: dict[tuple[str, int], dict[int, bool]] = {}
        self._starts_at: dict[tuple[int, int, int], list[int]] = {}
        self._runs: dict[frozenset[str], list[int]] = {}
        self._last: dict[str, int] = {}  # by pattern source: a Pattern hashes its whole code
        self._first: dict[str, float] = {}

    def may_hold_claim(self) -> bool:
        """Whether the sentence has a trigger word or mark (no claim without one)."""
        if not self.letter_runs.isdisjoint(rules.trigger_words()):
            return True
        return any(mark in self.sentence for mark in rules.trigger_marks())

    def live(self) -> list[int]:
        """The indices of the rules whose ``needs_cues`` and ``needs_words`` the sentence
        passes, in order (one look-up per word instead of one test per rule)."""
        cues, words = _indices()
        found = prefilter.passing(cues, self.letter_runs)
        return sorted(
            found.intersection(prefilter.passing(words, self.word_set)) if found else found
        )

    def matches(self, rule: rules.Rule) -> Iterator[re.Match[str]]:
        """The matches of ``rule``: anywhere, or at phrase starts before its anchors."""
        if not self._may_match(rule):
            return iter(())
        return self.live_matches(rule)

    def live_matches(
        self,
        rule: rules.Rule,
        taken: Sequence[tuple[int, int]] = (),
        quoted: Sequence[tuple[int, int]] = (),
    ) -> Iterator[re.Match[str]]:
        """The matches of a rule that ``live`` lets through (its ``needs`` still tested).

        An anchor inside one of the ``taken`` spans (cues already claimed) is not tried,
        nor one whose starts all lie strictly inside one of the ``quoted`` spans with it
        (a cue that starts inside a quotation is no cue). Both are ``(start, end)``
        offsets, sorted and not overlapping (looked up by bisection).
        """
        if rule.needs is not None and not self._holds(rule):
            return iter(())
        if rule.anchor:
            return self._anchored(rule, taken, quoted)
        return self._searched(rule)

    def _may_match(self, rule: rules.Rule) -> bool:
        """Whether the sentence holds a cue word and a word of the rule, if it needs any."""
        if rule.needs_cues and self.letter_runs.isdisjoint(rule.needs_cues):
            return False
        return not rule.needs_words or not self.word_set.isdisjoint(rule.needs_words)

    def _holds(self, rule: rules.Rule) -> bool:
        """Whether the sentence holds the rule's ``needs`` (looked up once per pattern):
        anywhere, or only where one of its ``needs_cues`` words starts."""
        assert rule.needs is not None
        key = (rule.needs.pattern, rule.needs_at_cue, rule.needs_cues)
        if key not in self._needs:
            if rule.needs_at_cue:
                starts = self.run_starts(rule.needs_cues)
                found = any(rule.needs.match(self.sentence, start) for start in starts)
            else:
                found = rule.needs.search(self.sentence) is not None
            self._needs[key] = found
        return self._needs[key]

    def run_starts(self, words: frozenset[str]) -> list[int]:
        """Where a run of letters that is one of ``words`` (lower case) starts, in order
        (computed once per word set)."""
        found = self._runs.get(words)
        if found is None:
            found = self._runs[words] = sorted(
                start for word in self.letter_runs.intersection(words) for start in self._at(word)
            )
        return found

    def _at(self, word: str) -> Iterator[int]:
        """Where the run of letters ``word`` starts."""
        text, key = self._folded, f" {word} "
        found = text.find(key)
        while found >= 0:
            yield found
            found = text.find(key, found + 1)

    def _searched(self, rule: rules.Rule) -> Iterator[re.Match[str]]:
        """The matches of a rule anywhere in the sentence, one per cue."""
        pos = 0
        while pos <= len(self.sentence):
            match = rule.regex.search(self.sentence, pos)
            if match is None:
                return
            yield match
            pos = match.end("cue")

    def _anchored(
        self,
        rule: rules.Rule,
        taken: Sequence[tuple[int, int]] = (),
        quoted: Sequence[tuple[int, int]] = (),
    ) -> Iterator[re.Match[str]]:
        """The leftmost match covering each anchor, starting up to ``reach`` before it
        (see ``live_matches`` for ``taken`` and ``quoted``)."""
        assert rule.anchor is not None
        last = self._last_start(rule.needs_after) if rule.needs_after is not None else math.inf
        first = self._first_start(rule.needs_before) if rule.needs_before is not None else -1
        for anchor in self.anchor_starts(rule.anchor, rule.anchor_forms):
            if anchor >= last or anchor <= first or _inside(taken, anchor, anchor):
                continue
            match = self._leftmost(rule, anchor, quoted)
            if match is not None:
                yield match

    def _last_start(self, pattern: re.Pattern[str]) -> int:
        """Where the last match of ``pattern`` starts, -1 without one (computed once): an
        anchor at or after it has no match of a rule's ``needs_after`` after it."""
        last = self._last.get(pattern.pattern)
        if last is None:
            last, found = -1, pattern.search(self.sentence)
            while found is not None:
                last = found.start()
                found = pattern.search(self.sentence, last + 1)
            self._last[pattern.pattern] = last
        return last

    def _first_start(self, pattern: re.Pattern[str]) -> float:
        """Where the first match of ``pattern`` starts, infinity without one (computed
        once): an anchor at or before it has no match of a rule's ``needs_before`` before it."""
        first = self._first.get(pattern.pattern)
        if first is None:
            found = pattern.search(self.sentence)
            first = self._first[pattern.pattern] = math.inf if found is None else found.start()
        return first

    def _leftmost(
        self, rule: rules.Rule, anchor: int, quoted: Sequence[tuple[int, int]] = ()
    ) -> re.Match[str] | None:
        """The match of ``rule`` from the leftmost start whose cue covers ``anchor``;
        None without trying when the starts and ``anchor`` lie inside a ``quoted`` span
        (the cue, which starts between them, would start inside it)."""
        floor = self._barrier(anchor) if rule.window else 0
        head = rule.head
        starts = self._starts(anchor, rule.reach, floor)
        if not starts or _inside(quoted, starts[0] - 1, anchor):
            return None
        if rule.at_start:  # a match from any later start fails at once
            starts = starts[:1] if starts and starts[0] == 0 else []
        text, regex = self.sentence, rule.regex
        tried = self._tried.setdefault(rule.id, {})  # by start
        heads = self._heads.setdefault((head.pattern, anchor), {}) if head is not None else {}
        for start in starts:  # the scan's hottest loop
            if head is not None:
                fits = heads.get(start)
                if fits is None:
                    fits = heads[start] = head.fullmatch(text, start, anchor) is not None
                if not fits:
                    continue
            if start in tried:
                match = tried[start]
            else:
                match = tried[start] = regex.match(text, start)
            if match is not None and match.start("cue") <= anchor < match.end("cue"):
                return match
        return None

    @_once
    def _folded(self) -> str:
        """The sentence folded to its runs of letters (see ``prefilter.folded``)."""
        return prefilter.folded(self.sentence)

    @_once
    def letter_runs(self) -> frozenset[str]:
        """The runs of ASCII letters of the sentence, in lower case."""
        return frozenset(self._folded.split())

    @_once
    def pieces(self) -> list[tuple[int, str]]:
        """The words and the punctuation that bounds a speaker, with their offsets."""
        return [(m.start(), m.group()) for m in _PIECE.finditer(self.sentence)]

    @_once
    def word_set(self) -> frozenset[str]:
        """The words of the sentence, in lower case."""
        return frozenset(map(str.lower, map(itemgetter(1), self.pieces)))

    @_once
    def cue_pieces(self) -> list[tuple[int, str]]:
        """The words that may start an anchor, with their offsets."""
        words = rules.anchor_words()
        if self.letter_runs.isdisjoint(words):
            return []
        return [(start, piece) for start, piece in self.pieces if piece.lower() in words]

    def anchor_starts(
        self, anchor: re.Pattern[str], forms: tuple[frozenset[str], frozenset[str]] = _NONE
    ) -> list[int]:
        """Where ``anchor`` matches (at a cue word; computed once per sentence). With the
        ``forms`` of an anchor of cue words, a word that is a form matches at once and
        only the first word of a phrase needs the regex."""
        key = (anchor.pattern, forms)
        if key not in self._anchors:
            text = self.sentence
            words, leads = forms
            self._anchors[key] = [
                p
                for p, piece in self.cue_pieces
                if piece in words or ((piece in leads or not words) and anchor.match(text, p))
            ]
        return self._anchors[key]

    def _barrier(self, anchor: int) -> int:
        """The leftmost offset a speaker before ``anchor`` may start at (computed once)."""
        if anchor not in self._barriers:
            self._barriers[anchor] = _barrier(self.pieces, anchor)
        return self._barriers[anchor]

    @_once
    def _phrases(self) -> tuple[list[int], list[int]]:
        """Word starts, and the starts of a long phrase (see ``_phrase_starts``)."""
        return _phrase_starts(self.sentence)

    def _starts(self, anchor: int, reach: int, floor: int) -> list[int]:
        """Phrase starts within ``reach`` before ``anchor``, and the few words just before
        it, none before ``floor`` (computed once)."""
        key = (anchor, reach, floor)
        if key not in self._starts_at:
            self._starts_at[key] = _starts(self._phrases, anchor, reach, floor)
        return self._starts_at[key]


def _inside(spans: Sequence[tuple[int, int]], first: int, last: int) -> bool:
    """Whether one of ``spans`` (sorted, not overlapping) starts at or before ``first``
    and ends after ``last``."""
    index = bisect.bisect_right(spans, (first, math.inf)) - 1
    return index >= 0 and last < spans[index][1]


@functools.cache
def _indices() -> tuple[prefilter.CueIndex, prefilter.CueIndex]:
    """The ``prefilter.cue_index`` of the rules' ``needs_cues`` and of their ``needs_words``."""
    table = rules.rules()
    cues = prefilter.cue_index([rule.needs_cues for rule in table])
    return cues, prefilter.cue_index([rule.needs_words for rule in table])


def _starts(phrases: tuple[list[int], list[int]], anchor: int, reach: int, floor: int) -> list[int]:
    """Phrase starts within ``reach`` before ``anchor``, and the few words just before
    it, none before ``floor``."""
    words, bounded = phrases
    near = bisect.bisect_right(words, anchor)
    lo = bisect.bisect_left(bounded, max(anchor - reach, floor))
    hi = bisect.bisect_right(bounded, anchor)
    short = (w for w in words[max(0, near - _SHORT) : near] if w >= floor)
    return sorted(set(bounded[lo:hi]).union(short))


def _barrier(pieces: list[tuple[int, str]], anchor: int) -> int:
    """Where the window of a speaker before ``anchor`` begins: after a quotation mark,
    a semicolon, a colon or the third comma back, or at a word no speaker holds (any
    word of an appositive, the part between the last two commas, counts as held)."""
    index = bisect.bisect_left(pieces, (anchor, "")) - 1
    commas = 0
    while index >= 0:
        start, piece = pieces[index]
        if piece in _HARD or (piece == "," and (commas := commas + 1) >= _COMMAS):
            return start + len(piece)
        if _bars(piece):
            opening = _comma_before(pieces, index) if commas == 1 else None
            if opening is None:
                return start
            index = opening + 1
        index -= 1
    return 0


def _bars(piece: str) -> bool:
    """A word that no speaker, date or auxiliary holds (all-capital words never bar)."""
    lower = piece.lower()
    return lower in rules.barrier_words() and not lower.endswith("ly") and not piece[-2:].isupper()


def _comma_before(pieces: list[tuple[int, str]], index: int) -> int | None:
    """The index of the comma before ``index`` (no quotation mark between), if any."""
    while index >= 0 and pieces[index][1] not in _HARD and pieces[index][1] != ",":
        index -= 1
    return index if index >= 0 and pieces[index][1] == "," else None


def _phrase_starts(sentence: str) -> tuple[list[int], list[int]]:
    """Word starts, and those after a boundary (a stop word or punctuation) where a long
    phrase may begin; a phrase of at most ``_SHORT`` words may start anywhere."""
    stop = rules.stop_words()
    words: list[int] = []
    bounded: list[int] = []
    previous = ""
    for token in _TOKEN.finditer(sentence):
        start = token.end(1)
        words.append(start)
        if not previous or not previous[-1].isalnum() or previous.lower() in stop:
            bounded.append(start)
        previous = token.group()
    return words, bounded
