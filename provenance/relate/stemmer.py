"""A word's key: the stem its inflections and derivations share ("expansion" -> "expand").

Steps in the manner of Porter's stemmer, written for this engine, every suffix and
condition in ``[stem]`` of relate.toml:

1. inflection: a plural "s" or "es" after a hissing sound ("speeches"), "ies"/"ied"
   (-> "y"), "eed" (-> "ee"), "ed", "ing"; a stem
   left by "ed" or "ing" gets back its "e" ("related" -> "relate", "hoped" -> "hope"); a
   doubled consonant stays ("planned" -> "plann", see relate.toml);
2. the derivational steps in order (``steps``): in each, the longest listed suffix the
   word ends with is replaced when the stem before it has at least the listed *measure*
   (Porter's m, the number of vowel-consonant runs: 1 in "den", 2 in "expans"); last, a
   final "e" goes after a long stem ("decide" -> "decid", as "decided"; "hope" stays);
3. a word of ``keep`` goes no further, as read or after any step ("news", "general",
   "cooperation" -> "cooperate": their stems are other words').
"""

from __future__ import annotations

import functools
import re

import attrs

from provenance.relate.cues import table

_VOWELS = "aeiou"
_WORD = re.compile(r"[a-z]+")
_COMPOUND = re.compile(r"([a-z]+-)+([a-z]+)")


def measure(stem: str) -> int:
    """Porter's m: how many vowel runs of ``stem`` a consonant follows ("y" after a
    consonant is a vowel)."""
    runs, vowel_before = 0, False
    for i, char in enumerate(stem):
        vowel = char in _VOWELS or (char == "y" and i > 0 and stem[i - 1] not in _VOWELS)
        if vowel_before and not vowel:
            runs += 1
        vowel_before = vowel
    return runs


def has_vowel(stem: str) -> bool:
    """Whether ``stem`` holds a vowel (a "y" after a consonant counts)."""
    return any(
        c in _VOWELS or (c == "y" and i > 0 and stem[i - 1] not in _VOWELS)
        for i, c in enumerate(stem)
    )


def short_syllable(stem: str) -> bool:
    """Consonant, vowel, consonant at the end (the last not w, x or y): "hop", "vot"."""
    if len(stem) < 3:
        return False
    first, middle, last = stem[-3], stem[-2], stem[-1]
    return first not in _VOWELS and middle in _VOWELS and last not in _VOWELS + "wxy"


Row = tuple[str, str, int]  # suffix, replacement, the least measure of the stem before it


@attrs.frozen
class Rules:
    """``[stem]`` of relate.toml, each step's rows longest suffix first."""

    min_inflected: int  # letters a stem keeps when a plural or verb ending goes
    not_plural: tuple[str, ...]  # endings whose final "s" is no plural ("ss", "us", "is")
    restore_e: tuple[str, ...]  # stem endings that get back an "e" ("at" of "related")
    keep: frozenset[str]  # words no step reduces further
    steps: tuple[tuple[Row, ...], ...]
    final_e_measure: int  # a final "e" goes after a stem of this measure, or longer
    plural_es: tuple[str, ...]  # plural endings whose "es" goes whole ("speeches")


@functools.cache
def rules() -> Rules:
    """The stemmer's rules, from ``[stem]`` of relate.toml."""
    data = table()["stem"]
    steps = tuple(
        tuple(sorted(((s, r, int(m)) for s, r, m in step), key=lambda row: (-len(row[0]), row)))
        for step in data["steps"]
    )
    return Rules(
        min_inflected=data["min_inflected"],
        not_plural=tuple(data["not_plural"]),
        restore_e=tuple(data["restore_e"]),
        keep=frozenset(data["keep"]),
        steps=steps,
        final_e_measure=data["final_e_measure"],
        plural_es=tuple(data["plural_es"]),
    )


def inflection(word: str) -> str:
    """``word`` without its plural or verb ending."""
    shortest = rules().min_inflected
    if word.endswith(("ies", "ied")):
        return word[:-3] + ("y" if len(word) - 3 >= 2 else "ie")
    if word.endswith(rules().plural_es) and len(word) - 2 >= shortest:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(rules().not_plural) and len(word) > shortest:
        word = word[:-1]
    if word.endswith("eed"):
        return word[:-1] if measure(word[:-3]) > 0 else word
    for ending in ("ed", "ing"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= shortest and has_vowel(stem):
            return restored(stem)
    return word


def restored(stem: str) -> str:
    """A stem left by "ed" or "ing", with its "e" back where it had one ("hoped")."""
    if stem.endswith(rules().restore_e):
        return stem + "e"
    if measure(stem) == 1 and short_syllable(stem):
        return stem + "e"
    return stem


def derivation(word: str) -> str:
    """``word`` through each derivational step: the longest listed suffix replaced when
    the stem before it has the measure its row asks; a word of ``keep`` goes no further."""
    for step in rules().steps:
        if word in rules().keep:
            break
        for suffix, replacement, least in step:
            if word.endswith(suffix):
                stem = word[: -len(suffix)]
                if measure(stem) >= least:
                    word = stem + replacement
                break
    return without_e(word)


def without_e(word: str) -> str:
    """``word`` without a final "e" after a stem of ``final_e_measure`` ("decide" ->
    "decid", as "decided"; "hope" and "state" stay)."""
    if not word.endswith("e") or word in rules().keep:
        return word
    stem = word[:-1]
    return stem if measure(stem) >= rules().final_e_measure else word


@functools.cache
def key(word: str) -> str:
    """The key of a lower-case word: its stem, shared by its inflections and derivations.

    A hyphenated word is keyed by its last part ("self-described" -> "self-describ"); a
    word with other characters than the letters a-z and hyphens is left as it is.
    """
    compound = _COMPOUND.fullmatch(word)
    if compound:
        return word[: compound.start(2)] + key(compound.group(2))
    if not _WORD.fullmatch(word):
        return word
    if word in rules().keep:
        return word
    return derivation(inflection(word))


@functools.cache
def inflected(word: str) -> str:
    """The key of a name's word: only its inflection goes ("Devine" is not "Devin")."""
    compound = _COMPOUND.fullmatch(word)
    if compound:
        return word[: compound.start(2)] + inflected(compound.group(2))
    return inflection(word) if _WORD.fullmatch(word) else word
