"""The claim rules of ``data/rules.toml``, their macros expanded and compiled once.

A pattern names macros as ``{name}``; the word lists of ``data/cues.toml`` are
macros too: ``{speech}``, ``{thought}``, ``{evidence}``, ``{act}`` (every form of the
cue verbs of that class), ``{speech_ing}`` etc. (their -ing forms), ``{aux}``,
``{adverb}``, ``{prep}`` and ``{noun}``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from provenance import lexicon

_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
CLASSES = ("speech", "thought", "evidence", "act", "frame")


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
    inherit_speaker: bool = False
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
    verbs = [f for row in cues["verb"].values() if row["class"] != "frame" for f in row["forms"]]
    macros["cueverb"] = alternation(verbs)
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


def _macro(value: str | list[str]) -> str:
    """A macro: a regex as written, or a word list as a trie of its words."""
    return value if isinstance(value, str) else trie(value)


def _rule(row: Mapping[str, Any], macros: Mapping[str, str]) -> Rule:
    """One rule row compiled."""
    return Rule(
        id=row["id"],
        description=row["description"],
        regex=re.compile(expand(row["pattern"], macros)),
        anchor=re.compile(expand(row["anchor"], macros)) if "anchor" in row else None,
        reach=int(row.get("reach", 0)),
        window=bool(row.get("speaker_window", False)),
        needs=re.compile(expand(row["needs"], macros)) if "needs" in row else None,
        inherit_speaker=bool(row.get("inherit_speaker", False)),
        examples=tuple(row.get("examples", ())),
        counterexamples=tuple(row.get("counterexamples", ())),
    )


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules in priority order, compiled."""
    table = lexicon.load("rules")
    macros = {name: _macro(value) for name, value in table["macros"].items()}
    macros.update(word_macros())
    return tuple(_rule(row, macros) for row in table["rule"])


@functools.cache
def trigger_words() -> frozenset[str]:
    """Lower-case words one of which a sentence needs to hold any claim (a quick test)."""
    cues = lexicon.load("cues")
    words = {f.split()[0] for row in cues["verb"].values() for f in row["forms"]}
    words.update(cues["noun"], (p.split()[0] for p in cues["prepositions"]))
    words.update(lexicon.load("rules")["triggers"])
    return frozenset(words)


@functools.cache
def stop_words() -> frozenset[str]:
    """The words that never belong to a speaker's noun phrase (the ``stop`` macro)."""
    return frozenset(lexicon.load("rules")["macros"]["stop"])


@functools.cache
def barrier_words() -> frozenset[str]:
    """Stop words that never stand between a speaker's first word and its cue."""
    table = lexicon.load("rules")["window"]
    cues = lexicon.load("cues")
    allowed = set(table["allowed"]) | set(cues["auxiliaries"]) | set(cues["adverbs"])
    return stop_words() - allowed


_WORD = re.compile(r"[A-Za-z]+")


def may_hold_claim(sentence: str) -> bool:
    """Whether ``sentence`` has a trigger word (no claim without one)."""
    words = trigger_words()
    return any(m.group().lower() in words for m in _WORD.finditer(sentence))


_TOKEN = re.compile(r"([\"“‘'(\[]*)\S+")
_SHORT = 5  # a phrase of at most this many words may start after any word


class Scan:
    """The rule matches of one sentence, with the phrase starts and anchors shared by rules."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.words, self.bounded = _phrase_starts(sentence)
        self._anchors: dict[str, list[int]] = {}
        self._tried: dict[tuple[str, int], re.Match[str] | None] = {}
        self._barriers: dict[int, int] = {}
        self.tokens = [(m.start(), m.group()) for m in _PIECE.finditer(sentence)]

    def matches(self, rule: Rule) -> Iterator[re.Match[str]]:
        """The matches of ``rule``: anywhere, or at phrase starts before its anchors."""
        if rule.needs is not None and rule.needs.search(self.sentence) is None:
            return iter(())
        return self._anchored(rule) if rule.anchor else self._searched(rule)

    def _searched(self, rule: Rule) -> Iterator[re.Match[str]]:
        """The matches of a rule anywhere in the sentence, one per cue."""
        pos = 0
        while pos <= len(self.sentence):
            match = rule.regex.search(self.sentence, pos)
            if match is None:
                return
            yield match
            pos = match.end("cue")

    def _anchored(self, rule: Rule) -> Iterator[re.Match[str]]:
        """The leftmost match covering each anchor, starting up to ``reach`` before it."""
        assert rule.anchor is not None
        for anchor in self._anchor_starts(rule.anchor):
            floor = self._barrier(anchor) if rule.window else 0
            for start in self._starts(anchor, rule.reach, floor):
                match = self._match(rule, start)
                if match is not None and match.start("cue") <= anchor < match.end("cue"):
                    yield match
                    break

    def _barrier(self, anchor: int) -> int:
        """The leftmost offset a speaker before ``anchor`` may start at (computed once)."""
        if anchor not in self._barriers:
            self._barriers[anchor] = _barrier(self.sentence, self.tokens, anchor)
        return self._barriers[anchor]

    def _anchor_starts(self, anchor: re.Pattern[str]) -> list[int]:
        """Where ``anchor`` matches (computed once per sentence)."""
        if anchor.pattern not in self._anchors:
            self._anchors[anchor.pattern] = [m.start() for m in anchor.finditer(self.sentence)]
        return self._anchors[anchor.pattern]

    def _starts(self, anchor: int, reach: int, floor: int) -> list[int]:
        """Phrase starts within ``reach`` before ``anchor``, and the few words just before
        it, none before ``floor``."""
        near = bisect.bisect_right(self.words, anchor)
        lo = bisect.bisect_left(self.bounded, max(anchor - reach, floor))
        hi = bisect.bisect_right(self.bounded, anchor)
        short = (w for w in self.words[max(0, near - _SHORT) : near] if w >= floor)
        return sorted(set(self.bounded[lo:hi]).union(short))

    def _match(self, rule: Rule, start: int) -> re.Match[str] | None:
        """``rule`` matched at ``start`` (each start tried once per rule)."""
        key = (rule.id, start)
        if key not in self._tried:
            self._tried[key] = rule.regex.match(self.sentence, start)
        return self._tried[key]


_PIECE = re.compile(r"[\w’'-]+|[;:“”\",]")
_HARD = frozenset(';:“”"')
_COMMAS = 3  # a speaker holds at most one appositive: two commas


def _barrier(sentence: str, tokens: list[tuple[int, str]], anchor: int) -> int:
    """Where the window of a speaker before ``anchor`` begins: after a quotation mark,
    a semicolon, a colon or the third comma back, or at a word no speaker holds
    (a word in a ", who …," clause does not count)."""
    index = bisect.bisect_left(tokens, (anchor, "")) - 1
    commas = 0
    while index >= 0:
        start, piece = tokens[index]
        if piece in _HARD or (piece == "," and (commas := commas + 1) >= _COMMAS):
            return start + 1
        if _bars(piece):
            clause = _relative_clause(tokens, index)
            if clause is None:
                return start
            index = clause
        index -= 1
    return 0


def _bars(piece: str) -> bool:
    """A word that no speaker, date or auxiliary holds (all-capital words never bar)."""
    lower = piece.lower()
    return lower in barrier_words() and not lower.endswith("ly") and not piece[-2:].isupper()


def _relative_clause(tokens: list[tuple[int, str]], index: int) -> int | None:
    """The index of the comma opening the ", who …" clause around ``index``, if any."""
    while index >= 0 and tokens[index][1] not in _HARD and tokens[index][1] != ",":
        index -= 1
    if index < 0 or tokens[index][1] != "," or index + 1 >= len(tokens):
        return None
    return index if tokens[index + 1][1].lower() in ("who", "which") else None


def _phrase_starts(sentence: str) -> tuple[list[int], list[int]]:
    """Word starts, and those after a boundary (a stop word or punctuation) where a long
    phrase may begin; a phrase of at most ``_SHORT`` words may start anywhere."""
    words: list[int] = []
    bounded: list[int] = []
    stop = stop_words()
    previous = ""
    for token in _TOKEN.finditer(sentence):
        start = token.start() + len(token.group(1))
        words.append(start)
        if not previous or not previous[-1].isalnum() or previous.lower() in stop:
            bounded.append(start)
        previous = token.group()
    return words, bounded
