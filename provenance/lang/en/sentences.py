"""Sentence splitting: character spans of the sentences of a text, in order.

A newline always ends a sentence (headlines and datelines need no final stop).
Within a line a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by whitespace and a word that may open a sentence, except

- after an abbreviation listed in ``data/abbreviations.toml`` ("Gen.", "U.S.") or a month
  abbreviation of ``data/words.toml`` ("Mar.")
  or an initial ("J. R. R. Tolkien");
- inside a closed quotation of the same line: a quotation that runs over several
  sentences stays in one sentence, so its attribution ("…,” he said.) stays reachable.
  A quotation left open at the end of the line protects nothing (refuse to guess).

Decimals ("3.5") and web addresses have no space after their dots and never split.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from provenance import regexes, tables
from provenance.lang.en import words
from provenance.model import Region, Span

_END = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+\S)")
_NEXT = re.compile(r"\s+([\"“‘'(\[]*)(\S)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_QUOTE = re.compile(r"''|[“”\"]")
_LEADING = "([“\"‘'"


@functools.cache
def abbreviations() -> frozenset[str]:
    """Every listed abbreviation, as written (case matters)."""
    table = tables.load("lang/en/abbreviations")
    listed = (word for key in ("titles", "states", "other") for word in table[key])
    return frozenset((*listed, *words.month_abbreviations()))


def split(text: str, excluded: Sequence[Region] = ()) -> tuple[Span, ...]:
    """The sentences of ``text`` outside the ``excluded`` regions, ordered and non-overlapping."""
    spans: list[Span] = []
    for lo, hi in _blocks(text, excluded):
        spans.extend(_split_block(text, lo, hi))
    return tuple(spans)


def cut_long(text: str, spans: Sequence[Span], longest: int) -> tuple[tuple[Span, ...], int]:
    """``spans`` with each one longer than ``longest`` characters cut into pieces of at
    most that many (at the last space of the second half of a piece, else anywhere);
    and how many were cut. Pieces keep the order; the gaps between them are spaces."""
    result: list[Span] = []
    cut = 0
    for span in spans:
        if span.end - span.start <= longest:
            result.append(span)
            continue
        cut += 1
        start = span.start
        while span.end - start > longest:
            end = _space_before(text, start + longest // 2, start + longest) or start + longest
            result.extend(_trimmed(text, start, end))
            start = end
        result.extend(_trimmed(text, start, span.end))
    return tuple(result), cut


def _space_before(text: str, lo: int, hi: int) -> int | None:
    """The offset of the last whitespace character in ``text[lo:hi]``, if any."""
    for at in range(hi - 1, lo - 1, -1):
        if text[at].isspace():
            return at
    return None


def _blocks(text: str, excluded: Sequence[Region]) -> Iterator[tuple[int, int]]:
    """The lines of ``text`` with the excluded regions cut out."""
    cuts = sorted((r.start, r.end) for r in excluded)
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        yield from _subtract(start, end, cuts)
        start = end


def _subtract(lo: int, hi: int, cuts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of ``[lo, hi)`` outside every cut."""
    for cut_lo, cut_hi in cuts:
        if cut_hi <= lo or cut_lo >= hi:
            continue
        if cut_lo > lo:
            yield lo, cut_lo
        lo = max(lo, cut_hi)
        if lo >= hi:
            return
    if lo < hi:
        yield lo, hi


def _split_block(text: str, lo: int, hi: int) -> Iterator[Span]:
    """The sentences of one line (or part of a line)."""
    block = text[lo:hi]
    quotes = quotations(block)
    starts = [q[0] for q in quotes]
    begin = 0
    for match in _END.finditer(block):
        cut = match.end()
        if _inside(quotes, starts, cut) or not _ends_sentence(block, match):
            continue
        yield from _trimmed(text, lo + begin, lo + cut)
        begin = cut
    yield from _trimmed(text, lo + begin, hi)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    """The span of ``text[start:end]`` without surrounding whitespace, if any is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield Span.of(text, start, end)


def _ends_sentence(block: str, match: re.Match[str]) -> bool:
    """Whether the stop at ``match`` ends a sentence (no abbreviation, a fit next word)."""
    following = _NEXT.match(block, match.end())
    if following is None or not (following.group(2).isupper() or following.group(2).isdigit()):
        return False
    if match.group()[-1] in _CLOSING and _attribution_after(block, match.end()):
        return False
    if match.group() != ".":
        return True
    word = block[: match.end()].rsplit(None, 1)[-1].lstrip(_LEADING)
    return not is_abbreviation(word)


_CLOSING = "\"”’'"


@functools.cache
def _attribution_tail() -> re.Pattern[str]:
    """A short speaker and a verb of saying that end the sentence ("Bush said.",
    "said Bush."): the attribution of the quotation before it, no sentence of its own."""
    cues = tables.load("extract/cues")["verb"]
    verbs = "|".join(
        sorted({f for row in cues.values() if row["class"] == "speech" for f in row["forms"]})
    )
    word = r"[\w.’'-]+"
    source = (
        rf"\s+(?:(?:{word}\s+){{1,6}}?(?:{verbs})|(?:{verbs})(?:\s+{word}){{1,6}}?)"
        rf"(?:\s+{word}){{0,3}}(?:,\s[^.!?“”\"]{{0,80}})?[.!?][\"”’']*(?=\s|$)"
    )
    return regexes.compile_all([source])[0]


def _attribution_after(block: str, pos: int) -> bool:
    """Whether a quotation that closes at ``pos`` is followed by its attribution only."""
    return _attribution_tail().match(block, pos) is not None


def is_abbreviation(word: str) -> bool:
    """A listed abbreviation (alone or after a hyphen, "R-Tex.") or initials ("J.", "U.S.")."""
    listed = abbreviations()
    if word in listed or word.rsplit("-", 1)[-1] in listed:
        return True
    return _INITIALS.fullmatch(word) is not None


def quotations(block: str) -> list[tuple[int, int]]:
    """The closed quotations of a line as ``(open, close_end)`` offsets, outermost only.
    A straight mark that closes (after a letter or punctuation, before a space or the end)
    may close a curly quotation, and ” a straight one: pasted text mixes them (“…")."""
    found: list[tuple[int, int]] = []
    curly: int | None = None
    straight: int | None = None
    for match in _QUOTE.finditer(block):
        mark, at = match.group(), match.start()
        if mark == "“" and curly is None:
            curly = at
        elif mark == "”" and (curly is not None or straight is not None):
            opened = curly if curly is not None else straight
            found.append((opened, match.end()))  # type: ignore[arg-type]
            curly, straight = (None, straight) if curly is not None else (None, None)
        elif mark in ('"', "''"):
            if straight is None and curly is not None and _closes(block, match):
                found.append((curly, match.end()))
                curly = None
            elif straight is None:
                straight = at
            else:
                found.append((straight, match.end()))
                straight = None
    return _outermost(found)


def _closes(block: str, match: re.Match[str]) -> bool:
    """Whether a straight mark reads as a closing one: after a non-space, before a space."""
    before = block[match.start() - 1] if match.start() else " "
    after = block[match.end()] if match.end() < len(block) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _outermost(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop quotations nested in another one."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if result and start < result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
            continue
        result.append((start, end))
    return result


def _inside(quotes: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies strictly inside one of the quotations."""
    index = bisect.bisect_left(starts, pos) - 1
    return index >= 0 and quotes[index][0] < pos < quotes[index][1]
