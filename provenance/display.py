"""Untrusted text made safe to show on one line of a terminal, a CI log or a Markdown page.

File names, ids, speakers, titles and article words arrive through pull requests, so
every field a text output prints goes through ``one_line`` first:

- line breaks (``\\n``, ``\\r``, U+2028, U+2029) and control characters (C0, C1, DEL,
  ESC) are shown as ``\\n``, ``\\r``, ``\\x1b``: a field never starts a new line and no
  escape sequence reaches a terminal;
- invisible and direction characters (zero-width spaces and joiners, bidi embeddings,
  overrides and isolates, marks, the BOM, tag characters) are shown as ``<U+202E>``: a
  reader sees that they are there, and "DELIF TON" written right to left never reads
  "NOT FILED";
- the CI runner's command syntax is defused: ``::`` (a workflow command when a line
  starts with it) becomes ``:\\:``, a field's leading ``:`` becomes ``\\:`` and ``##[``
  (the legacy syntax, live anywhere in a line) becomes ``#\\#[``.

``github_data`` and ``github_property`` escape a workflow command's message and its
properties. JSON never goes through here: it keeps the text exact. This module
imports no stage and not rich, so the ledger, the report and the CLI can all use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_BREAKS = {"\n": "\\n", "\r": "\\r"}
# What shows as nothing or turns the text around it: every character of categories Cc,
# Cf, Zl and Zp (``is_invisible``; a test holds ``_UNSAFE`` to it) but tab and the soft
# hyphen (it shows at a line break), and letters that show as nothing (Hangul fillers,
# the combining grapheme joiner, Khmer inherent vowels).
_KEPT = "\t\u00ad"
_INVISIBLE_LETTERS = "\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0"
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# A second ``:`` after one, a ``:`` opening the field, and ``##[``.
_COMMAND = re.compile(r"(?<=:):|^\s*:|##\[")


@cache
def _shown(char: str) -> str:
    """How one unsafe character is shown: ``\\n``, ``\\x1b`` or ``<U+202E>``."""
    if char in _BREAKS:
        return _BREAKS[char]
    if ord(char) < 0xA0:
        return f"\\x{ord(char):02x}"
    return f"<U+{ord(char):04X}>"


def is_invisible(char: str) -> bool:
    """Whether ``char`` shows as nothing, breaks the line or changes how text around it shows."""
    if char in _KEPT:
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Zl", "Zp") or char in _INVISIBLE_LETTERS


def visible(text: str) -> str:
    """``text`` with line breaks, control, invisible and direction characters shown by name."""
    return _UNSAFE.sub(lambda m: _shown(m.group()), text)


def _defuse(found: re.Match[str]) -> str:
    command = found.group()
    return "#\\#[" if command == "##[" else command[:-1] + "\\:"


def defuse(text: str) -> str:
    """``text`` with the runner's command syntax broken: no ``::``, leading ``:`` or ``##[``."""
    return _COMMAND.sub(_defuse, text)


def one_line(text: str) -> str:
    """``text`` safe as (part of) one line of output a person or a CI runner reads."""
    return defuse(visible(text))


def _shown_but_breaks(found: re.Match[str]) -> str:
    char = found.group()
    return char if char in "\r\n" else _shown(char)


def github_data(value: str) -> str:
    """A workflow command's message: shown safely, then ``%``, CR and LF escaped."""
    shown = defuse(_UNSAFE.sub(_shown_but_breaks, value))
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` escaped too."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
