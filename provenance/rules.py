"""The claim rules of ``data/rules.toml``, their macros expanded and compiled once.

A pattern names macros as ``{name}``; the word lists of ``data/cues.toml`` are
macros too: ``{speech}``, ``{thought}``, ``{evidence}``, ``{act}`` (every form of the
cue verbs of that class), ``{speech_ing}`` etc. (their -ing forms), ``{aux}``,
``{adverb}``, ``{prep}`` and ``{noun}``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from provenance import lexicon

_MACRO = re.compile(r"\{([a-z_]+)\}")
CLASSES = ("speech", "thought", "evidence", "act", "frame")


@attrs.frozen
class Rule:
    """One claim shape: its id, compiled pattern and its test rows."""

    id: str
    description: str
    regex: re.Pattern[str]
    inherit_speaker: bool = False
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as whole words, longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return rf"\b(?:{body})(?![\w’'-])"


@functools.cache
def lemmas() -> Mapping[str, str]:
    """Every cue form (lower case) and claim noun, mapped to its lemma."""
    cues = lexicon.load("cues")
    table = {form: lemma for lemma, row in cues["verb"].items() for form in row["forms"]}
    table.update(cues["noun"])
    table.update({phrase: phrase for phrase in cues["prepositions"]})
    return table


def word_macros() -> dict[str, str]:
    """The cue word lists of ``cues.toml`` as regex macros."""
    cues = lexicon.load("cues")
    macros: dict[str, str] = {}
    for name in CLASSES:
        forms = [f for row in cues["verb"].values() if row["class"] == name for f in row["forms"]]
        macros[name] = alternation(forms)
        macros[name + "_ing"] = alternation(f for f in forms if f.split()[0].endswith("ing"))
    macros["aux"] = alternation(cues["auxiliaries"])
    macros["adverb"] = alternation(cues["adverbs"])
    macros["prep"] = alternation(
        cues["prepositions"] + [p.capitalize() for p in cues["prepositions"]]
    )
    macros["noun"] = alternation(cues["noun"])
    return macros


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """``pattern`` with every ``{name}`` replaced by its macro, until none is left."""
    for _ in range(20):
        expanded = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("macros nest too deep (a macro refers to itself?)")


def _rule(row: Mapping[str, Any], macros: Mapping[str, str]) -> Rule:
    """One rule row compiled."""
    return Rule(
        id=row["id"],
        description=row["description"],
        regex=re.compile(expand(row["pattern"], macros)),
        inherit_speaker=bool(row.get("inherit_speaker", False)),
        examples=tuple(row.get("examples", ())),
        counterexamples=tuple(row.get("counterexamples", ())),
    )


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules in priority order, compiled."""
    table = lexicon.load("rules")
    macros = {**table["macros"], **word_macros()}
    return tuple(_rule(row, macros) for row in table["rule"])


@functools.cache
def any_cue() -> re.Pattern[str]:
    """A quick test for a sentence that may hold a claim: any cue word at all."""
    macros = word_macros()
    parts = [macros[name] for name in (*CLASSES, "prep", "noun")]
    return re.compile("|".join(parts) + r"|\breports\b|\bcomment\b|\brespond\b", re.IGNORECASE)
