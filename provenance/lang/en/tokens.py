"""The word tokenizer every stage shares: one module, one regex per view of the words.

Stages read words differently, so there are named views, each defined here once:

- ``LOWER``: lower-cased text as the relation engine reads it: words with inner
  ``'``, ``.`` or ``-`` ("u.s.", "so-called"), numbers with their commas and stops
  ("1,300", "3.5"), "n't" split off as in the Penn Treebank ("wasn't" -> "was", "n't"),
  and "?", ":", "," as tokens, so no phrase spans a comma;
- ``CASED`` and ``CASED_POSSESSIVE``: the same words in any case (names are capitalised
  runs of them), the second keeping a trailing apostrophe ("ISIS'" is a possessive);
- ``NAME``: the words of a speaker's name, with stops and apostrophes ("Jr.", "O'Neill's");
- ``DIFF``: words with inner apostrophes and single punctuation marks, for word diffs;
- ``WORD``: runs of word characters (``\\w+``), for token-level scoring;
- ``LETTERS``: runs of ASCII letters, the first word of a cue form;
- ``SPACED`` and ``PIECE``: a sentence cut at whitespace with its opening quotes or
  brackets as group 1, and the words and the marks (quotes, ``;``, ``:``, ``,``) that
  bound a speaker, as the claim rules scan them.
"""

from __future__ import annotations

import re

_PART = r"[a-z0-9_]+"
_CASED_WORD = r"[A-Za-z0-9_]+(?:['.\-][A-Za-z0-9_]+)*"

LOWER = re.compile(rf"\d[\d,.]*\d|{_PART}(?=n't)|n't|{_PART}(?:['.\-]{_PART})*|[?:,]")
CASED = re.compile(_CASED_WORD)
CASED_POSSESSIVE = re.compile(_CASED_WORD + "'?")
NAME = re.compile(r"[\w.'’-]+")
DIFF = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
WORD = re.compile(r"\w+")
LETTERS = re.compile(r"[A-Za-z]+")
SPACED = re.compile(r"([\"“‘'(\[]*)\S+")
PIECE = re.compile(r"''|\w[\w’'-]*|[;:“”\",]")


def lower_tokens(lower: str) -> list[str]:
    """The ``LOWER`` tokens of lower-cased text: words, numbers, "n't", "?", ":" and ","."""
    return LOWER.findall(lower)


def cased_words(text: str) -> list[str]:
    """The ``CASED`` words of ``text``, capitals kept."""
    return CASED.findall(text)


def name_words(name: str) -> list[str]:
    """The ``NAME`` words of a speaker's name."""
    return NAME.findall(name)
