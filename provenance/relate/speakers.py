"""Speakers across documents: one name for "President Donald Trump", "Trump", "Donald Trump".

``canonical_speaker`` drops titles and honorifics and maps a spokesman to the body he
speaks for; ``group_speakers`` then joins a bare surname to the one full name that ends
with it. The words are in ``[speakers]`` of relate.toml. The outlet that reports a claim
is not its speaker: nothing here looks at documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from provenance.lang.en import words as english
from provenance.lang.en.tokens import name_words
from provenance.relate.cues import table


@functools.cache
def speaker_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    """(titles as word tuples, longest first), spokesman words, "for" words."""
    data = table()["speakers"]
    titles = sorted((tuple(t.split()) for t in title_words()), key=lambda t: (-len(t), t))
    return tuple(titles), frozenset(data["spokesmen"]), frozenset(data["for_words"])


def title_words() -> tuple[str, ...]:
    """The titles of ``provenance.lang.en.words`` and the words dropped with them
    (``before_name``: "the former president")."""
    return (*english.titles(), *table()["speakers"]["before_name"])


@functools.cache
def before_name() -> frozenset[str]:
    """Words dropped before a name that are no title ("the", "former")."""
    return frozenset(table()["speakers"]["before_name"])


@functools.cache
def org_heads() -> frozenset[str]:
    """Head nouns of organisations and outlets ("Department", "Post")."""
    return frozenset(table()["speakers"]["org_heads"])


@functools.cache
def nationalities() -> frozenset[str]:
    """Nationality words dropped before a title."""
    return frozenset(table()["speakers"]["nationalities"])


def words_of(name: str) -> list[str]:
    """The words of a name, without a trailing possessive."""
    return [w.replace("’", "'").removesuffix("'s") for w in name_words(name)]


def spoken_for(words: list[str]) -> list[str]:
    """The body a spokesman speaks for, or the words unchanged."""
    _, spokesmen, fors = speaker_words()
    lower = [w.lower() for w in words]
    for i, word in enumerate(lower):
        if word in spokesmen:
            if i + 1 < len(words) and lower[i + 1] in fors:
                return words[i + 2 :]
            return words[:i]
    return words


def drop_titles(words: list[str]) -> list[str]:
    """``words`` without leading titles and honorifics; keeps the last word in any case."""
    titles, _, _ = speaker_words()
    changed = True
    while changed and len(words) > 1:
        changed = False
        skip = 1 if words[0].lower() in nationalities() else 0
        for title in titles:
            head = tuple(w.lower() for w in words[skip : skip + len(title)])
            rest = words[skip + len(title) :]
            named = len(title) > 1 or title[0] not in before_name()
            if head == title and rest and not (named and rest[0].lower() in org_heads()):
                words, changed = words[skip + len(title) :], True
                break
    return words


_NAMED = re.compile(r"[A-Z][\w.’'-]*$")


@functools.cache
def _aside() -> re.Pattern[str]:
    """A comma and a relative pronoun (``relatives`` of [speakers]) or a lower-case word."""
    words = "|".join(map(re.escape, table()["speakers"]["relatives"]))
    return re.compile(rf",\s+(?:(?P<relative>{words})\b|(?=[a-z]))")


def head_of(name: str) -> str:
    """A speaker without the relative clause or appositive after a comma ("Prince Naif,
    whose …"; "Jo Formicola, political science professor at …"): a relative pronoun
    after any speaker, lower-case words after a name. "The campaign's spokesman, Brian
    Fallon" keeps its name."""
    for found in _aside().finditer(name):
        before = name[: found.start()].rstrip()
        if before and (found.group("relative") or _NAMED.search(before)):
            return before
    return name


def canonical_speaker(name: str) -> str:
    """One spelling of a speaker: asides cut, titles dropped, a spokesman replaced by
    his body."""
    words = drop_titles(spoken_for(words_of(head_of(name))))
    if not words:
        return " ".join(words_of(name))
    return " ".join(words)


def speaker_key(name: str) -> str:
    """The case-folded canonical name, for comparing."""
    return canonical_speaker(name).casefold()


def group_speakers(names: Iterable[str]) -> dict[str, str]:
    """Each name -> its group's canonical name. Full names that differ only by a first-name
    short form are one person ("Bill Clinton", "William Clinton"); a bare surname joins
    the one person's full name that ends with it, a bare word the one organisation it
    names ("Justice" -> "Justice Department"), a common noun the one body it ends ("the
    center" -> "West Point center"); never a title ("the former president"), a
    capitalised short form with "the" ("The Post"), nor a surname to a name that ends in
    an organisation's head noun."""
    canon = {name: canonical_speaker(name) for name in sorted(set(names))}
    people: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    for full in sorted({c for c in canon.values() if len(c.split()) > 1}, key=str.casefold):
        words = full.split()
        if words[-1].islower():
            nouns.setdefault(words[-1], []).append(full)
        elif all(w[:1].isupper() for w in words) and words[-1].lower() not in org_heads():
            people.setdefault(words[-1].casefold(), []).append(full)
        elif len(words) == 2 and words[0][:1].isupper():
            bodies.setdefault(words[0].casefold(), []).append(full)
    persons = {full: _one_person(fulls)[full] for fulls in people.values() for full in fulls}
    titles = {t[0] for t in speaker_words()[0] if len(t) == 1}
    out = {}
    for name, c in canon.items():
        ends: list[str] = []
        if len(c.split()) == 1 and c[:1].isupper() and _bare(name):
            ends = sorted({persons[f] for f in people.get(c.casefold(), [])})
            ends = ends or bodies.get(c.casefold(), [])
        elif len(c.split()) == 1 and c.islower() and c not in titles:
            ends = nouns.get(c, [])
        out[name] = ends[0] if len(ends) == 1 else persons.get(c, c)
    return out


def _one_person(fulls: list[str]) -> dict[str, str]:
    """Each full name -> the one person's name it stands for: names that differ only by
    first-name short forms are one ("Bill Clinton", "William Clinton": the fullest
    spelling), and a name that ends in another one's words is that person ("House
    Oversight Committee Chairman Jason Chaffetz" -> "Jason Chaffetz"). A middle initial
    makes no other person ("Marc E. Elias", "Marc Elias")."""
    keys = {full: tuple(map(english.formal_first_name, without_initials(full))) for full in fulls}
    spelled: dict[tuple[str, ...], str] = {}
    for full, key in sorted(keys.items()):
        spelled[key] = max(spelled.get(key, ""), full, key=lambda n: (len(n), n))
    cores = sorted(spelled, key=len)
    out = {}
    for full, key in keys.items():
        core = next((c for c in cores if len(c) < len(key) and key[-len(c) :] == c), key)
        out[full] = spelled[core]
    return out


def without_initials(full: str) -> list[str]:
    """The words of a full name without its middle initials ("E." of "Marc E. Elias")."""
    words = full.split()
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]


_INITIAL = re.compile(r"[A-Z]\.$")


def _bare(name: str) -> bool:
    """Whether ``name`` is a bare name, not a short form with an article ("The Post")."""
    first = name.split()[0].lower() if name.split() else ""
    return first not in {"the", "a", "an"}
