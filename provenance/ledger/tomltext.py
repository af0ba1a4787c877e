"""TOML text for claims.toml: values and keys written one way, and where the comments are.

tomli-w writes every array over many lines and cannot keep comments; claims.toml wants
``spans = [[3120, 3201]]`` on one line and a warning before comments are lost, so the
store writes its own (small, fixed) subset of TOML here. tomllib reads it back.
"""

from __future__ import annotations

import datetime as dt
import math
import re

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPECIAL = re.compile(r'["\\\x00-\x1f\x7f]')
_PLAIN = re.compile(r'[^"\\\x00-\x1f\x7f]*')
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# A table header as sync writes it: ``[section.key]`` or ``[section."key"]``, no escapes,
# no comment. Others are read by tomllib (``table_header`` says None).
_HEADER = re.compile(r'\[([A-Za-z0-9_-]+)\.(?:([A-Za-z0-9_-]+)|"([^"\\\x00-\x1f\x7f]*)")\]')


def table_header(line: str) -> tuple[str, str] | None:
    """Section and key of a stripped header line in sync's own form, else None (ask tomllib)."""
    found = _HEADER.fullmatch(line)
    if found is None:
        return None
    return found[1], found[2] if found[2] is not None else found[3]


def string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    if _PLAIN.fullmatch(text):
        return '"' + text + '"'
    return '"' + _SPECIAL.sub(_escape, text) + '"'


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def key(name: str) -> str:
    """A key: bare when it can be, else quoted."""
    return name if _BARE.fullmatch(name) else string(name)


def value(item: object) -> str:
    """A TOML value on one line (arrays and tables inline)."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        return _float(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, dt.date | dt.time):  # datetime is a date
        return item.isoformat()
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(part) for part in item) + "]"
    if isinstance(item, dict):
        pairs = ", ".join(f"{key(str(k))} = {value(v)}" for k, v in item.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def _float(number: float) -> str:
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    return repr(number)


def assignment(name: str, item: object) -> str:
    """One ``key = value`` line."""
    return f"{key(name)} = {value(item)}\n"


def comment_lines(text: str) -> list[int]:
    """1-based line numbers holding a ``#`` comment (a ``#`` inside a string is not one)."""
    lines: list[int] = []
    line, i, quote = 1, 0, ""
    while i < len(text):
        if not quote:
            for opener in ('"""', "'''", '"', "'"):
                if text.startswith(opener, i):
                    quote, i = opener, i + len(opener)
                    break
            else:
                if text[i] == "#":
                    lines.append(line)
                    i = _line_end(text, i)
                    continue
                line += text[i] == "\n"
                i += 1
            continue
        if quote[0] == '"' and text[i] == "\\":
            line += text[i + 1 : i + 2] == "\n"
            i += 2
            continue
        if text.startswith(quote, i):
            i += len(quote)
            while len(quote) == 3 and text[i : i + 1] == quote[0]:
                i += 1  # a multi-line string may end in up to two more quotes
            quote = ""
            continue
        line += text[i] == "\n"
        i += 1
    return lines


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
