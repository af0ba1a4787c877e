"""What is cut from the front of a content: the one told, when, and a wire dateline.

The one told is in no span: "X told Reuters that …" has the content "that …". A
statement made to someone ("told Megyn Kelly that …", "told the crowd: “…”", "assured
voters he would …") names its addressee between the cue and the content, and the
addressee is neither source, cue nor content. ``after_addressee`` cuts it from the front
of the content when what follows is a that-clause, a quotation after a comma or colon,
or a clause opened by a subject pronoun; ``after_time`` cuts when it was said ("said
Tuesday that …") before the same. A wire dateline that opens the paragraph
("WASHINGTON (AP) — ") is the outlet's label: ``after_dateline`` cuts it. Words, sizes
and patterns: ``data/front.toml``.
"""

from __future__ import annotations

import functools
import re

from provenance import tables
from provenance.extract import rules
from provenance.model import Span

_CLAUSE_COMMA = re.compile(r",(?!\s*[A-Z])")  # a comma before a place's next part is fine


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The addressee at the content's start, then what the content goes on with."""
    table = tables.load("extract/front")["addressee"]
    starts = "|".join(re.escape(w) for w in table["clause_starts"])
    never = "|".join(re.escape(w) for w in table["not_first"])
    return re.compile(
        rf"(?!(?i:{never})\b)(?P<to>[^\W\d_](?:(?!'')[^\"“”‘;:.!?—–])*?)"
        rf"(?:\s+(?=(?:{starts})\s)|\s*[,:]\s*(?=[\"“]|''))"
    )


@functools.cache
def _time() -> re.Pattern[str]:
    """When it was said, at the content's start, then what the content goes on with."""
    table = tables.load("extract/front")
    starts = "|".join(re.escape(w) for w in table["addressee"]["clause_starts"])
    return re.compile(rf"(?:{table['time']['pattern']})(?:\s+(?=(?:{starts})\s)|\s*(?=[\"“]|''))")


def after_time(text: str, content: Span) -> Span:
    """``content`` without when it was said at its front ("Tuesday that …" -> "that …")."""
    found = _time().match(content.text)
    if found is None or found.end() >= len(content.text):
        return content
    return Span.of(text, content.start + found.end(), content.end)


def after_addressee(text: str, content: Span, lemma: str) -> Span:
    """``content`` without the addressee of a cue of ``lemma`` at its front (else as is)."""
    table = tables.load("extract/front")["addressee"]
    if lemma not in table["lemmas"]:
        return content
    found = _pattern().match(content.text)
    if found is None:
        return content
    to = found.group("to")
    words = to.split()
    inside = {w.strip(",").casefold() for w in words}
    if len(words) > table["max_words"] or inside & frozenset(table["never_inside"]):
        return content
    if _CLAUSE_COMMA.search(to) or " - " in to:  # "told the group, adding that …": a second verb
        return content
    if any(w.casefold() in rules.lemmas() for w in words):  # "reminds me of X saying that …"
        return content
    return Span.of(text, content.start + found.end(), content.end)


@functools.cache
def _dateline() -> re.Pattern[str]:
    """A dateline or byline credit, at the start of a text."""
    patterns = tables.load("extract/front")["dateline"]["patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def after_dateline(text: str, span: Span) -> Span:
    """``span`` without a wire dateline at its front, when it opens a paragraph."""
    if span.start and text[span.start - 1] != "\n":
        return span
    found = _dateline().match(span.text)
    if found is None or found.end() >= len(span.text):
        return span
    return Span.of(text, span.start + found.end(), span.end)
