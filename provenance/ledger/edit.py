"""Round-trip editing of claims.toml: change only the tables that changed, keep the rest.

The text is cut into *chunks*, one per table (with the comment lines right above its
header) and the preamble before the first table. A chunk whose values are what sync
wants stays byte for byte as the person wrote it; a changed one is edited with tomlkit,
which keeps its comments, key order and quoting and touches only the changed lines;
a new table is written in sync's own layout beside its document's other tables.
tomlkit parses only the chunks that change (it is about 9× slower than tomllib).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import tomlkit
from tomlkit.container import Container
from tomlkit.items import Table as KitTable

from provenance.ledger import tomltext
from provenance.ledger.schema import Bad, fragments_of, relation_key
from provenance.ledger.words import key

SECTIONS = ("documents", "claims", "relations")
WORDS = ("speaker", "cue", "mention", "before", "after")  # compared as words (folded)


class _Keep:
    """A field whose written value stays as it is (sync does not know better)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@attrs.frozen
class Table:
    """One table sync wants in the file: its fields (None: absent; KEEP: as written)."""

    section: str
    key: str
    fields: dict[str, object]
    doc: str = ""  # the document it belongs to (its group in the file)
    order: tuple[int, str] = (0, "")  # its place among the document's claims
    extra: dict[str, object] = attrs.field(factory=dict)  # unknown keys (written when new)

    @property
    def name(self) -> tuple[str, str]:
        """How the table is known: section and key (a relation's ids in order)."""
        return self.section, relation_key(self.key) if self.section == "relations" else self.key


@attrs.define
class Chunk:
    """A piece of the file: one table (or the preamble, or something sync does not own)."""

    text: str
    section: str = ""  # "" preamble; "?" a table sync does not own
    key: str = ""
    doc: str = ""
    order: tuple[int, str] = (0, "")
    new: bool = False


def split(text: str) -> list[Chunk]:
    """The chunks of a claims.toml text (LF line ends); their texts join back to ``text``."""
    if any(mark in text for mark in _BREAKS) or _opens_string(text):
        return _split_lines(text)
    return _split_fast(text)


# The line breaks ``str.splitlines`` knows besides "\n" (each looked for by ``in``: a
# character class is slower).
_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _opens_string(text: str) -> bool:
    """Whether a line opens a multi-line string, read as ``_outside_strings`` reads it
    (a triple quote inside a one-line string opens none: ``"they said ''' no"``)."""
    for quote in ('"""', "'''"):
        at = text.find(quote)
        while at >= 0:
            low = text.rfind("\n", 0, at) + 1
            high = text.find("\n", at) + 1 or len(text)
            if _scan(text[low:high], ""):
                return True
            at = text.find(quote, high) if high < len(text) else -1
    return False


# A line whose first character after white space (``str.lstrip``'s) is a bracket: at the
# start of the text, or after a line break (searched from the line break: fast).
_BRACKETED_FIRST = re.compile(r"[^\S\n]*\[")
_BRACKETED = re.compile(r"\n[^\S\n]*\[")


def _split_fast(text: str) -> list[Chunk]:
    """``_split_lines`` of a text whose only line break is "\n" and that holds no
    multi-line string (no triple quote: every line starts outside a string, and every
    line starting with a bracket is a header), found by offsets (a header's comment
    lines above it go with it)."""
    headers: dict[int, int] = {}  # where a chunk starts: where its header line starts
    lines = [found.start() + 1 for found in _BRACKETED.finditer(text)]
    if _BRACKETED_FIRST.match(text):
        lines.insert(0, 0)
    for line in lines:
        cut = line
        while cut > 0:
            above = text.rfind("\n", 0, cut - 1) + 1
            if not text[above:cut].lstrip().startswith("#"):
                break
            cut = above
        headers.setdefault(cut, line)
    cuts = sorted(headers)
    bounds = [0, *cuts, len(text)] if not cuts or cuts[0] else [*cuts, len(text)]
    chunks = []
    for low, high in itertools.pairwise(bounds):
        if low not in headers:
            chunks.append(Chunk(text[low:high]))  # the preamble
            continue
        line = headers[low]
        end = text.find("\n", line, high)
        header = text[line : high if end < 0 else end]
        chunks.append(Chunk(text[low:high], *_header(header.strip())))
    return chunks or [Chunk("")]


def _split_lines(text: str) -> list[Chunk]:
    """``split`` line by line, following multi-line strings."""
    lines = text.splitlines(keepends=True)
    starts = [n for n, line in zip(_outside_strings(lines), lines, strict=True) if n >= 0]
    cuts = []
    for start in starts:
        if lines[start].lstrip().startswith("["):
            cut = start
            while cut > 0 and lines[cut - 1].lstrip().startswith("#") and cut - 1 in starts:
                cut -= 1
            cuts.append(cut)
    cuts = sorted(set(cuts))
    bounds = [0, *cuts, len(lines)] if not cuts or cuts[0] else [*cuts, len(lines)]
    chunks = []
    for low, high in itertools.pairwise(bounds):
        piece = "".join(lines[low:high])
        if low == 0 and (not cuts or cuts[0] != 0):
            chunks.append(Chunk(piece))  # the preamble
            continue
        header = next(line for line in lines[low:high] if line.lstrip().startswith("["))
        chunks.append(Chunk(piece, *_header(header.strip())))
    return chunks or [Chunk("")]


def _header(line: str) -> tuple[str, str]:
    if line.startswith("[["):
        return "?", ""
    simple = tomltext.table_header(line)
    if simple is not None:
        return simple if simple[0] in SECTIONS else ("?", "")
    try:
        table = tomllib.loads(line + "\n")
    except tomllib.TOMLDecodeError:
        return "?", ""
    section = next(iter(table))
    body = table[section]
    if section in SECTIONS and isinstance(body, dict) and len(body) == 1:
        key, inner = next(iter(body.items()))
        if isinstance(inner, dict) and not inner:
            return section, key
    return "?", ""


def _outside_strings(lines: Sequence[str]) -> Iterable[int]:
    """For each line, its number when it starts outside a multi-line string, else -1."""
    quote = ""
    for number, line in enumerate(lines):
        yield -1 if quote else number
        quote = _scan(line, quote)


# Outside strings: a multi-line opener, a whole one-line string (or one left open to the
# line's end), or a comment.
_TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\]|\\.|\\$)*(?:"|$)|\'[^\']*(?:\'|$)|#')


def _scan(line: str, quote: str) -> str:
    """The multi-line string still open after ``line`` ("" when none)."""
    if quote:
        return _scan_chars(line, quote)
    if '"""' not in line and "'''" not in line:
        return ""  # no token can open one (most lines: one key, one one-line value)
    for match in _TOKEN.finditer(line):
        token = match.group()
        if token == "#":
            return ""
        if token in ('"""', "'''"):
            return _scan_chars(line[match.end() :], token)
    return ""


def _scan_chars(line: str, quote: str) -> str:
    """``_scan`` character by character (inside a multi-line string)."""
    at = 0
    while at < len(line):
        if quote:
            if quote[0] == '"' and line[at] == "\\":
                at += 2
                continue
            if line.startswith(quote, at):
                at += len(quote)
                quote = ""
                continue
            at += 1
            continue
        char = line[at]
        if char == "#":
            return ""
        for opener in ('"""', "'''", '"', "'"):
            if line.startswith(opener, at):
                quote, at = opener, at + len(opener)
                break
        else:
            at += 1
    return quote if len(quote) == 3 else ""


def rewrite(
    text: str,
    data: Mapping[str, Any],
    top: Mapping[str, object],
    tables: Sequence[Table],
    owned: Mapping[str, tuple[str, ...]],
    regroup: bool = False,
) -> str:
    """``text`` (parsed as ``data``) with ``top`` and ``tables`` as wanted, all else kept.

    ``owned`` names the keys sync may change or delete in each section; other keys are
    a person's and are never touched. Tables not wanted are removed (their comments stay).
    """
    wanted = {table.name: table for table in tables}
    chunks: list[Chunk] = []
    edited = regroup  # whether the text changes (else it is given back, nothing joined)
    for chunk in split(text):
        before = chunk.text
        edited = edited or (bool(before) and not before.endswith("\n"))  # joined with one
        if not chunk.section:
            chunk.text = _edit(chunk.text, data, None, top, owned.get("", ()))
            chunks.append(chunk)
            edited = edited or chunk.text is not before
            continue
        name = (
            chunk.section,
            relation_key(chunk.key) if chunk.section == "relations" else chunk.key,
        )
        table = wanted.pop(name, None) if chunk.section in SECTIONS else None
        if chunk.section == "?":
            chunks.append(chunk)
        elif table is None:
            edited = True
            remains = "".join(
                line for line in chunk.text.splitlines(True) if line.lstrip().startswith("#")
            )
            if remains:
                chunks.append(Chunk(remains, "?"))
        else:
            old = data.get(chunk.section, {}).get(chunk.key, {})
            chunk.text = _edit(
                chunk.text, old, (chunk.section, chunk.key), table.fields, owned[chunk.section]
            )
            chunk.doc, chunk.order = table.doc, table.order
            chunks.append(chunk)
            edited = edited or chunk.text is not before
    if not (edited or wanted):
        return text  # every table as sync wants it, none to add: nothing is joined
    fresh = [
        Chunk(render(table), table.section, table.key, table.doc, table.order, True)
        for table in sorted(wanted.values(), key=_rank)
    ]
    if not any(c.section in ("documents", "claims") for c in chunks):
        # nothing of a person's to keep in place (a new file): one sort, not an insert each
        chunks.extend(fresh)
        regroup = True
    else:
        for chunk in fresh:
            _insert(chunks, chunk)
    if regroup:
        chunks = _regrouped(chunks)
    return _join(chunks)


def _rank(table: Table) -> tuple[int, str, tuple[int, str]]:
    return SECTIONS.index(table.section), table.doc, table.order


def _edit(
    text: str,
    old: Mapping[str, Any],
    where: tuple[str, str] | None,
    fields: Mapping[str, object],
    owned: tuple[str, ...],
) -> str:
    """The chunk with ``fields`` set (and owned keys not in them deleted); as is when equal."""
    changes, gone = _changes(old, fields, owned)
    if not changes and not gone:
        return text
    doc = tomlkit.parse(text)
    table: Any = doc if where is None else doc[where[0]][where[1]]
    for name in gone:
        del table[name]
    order = list(fields)
    for name, value in changes.items():
        if value is None:
            if name in table:
                del table[name]
        elif name in table:
            table[name] = value
        else:
            _add(table, order, name, value)
    return tomlkit.dumps(doc)


def _changes(
    old: Mapping[str, Any], fields: Mapping[str, object], owned: tuple[str, ...]
) -> tuple[dict[str, object], list[str]]:
    """The fields whose written value (in ``old``) does not say what ``fields`` want, and
    the owned keys written but no longer wanted."""
    changes = {}
    for name, value in fields.items():
        written = old.get(name)
        if value is KEEP or (
            type(value) is type(written) and value == written != "" and name != "content"
        ):
            continue  # the value as it is written: ``equivalent`` would say so too
        if not equivalent(name, value, written):
            changes[name] = value
    gone = [name for name in owned if name in old and name not in fields]
    return changes, gone


def _add(table: Any, order: list[str], name: str, value: object) -> None:
    """Add ``name`` after the nearest field before it in sync's order that is present."""
    container: Container = table.value if isinstance(table, KitTable) else table
    before = [key for key in order[: order.index(name)] if key in table]
    if before:
        container._insert_after(before[-1], name, value)
    elif isinstance(table, KitTable) and len(container):
        container._insert_at(0, name, value)
    else:
        table[name] = value


def equivalent(name: str, new: object, old: object) -> bool:
    """The value written (``old``) already says ``new`` (None: absent or an empty string)."""
    if new is None:
        return old is None or old == ""
    if new == "" and old is None:
        return True  # an absent text field reads as empty: no line is added for it
    if name == "content" and old is not None:
        try:
            return [key(x) for x in fragments_of(old)] == [key(x) for x in fragments_of(new)]
        except Bad:
            return False
    if name in WORDS and isinstance(new, str) and isinstance(old, str):
        return key(new) == key(old) or _same_context(name, key(new), key(old))
    if isinstance(new, dt.date) is not isinstance(old, dt.date):
        return False
    return type(new) is type(old) and new == old


def _same_context(name: str, new: str, old: str) -> bool:
    """Context still true of the text: the words right before (or after) the content."""
    if not old or not new:
        return False
    if name == "before":
        return new.endswith(old) or old.endswith(new)
    return name == "after" and (new.startswith(old) or old.startswith(new))


def render(table: Table) -> str:
    """A new table in sync's layout: its header, one ``key = value`` line per field."""
    lines = [f"[{table.section}.{tomltext.key(table.key)}]\n"]
    for name, value in {**table.fields, **table.extra}.items():
        if value is not None and value is not KEEP:
            lines.append(tomltext.assignment(name, value))
    return "".join(lines)


def _insert(chunks: list[Chunk], new: Chunk) -> None:
    """Place a new table: a claim after its document's tables before it, a document by path."""
    at = _place(chunks, new)
    chunks.insert(at, new)


def _place(chunks: list[Chunk], new: Chunk) -> int:
    owned = [i for i, c in enumerate(chunks) if c.section in ("documents", "claims")]
    if new.section == "relations":
        return len(chunks)
    group = [i for i in owned if chunks[i].doc == new.doc]
    if new.section == "claims" and group:
        before = [
            i for i in group if chunks[i].section == "documents" or chunks[i].order <= new.order
        ]
        return (before or group)[-1] + 1
    later = [i for i in owned if chunks[i].doc > new.doc and chunks[i].section == "documents"]
    if later:
        return later[0]
    if owned:
        return owned[-1] + 1
    firsts = [i for i, c in enumerate(chunks) if c.section in ("relations", "?")]
    return firsts[0] if firsts else len(chunks)


def _regrouped(chunks: list[Chunk]) -> list[Chunk]:
    """Each document's record followed by its claims in text order; the rest after."""
    head = [c for c in chunks if not c.section]
    owned = [c for c in chunks if c.section in ("documents", "claims")]
    rest = [c for c in chunks if c.section not in ("", "documents", "claims")]
    owned.sort(key=lambda c: (c.doc, c.section != "documents", c.order))
    return [*head, *owned, *rest]


def _join(chunks: list[Chunk]) -> str:
    """The chunks as one text, a blank line between a new table and its neighbours."""
    out: list[str] = []
    for number, chunk in enumerate(chunks):
        text = chunk.text
        if not text:
            continue
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        previous = chunks[number - 1] if number else None
        if (
            out
            and (chunk.new or (previous is not None and previous.new))
            and not out[-1].endswith("\n\n")
        ):
            out[-1] += "\n"
        out.append(text)
    joined = "".join(out)
    return joined if joined.endswith("\n") or not joined else joined + "\n"
