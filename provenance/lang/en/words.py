"""The English word lists every stage shares: months, weekdays, stop words, titles,
first-name short forms and given names.

The words live in ``data/words.toml`` (abbreviations in ``data/abbreviations.toml``,
given names in ``data/names.toml``);
these functions give the views stages need, so no stage table repeats them.
"""

from __future__ import annotations

import functools

from provenance import tables


@functools.cache
def months() -> tuple[tuple[str, ...], ...]:
    """Each month in calendar order: its full name, then its abbreviations (no period)."""
    return tuple(tuple(row) for row in tables.load("lang/en/words")["months"])


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, as written (capitalised) -> 1..12."""
    return {name: number for number, row in enumerate(months(), 1) for name in row}


def month_abbreviations() -> tuple[str, ...]:
    """The month abbreviations with their period ("Jan.", "Sept.", "Sep.")."""
    return tuple(f"{short}." for row in months() for short in row[1:])


@functools.cache
def weekdays() -> tuple[str, ...]:
    """The weekday names, Monday first (``date.weekday()`` order)."""
    return tuple(tables.load("lang/en/words")["weekdays"])


def lower(words: tuple[str, ...] | dict[str, int]) -> frozenset[str]:
    """``words`` lower-cased, as a set."""
    return frozenset(word.lower() for word in words)


@functools.cache
def stop_words() -> frozenset[str]:
    """The function words every stage treats as stop words (lower case)."""
    return frozenset(tables.load("lang/en/words")["stop"])


@functools.cache
def past_forms() -> frozenset[str]:
    """Finite verb forms without "-ed" that no noun phrase holds ("went", "wrote", "is")."""
    return frozenset(tables.load("lang/en/words")["past"])


@functools.cache
def titles() -> tuple[str, ...]:
    """Titles and honorifics before a name (lower case, with and without a period)."""
    return tuple(tables.load("lang/en/words")["titles"])


@functools.cache
def _short_forms() -> dict[str, str]:
    table: dict[str, str] = tables.load("lang/en/words")["short_forms"]
    return table


def formal_first_name(word: str) -> str:
    """The formal first name a short form stands for ("Bill" -> "william"), else the word
    itself, case-folded: two first names are one person's when these agree."""
    folded = word.casefold()
    return _short_forms().get(folded, folded)


@functools.cache
def first_names() -> frozenset[str]:
    """Given names (lower case) common enough to mark a person's name ("Seth Meyers")."""
    return frozenset(tables.load("lang/en/names")["first"])
