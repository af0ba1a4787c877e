"""A quotation that runs over paragraphs: each paragraph opens with a quotation mark and
only the last one closes it (the news convention).

Reads the document text and where a sentence opening with a quotation mark starts;
writes the quotation's fragments, one a paragraph, the last ending at its closing mark
(a last paragraph with words after its mark, '“…,” he said.', is left to its own claim).
A run that never closes, or runs over more than ``max_quote_paragraphs`` paragraphs
(``data/limits.toml``), is no run (refuse to guess).
"""

from __future__ import annotations

from provenance import tables
from provenance.lang.en import sentences
from provenance.model import Span

_OPENERS = "“\"'"
_TRIM = " \t\xa0"


def opens(text: str, start: int) -> bool:
    """Whether a quotation mark opens at ``start`` (a straight one, or two apostrophes)."""
    return text[start : start + 1] in ("“", '"') or text[start : start + 2] == "''"


def run(text: str, start: int, going_on: bool = False) -> tuple[Span, ...] | None:
    """The fragments of the quotation opening at ``start`` when it stays open to the end
    of its paragraph and goes on in the paragraphs after it, each opening with a mark;
    None when it closes in its own paragraph (unless ``going_on``: it continues a
    quotation left open before it), or never closes."""
    most = int(tables.load("extract/limits")["max_quote_paragraphs"])
    fragments: list[Span] = []
    while len(fragments) < most:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        closed = [close for opened, close in sentences.quotations(text[start:end]) if opened == 0]
        if closed and not fragments and not going_on:
            return None
        if closed:  # the last paragraph: with words of its own after the mark, it is
            last = Span.of(text, start, start + closed[0])  # a claim of its own
            ends = not text[last.end : end].strip(" 	 .,;:!?")
            return (*fragments, last) if ends else (tuple(fragments) or None)
        fragments.append(_paragraph(text, start, end))
        start = next_paragraph(text, end)
        if start < 0 or not opens(text, start):
            return None
    return None


def _paragraph(text: str, start: int, end: int) -> Span:
    """The paragraph from ``start`` to ``end`` without trailing spaces."""
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Span.of(text, start, end)


def next_paragraph(text: str, end: int) -> int:
    """Where the paragraph after the line break at ``end`` starts, or -1 at the end."""
    at = end
    while at < len(text) and text[at] in "\n\r \t\xa0":
        at += 1
    return at if at < len(text) and at > end else -1
