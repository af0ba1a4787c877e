"""Load the rule and word tables of ``provenance/data/`` (TOML), once per process."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed table ``provenance/data/<name>.toml``."""
    source = resources.files("provenance") / "data" / f"{name}.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a table, lower-cased."""
    return frozenset(word.lower() for word in load(name)[key])
