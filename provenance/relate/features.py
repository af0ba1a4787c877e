"""What the relation engine reads in one text: content words, names, numbers and cues.

Pure functions over strings; the words come from ``relate/data/relate.toml``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from provenance.lang.en import words as english
from provenance.lang.en.tokens import CASED, CASED_POSSESSIVE
from provenance.lang.en.tokens import LOWER as _TOKEN
from provenance.relate import stemmer
from provenance.relate.cues import find_cues, phrase_text, table, tokens

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NUMBER = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d[\d,]*(?:\.\d+)?))?"
    r"\s*(%|percent|per cent|thousand|million|billion|bn|m|k)?(?![\w])"
)


@attrs.frozen
class Quantity:
    """A number in a text with the word that says what it counts (``unit``)."""

    low: float
    high: float
    unit: str
    text: str
    step: float = 0.0  # the rounding its digits allow: 1000 for "2,000", 0.1 for "12.9"
    before: frozenset[str] = frozenset()  # content words just before it, in its clause


@attrs.frozen
class Features:
    """What one text says, as the relation rules see it."""

    text: str
    lower: str  # lower-cased, straight quotes, aliases replaced by their canonical token
    content: frozenset[str]  # stemmed content words
    names: frozenset[str]  # canonical names (capitalised runs), lower-case
    numbers: tuple[Quantity, ...]
    cues: Mapping[str, tuple[str, ...]]  # cue list name -> phrases found, in text order
    negated: tuple[tuple[str, frozenset[str]], ...] = ()  # (negator, content words in its scope)
    negated_near: tuple[tuple[str, frozenset[str]], ...] = ()  # narrower scopes ([claims])
    padded: str = ""  # the tokens joined by single spaces, with a space at each end
    source: str = ""  # a source named at the text's end ("… - NY post", "…: Report")

    def has(self, cue: str) -> bool:
        """Whether a phrase of the cue list ``cue`` occurs."""
        return bool(self.cues.get(cue))


@functools.cache
def aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching every alias spelling, and spelling -> canonical token.

    A spelling with a capital letter matches only in that case; others in any case.
    """
    spellings: dict[str, str] = {}
    parts = []
    for group in table()["names"]["aliases"]:
        token = "_".join(group[0].lower().split())
        for spelling in group:
            exact = spelling != spelling.lower()
            spellings[spelling if exact else spelling.lower()] = token
            body = re.escape(spelling) + (r"(?!\w)" if spelling[-1].isalnum() else "")
            parts.append((len(spelling), body if exact else f"(?i:{body})"))
    parts.sort(key=lambda part: -part[0])
    return re.compile(r"(?<!\w)(?:" + "|".join(body for _, body in parts) + ")"), spellings


@functools.cache
def families() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching every word of a family, and word -> the family's token."""
    words = {w.lower(): group[0] for group in table()["words"]["families"] for w in group}
    body = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), words


def alias_token(match: re.Match[str]) -> str:
    """The canonical token of a matched alias spelling, capitalised as a name."""
    _, spellings = aliases()
    found = match.group()
    return (spellings.get(found) or spellings[found.lower()]).title()


@functools.cache
def stop_words() -> frozenset[str]:
    """Words that are never content: function words (the English stop words and the
    engine's own) and negators."""
    data = table()
    own = frozenset(data["words"]["stop"]) | frozenset(data["cues"]["negator"])
    return english.stop_words() | own


def normalise(text: str) -> str:
    """Straight quotes and dashes; aliases and word families replaced by one token."""
    pattern, _ = aliases()
    family, words = families()
    named = pattern.sub(alias_token, text.translate(_QUOTES))
    return family.sub(lambda m: words[m.group().lower()], named)


@functools.cache
def stem(word: str) -> str:
    """``word`` without a possessive and a name's particle ("al-"), reduced to the key its
    inflections and derivations share (``stemmer.key``: "expansion" -> "expand")."""
    return stemmer.key(bare(word))


def bare(word: str) -> str:
    """``word`` without a possessive and a name's particle ("al-"), if enough stays."""
    data = table()["words"]
    word = possessor(word)
    for particle in data["particles"]:
        if word.startswith(particle) and len(word) - len(particle) >= data["min_stem"]:
            return word[len(particle) :]
    return word


@functools.cache
def stem_name(word: str) -> str:
    """A name's word without a possessive and a particle, and only inflected ("Simone"
    stays "simone": the derivational steps would make it "Simon")."""
    return stemmer.inflected(bare(word))


def possessor(token: str) -> str:
    """A token without its possessive ending ("trump's" -> "trump")."""
    return token.removesuffix("'s").removesuffix("'")


def mostly_capitalised(words: list[str]) -> bool:
    """Title-case text (a headline): capitals there do not mark names."""
    letters = [w for w in words if w[0].isalpha()]
    return len(letters) >= 4 and sum(w[0].isupper() for w in letters) > 0.6 * len(letters)


def names_of(text: str) -> frozenset[str]:
    """Runs of capitalised words (joined by listed joiners), lower-cased; none in title case.

    A possessive ends its name: "ISIS' Libya base" and "Trump's Iowa team" name two.
    """
    words = CASED.findall(text)
    if mostly_capitalised(words):
        return frozenset(w.lower() for w in words if "_" in w)
    joiners = name_joiners()
    names: set[str] = set()
    run: list[str] = []
    for word in [*possessives_marked(text), "."]:
        if (
            word[0].isupper()
            or (run and word.lower() in joiners)
            or ("-" in word and particle_name(word, joiners))
        ):
            run.append(word.lower().removesuffix("'s").removesuffix("'"))
            if not word.endswith("'") and not word.endswith("'s"):
                continue
        if not run:  # no name to end
            continue
        name = trim_name(run, joiners)
        if name:
            names.add(name)
        run = []
    return frozenset(names)


@functools.cache
def name_joiners() -> frozenset[str]:
    """Lower-case words that join the words of a name ("bin", "de", "al")."""
    return frozenset(table()["names"]["joiners"])


def particle_name(word: str, joiners: frozenset[str]) -> bool:
    """A name word led by a lower-case joiner and a hyphen: "al-Baghdadi", "bin-Salman"."""
    head, _, rest = word.partition("-")
    return bool(rest) and rest[0].isupper() and head in joiners


def possessives_marked(text: str) -> list[str]:
    """The words of ``text``, a plural possessive keeping its apostrophe ("ISIS'")."""
    return CASED_POSSESSIVE.findall(text)


@functools.cache
def not_names() -> frozenset[str]:
    """Words that do not begin a name: function words, months and weekdays."""
    return stop_words() | month_words() | english.lower(english.weekdays())


@functools.cache
def month_words() -> frozenset[str]:
    """Month names and abbreviations, lower case: a number after one is a day of a date."""
    return english.lower(english.month_numbers())


def trim_name(run: list[str], joiners: frozenset[str]) -> str:
    """A run of capitalised words without leading function or date words, trailing joiners."""
    skip = not_names()
    start, end = 0, len(run)
    while start < end and run[start] in skip:
        start += 1
    while end > start and run[end - 1] in joiners:
        end -= 1
    return " ".join(run[start:end])


def to_number(digits: str, scale: str | None) -> float:
    """The value of ``digits`` (commas ignored) times its scale word."""
    scales: dict[str, float] = {"%": 1, "percent": 1, "per cent": 1, **table()["numbers"]["scales"]}
    return float(digits.replace(",", "")) * (scales.get(scale, 1) if scale else 1)


def precision(digits: str, scale: str | None) -> float:
    """The step of the last significant digit: 1000 for "2,000", 0.1 for "12.9"."""
    plain = digits.replace(",", "")
    if "." in plain:
        step = 10.0 ** -len(plain.split(".")[1])
    else:
        step = 10.0 ** (len(plain) - len(plain.rstrip("0"))) if plain.strip("0") else 1.0
    return step * to_number("1", scale)


def unit_after(lower: str, end: int, scale: str | None) -> str:
    """The word a number counts: percent, or the next content word that is not a name."""
    data = table()["numbers"]
    if scale in data["percent"]:
        return "percent"
    stops = stop_words()
    for token in _TOKEN.findall(lower[end : end + 40])[:3]:
        if token not in stops and token[0].isalpha() and "_" not in token:
            return stem(token)
    return ""


def numbers_of(lower: str) -> tuple[Quantity, ...]:
    """Every number with its unit and the bound said before it ("more than 1,300")."""
    out = []
    for m in _NUMBER.finditer(lower):
        low = to_number(m.group(1), m.group(3))
        high = to_number(m.group(2), m.group(3)) if m.group(2) else low
        low, high = min(low, high), max(low, high)
        step = precision(m.group(1), m.group(3))
        bound = bound_before(lower, m.start())
        if bound == "lower":
            high = math.inf
        elif bound == "upper":
            low = -math.inf
        elif bound == "approximate":
            step = math.inf
        unit = unit_of(lower, m, low)
        before = words_before(lower, m.start())
        out.append(Quantity(low, high, unit, m.group().strip(), step, before))
    return tuple(out)


def words_before(lower: str, start: int) -> frozenset[str]:
    """The content words just before a number, back to a comma or colon: what the number
    is of or about ("Clinton" in "Clinton 45%, Trump 41%")."""
    found: list[str] = []
    for token in reversed(_TOKEN.findall(lower[max(0, start - 80) : start])):
        if token in (",", ":", "?") or len(found) == table()["numbers"]["context_words"]:
            break
        if is_content(token) and not token[0].isdigit():
            found.append(stem(token))
    return frozenset(found)


def unit_of(lower: str, m: re.Match[str], value: float) -> str:
    """What a number counts; a year or a day after a month is a date."""
    data = table()
    before = _TOKEN.findall(lower[max(0, m.start() - 12) : m.start()])
    if before and before[-1] in month_words():
        return "<day>"
    if (
        m.group(3) is None
        and "," not in m.group(1)
        and value.is_integer()
        and data["numbers"]["year_min"] <= value <= data["numbers"]["year_max"]
    ):
        return "<year>"
    return unit_after(lower, m.end(), m.group(3))


@functools.cache
def bounds() -> dict[tuple[str, ...], str]:
    """Bound phrase (as tokens) -> "lower", "upper" or "approximate" (``[numbers]``)."""
    data = table()["numbers"]
    return {
        tuple(_TOKEN.findall(phrase)): kind
        for kind in ("lower", "upper", "approximate")
        for phrase in data[f"{kind}_bounds"]
    }


def bound_before(lower: str, start: int) -> str:
    """The kind of bound phrase right before a number ("more than", "up to", "about"), or ""."""
    before = _TOKEN.findall(lower[max(0, start - 24) : start])
    for size in (3, 2, 1):
        kind = bounds().get(tuple(before[-size:])) if len(before) >= size else None
        if kind:
            return kind
    return ""


def negation_scopes(
    toks: list[str],
    negators: list[tuple[int, int]],
    words: list[tuple[int, str]],
    section: str = "score",
    subordinates: bool = True,
) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each negator with the content ``words`` (position, stem) around it (the widths of
    relate.toml ``section``).

    A negator with no content word after it ("No he wasn't") gets an empty scope, or is
    left out where ``section`` says ``empty_scope = false``; so is an interjection
    (``interjections`` before a comma: "No, we will win"). With ``subordinates`` false,
    a negator in a later subordinate clause keeps its scope too.
    """
    data = table()[section]
    out = []
    for start, end in negators:
        if contrasts(toks, start, end) or interjection(toks, start, end, data):
            continue
        if presupposes(toks, end):
            continue
        if section == "claims" and subordinates and subordinate(toks, start):
            continue
        after = through(
            [(i, w) for i, w in words if i >= end][: data["negation_scope"]], toks, words, section
        )
        before = [w for i, w in words if i < start][::-1][: data["negation_scope_before"]]
        if after or data["empty_scope"]:
            out.append(
                (
                    phrase_text(toks, (start, end)),
                    frozenset(after + before) if after else frozenset(),
                )
            )
    return tuple(out)


@functools.cache
def presupposing() -> frozenset[str]:
    """Words after a negator that keep what follows (``presupposing`` of [score])."""
    return frozenset(table()["score"]["presupposing"])


def presupposes(toks: list[str], end: int) -> bool:
    """Whether the negator ending at ``end`` is followed ("the" aside) by a word that
    keeps what follows true: "not only", "not just", "not the first airline to"."""
    nxt = toks[end + 1 : end + 2] if toks[end : end + 1] == ["the"] else toks[end : end + 1]
    return bool(nxt) and nxt[0] in presupposing()


@functools.cache
def subordinators() -> frozenset[str]:
    """Words that open a subordinate clause (``subordinators`` of [claims])."""
    return frozenset(table()["claims"]["subordinators"])


def subordinate(toks: list[str], start: int) -> bool:
    """Whether the negator at ``start`` stands in a clause a subordinator opens after the
    start of the content's main clause ("… faced delays as passengers refused to sit")."""
    return not subordinators().isdisjoint(toks[table()["claims"]["subordinate_after"] : start])


def through(
    scoped: list[tuple[int, str]],
    toks: list[str],
    words: list[tuple[int, str]],
    section: str,
) -> list[str]:
    """The stems of a negation's scope, carried on past a word of intent before "to" or
    "of" ("no plans to expand", "no intention of leaving", "does not want to run"): the
    plan's object is what is negated (``negation_through`` of ``section``)."""
    passes = negation_through(section)
    if (
        scoped
        and scoped[-1][1] in passes
        and toks[scoped[-1][0] + 1 : scoped[-1][0] + 2]
        in (
            ["to"],
            ["of"],
        )
    ):
        at = scoped[-1][0] + 1
        scoped = scoped + [(i, w) for i, w in words if i > at][:1]
    return [w for _, w in scoped]


@functools.cache
def negation_through(section: str) -> frozenset[str]:
    """The stems of ``negation_through`` in relate.toml ``section`` (none if absent)."""
    return frozenset(stem(w) for w in table()[section].get("negation_through", ()))


def interjection(toks: list[str], start: int, end: int, data: dict[str, Any]) -> bool:
    """Whether a negator is an answer word before a comma ("No, we will win")."""
    return toks[start:end] in ([w] for w in data["interjections"]) and toks[end : end + 1] == [","]


def contrasts(toks: list[str], start: int, end: int) -> bool:
    """Whether a negator sets a short phrase against the one before ("in Nevada, not Texas",
    "a ticket, not an arrest, in New York"): it negates no content of the text."""
    if start == 0 or toks[start - 1] != ",":
        return False
    rest = toks[end : end + table()["score"]["contrast_words"] + 1]
    return len(rest) <= table()["score"]["contrast_words"] or bool(set(rest) & {",", "?", ":"})


def is_content(token: str) -> bool:
    """Whether a token is a content word (not a function word, negator or punctuation)."""
    return token not in stop_words() and token[0].isalnum()


@functools.cache
def source_tail() -> re.Pattern[str]:
    """The pattern of a source named at a headline's end (``[headline]`` of relate.toml)."""
    return re.compile(table()["headline"]["source_tail"])


def edge_source(text: str) -> str:
    """The source a headline names at its end after a colon or a dash, or ""."""
    data = table()["headline"]
    found = source_tail().search(text[-80:])
    if found is None:
        return ""
    words = found.group(1).lower().split()
    if len(words) > data["source_words"] or set(words) & set(data["not_sources"]):
        return ""
    return found.group(1)


def content_taken(size: int, spans: Mapping[str, list[tuple[int, int]]]) -> list[bool]:
    """Which tokens a cue took away from the content (``keep_content`` lists take none)."""
    keep = frozenset(table()["keep_content"])
    taken = [False] * size
    for name, found in spans.items():
        if name not in keep:
            for start, end in found:
                taken[start:end] = [True] * (end - start)
    return taken


_QUESTION = re.compile(r"[^.!?]*\?")


def asked_apart(
    lower: str, spans: dict[str, list[tuple[int, int]]]
) -> dict[str, list[tuple[int, int]]]:
    """Refuting words inside an alternative question ("Real or hoax?") move to "asked":
    the question leaves the answer open."""
    if "?" not in lower or "refute" not in spans:
        return spans
    questions = [m.span() for m in _QUESTION.finditer(lower) if re.search(r"\bor\b", m.group())]
    starts = [m.start() for m in _TOKEN.finditer(lower)]
    asked = [s for s in spans["refute"] if any(a <= starts[s[0]] < b for a, b in questions)]
    if not asked:
        return spans
    out = {**spans, "asked": asked, "refute": [s for s in spans["refute"] if s not in asked]}
    return {name: found for name, found in out.items() if found}


_SHARED: contextvars.ContextVar[dict[str, Features] | None] = contextvars.ContextVar(
    "provenance_shared_features", default=None
)


@contextlib.contextmanager
def shared() -> Iterator[None]:
    """Within it, each text's features are computed once however often they are asked for
    (a report relates its claims, then groups them into propositions: the same texts)."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def prepare(texts: Iterable[str]) -> None:
    """Compute the features of ``texts`` now (within ``shared``: kept for what follows,
    e.g. for both processes of a fork)."""
    for text in dict.fromkeys(texts):
        features(text)


def features(text: str) -> Features:
    """The features of one text."""
    memo = _SHARED.get()
    if memo is None:
        return _features(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _features(text)
    return found


def content_words(toks: list[str], taken: list[bool]) -> list[tuple[int, str]]:
    """(position, stem) of each content word of ``toks``: no cue's word (``taken``), no
    punctuation, no function word (nor its possessive: "everyone's")."""
    stops = stop_words()
    return [
        (i, stem(t))
        for i, t in enumerate(toks)
        if not taken[i] and t[0].isalnum() and t.removesuffix("'s") not in stops
    ]


@functools.lru_cache(maxsize=4096)
def negated_anywhere(text: str) -> frozenset[str]:
    """The content words a negator of ``text`` holds in its scope ([claims] widths),
    in a subordinate clause too: what the text itself says is not so."""
    toks = tokens(normalise(text).lower())
    spans = find_cues(toks)[0]
    words = content_words(toks, content_taken(len(toks), spans))
    negators = spans.get("negator", [])
    scopes = negation_scopes(toks, negators, words, "claims", subordinates=False)
    return frozenset(w for _, scope in scopes for w in scope)


@functools.lru_cache(maxsize=8192)
def _features(text: str) -> Features:
    """The features of one text (the last few thousand remembered)."""
    norm = normalise(text)
    lower = norm.lower()
    toks = tokens(lower)
    spans = asked_apart(lower, find_cues(toks)[0])
    names = names_of(norm)
    words = content_words(toks, content_taken(len(toks), spans))
    negators = spans.get("negator", [])
    return Features(
        text=text,
        lower=lower,
        content=frozenset(w for _, w in words),
        names=names,
        numbers=numbers_of(lower),
        cues={
            name: tuple(phrase_text(toks, span) for span in found) for name, found in spans.items()
        },
        negated=negation_scopes(toks, negators, words) if negators else (),
        negated_near=negation_scopes(toks, negators, words, "claims") if negators else (),
        padded=f" {' '.join(toks)} ",
        source=edge_source(text),
    )
