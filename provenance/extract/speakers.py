"""Speaker names: a speaker span cut to its noun phrase, a pronoun speaker ("he said")
resolved to the name it stands for, "the newspaper" to the outlet named before it, a
bare surname to the one person's full name in the document.

First ``cut`` ends a speaker span before an aside ("Gates, in contrast,"). Then it
reads claims in text order and the document text; writes ``speaker_name``: the
speaker as written, or for a pronoun the nearest fitting name before it (the named
speaker of an earlier claim, else a capitalised name in the text, "Trump, who said"
takes the name just before "who"). No name found: the pronoun stays (refuse to guess).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from provenance import tables
from provenance.extract import rules
from provenance.lang.en import sentences
from provenance.lang.en import words as english
from provenance.lang.en.tokens import NAME, WORD
from provenance.model import Claim, Span

_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'.-]*)+")
_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)[\s,]*$")


@functools.cache
def _table() -> dict[str, Any]:
    """The [speakers] table of rules.toml."""
    table: dict[str, Any] = tables.load("extract/rules")["speakers"]
    return table


def is_pronoun(text: str) -> bool:
    """Whether a speaker text is a bare pronoun."""
    return text.lower() in _table()["pronouns"]


def _name_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """Runs of capitalised words in ``text[start:end]`` as (end, words), cut where a word
    ends a sentence: "Tampa, Florida. Here is …" names no "Florida. Here" (a period ends
    a name unless the word is an abbreviation or initials: "Mr.", "J.", "U.S.")."""
    for match in _NAME.finditer(text, start, len(text) if end is None else end):
        piece = match.start()
        for word in NAME.finditer(text, match.start(), match.end()):
            if word.group().endswith(".") and not sentences.is_abbreviation(word.group()):
                yield word.end(), text[piece : word.end() - 1].strip()
                piece = word.end()
        if piece < match.end():
            yield match.end(), text[piece : match.end()].strip()


def _names_before(text: str, end: int) -> list[tuple[int, str]]:
    """Capitalised names (two words or more) ending before ``end``, as (end, name)."""
    start = max(0, end - int(_table()["window"]))
    names = []
    for name_end, name in _name_matches(text, start, end):
        words = name.split()
        while words and words[0] in _table()["not_names"]:
            words = words[1:]
        if len(words) >= 2 or (words and name != " ".join(words)):
            names.append((name_end, " ".join(words)))
    return names


def _antecedent(text: str, claim: Claim, named: _Named) -> str:
    """The name a pronoun speaker stands for, or "" when none fits."""
    assert claim.speaker is not None
    pronoun, start = claim.speaker.text.lower(), claim.speaker.start
    if pronoun in _table()["unresolved"]:
        return ""
    if pronoun in _table()["relative"]:
        match = _BEFORE.search(text, max(0, start - 120), start)
        return match.group(1) if match else ""
    if claim.content and claim.content[0].start < start:
        start = claim.content[0].start  # "“…,” he said": he is not named in his own words
    window = start - int(_table()["window"])
    nearest = named.last(window, start)
    if nearest is not None:
        name = nearest.speaker_name
    else:
        names = _names_before(text, start)
        name = names[-1][1] if names else ""
    if pronoun in _table()["impersonal"] and not _impersonal(name, text):
        return ""  # "it" is no person: refuse to guess past the nearest name
    if pronoun in _table()["personal"] and not _may_be_person(name, text):
        return ""  # nor is "a statement", "exit polls" or "The New York Times" a "he"
    return name


class _Named:
    """The claims with a named speaker so far, in order of speaker start, and the longest
    speaker among them: the last one ending in a window is found from the end, never
    further back than a speaker could still end in it (a document of many claims stays
    linear)."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.longest = 0

    def add(self, claim: Claim) -> None:
        assert claim.speaker is not None
        self.claims.append(claim)
        self.longest = max(self.longest, claim.speaker.end - claim.speaker.start)

    def last(self, after: int, until: int) -> Claim | None:
        """The last claim whose speaker ends after ``after`` and by ``until``."""
        for claim in reversed(self.claims):
            assert claim.speaker is not None
            if after < claim.speaker.end <= until:
                return claim
            if claim.speaker.start + self.longest <= after:
                return None
        return None


def _lower_in(word: str, text: str) -> bool:
    """Whether ``word`` also stands in ``text`` in lower case (a common noun, not a name)."""
    lower = word.lower()
    if WORD.fullmatch(lower):  # looked up in the document's words, read once
        return lower in _words_of(text)
    return re.search(rf"\b{re.escape(lower)}\b", text) is not None


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """The words of ``text`` as written (a document asked for many pronouns)."""
    return frozenset(WORD.findall(text))


def _may_be_person(name: str, text: str) -> bool:
    """Whether a name may stand for one person: its head word (before an appositive or a
    link) is no plural common noun ("aides", "exit polls"), no claim noun ("a statement",
    "the report") and no outlet's ("The New York Times")."""
    head = rules.head(name)
    if not head or _given_name(name.split()):
        return True  # "Don Guardian" is a man, not a newspaper
    if head in _table()["outlet_heads"]:
        return False
    if not head.islower() and (not name.startswith(head) or not _lower_in(head, text)):
        return True  # capitalised only as a sentence opener ("Aides" and "aides"): a noun
    word = head.lower()
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return not plural and word not in rules.lemmas()


def _impersonal(name: str, text: str) -> bool:
    """Whether a name may stand for a thing: no honorific ("Mr. Daniloff"), and not two
    capitalised words or more after its titles that open with a given name ("Seth
    Meyers", "Judicial Watch President Tom Fitton"), nor a surname the document gives
    such a full name ("Swanson": "Robyn Swanson"). What a person owns is a thing ("Mrs.
    Clinton's campaign")."""
    words = name.replace("’", "'").split()
    owned = [i for i, word in enumerate(words[:-1]) if word.endswith("'s")]
    words = words[owned[-1] + 1 :] if owned else words  # "Mrs. Clinton's campaign"
    if any(word.lower() in _table()["honorifics"] for word in words):
        return False
    rest = _after_titles(words)
    if len(rest) == 1 and (full := _people(text).get(_surname(" ".join(rest)), "")):
        rest = full.split()
    return not _given_name(rest)


def _given_name(words: list[str]) -> bool:
    """Whether two capitalised words or more, after their titles, open with a given name
    of lang/en/data/names.toml ("Seth Meyers", "President Tom Fitton")."""
    rest = _after_titles(words)
    return len(rest) >= 2 and rest[0][:1].isupper() and rest[0].lower() in english.first_names()


@functools.cache
def _cut() -> re.Pattern[str]:
    """Where a speaker span ends (the ``cut`` pattern of [speakers])."""
    return re.compile(_table()["cut"])


def cut(speaker: str) -> str:
    """``speaker`` without an aside after a comma (", in contrast", ", speaking in …") or
    an adjunct of saying in a speaker without a comma ("Jane Roe in a statement")."""
    match = _cut().search(speaker)
    if match is None:
        return speaker
    return speaker[: match.start("at") if match["at"] is not None else match.start()]


@functools.cache
def _not_source() -> re.Pattern[str]:
    """The ``not_source`` patterns of [speakers], one alternation, {weekday} and {month}
    filled in."""
    weekday = "(?:" + "|".join(english.weekdays()) + ")"
    names = sorted((name for row in english.months() for name in row), key=lambda n: (-len(n), n))
    month = "(?:" + "|".join(names) + r")\.?"
    rows = "|".join(f"(?:{row})" for row in _table()["not_source"])
    return re.compile("(?:" + rows.replace("{weekday}", weekday).replace("{month}", month) + ")")


def is_source(speaker: str) -> bool:
    """Whether a speaker text may be a source: not a number, a date, a verb form or a
    lone adverb (the ``not_source`` patterns)."""
    return _not_source().fullmatch(speaker.strip(" ,.;:")) is None


@functools.cache
def _recorded() -> re.Pattern[str]:
    """A recording of the speaker before an -ing cue (the ``recorded`` pattern of [speakers])."""
    return re.compile(_table()["recorded"])


def _cut_claim(text: str, claim: Claim) -> Claim:
    """The claim with its speaker span cut (``cut``; before an -ing cue, from after a
    recording of the speaker: "footage of Trump saying"), or without a speaker when what
    is left is no source (``is_source``: the source is unknown, not a number or a verb)."""
    if claim.speaker is None:
        return claim
    if not is_source(claim.speaker.text):
        return attrs.evolve(claim, speaker=None, speaker_name="")
    start = claim.speaker.start
    ing = claim.cue is not None and any(w.endswith("ing") for w in claim.cue.text.split())
    if ing and (found := _recorded().match(claim.speaker.text)):
        start += found.end()
    kept = cut(text[start : claim.speaker.end])
    if start == claim.speaker.start and len(kept) == len(claim.speaker.text):
        return claim
    span = Span.of(text, start, start + len(kept.rstrip(" ,")))
    return attrs.evolve(claim, speaker=span, speaker_name=span.text)


@functools.cache
def _outlet_names(kind: str) -> re.Pattern[str]:
    """An outlet's name: capitalised words ending in an outlet head ("The Washington
    Post", "Fox News") not followed by another capitalised word; for ``kind`` "any" also
    a one-name outlet ("Reuters")."""
    heads = "|".join(map(re.escape, sorted(_table()["outlet_heads"], key=len, reverse=True)))
    single = "|".join(map(re.escape, sorted(_table()["outlets"], key=len, reverse=True)))
    one = f"|{single}" if kind == "any" else ""
    return re.compile(rf"\b(?:(?:[A-Z][\w.&’'-]*\s+){{1,4}}(?:{heads}){one})\b(?![’'-]?\s*[A-Z])")


def _outlet_ref(speaker: str) -> tuple[str, str] | None:
    """(kind of name, head word) an outlet reference stands for: ("print", "") for "the
    newspaper", ("any", "Post") for "The Post"; None for a speaker that is no reference."""
    kind = _table()["outlet_refs"].get(" ".join(speaker.split()).lower())
    if kind is not None:
        return str(kind), ""
    words = speaker.split()
    if len(words) == 2 and words[0] in ("The", "the") and words[1] in _table()["outlet_heads"]:
        return "print", words[1]
    return None


def _outlet(text: str, claim: Claim) -> str:
    """The outlet named before an outlet reference ("the newspaper", "The Post"), or ""."""
    assert claim.speaker is not None
    ref = _outlet_ref(claim.speaker.text)
    if ref is None:
        return ""
    kind, head = ref
    start = max(0, claim.speaker.start - int(_table()["window"]))
    found = []
    for match in _outlet_names(kind).finditer(text, start, claim.speaker.start):
        words = match.group().split()
        while len(words) > 1 and words[0] in _table()["not_names"] and words[0] != "The":
            words = words[1:]
        if not head or (words[-1] == head and len(words) > 1):
            found.append(" ".join(words))
    return found[-1] if found else ""


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(english.titles())


@functools.cache
def _stop() -> frozenset[str]:
    """Words that start no name ("Even", "Said"): the stop words of the speaker rules."""
    rules = tables.load("extract/rules")
    return english.stop_words() | frozenset(rules["speaker_stop"])


def _after_titles(words: list[str]) -> list[str]:
    """The words of a name after its last title ("Texas Sen. Ted Cruz" -> "Ted Cruz")."""
    marks = [i for i, w in enumerate(words) if w.lower() in _titles()]
    return words[marks[-1] + 1 :] if marks else words


def _surname(speaker: str) -> str:
    """The surname a bare name speaker is ("Cruz", "Mr. Cruz", "Cruz’s"), else ""."""
    words = _after_titles(speaker.replace("’", "'").removesuffix("'s").split())
    if len(words) == 1 and words[0][:1].isupper() and words[0][1:].islower():
        return words[0]
    return ""


def _after_stop(words: list[str]) -> list[str]:
    """The words after the last one that ends a sentence ("Iowa. Cruz" -> "Cruz"); an
    initial ("J.") or a title ("Sen.") ends none."""
    ends = [
        i
        for i, w in enumerate(words[:-1])
        if w.endswith(".") and len(w) > 3 and "." not in w[:-1] and w.lower() not in _titles()
    ]
    return words[ends[-1] + 1 :] if ends else words


def _person_key(words: list[str]) -> tuple[str, ...]:
    return (english.formal_first_name(words[0]), *(w.casefold() for w in words[1:]))


def _within(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Whether the words of ``small`` appear in ``big`` in order, first and last kept."""
    rest = iter(big[1:-1])
    return small[0] == big[0] and small[-1] == big[-1] and all(w in rest for w in small[1:-1])


@functools.lru_cache(maxsize=4)
def _people(text: str) -> dict[str, str]:
    """Each surname -> the one person's full name in ``text`` that ends in it, or "" when
    two people's names do ("Hillary Clinton" and "Bill Clinton"). Read once a text."""
    spellings: dict[str, dict[tuple[str, ...], str]] = {}
    for _, name in _name_matches(text):
        words = _after_titles(_after_stop(name.split()))
        while words and (words[0] in _table()["not_names"] or words[0].lower() in _stop()):
            words = words[1:]
        if 2 <= len(words) <= 4 and "of" not in words:
            same = spellings.setdefault(words[-1], {})
            key = _person_key(words)
            same[key] = max(same.get(key, ""), " ".join(words), key=len)
    return {surname: _one(same) for surname, same in spellings.items()}


def _one(spellings: dict[tuple[str, ...], str]) -> str:
    """The spelling of the one person the names stand for ("Donald Trump" is within
    "Donald J. Trump"), or "" for two people."""
    tops = [k for k in spellings if not any(k != o and _within(k, o) for o in spellings)]
    return spellings[tops[0]] if len(tops) == 1 else ""


def _surname_joined(text: str, claim: Claim) -> Claim:
    """The claim of a bare surname speaker named by the one full name of its document
    that ends in it ("Cruz" -> "Ted Cruz"); unchanged when none or two people fit."""
    surname = _surname(claim.speaker_name or claim.speaker.text) if claim.speaker else ""
    full = _people(text).get(surname, "") if surname else ""
    return attrs.evolve(claim, speaker_name=full) if full else claim


def resolve(text: str, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The claims (in text order) with speaker spans cut, pronoun speakers, outlet
    references ("the newspaper") and bare surnames ("Cruz": the one full name of the
    document that ends in it) resolved in ``speaker_name``."""
    named = _Named()
    result = []
    claims = tuple(_cut_claim(text, claim) for claim in claims)
    for claim in sorted(claims, key=lambda c: c.speaker.start if c.speaker else -1):
        if claim.speaker is not None and is_pronoun(claim.speaker.text):
            name = _antecedent(text, claim, named) or claim.speaker.text
            claim = attrs.evolve(claim, speaker_name=name)
        elif claim.speaker is not None:
            if outlet := _outlet(text, claim):
                claim = attrs.evolve(claim, speaker_name=outlet)
            claim = _surname_joined(text, claim)
            named.add(claim)
        result.append(claim)
    return tuple(result)
