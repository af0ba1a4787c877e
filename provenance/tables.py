"""Load the rule and word tables (TOML) that sit beside each stage, once per process.

Each table is checked against its schema (``provenance.tables_schema``) as it is
loaded; a table the code cannot use raises a ``TableError`` that names the file, the
dotted key and what is wrong.

A table is named by its stage folder and file stem: ``load("extract/cues")`` is
``provenance/extract/data/cues.toml``; ``load("lang/en/abbreviations")`` is
``provenance/lang/en/data/abbreviations.toml``.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import sys
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from provenance import regexes, tables_schema
from provenance.errors import TableError


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed table ``provenance/<stage>/data/<stem>.toml`` for ``name = "<stage>/<stem>"``.

    A table parsed and checked once is kept in the cache folder (``regexes.cache_dir``)
    under the hash of its text and of the schema's: the next process reads it back
    instead of parsing and checking it again (some 50 ms of every command's start).
    """
    stage, _, stem = name.rpartition("/")
    package = resources.files("provenance")
    text = package.joinpath(*stage.split("/"), "data", f"{stem}.toml").read_text(encoding="utf-8")
    key = hashlib.sha256(f"{_schema_digest()}\n{text}".encode()).hexdigest()
    kept = _kept(name, key)
    if kept is not None:
        return kept
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{stem}.toml", "", str(exc)) from None
    check(name, data)
    _keep(name, key, data)
    return data


_FORMAT = 1  # bump when what a table's cache file holds changes shape


@functools.cache
def _schema_digest() -> str:
    """The hash of what a kept table depends on besides its text: the cache format, the
    Python and the schema that checked it (read once a process)."""
    schema = resources.files("provenance").joinpath("tables_schema.py").read_bytes()
    return hashlib.sha256(f"{_FORMAT} {sys.version}\n".encode() + schema).hexdigest()


def _cache_file(name: str) -> Path | None:
    """Where the parsed table ``name`` is kept (None: caching is off)."""
    folder = regexes.cache_dir()
    return None if folder is None else folder / f"table-{name.replace('/', '-')}.marshal"


def _kept(name: str, key: str) -> dict[str, Any] | None:
    """The table kept under ``key``, or None (missing, another version, damaged)."""
    path = _cache_file(name)
    if path is None:
        return None
    try:
        stored_key, data = marshal.loads(path.read_bytes())
    except Exception:  # any damage means: parse it again
        return None
    return data if stored_key == key and isinstance(data, dict) else None


def _keep(name: str, key: str, data: dict[str, Any]) -> None:
    """Write the parsed table atomically (one file a table: a new version replaces it);
    a cache that cannot be written is skipped."""
    path = _cache_file(name)
    if path is not None:
        regexes.write_marshal(path, (key, data))


def check(name: str, data: dict[str, Any]) -> None:
    """Raise a ``TableError`` where ``data``, read as the table ``name``, is unusable."""
    try:
        tables_schema.validate(name, data)
    except tables_schema.Invalid as exc:
        raise TableError(f"{name.rpartition('/')[2]}.toml", exc.key, exc.problem) from None


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a table, lower-cased."""
    return frozenset(word.lower() for word in load(name)[key])
