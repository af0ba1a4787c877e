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
import tomllib
from importlib import resources
from typing import Any

from provenance import tables_schema
from provenance.errors import TableError


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed table ``provenance/<stage>/data/<stem>.toml`` for ``name = "<stage>/<stem>"``."""
    stage, _, stem = name.rpartition("/")
    source = resources.files("provenance").joinpath(*stage.split("/"), "data", f"{stem}.toml")
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{stem}.toml", "", str(exc)) from None
    check(name, data)
    return data


def check(name: str, data: dict[str, Any]) -> None:
    """Raise a ``TableError`` where ``data``, read as the table ``name``, is unusable."""
    try:
        tables_schema.validate(name, data)
    except tables_schema.Invalid as exc:
        raise TableError(f"{name.rpartition('/')[2]}.toml", exc.key, exc.problem) from None


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a table, lower-cased."""
    return frozenset(word.lower() for word in load(name)[key])
