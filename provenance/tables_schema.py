"""The shape of every data table, and the facts the code relies on, checked when loaded.

A schema is a tree of small checkers (``Table``, ``Map``, ``List``, ``Row``, ``Number``,
``STR``, ``WORDS`` …); each takes a value and its dotted key path and raises ``Invalid``
with plain words. After the shape, a table's ``semantic`` check looks at what the
engine needs: macros that exist, alias lists with a spelling, reason codes that are
``ReasonCode`` members. ``tables.load`` turns ``Invalid`` into a ``TableError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from provenance.model import ReasonCode, Stance


class Invalid(Exception):
    """A value of a table that cannot be used: its dotted key path and what is wrong."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key = key
        self.problem = problem


Check = Callable[[Any, str], None]


def _join(key: str, part: str | int) -> str:
    """``key`` one level down: ``a.b`` for a key, ``a[3]`` for a list item."""
    if isinstance(part, int):
        return f"{key}[{part}]"
    if part.startswith("["):
        return key + part
    return f"{key}.{part}" if key else part


def _kind(value: object) -> str:
    """The TOML name of a value's type, for an error message."""
    names = {bool: "true or false", str: "a string", int: "a number", float: "a number"}
    names.update({list: "a list", dict: "a table"})
    return names.get(type(value), type(value).__name__)


@attrs.frozen
class Scalar:
    """A string, a true/false, or a number within ``low`` … ``high``."""

    kind: type | tuple[type, ...]
    name: str
    low: float | None = None
    high: float | None = None
    nonempty: bool = False

    def __call__(self, value: Any, key: str) -> None:
        if not isinstance(value, self.kind) or (isinstance(value, bool) and self.kind is not bool):
            raise Invalid(key, f"must be {self.name}, not {_kind(value)}")
        if self.nonempty and not value:
            raise Invalid(key, "must not be empty")
        low, high, amount = (
            self.low,
            self.high,
            float(value) if isinstance(value, int | float) else 0,
        )
        if (low is not None and amount < low) or (high is not None and amount > high):
            raise Invalid(key, f"{value} is out of range: keep it within {low} … {high}")


STR = Scalar(str, "a string")
WORD = Scalar(str, "a string", nonempty=True)
BOOL = Scalar(bool, "true or false")
INT = Scalar(int, "a whole number")
NUMBER = Scalar((int, float), "a number")


def Number(low: float, high: float, whole: bool = False) -> Scalar:
    """A number within ``low`` … ``high`` (a whole number with ``whole``)."""
    if whole:
        return Scalar(int, "a whole number", low, high)
    return Scalar((int, float), "a number", low, high)


SHARE = Number(0, 1)  # a threshold on a 0-1 score
COUNT = Number(0, 1_000_000, whole=True)


@attrs.frozen
class List:
    """A list of items of one schema; ``nonempty``: with at least one item."""

    item: Check
    nonempty: bool = False

    def __call__(self, value: Any, key: str) -> None:
        if not isinstance(value, list):
            raise Invalid(key, f"must be a list, not {_kind(value)}")
        if self.nonempty and not value:
            raise Invalid(key, "must not be an empty list")
        for index, item in enumerate(value):
            self.item(item, _join(key, _label(item, index)))


def _label(item: object, index: int) -> str | int:
    """How a list item is named in a key path: a table by its ``id`` (a rule), else its index."""
    name = item.get("id") if isinstance(item, dict) else None
    return f"[{name}]" if isinstance(name, str) and name else index


WORDS = List(WORD)  # a word list: each entry a non-empty string
SOME_WORDS = List(WORD, nonempty=True)


@attrs.frozen
class Row:
    """A list of fixed length, each place of its own schema (``[code, detail, …]``)."""

    places: tuple[Check, ...]
    names: tuple[str, ...]

    def __call__(self, value: Any, key: str) -> None:
        if not isinstance(value, list) or len(value) != len(self.places):
            raise Invalid(key, f"must be a list of {len(self.places)}: [{', '.join(self.names)}]")
        for index, (place, item) in enumerate(zip(self.places, value, strict=True)):
            place(item, _join(key, index))


@attrs.frozen
class Either:
    """A value of one of two schemas (a macro: a regex or a word list)."""

    first: Check
    second: Check
    name: str

    def __call__(self, value: Any, key: str) -> None:
        try:
            self.first(value, key)
        except Invalid:
            try:
                self.second(value, key)
            except Invalid:
                raise Invalid(key, f"must be {self.name}, not {_kind(value)}") from None


@attrs.frozen
class Table:
    """A table with these keys (``optional`` ones may be left out; no others)."""

    required: Mapping[str, Check]
    optional: Mapping[str, Check] = attrs.field(factory=dict)

    def __call__(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise Invalid(key, f"must be a table, not {_kind(value)}")
        for name in self.required:
            if name not in value:
                raise Invalid(_join(key, name), "is missing")
        for name, item in value.items():
            check = self.required.get(name) or self.optional.get(name)
            if check is None:
                raise Invalid(_join(key, name), "is not a key this table has")
            check(item, _join(key, name))


@attrs.frozen
class Map:
    """A table whose keys are data (a lemma, a month name), each value of one schema."""

    value: Check
    nonempty: bool = True

    def __call__(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise Invalid(key, f"must be a table, not {_kind(value)}")
        if self.nonempty and not value:
            raise Invalid(key, "must not be an empty table")
        for name, item in value.items():
            if not name.strip():
                raise Invalid(_join(key, repr(name)), "an empty key")
            self.value(item, _join(key, name))


def _codes(values: list[str], key: str) -> None:
    """Every value a ``ReasonCode``."""
    for index, code in enumerate(values):
        if code not in ReasonCode.__members__.values():
            known = ", ".join(ReasonCode)
            raise Invalid(_join(key, index), f"{code!r} is not a reason code (one of {known})")


_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _macro_names(text: str) -> Iterator[str]:
    """The ``{name}`` macros a pattern names."""
    return (m.group(1) for m in _MACRO.finditer(text))


# The classes of cues.toml's verbs; rules.toml names each as a macro, with "_ing" for
# its -ing forms, beside the macros built from cues.toml's other lists and the macros
# built from the English word lists (extract.rules builds them: a test keeps the names
# equal to what it builds).
CUE_CLASSES = ("speech", "thought", "evidence", "act", "frame")
CUE_LIST_MACROS = ("cueverb", "aux", "adverb", "prep", "noun")
LANGUAGE_MACROS = ("stop", "day", "weekday", "past")


def cue_macro_names() -> frozenset[str]:
    """The names of the cue word macros (``extract.rules.macro_forms``)."""
    return frozenset((*CUE_CLASSES, *(f"{name}_ing" for name in CUE_CLASSES), *CUE_LIST_MACROS))


def _rules_semantic(data: Mapping[str, Any]) -> None:
    """Macros that exist (in patterns and in macros), known cue macros, unique rule ids."""
    cue_macros = cue_macro_names()
    known = set(data["macros"]) | set(cue_macros) | set(LANGUAGE_MACROS)
    for name, macro in data["macros"].items():
        for used in _macro_names(macro if isinstance(macro, str) else ""):
            if used not in known:
                raise Invalid(f"macros.{name}", f"{{{used}}} names no macro")
    seen: set[str] = set()
    for row in data["rule"]:
        where = f"rule[{row['id']}]"
        if row["id"] in seen:
            raise Invalid(f"{where}.id", "another rule has this id")
        seen.add(row["id"])
        for field in ("pattern", "anchor", "needs", "needs_after", "needs_before", "head"):
            for used in _macro_names(row.get(field, "")):
                if used not in known:
                    raise Invalid(f"{where}.{field}", f"{{{used}}} names no macro")
        for cue in row.get("needs_cues", ()):
            if cue not in cue_macros:
                raise Invalid(f"{where}.needs_cues", f"{cue!r} is not a cue word macro")
        if "reach" in row and "anchor" not in row:
            raise Invalid(f"{where}.reach", "a reach without an anchor")
        if row.get("needs_at_cue") and not ("needs" in row and row.get("needs_cues")):
            raise Invalid(f"{where}.needs_at_cue", "needs both `needs` and `needs_cues`")
        for field in ("needs_after", "needs_before"):
            if field in row and "anchor" not in row:
                raise Invalid(f"{where}.{field}", f"a `{field}` without an anchor")
    for used in _macro_names(data["adjunct_only"]):
        if used not in known:
            raise Invalid("adjunct_only", f"{{{used}}} names no macro")
    for lemma, pattern in data["complements"].items():
        for used in _macro_names(pattern):
            if used not in known:
                raise Invalid(f"complements.{lemma}", f"{{{used}}} names no macro")


def _cues_semantic(data: Mapping[str, Any]) -> None:
    """Every cue verb of a known class."""
    for lemma, row in data["verb"].items():
        if row["class"] not in CUE_CLASSES:
            allowed = ", ".join(CUE_CLASSES)
            raise Invalid(f"verb.{lemma}.class", f"{row['class']!r} is not a class ({allowed})")


def _stance_semantic(data: Mapping[str, Any]) -> None:
    """The stance order names stances, each with its table."""
    for index, name in enumerate(data["order"]):
        if name not in Stance.__members__.values() or name not in data:
            raise Invalid(f"order[{index}]", f"{name!r} is not a stance with a table here")


def _relate_semantic(data: Mapping[str, Any]) -> None:
    """Ranges that must be ordered (alias groups are non-empty lists by their schema)."""
    numbers = data["numbers"]
    if numbers["year_min"] > numbers["year_max"]:
        raise Invalid("numbers.year_min", "is after year_max")


def _body_semantic(data: Mapping[str, Any]) -> None:
    """Reasons with a reason code and known cue lists; model weights for the same features."""
    for feature, (code, _, lists, where) in data["reasons"].items():
        _codes([code], f"reasons.{feature}")
        if where not in ("claim", "body", "lead"):
            raise Invalid(f"reasons.{feature}[3]", f"{where!r} is not claim, body or lead")
        for name in lists:
            if name not in data["cues"]:
                raise Invalid(f"reasons.{feature}", f"{name!r} is not a list of [cues]")
    model = data["model"]
    for stance in ("agrees", "contradicts", "related"):
        for feature in data["reasons"]:
            if feature not in model[stance]:
                raise Invalid(f"model.{stance}", f"has no weight for the reason {feature!r}")


def _report_semantic(data: Mapping[str, Any]) -> None:
    """Shared reason codes are ``ReasonCode`` members."""
    _codes(data["shared_reason_codes"], "shared_reason_codes")


_VERB = Table(
    {"class": WORD, "forms": SOME_WORDS},
    {"train": List(INT), "phrasal": List(INT), "dropped": WORDS},
)
_RULE = Table(
    {"id": WORD, "description": STR, "pattern": WORD},
    {
        "anchor": WORD,
        "reach": COUNT,
        "needs": WORD,
        "needs_cues": SOME_WORDS,
        "needs_words": SOME_WORDS,
        "needs_at_cue": BOOL,
        "needs_after": WORD,
        "needs_before": WORD,
        "speaker_window": BOOL,
        "head": WORD,
        "inherit_speaker": BOOL,
        "topic_content": BOOL,
        "examples": WORDS,
        "counterexamples": WORDS,
    },
)
_PATTERNS = Table({"patterns": SOME_WORDS})
_WORD_MAP = Map(WORD)
_WEIGHTS = Map(NUMBER)
_SHIFT = Either(
    Table({"days": INT}, {"anchor": WORD}), Table({"months": INT}, {"anchor": WORD}), "a shift"
)
_NEGATION: dict[str, Check] = {
    "negation_scope": COUNT,
    "negation_scope_before": COUNT,
    "empty_scope": BOOL,
    "interjections": WORDS,
}

SCHEMAS: dict[str, Check] = {
    "extract/boilerplate": Table(
        {
            "limits": Map(COUNT),
            "rule": List(Table({"reason": WORD, "scope": WORD, "patterns": SOME_WORDS})),
            "widget": _PATTERNS,
        }
    ),
    "extract/front": Table(
        {
            "addressee": Table(
                {
                    "lemmas": SOME_WORDS,
                    "max_words": COUNT,
                    "clause_starts": SOME_WORDS,
                    "not_first": WORDS,
                    "never_inside": WORDS,
                }
            ),
            "dateline": Table({"patterns": SOME_WORDS}),
            "time": Table({"pattern": WORD}),
        }
    ),
    "extract/cues": Table(
        {
            "auxiliaries": WORDS,
            "adverbs": WORDS,
            "title_case_endings": WORDS,
            "prepositions": WORDS,
            "verb": Map(_VERB),
            "noun": _WORD_MAP,
        }
    ),
    "extract/dates": Table(
        {
            "capitalised_names": BOOL,
            "weekday_modifiers": Map(INT),
            "numbers": Map(INT),
            "units": Map(_SHIFT),
            "directions": Map(Table({"sign": Number(-1, 1, whole=True), "anchor": WORD})),
            "phrases": Map(_SHIFT),
            "day_parts": Table({"words": WORDS}),
            "limits": Table(
                {
                    "weekday_year_span": COUNT,
                    "first_year": COUNT,
                    "last_year": COUNT,
                    "reference_paragraphs": COUNT,
                    "inherit_from_paragraph": BOOL,
                }
            ),
        }
    ),
    "extract/limits": Table(
        {
            "max_document_bytes": Number(1, 2**40, whole=True),
            "max_sentence_chars": Number(100, 2**40, whole=True),
            "max_quote_paragraphs": Number(2, 1000, whole=True),
        }
    ),
    "extract/meta": Table(
        {
            "limits": Map(COUNT),
            "title": Table({"continuation_marks": WORDS}),
            "name": Table({"pattern": WORD}),
            "author": _PATTERNS,
            "publisher": Table({"patterns": SOME_WORDS, "strip_patterns": WORDS}),
            "url": Table({"pattern": WORD}),
            "date_line": Table({"prefixes": WORDS}),
            "origin": Table({"patterns": SOME_WORDS, "names": _WORD_MAP}),
        }
    ),
    "extract/rules": Table(
        {
            "trigger_marks": WORDS,
            "triggers": WORDS,
            "speaker_stop": WORDS,
            "anchor_words": WORDS,
            "content_breaks": SOME_WORDS,
            "adjunct_only": WORD,
            "window": Table({"allowed": WORDS}),
            "macros": Map(Either(STR, WORDS, "a regex or a word list")),
            "rule": List(_RULE, nonempty=True),
            "filters": Map(Either(STR, WORDS, "a regex or a word list")),
            "complements": Map(WORD),
            "nesting": Table({"breaks": WORDS, "break_marks": SOME_WORDS}),
            "relative": Table(
                {
                    "pronouns": WORDS,
                    "finite": WORDS,
                    "before_finite": WORDS,
                    "clause_openers": WORDS,
                    "clause_verbs": WORDS,
                }
            ),
            "subordinate": Table(
                {"openers": WORDS, "inner": WORDS, "subjects": WORDS, "reach": COUNT}
            ),
            "speakers": Table(
                {
                    "pronouns": WORDS,
                    "unresolved": WORDS,
                    "relative": WORDS,
                    "impersonal": WORDS,
                    "personal": WORDS,
                    "honorifics": WORDS,
                    "window": COUNT,
                    "not_names": WORDS,
                    "cut": WORD,
                    "recorded": WORD,
                    "cut_examples": Map(STR),
                    "not_source": SOME_WORDS,
                    "not_source_examples": WORDS,
                    "not_source_counterexamples": WORDS,
                    "outlet_refs": Map(STR),
                    "outlet_heads": WORDS,
                    "outlets": WORDS,
                    "outlet_examples": Map(STR),
                }
            ),
        }
    ),
    "extract/stance": Table(
        {"order": SOME_WORDS},
        {
            "refuses": Table(
                {
                    "lemmas": WORDS,
                    "content_starts": WORDS,
                    "cues": WORDS,
                    "negated_lemmas": WORDS,
                    "negators": WORDS,
                }
            ),
            "denies": Table({"lemmas": WORDS, "rules": WORDS}),
            "concedes": Table({"lemmas": WORDS}),
            "asks": Table({"lemmas": WORDS}),
            "reports": Table({"lemmas": WORDS, "rules": WORDS}),
            "hedges": Table({"lemmas": WORDS, "words": WORDS}),
        },
    ),
    "lang/en/abbreviations": Map(WORDS),
    "lang/en/names": Table({"first": WORDS}),
    "extract/own_voice": Table(
        {
            "refuting": List(WORD, nonempty=True),
            "other_sense": WORDS,
            "min_words": COUNT,
            "min_words_refuting": COUNT,
            "max_words": COUNT,
        }
    ),
    "lang/en/words": Table(
        {
            "months": List(SOME_WORDS, nonempty=True),
            "weekdays": WORDS,
            "stop": WORDS,
            "past": WORDS,
            "titles": WORDS,
            "short_forms": Map(STR),
        }
    ),
    "ledger/ledger": Table(
        {
            "reanchor_min_score": Number(0, 100),
            "reanchor_min_chars": COUNT,
            "progress_min_documents": COUNT,
        }
    ),
    "relate/body": Table(
        {
            "words": COUNT,
            "lead_sentences": COUNT,
            "lead_weight": NUMBER,
            "related": SHARE,
            "matching": SHARE,
            "top_sentences": COUNT,
            "cues": Map(SOME_WORDS),
            "reasons": Map(
                Row((WORD, WORD, SOME_WORDS, WORD), ("code", "detail", "cue lists", "where"))
            ),
            "model": Table(
                {
                    "contradicts_bias": NUMBER,
                    "agrees": _WEIGHTS,
                    "contradicts": _WEIGHTS,
                    "related": _WEIGHTS,
                }
            ),
        }
    ),
    "relate/relate": Table(
        {
            "propositions": Table(
                {
                    "min_shared": COUNT,
                    "min_similarity": SHARE,
                    "index_max_postings": COUNT,
                    "max_topic_words": COUNT,
                    "min_voices": COUNT,
                    "min_members": COUNT,
                    "min_members_share": SHARE,
                    "min_documents": COUNT,
                }
            ),
            "cue_order": SOME_WORDS,
            "keep_content": WORDS,
            "cues": Map(SOME_WORDS),
            "hedge_kinds": Map(SOME_WORDS),
            "headline": Table(
                {
                    "source_tail": WORD,
                    "source_head": WORD,
                    "source_words": COUNT,
                    "source_nouns": SOME_WORDS,
                    "not_sources": WORDS,
                }
            ),
            "cue_exceptions": Map(WORDS),
            "pointer": Table(
                {
                    "anaphors": WORDS,
                    "disputes": WORDS,
                    "intensifiers": WORDS,
                    "extraposed": WORDS,
                    "determiners": WORDS,
                    "pronouns": WORDS,
                }
            ),
            "antonyms": Table({"pairs": List(Row((WORD, WORD), ("word", "opposite")))}),
            "words": Table(
                {
                    "stop": WORDS,
                    "families": List(SOME_WORDS),
                    "min_stem": COUNT,
                    "particles": WORDS,
                }
            ),
            "stem": Table(
                {
                    "min_inflected": COUNT,
                    "not_plural": WORDS,
                    "plural_es": WORDS,
                    "restore_e": WORDS,
                    "steps": List(
                        List(Row((WORD, STR, COUNT), ("suffix", "replacement", "measure")))
                    ),
                    "keep": WORDS,
                    "final_e_measure": COUNT,
                }
            ),
            "numbers": Table(
                {
                    "scales": Map(Number(1, 10**12, whole=True)),
                    "percent": WORDS,
                    "range_joiners": WORDS,
                    "year_min": COUNT,
                    "year_max": COUNT,
                    "round_share": SHARE,
                    "context_words": COUNT,
                    "lower_bounds": WORDS,
                    "upper_bounds": WORDS,
                    "approximate_bounds": WORDS,
                }
            ),
            "names": Table(
                {
                    "lookalike_ratio": Number(0, 100),
                    "variant_ratio": Number(0, 100),
                    "variant_prefix": COUNT,
                    "aliases": List(SOME_WORDS, nonempty=True),
                    "joiners": WORDS,
                }
            ),
            "score": Table(
                {
                    "related": SHARE,
                    "agrees": SHARE,
                    "agrees_shared": COUNT,
                    "certainty_levels": SOME_WORDS,
                    "certainty_conflict": COUNT,
                    "contrast_words": COUNT,
                    "presupposing": WORDS,
                    **_NEGATION,
                }
            ),
            "claims": Table(
                {
                    "related": SHARE,
                    "same": SHARE,
                    "agrees": SHARE,
                    "related_with_subject": COUNT,
                    "related_predicates": COUNT,
                    "related_names": COUNT,
                    "polarity_predicates": COUNT,
                    "polarity_cover": SHARE,
                    "min_shared": COUNT,
                    "min_fuzz": Number(0, 100),
                    "subordinators": WORDS,
                    "subordinate_after": COUNT,
                    "max_df": SHARE,
                    "max_df_floor": COUNT,
                    "proposition_within": COUNT,
                    "proposition_heads": WORDS,
                    "skip_stances": WORDS,
                    **_NEGATION,
                },
                {"negation_through": WORDS},
            ),
            "speakers": Table(
                {
                    "before_name": WORDS,
                    "relatives": WORDS,
                    "nationalities": WORDS,
                    "spokesmen": WORDS,
                    "for_words": WORDS,
                    "org_heads": WORDS,
                }
            ),
            "copies": Table(
                {
                    "quotes": SOME_WORDS,
                    "dashes": SOME_WORDS,
                    "near_ratio": Number(0, 100),
                    "near_min_words": COUNT,
                    "near_max": COUNT,
                }
            ),
            "candidates": Table({"max_postings": COUNT, "max_per_claim": COUNT}),
        }
    ),
    "report/report": Table(
        {"diff_min_similarity": SHARE, "shared_reason_codes": WORDS, "no_speaker": WORD}
    ),
}

SEMANTIC: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "extract/rules": _rules_semantic,
    "extract/cues": _cues_semantic,
    "extract/stance": _stance_semantic,
    "relate/relate": _relate_semantic,
    "relate/body": _body_semantic,
    "report/report": _report_semantic,
}


def validate(name: str, data: Mapping[str, Any]) -> None:
    """Raise ``Invalid`` where the table ``name`` (``"extract/cues"``) is unusable."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise Invalid("", f"no schema for the table {name!r}: add one to tables_schema.py")
    schema(data, "")
    if name in SEMANTIC:
        SEMANTIC[name](data)
