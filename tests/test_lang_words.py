"""The English word lists (``provenance.lang.en.words``): kept once, used by every stage."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from provenance.extract import rules
from provenance.lang.en import sentences, words
from provenance.relate import features, speakers

PACKAGE = Path(words.__file__).resolve().parents[2]

MONTHS = [("January", 1), ("Jan", 1), ("May", 5), ("Sept", 9), ("Sep", 9), ("December", 12)]


@pytest.mark.parametrize(("name", "number"), MONTHS)
def test_month_numbers(name: str, number: int) -> None:
    """Full names and abbreviations give the month's number."""
    assert words.month_numbers()[name] == number


@pytest.mark.parametrize("word", ["may", "Mai", "Sun", "Wed", "Janu"])
def test_not_months(word: str) -> None:
    """Negative rows: lower case, foreign and weekday abbreviations are no month names."""
    assert word not in words.month_numbers()
    assert word not in words.weekdays()


@pytest.mark.parametrize(
    ("word", "abbreviation"),
    [("Mar.", True), ("Sept.", True), ("Gen.", True), ("May.", False), ("Mon.", False)],
)
def test_month_abbreviations_end_no_sentence(word: str, abbreviation: bool) -> None:
    """The splitter's abbreviations take the month abbreviations from the word lists."""
    assert (word in sentences.abbreviations()) is abbreviation


def test_stages_share_the_stop_words() -> None:
    """Both stages' stop words hold the English ones; each adds only its own."""
    english = words.stop_words()
    assert english <= rules.stop_words()
    assert english <= features.stop_words()
    assert {"could", "perhaps"} <= rules.stop_words() - features.stop_words()
    assert {"some", "each"} <= features.stop_words() - rules.stop_words()


def test_speaker_titles_come_from_the_word_lists() -> None:
    """Titles dropped from a speaker's name are the English titles plus "former" and articles."""
    assert speakers.canonical_speaker("Deputy Foreign Minister Gennady Gatilov") == (
        "Gennady Gatilov"
    )
    assert speakers.canonical_speaker("the former president Barack Obama") == "Barack Obama"
    assert set(words.titles()) <= set(speakers.title_words())


NAMES = {"january", "february", "sept", "monday", "tuesday", "sunday"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    return []


@pytest.mark.parametrize(
    "table", sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.glob("*/data/*.toml"))
)
def test_no_stage_table_lists_month_or_weekday_names(table: str) -> None:
    """Month and weekday names live only in lang/en/data/words.toml (rule examples and
    patterns may mention them in words; no list, key or macro of a stage table holds one)."""
    data = tomllib.loads((PACKAGE / table).read_text(encoding="utf-8"))
    listed = {s.lower() for key, value in data.items() if key != "rule" for s in _strings(value)}
    assert not listed & NAMES
