"""Load the rule and word tables (TOML) that sit beside each stage, once per process.

A table is named by its stage folder and file stem: ``load("extract/cues")`` is
``provenance/extract/data/cues.toml``; ``load("lang/en/abbreviations")`` is
``provenance/lang/en/data/abbreviations.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed table ``provenance/<stage>/data/<stem>.toml`` for ``name = "<stage>/<stem>"``."""
    stage, _, stem = name.rpartition("/")
    source = resources.files("provenance").joinpath(*stage.split("/"), "data", f"{stem}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a table, lower-cased."""
    return frozenset(word.lower() for word in load(name)[key])
