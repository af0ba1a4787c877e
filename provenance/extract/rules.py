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
from typing import Any, TypeVar

import attrs

from provenance import regexes, tables
from provenance.extract import prefilter
from provenance.lang.en import words as english
from provenance.lang.en.tokens import LETTERS as _LETTERS
from provenance.tables_schema import CUE_CLASSES as CLASSES

_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@attrs.frozen
class Rule:
    """One claim shape: its id, compiled pattern and its test rows."""

    id: str
    description: str
    regex: re.Pattern[str]
    anchor: re.Pattern[str] | None = None
    needs: re.Pattern[str] | None = None
    reach: int = 0
    window: bool = False
    head: re.Pattern[str] | None = None
    needs_words: frozenset[str] = frozenset()
    needs_cues: frozenset[str] = frozenset()
    needs_at_cue: bool = False
    needs_after: re.Pattern[str] | None = None
    needs_before: re.Pattern[str] | None = None
    anchor_forms: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    at_start: bool = False
    inherit_speaker: bool = False
    topic_content: bool = False
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as whole words (a trie: fast on long lists)."""
    return rf"\b{trie(words)}(?![\w’'-])"


def trie(words: Iterable[str]) -> str:
    """A regex for any of ``words``, as a character trie (longest match tried first)."""
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict[str, Any]) -> str:
    """The regex of one trie node."""
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    if optional:
        return (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
    return body


@functools.cache
def lemmas() -> Mapping[str, str]:
    """Every cue form (lower case) and claim noun, mapped to its lemma."""
    cues = tables.load("extract/cues")
    table = {form: lemma for lemma, row in cues["verb"].items() for form in row["forms"]}
    table.update(cues["noun"])
    table.update({phrase: phrase for phrase in cues["prepositions"]})
    return table


@functools.cache
def macro_forms() -> Mapping[str, tuple[str, ...]]:
    """The words and phrases of each cue word macro (see ``word_macros``)."""
    cues = tables.load("extract/cues")
    verbs = cues["verb"].values()
    forms: dict[str, tuple[str, ...]] = {}
    for name in CLASSES:
        words = [f for row in verbs if row["class"] == name for f in row["forms"]]
        forms[name] = (*words, *headline_forms(words))
        forms[name + "_ing"] = tuple(f for f in words if f.split()[0].endswith("ing"))
    words = [f for row in verbs if row["class"] != "frame" for f in row["forms"]]
    forms["cueverb"] = (*words, *headline_forms(words))
    forms["aux"] = tuple(cues["auxiliaries"])
    forms["adverb"] = tuple(cues["adverbs"])
    prepositions = cues["prepositions"]
    forms["prep"] = tuple(prepositions + [p.capitalize() for p in prepositions])
    forms["noun"] = tuple(cues["noun"])
    return forms


def word_macros() -> dict[str, str]:
    """The cue word lists of ``cues.toml`` as regex macros."""
    return {name: alternation(forms) for name, forms in macro_forms().items()}


def first_words(names: Iterable[str]) -> frozenset[str]:
    """The first letter runs (lower case) of every form of the word macros ``names``.

    A macro match starts at a word boundary with its form, so the form's first run of
    letters is a whole run of letters in the sentence: a sentence without any of these
    runs holds no match. Empty (no test) when a form does not start with a letter.
    """
    runs = [_LETTERS.match(form) for name in names for form in macro_forms()[name]]
    if not all(runs):
        return frozenset()
    return frozenset(run.group().lower() for run in runs if run is not None)


def headline_forms(forms: list[str]) -> list[str]:
    """Title-case copies of the forms a headline capitalises ("Trump Slams Ryan"): those
    whose verb ends in one of ``title_case_endings`` of cues.toml."""
    endings = tuple(tables.load("extract/cues")["title_case_endings"])
    return [f.title() for f in forms if f.split()[0].endswith(endings)]


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """``pattern`` with every ``{name}`` replaced by its macro, until none is left."""
    for _ in range(20):
        expanded = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("macros nest too deep (a macro refers to itself?)")


def _macro(value: str | list[str]) -> str:
    """A macro: a regex as written, or a word list as a trie of its words."""
    return value if isinstance(value, str) else trie(value)


def _anchor_forms(anchor: str, raw: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """For an anchor made of cue word macros only (``{a}|{b}``), its one-word forms and
    the first words of its other forms (see ``prefilter.split_forms``); else empty."""
    names = _cue_names(anchor, raw)
    return prefilter.split_forms(f for name in names for f in macro_forms()[name])


def _cue_names(text: str, raw: Mapping[str, Any]) -> list[str]:
    """The cue word macros ``text`` is an alternation of (``{a}|{b}``, rules.toml macros
    such as ``(?:{a}|{b})`` resolved), or none when it holds anything else."""
    if text.startswith("(?:") and text.endswith(")"):
        text = text[3:-1]
    names: list[str] = []
    for part in text.split("|"):
        name = part[1:-1] if _MACRO.fullmatch(part) else ""
        macro = raw.get(name) if name not in macro_forms() else None
        found = [name] if name in macro_forms() else []
        if isinstance(macro, str) and macro:
            found = _cue_names(macro, raw)
        if not found:
            return []
        names += found
    return names


def _rule(
    row: Mapping[str, Any], compiled: Mapping[str, re.Pattern[str]], raw: Mapping[str, Any]
) -> Rule:
    """One rule row, its patterns taken from ``compiled`` (keyed by field name)."""
    return Rule(
        id=row["id"],
        description=row["description"],
        regex=compiled["pattern"],
        anchor=compiled.get("anchor"),
        reach=int(row.get("reach", 0)),
        window=bool(row.get("speaker_window", False)),
        head=compiled.get("head"),
        needs_words=frozenset(row.get("needs_words", ())),
        needs_cues=_shared(first_words(row.get("needs_cues", ()))),
        needs_at_cue=bool(row.get("needs_at_cue", False)),
        needs_after=compiled.get("needs_after"),
        needs_before=compiled.get("needs_before"),
        anchor_forms=_shared(_anchor_forms(row.get("anchor", ""), raw)),
        at_start=prefilter.at_start(row["pattern"]),
        needs=compiled.get("needs"),
        inherit_speaker=bool(row.get("inherit_speaker", False)),
        topic_content=bool(row.get("topic_content", False)),
        examples=tuple(row.get("examples", ())),
        counterexamples=tuple(row.get("counterexamples", ())),
    )


_PATTERN_FIELDS = ("pattern", "anchor", "head", "needs", "needs_after", "needs_before")
_T = TypeVar("_T")
_SHARED: dict[Any, Any] = {}


def _shared(value: _T) -> _T:
    """One object for equal word sets of several rules: ``extract.scan`` keys its
    per-sentence caches by them, and a look-up that finds the very same object skips
    comparing hundreds of words."""
    found: _T = _SHARED.setdefault(value, value)
    return found


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules in priority order, compiled (from the disk cache, see ``regexes``)."""
    table = tables.load("extract/rules")
    raw = {**table["macros"], **language_macros()}
    macros = all_macros()
    fields = [
        [(f, expand(row[f], macros)) for f in _PATTERN_FIELDS if f in row] for row in table["rule"]
    ]
    sources = sorted({source for row in fields for _, source in row})
    compiled = dict(zip(sources, regexes.compile_all(sources), strict=True))
    return tuple(
        _rule(row, {f: compiled[source] for f, source in patterns}, raw)
        for row, patterns in zip(table["rule"], fields, strict=True)
    )


@functools.cache
def all_macros() -> Mapping[str, str]:
    """Every macro a pattern may name: rules.toml's, the language's and the cue words'."""
    raw = {**tables.load("extract/rules")["macros"], **language_macros()}
    macros = {name: _macro(value) for name, value in raw.items()}
    macros.update(word_macros())
    return macros


@functools.cache
def language_macros() -> dict[str, list[str]]:
    """The macros made of the English word lists (``provenance.lang.en.words``):
    ``{stop}`` (with ``speaker_stop`` of rules.toml), ``{day}``, ``{weekday}`` and
    ``{past}``."""
    months = [row[0] for row in english.months()]
    return {  # the names of tables_schema.LANGUAGE_MACROS
        "stop": sorted(stop_words()),
        "day": [*english.weekdays(), *months, *english.month_abbreviations()],
        "weekday": list(english.weekdays()),
        "past": sorted(english.past_forms()),
    }


@functools.cache
def trigger_words() -> frozenset[str]:
    """Lower-case words one of which a sentence needs to hold any claim (a quick test)."""
    cues = tables.load("extract/cues")
    words = {f.split()[0] for row in cues["verb"].values() for f in row["forms"]}
    words.update(cues["noun"], (p.split()[0] for p in cues["prepositions"]))
    words.update(tables.load("extract/rules")["triggers"])
    return frozenset(words)


@functools.cache
def trigger_marks() -> tuple[str, ...]:
    """Marks that make a sentence worth searching without a trigger word."""
    return tuple(tables.load("extract/rules")["trigger_marks"])


@functools.cache
def anchor_words() -> frozenset[str]:
    """Lower-case words at one of which every rule anchor starts."""
    return trigger_words() | frozenset(tables.load("extract/rules")["anchor_words"])


@functools.cache
def stop_words() -> frozenset[str]:
    """The words that never belong to a speaker's noun phrase (the ``stop`` macro)."""
    return english.stop_words() | frozenset(tables.load("extract/rules")["speaker_stop"])


@functools.cache
def barrier_words() -> frozenset[str]:
    """Stop words that never stand between a speaker's first word and its cue."""
    table = tables.load("extract/rules")["window"]
    cues = tables.load("extract/cues")
    allowed = set(table["allowed"]) | set(cues["auxiliaries"]) | set(cues["adverbs"])
    return stop_words() - allowed


@functools.cache
def classes() -> Mapping[str, str]:
    """The class of every cue lemma (speech, thought, evidence, act, frame)."""
    return {lemma: row["class"] for lemma, row in tables.load("extract/cues")["verb"].items()}


@functools.cache
def participles() -> frozenset[str]:
    """The -ing forms of the cue verbs of the ``participle_classes`` of ``[filters]``."""
    wanted = tables.load("extract/rules")["filters"]["participle_classes"]
    rows = tables.load("extract/cues")["verb"].values()
    return frozenset(
        f for row in rows if row["class"] in wanted for f in row["forms"] if f.endswith("ing")
    )


@functools.cache
def complements() -> Mapping[str, re.Pattern[str]]:
    """The ``[complements]`` of rules.toml: by cue lemma, what must follow the cue."""
    table = tables.load("extract/rules")["complements"]
    sources = [expand(pattern, all_macros()) for pattern in table.values()]
    return dict(zip(table, regexes.compile_all(sources), strict=True))  # from the disk cache


def complemented(lemma: str, text: str, start: int, end: int) -> bool:
    """Whether the words of ``text[start:end]``, just after a cue of ``lemma``, are a
    complement that cue takes when it is one ("added that …", not "added to …")."""
    pattern = complements().get(lemma)
    return pattern is None or pattern.match(text, start, end) is not None


@functools.cache
def _adjunct() -> re.Pattern[str]:
    """The ``adjunct_only`` pattern of rules.toml, its macros expanded."""
    (compiled,) = regexes.compile_all(
        [expand(tables.load("extract/rules")["adjunct_only"], all_macros())]
    )
    return compiled


def adjunct_only(content: str) -> bool:
    """Whether ``content`` is no more than an adjunct of time, place or manner ("on
    Friday", "in The Intercept", "loudly"): a cue with nothing said."""
    return _adjunct().fullmatch(content) is not None


_LINK = re.compile(r"\s+(?:of|for|at|in|from|with|on)\s+")


def head(speaker: str) -> str:
    """The head word of a speaker noun phrase: before its appositive, bracket and link."""
    core = _LINK.split(speaker.split(",")[0].split("(")[0])[0].split()
    return core[-1] if core else ""


def rejects(speaker: str, cue: str, lemma: str) -> bool:
    """Whether the ``[filters]`` of rules.toml refuse ``speaker`` before ``cue``."""
    table = tables.load("extract/rules")["filters"]
    words = speaker.lower().split()
    last = cue.lower().split()[-1] if cue.split() else ""
    if not words:
        return False
    if last in table["noun_cues"] and _modifies(words, table):
        return True
    if f"{words[-1]} {last}" in table["noun_compounds"]:
        return True
    if speaker.split()[-1] in table["time_words"] and len(words) <= 2:  # "The Times" is a name
        return True
    if words[0] in participles() or cue.split()[0].lower() in table["participle_only"]:
        return True
    if words == [words[0]] and words[0] in table["authorial"]:
        return classes().get(lemma) in table["authorial_classes"]
    return lemma in table["inference"] and not _tells(speaker, words, table)


def _modifies(words: list[str], table: Mapping[str, Any]) -> bool:
    """Whether the speaker ends in a word that only modifies a noun after it."""
    if len(words) >= 2 and words[-2] in table["comparison"]:
        return True
    return re.fullmatch(table["modifier"], words[-1]) is not None


@functools.cache
def _medium() -> re.Pattern[str]:
    """The {medium} macro of rules.toml, whole word."""
    return re.compile(r"(?:" + tables.load("extract/rules")["macros"]["medium"] + r")\Z")


def _tells(speaker: str, words: list[str], table: Mapping[str, Any]) -> bool:
    """Whether an inference's subject can tell: a name, a pronoun for people, a teller."""
    if len(words) == 1 and words[0] in table["people_pronouns"]:
        return True
    word = head(speaker)
    lower = word.lower()
    return word[:1].isupper() or lower in table["tellers"] or bool(_medium().match(lower))
