"""Anchoring by words: find a claim's quoted text in its document, offsets computed here.

claims.toml holds words, never character positions (like W3C Web Annotation's
TextQuoteSelector). Text is compared *folded*: every run of whitespace (of any kind) is
one space; curly and straight quotes are one quote; dash variants are one dash; soft
hyphens and zero-width characters are nothing; ``…`` is ``...``. A folded match is
mapped back to the original offsets, so ``text[start:end]`` is always the article's
own characters. When the words occur more than once, the context written beside them
(``before``/``after``) chooses; a fragment not found exactly is aligned fuzzily
(rapidfuzz, thresholds in ``data/ledger.toml``), and what is not found is LOST.
"""

from __future__ import annotations

import bisect
import enum
import functools
import operator
import re
from collections.abc import Sequence

import attrs
from rapidfuzz import fuzz

from provenance import tables
from provenance.model import Claim, Span

UNANCHORED = -1
CONTEXT_CHARS = 32  # characters of context kept on each side of repeated words
GAP = 24  # how far from the words their context may stand (a person trimmed them)
_SPACE = " "
_GONE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_SAME = {
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‘’‚‛′`", "'"),
    **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    "…": "...",
}


class Outcome(enum.Enum):
    """How anchoring a claim went."""

    FOUND = "found"  # every fragment found exactly (folded)
    FUZZY = "fuzzy"  # found only approximately: the words in the article changed
    LOST = "lost"  # some fragment is not in the text


@attrs.frozen
class Folded:
    """A text folded for matching, and where each folded character came from.

    Most characters fold to themselves; only the *pieces* that do not (runs of spaces,
    quotes, dashes, ellipses, invisible characters) are recorded, in order. A character
    after a piece stands where the piece ended in the original, plus its distance."""

    text: str
    at: tuple[int, ...] = ()  # where each piece starts in the folded text
    size: tuple[int, ...] = ()  # its folded length (0: it folded to nothing)
    first: tuple[int, ...] = ()  # where its folded characters start in the original
    last: tuple[int, ...] = ()  # where they end in the original
    resume: tuple[int, ...] = ()  # where the original goes on after it

    def start(self, index: int) -> int:
        """Where the folded character ``index`` starts in the original."""
        piece = bisect.bisect_right(self.at, index) - 1
        if piece < 0:
            return index
        inside = index - self.at[piece]
        if inside < self.size[piece]:
            return self.first[piece]
        return self.resume[piece] + inside - self.size[piece]

    def end(self, index: int) -> int:
        """Where the folded character ``index`` ends in the original."""
        piece = bisect.bisect_right(self.at, index) - 1
        if piece >= 0 and index - self.at[piece] < self.size[piece]:
            return self.last[piece]
        return self.start(index) + 1

    def ranges(self, ats: Sequence[int], length: int) -> tuple[list[int], list[int]]:
        """``start(at)`` and ``end(at + length - 1)`` of each of ``ats``: where folded
        ranges of ``length`` characters start and end in the original (one loop)."""
        at, size, first, last, resume = self.at, self.size, self.first, self.last, self.resume
        right = bisect.bisect_right
        starts: list[int] = []
        ends: list[int] = []
        for index in ats:
            piece = right(at, index) - 1
            inside = index - at[piece] if piece >= 0 else 0
            if piece < 0:
                starts.append(index)
            elif inside < size[piece]:
                starts.append(first[piece])
            else:
                starts.append(resume[piece] + inside - size[piece])
            index += length - 1
            piece = right(at, index) - 1
            if piece < 0:
                ends.append(index + 1)
                continue
            inside = index - at[piece]
            if inside < size[piece]:
                ends.append(last[piece])
            else:
                ends.append(resume[piece] + inside - size[piece] + 1)
        return starts, ends

    def span(self, start: int, end: int, original: str) -> Span:
        """The original span of the folded range ``[start, end)``."""
        return Span.of(original, self.start(start), self.end(end - 1))


def fold_char(char: str) -> str:
    """What one character is when matching."""
    if char in _GONE:
        return ""
    if char.isspace():
        return _SPACE
    return _SAME.get(char, char)


# The pieces of a text whose folded length differs from their own: a run of two or more
# whitespace and invisible characters (a line break and the spaces around it, two spaces;
# any run holding more than one plain space), a lone whitespace character that is not a
# plain space, a lone invisible one, and an ellipsis. A lone plain space folds to itself;
# every other character folds to one character (a quote, a dash: ``_ONE``), in place.
# The same as ``[\s…]{2,}|[^\S ]|[…]``, written to start with one set of characters named
# one by one (no Unicode category asked): the regex engine skips to the next character of
# it (a document's pieces are found in half the time). ``WHITE`` is every character
# ``str.isspace`` knows (none is above U+3000; a test checks it).
WHITE = "".join(char for char in map(chr, range(0x3001)) if char.isspace())
_GONE_SET = re.escape("".join(sorted(_GONE)))
_RUN = re.escape(WHITE) + _GONE_SET  # what runs of two or more are made of
_LONE = re.escape(WHITE.replace(" ", ""))  # whitespace that is not a plain space
_PIECE = re.compile(f"[{_RUN}…](?:(?<=[{_RUN}])[{_RUN}]+|(?<=[{_LONE}])|(?<=[{_GONE_SET}…]))")
_ONE = tuple(sorted((char, same) for char, same in _SAME.items() if len(same) == 1))


def fold(text: str) -> Folded:
    """``text`` folded (whitespace collapsed, quotes, dashes, ellipses unified).

    A run of whitespace and invisible characters is one space, standing where its first
    whitespace character starts and its last one ends (none: it is nothing)."""
    chars: list[str] = []
    at: list[int] = []
    size: list[int] = []
    first: list[int] = []
    last: list[int] = []
    resume: list[int] = []
    length = copied = 0
    for match in _PIECE.finditer(text):
        begin, stop = match.span()
        if begin > copied:
            chars.append(text[copied:begin])
            length += begin - copied
        piece = match.group()
        same = _SAME.get(piece)
        if same is not None:
            out, low, high = same, begin, begin + 1
        elif piece.isspace():  # whitespace only (most pieces: line breaks)
            out, low, high = _SPACE, begin, stop
        else:
            spaces = [n for n, char in enumerate(piece) if char.isspace()]
            out = _SPACE if spaces else ""
            low, high = (begin + spaces[0], begin + spaces[-1] + 1) if spaces else (begin, begin)
        chars.append(out)
        at.append(length)
        size.append(len(out))
        first.append(low)
        last.append(high)
        resume.append(stop)
        length += len(out)
        copied = stop
    chars.append(text[copied:])
    joined = _unified("".join(chars))  # the pieces folded; between them, one character to one
    return Folded(joined, *map(tuple, (at, size, first, last, resume)))


@functools.lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The folded form of ``text``, trimmed: what two spellings share when they match."""
    return " ".join(_unified(text).split())


_ASCII_SAME = tuple(sorted((char, same) for char, same in _SAME.items() if char.isascii()))


def _unified(text: str) -> str:
    """``text`` with invisible characters gone and each quote, dash and ellipsis in its one
    form (``fold_char``), by replacing only what is there (``str.translate`` would look
    up every character); whitespace is left as it is."""
    if text.isascii():  # most texts: only an ASCII quote may need its other form
        for char, same in _ASCII_SAME:
            if char in text:
                text = text.replace(char, same)
        return text
    for char in _GONE:
        if char in text:
            text = text.replace(char, "")
    for char, same in _ONE:
        if char in text:
            text = text.replace(char, same)
    if "…" in text:
        text = text.replace("…", "...")
    return text


@functools.lru_cache(maxsize=64)
def folded(text: str) -> Folded:
    """``fold`` remembered for the last documents (many claims share one text)."""
    return fold(text)


def occurrences(text: str, needle: str) -> list[Span]:
    """Every place ``needle`` is in ``text`` (folded match), in text order."""
    return [Span.of(text, start, end) for start, end in places(text, needle)]


def places(text: str, needle: str) -> list[tuple[int, int]]:
    """``occurrences`` as (start, end) offsets in ``text``, no span made."""
    doc, want = folded(text), key(needle)
    found: list[tuple[int, int]] = []
    last = len(want) - 1
    at = doc.text.find(want) if want else -1
    while at >= 0:
        found.append((doc.start(at), doc.end(at + last)))
        at = doc.text.find(want, at + 1)
    return found


def same(a: str, b: str) -> bool:
    """The two texts are the same words (folded)."""
    return key(a) == key(b)


def context(text: str, span: Span) -> tuple[str, str]:
    """A few words before and after ``span``, cut at word boundaries."""
    before = text[max(0, span.start - CONTEXT_CHARS) : span.start]
    after = text[span.end : span.end + CONTEXT_CHARS]
    if span.start > CONTEXT_CHARS and " " in before.strip():
        before = before.split(" ", 1)[1]
    if len(text) - span.end > CONTEXT_CHARS and " " in after.strip():
        after = after.rsplit(" ", 1)[0]
    return " ".join(before.split()), " ".join(after.split())


def repeated(text: str, words: str) -> bool:
    """The words occur more than once in the text (so context must tell them apart).

    Counted in the folded text: each folded place is one of ``places``, none placed; a
    second place is looked for after the first (overlapping ones count, as there)."""
    doc, want = folded_text(text), key(words)
    at = doc.find(want) if want else -1
    return at >= 0 and doc.find(want, at + 1) >= 0


@functools.lru_cache(maxsize=64)
def folded_text(text: str) -> str:
    """``fold(text).text`` alone, made with string methods (no piece is recorded)."""
    text = _unified(text)
    parts = text.split()  # a run of whitespace (invisible characters gone) is one space
    if not parts:
        return _SPACE if text else ""
    joined = " ".join(parts)
    return (_SPACE if text[0].isspace() else "") + joined + (_SPACE if text[-1].isspace() else "")


def anchor(claim: Claim, text: str, hint: tuple[str, str] = ("", "")) -> tuple[Claim, Outcome]:
    """The claim with its content, speaker mention and cue placed in ``text``, and how.

    LOST returns the claim unchanged (its spans keep the offsets they had, or none).
    """
    content = _content(claim, text, hint)
    if content is None:
        return claim, Outcome.LOST
    spans, exact = content
    placed = moved(claim, _near(text, claim.speaker, spans), _near(text, claim.cue, spans), spans)
    return placed, Outcome.FOUND if exact else Outcome.FUZZY


_PLACED = ("id", "doc", "speaker", "cue", "content")  # a Claim's first fields, in order
_REST = operator.attrgetter(*(field.name for field in attrs.fields(Claim)[len(_PLACED) :]))
if tuple(field.name for field in attrs.fields(Claim)[: len(_PLACED)]) != _PLACED:
    raise ImportError("Claim's first fields are not id, doc, speaker, cue, content")


def moved(claim: Claim, speaker: Span | None, cue: Span | None, content: tuple[Span, ...]) -> Claim:
    """``attrs.evolve(claim, speaker=…, cue=…, content=…)``, its other fields passed in
    order (no loop over the fields by name: anchoring makes one a claim)."""
    return Claim(claim.id, claim.doc, speaker, cue, content, *_REST(claim))


def unanchored(text: str) -> Span:
    """A span of words whose place is not known (yet)."""
    return Span(UNANCHORED, UNANCHORED, text)


def _content(
    claim: Claim, text: str, hint: tuple[str, str]
) -> tuple[tuple[Span, ...], bool] | None:
    spans: list[Span] = []
    exact = True
    for number, fragment in enumerate(claim.content):
        if not number and not any(hint):  # the first place is the one chosen: find only it
            first = _first_place(text, fragment.text)
            if first is not None:
                spans.append(first)
                continue
        places = occurrences(text, fragment.text)
        if places and not number and any(hint) and not any(_fits(text, p, hint) for p in places):
            moved = _in_context(text, fragment.text, hint)  # the words now stand elsewhere
            if moved is not None:
                spans.append(moved)
                exact = False
                continue
        if places:
            spans.append(_choose(text, places, spans[-1] if spans else None, hint, number))
            continue
        fuzzy = _fuzzy(text, fragment.text)
        if fuzzy is None:
            return None
        spans.append(fuzzy)
        exact = False
    return tuple(spans), exact


def _first_place(text: str, needle: str) -> Span | None:
    """``occurrences(text, needle)[0]``, or None when there is none, found alone."""
    doc, want = folded(text), key(needle)
    at = doc.text.find(want) if want else -1
    if at < 0:
        return None
    return Span.of(text, doc.start(at), doc.end(at + len(want) - 1))


def _choose(
    text: str, places: list[Span], previous: Span | None, hint: tuple[str, str], number: int
) -> Span:
    """The occurrence the context points to (the first fragment), or the next after the last."""
    if previous is not None:
        after = [p for p in places if p.start >= previous.end]
        return (after or places)[0]
    if len(places) == 1 or number or not any(hint):
        return places[0]
    return max(places, key=lambda place: (_fits(text, place, hint), -place.start))


def _fits(text: str, place: Span, hint: tuple[str, str]) -> int:
    """How well the written context agrees with the text right around ``place`` (0: not)."""
    before, after = key(hint[0]), key(hint[1])
    around_before = key(text[max(0, place.start - CONTEXT_CHARS - GAP) : place.start])
    around_after = key(text[place.end : place.end + CONTEXT_CHARS + GAP])
    score = 0
    if before and before in around_before[-(len(before) + GAP) :]:
        score += len(before)
    if after and after in around_after[: len(after) + GAP]:
        score += len(after)
    return score


def _fuzzy(text: str, words: str) -> Span | None:
    """The best approximate place of ``words`` above the threshold, or None."""
    table = tables.load("ledger/ledger")
    cutoff, shortest = float(table["reanchor_min_score"]), int(table["reanchor_min_chars"])
    want, doc = key(words), folded(text)
    if len(want) < shortest or len(want) > len(doc.text):
        return None
    aligned = fuzz.partial_ratio_alignment(want, doc.text, score_cutoff=cutoff)
    if aligned is None or aligned.dest_end <= aligned.dest_start:
        return None
    return doc.span(aligned.dest_start, aligned.dest_end, text)


def _in_context(text: str, words: str, hint: tuple[str, str]) -> Span | None:
    """Where the words and their written context stand, approximately (a reworded repeat)."""
    cutoff = float(tables.load("ledger/ledger")["reanchor_min_score"])
    doc = folded(text)
    whole = " ".join(part for part in (key(hint[0]), key(words), key(hint[1])) if part)
    aligned = fuzz.partial_ratio_alignment(whole, doc.text, score_cutoff=cutoff)
    if aligned is None:
        return None
    low, high = aligned.dest_start, aligned.dest_end
    inner = fuzz.partial_ratio_alignment(key(words), doc.text[low:high], score_cutoff=cutoff)
    if inner is None or inner.dest_end <= inner.dest_start:
        return None
    return doc.span(low + inner.dest_start, low + inner.dest_end, text)


def _near(text: str, span: Span | None, content: tuple[Span, ...]) -> Span | None:
    """A speaker mention or cue placed at its occurrence nearest the content; else unanchored.

    The same answer as ``_nearest_of_all`` (every occurrence placed, the nearest taken),
    found by bisection: folded places map to original offsets in order, so the distance
    to the content falls, then rises, along the occurrences. Every occurrence of the
    words is placed once a text (``_placed_at``): a speaker or cue recurs in its claims."""
    if span is None or not span.text.strip():
        return span
    starts, ends, sums = _placed_at(text, key(span.text))
    if not starts:
        return unanchored(span.text)
    if span.start >= 0:  # already placed (an extracted claim) when an occurrence is there
        i = bisect.bisect_left(starts, span.start)
        while i < len(starts) and starts[i] == span.start:
            if ends[i] == span.end:
                return Span.of(text, span.start, span.end)
            i += 1
    if len(starts) == 1:
        return Span.of(text, starts[0], ends[0])
    low, high = min(s.start for s in content), max(s.end for s in content)
    # the first place whose start is as far after the content as its end is before it
    # (start - high >= low - end): places before it lie before the content, nearer the
    # later they are; from it on, after
    k = bisect.bisect_left(sums, low + high)
    if k > 0:
        least_before = max(low - ends[k - 1], 0)
        if k == len(starts) or max(starts[k] - high, 0) >= least_before:
            # the first place before it as near as the last one (ties go to the first)
            k = bisect.bisect_left(ends, low - least_before, 0, k)
    return Span.of(text, starts[k], ends[k])


@functools.lru_cache(maxsize=1024)
def _placed_at(text: str, want: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Where folded ``want`` stands in ``text``, every place (overlapping ones too): their
    starts and ends in ``text``, and each start plus its end (all in text order)."""
    doc = folded(text)
    starts, ends = doc.ranges(_found_at(doc.text, want), len(want))
    return tuple(starts), tuple(ends), tuple(map(operator.add, starts, ends))


def _found_at(folded_text: str, want: str) -> list[int]:
    """Where ``want`` starts in a folded text, every place (overlapping ones too; asked
    once a text and words: ``_placed_at`` remembers)."""
    found = []
    find = folded_text.find
    at = find(want) if want else -1
    while at >= 0:
        found.append(at)
        at = find(want, at + 1)
    return found


def _nearest_of_all(text: str, span: Span | None, content: tuple[Span, ...]) -> Span | None:
    """``_near`` the plain way: every occurrence placed, the nearest taken (tests compare)."""
    if span is None or not span.text.strip():
        return span
    found = places(text, span.text)
    if not found:
        return unanchored(span.text)
    low, high = min(s.start for s in content), max(s.end for s in content)
    if span.start >= 0 and (span.start, span.end) in found:
        return Span.of(text, span.start, span.end)  # already placed (an extracted claim)
    start, end = min(found, key=lambda p: (max(low - p[1], p[0] - high, 0), p[0]))
    return Span.of(text, start, end)
