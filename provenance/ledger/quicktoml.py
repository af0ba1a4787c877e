"""A fast reader for the plain TOML sync writes, line by line; anything else goes to tomllib.

Most of a large claims.toml is sync's own output: ``[section.key]`` headers and one
``key = value`` a line, the value a basic string, ``true``/``false``, a date, a whole
number or a one-line array of strings. tomllib reads TOML a character at a time and
takes most of a cold read of a 60 MB ledger; this reader takes each line with one
regular expression. It reads only that subset: at the first line it does not know (a
multi-line string, an inline table, a quoted or dotted key, an escape it does not
decode, a table or key defined twice, …) ``loads`` returns None and the caller asks
tomllib, so what the file means, and every error message, are tomllib's.
Where it answers, the answer equals ``tomllib.loads`` (tests compare the two).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# A basic string's body: no quote, no backslash but in an escape, no control character
# but a tab (TOML's rule); escapes are decoded below.
_PLAIN = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'
_BODY = f"{_PLAIN}(?:\\\\.{_PLAIN})*"
_STRING = f'"{_BODY}"'
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_KEY = r"[A-Za-z0-9_-]+"
_PAIR = re.compile(
    rf"[ \t]*({_KEY})[ \t]*=[ \t]*(?:"
    rf'"({_BODY})"'  # 2: a string
    r"|(true|false)"  # 3: a boolean
    r"|(\d{4}-\d{2}-\d{2})"  # 4: a date
    r"|(-?(?:0|[1-9][0-9]*))"  # 5: a whole number
    rf"|\[[ \t]*((?:{_STRING}[ \t]*(?:,[ \t]*{_STRING}[ \t]*)*(?:,[ \t]*)?)?)\]"  # 6: strings
    rf")[ \t]*{_COMMENT}"
)
_HEADER = re.compile(
    rf'[ \t]*\[[ \t]*({_KEY}|"[^"\\\x00-\x1f\x7f]*")[ \t]*'
    rf'(?:\.[ \t]*({_KEY}|"[^"\\\x00-\x1f\x7f]*")[ \t]*)?\][ \t]*{_COMMENT}'
)
_BLANK = re.compile(rf"[ \t]*{_COMMENT}")
_BARE = re.compile(_KEY).fullmatch
_ITEM = re.compile(f'"({_BODY})"')
_ESCAPE = re.compile(r"\\(?:([btnfr\"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_SIMPLE = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


# A value this long or shorter is kept once however often it is written (a document's
# path, a stance, a rule's name, a cue): a large ledger repeats them in every claim, and
# each copy read and then dropped (a key, a stance turned into its enum) would leave a
# hole among the claims that live on (a report's forked processes copy those pages).
_SHORT = 100


class _Unknown(Exception):
    """A line outside the subset: tomllib reads the file."""


def loads(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for a file in sync's subset of TOML, else None."""
    try:
        return _read(text)
    except _Unknown:
        return None


def _read(text: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    here = root
    pair, header, blank, bare = _PAIR.fullmatch, _HEADER.fullmatch, _BLANK.fullmatch, _BARE
    keys: dict[str, str] = {}  # each bare key seen: one str object for all its uses
    values: dict[str, str] = {}  # each short value (_SHORT) seen, likewise
    shared = values.setdefault
    for line in text.split("\n"):
        name, equals, value = line.partition(" = ")
        if equals and len(value) > 1 and value[0] == '"' == value[-1]:
            body = value[1:-1]  # most lines: ``key = "words"``, no escape, nothing after
            if '"' not in body and "\\" not in body and body.isprintable():
                key = keys.get(name)
                if key is None and bare(name):
                    key = keys[name] = name
                if key is not None:
                    if key in here:
                        raise _Unknown
                    here[key] = shared(body, body) if len(body) <= _SHORT else body
                    continue
        found = pair(line)
        if found is not None:
            key = keys.setdefault(found[1], found[1])
            if key in here:
                raise _Unknown  # defined twice: tomllib says where
            here[key] = _value(found)
            continue
        found = header(line)
        if found is not None:
            here = _table(root, found[1], found[2])
            continue
        if blank(line) is None:
            raise _Unknown
    return root


def _table(root: dict[str, Any], first: str, second: str | None) -> dict[str, Any]:
    """The table a header names, made (and its parent, implicitly); a clash is unknown."""
    name = _name(first)
    if second is None:
        if name in root:
            raise _Unknown  # a table named again, or after a key: tomllib decides
        table: dict[str, Any] = {}
        root[name] = table
        return table
    parent = root.get(name)
    if parent is None:
        parent = root[name] = {}
    elif not isinstance(parent, dict):
        raise _Unknown
    key = _name(second)
    if key in parent:
        raise _Unknown
    table = parent[key] = {}
    return table


def _name(part: str) -> str:
    """A header part as a key: bare, or quoted (no escapes)."""
    return part[1:-1] if part.startswith('"') else part


def _value(found: re.Match[str]) -> Any:
    """The value of a key/value line."""
    text = found[2]
    if text is not None:
        return _unescaped(text) if "\\" in text else text
    if found[3] is not None:
        return found[3] == "true"
    if found[4] is not None:
        try:
            return dt.date.fromisoformat(found[4])
        except ValueError:
            raise _Unknown from None
    if found[5] is not None:
        return int(found[5])
    return [_unescaped(s) if "\\" in s else s for s in _ITEM.findall(found[6])]


def _unescaped(body: str) -> str:
    """A basic string's body with its escapes decoded (one TOML does not know: unknown)."""
    return _ESCAPE.sub(_decoded, body)


def _decoded(escape: re.Match[str]) -> str:
    if escape[1] is not None:
        return _SIMPLE[escape[1]]
    if escape[4] is not None:
        raise _Unknown  # not a TOML escape: tomllib says so
    code = int(escape[2] or escape[3], 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _Unknown
    return chr(code)
