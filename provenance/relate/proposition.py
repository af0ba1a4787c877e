"""Two claims of a corpus: related only when they say something of the same thing.

Claims share words all the time ("single mothers", "the Justice Department"). A relation
needs a shared *predicate* (a content word that is not part of a name or a number); an
agreement or a contradiction needs the same *proposition*: enough of the shorter claim
shared, and a shared subject (a name) or several shared predicates. A negator counts
only when its scope holds a shared predicate. The thresholds are ``[claims]`` of
relate.toml.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from provenance.lang.en import words as english
from provenance.model import Reason, ReasonCode, RelationKind, Stance
from provenance.relate.cues import table
from provenance.relate.features import Features, month_words, stem, stem_name, stop_words
from provenance.relate.rules import (
    Mode,
    Overlap,
    Side,
    certainty,
    certainty_reasons,
    contradiction_reasons,
    different_entities,
    negators,
    overlap,
    overlap_of,
    shared_reasons,
)
from provenance.relate.speakers import title_words

POLARITY = frozenset({ReasonCode.DENY_VS_ASSERT, ReasonCode.REFUTED, ReasonCode.NEGATION_FLIP})

Judgement = tuple[RelationKind, float, tuple[Reason, ...]]


def name_words(f: Features) -> frozenset[str]:
    """The stemmed words of a text's names, and its name tokens ("islamic_state"), as its
    content holds them and as names' words (``words_of_names``)."""
    return words_of_names(f.names)


@functools.lru_cache(maxsize=65536)
def words_of_names(names: frozenset[str]) -> frozenset[str]:
    """The names, their stems and the stems of their words, keyed as content words and as
    names' words (``stem_name``): what is no predicate (cached: claims repeat)."""
    out = set(names_keyed(names))
    for name in names:
        out.add(stem(name))
        out.update(stem(w) for w in name.replace("_", " ").split())
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def names_keyed(names: frozenset[str]) -> frozenset[str]:
    """The names, and their words keyed as names' words: only inflection goes, so two names
    the derivational steps would join stay two ("Simone" and "Simon", "Brazile" and
    "Brazil") (cached: claims repeat)."""
    out = set(names) | {stem_name(name) for name in names}
    for name in names:
        out.update(stem_name(w) for w in name.replace("_", " ").split())
    return frozenset(out)


@functools.cache
def no_predicates() -> frozenset[str]:
    """Words that say no predicate: scale words of numbers ("million"), months and
    weekdays, and function words left by a clitic ("it's" -> "it")."""
    data = table()
    words = [*data["numbers"]["scales"], *month_words(), *english.lower(english.weekdays())]
    return frozenset(stem(w) for w in words) | frozenset(map(stem_name, words)) | stop_words()


@functools.cache
def titles() -> frozenset[str]:
    """Single-word titles and roles ("leader", "president"): part of a name, no predicate."""
    words = [t for t in title_words() if " " not in t]  # keyed as names' words too
    return frozenset(map(stem, words)) | frozenset(map(stem_name, words))


def claim_overlap(a: Features, b: Features, idf: Mapping[str, float]) -> Overlap:
    """The shorter claim's weighted share in the other, titles left out ("leader"), and
    the rest of a name the other claim gives by its last word only ("Abu Bakr" of "Abu
    Bakr al-Baghdadi" against "al-Baghdadi": one man, not words one side lacks)."""
    skip = titles()
    fore_a, fore_b = forenames(a.names, b.names), forenames(b.names, a.names)
    if a.content.isdisjoint(skip) and b.content.isdisjoint(skip) and not fore_a | fore_b:
        return overlap(a, b, Mode.CLAIMS, idf)
    content_a, content_b = a.content - skip - fore_a, b.content - skip - fore_b
    return overlap_of(content_a, content_b, a.names & b.names, Mode.CLAIMS, idf)


@functools.lru_cache(maxsize=1 << 16)
def forenames(mine: frozenset[str], theirs: frozenset[str]) -> frozenset[str]:
    """The words of ``mine``'s names before a shorter name of ``theirs`` that ends them,
    as content words (``stem``), names' words compared (``stem_name``): "abu bakr" of "abu
    bakr al-baghdadi" before "baghdadi"; nothing of "hillary clinton" before "bill
    clinton", another person (cached: claims repeat)."""
    tails = [[stem_name(w) for w in name.split()] for name in theirs]
    out: set[str] = set()
    for name in mine:
        words = name.split()
        keyed = [stem_name(w) for w in words]
        for tail in tails:
            if len(tail) < len(keyed) and keyed[-len(tail) :] == tail:
                out.update(stem(w) for w in words[: -len(tail)])
    return frozenset(out)


def predicates(a: Features, b: Features) -> frozenset[str]:
    """Shared content words that are not a name's words, titles, numbers or their units."""
    return predicate_words(a) & predicate_words(b)


def predicate_words(f: Features) -> frozenset[str]:
    """A text's content words that are not a name's words, titles, numbers or their units."""
    return predicates_of(f.content, f.names, frozenset(q.unit for q in f.numbers))


@functools.lru_cache(maxsize=1 << 17)
def predicates_of(
    content: frozenset[str], names: frozenset[str], units: frozenset[str]
) -> frozenset[str]:
    """``predicate_words`` of a text's parts (cached: a claim is in many candidate pairs)."""
    skip = words_of_names(names) | titles() | units | no_predicates()
    return frozenset(w for w in content if w not in skip and not w[0].isdigit() and "_" not in w)


def subjects(a: Features, b: Features) -> frozenset[str]:
    """Shared words of names, without titles ("Machado" in "Alicia Machado" and "Machado")."""
    return (names_keyed(a.names) & names_keyed(b.names)) - titles()


def entities(f: Features) -> frozenset[str]:
    """The last word of each name: "trump" of "Donald Trump", "libya" of "ISIS' Libya"."""
    return frozenset(name.split()[-1] for name in f.names)


def linked(a: Features, b: Features, preds: frozenset[str]) -> bool:
    """Whether two claims of different propositions still speak of one thing: a predicate
    and ``related_names`` shared names, a shared subject and ``related_with_subject``
    predicates, or ``related_predicates`` predicates.
    Two common words ("felt" … "worth", "gain" … "ground") are no link."""
    data = table()["claims"]
    if len(entities(a) & entities(b)) >= data["related_names"]:
        return len(preds) >= 1
    if subjects(a, b):
        return len(preds) >= int(data["related_with_subject"])
    return len(preds) >= int(data["related_predicates"])


def same_proposition(o: Overlap, a: Features, b: Features, preds: frozenset[str]) -> bool:
    """Whether the shared content is one proposition: a shared name and predicate, enough of it."""
    return bool(subjects(a, b)) and bool(preds) and o.score >= table()["claims"]["same"]


def negation_flip(a: Features, b: Features, preds: frozenset[str]) -> list[Reason]:
    """A negator next to a shared predicate on one side, and none near shared words on the other.

    "this is not who we are" quoted twice is no flip, even when one quotation runs on.
    """
    shared = a.content & b.content
    for x, y in ((a, b), (b, a)):
        words = negators(x, preds, near=True)
        if words and not negators(y, shared):
            detail = "a negation in one and not the other"
            return [Reason(ReasonCode.NEGATION_FLIP, detail, tuple(dict.fromkeys(words)))]
    return []


def stance_denial(a: Side, b: Side) -> list[Reason]:
    """One speaker denies (his stance), the other does not: a denial word inside the
    content ("a charge she has always denied", "denied him a hearing") is no denial."""
    if (a.stance is Stance.DENIES) == (b.stance is Stance.DENIES):
        return []
    denier = a if a.stance is Stance.DENIES else b
    if not states_proposition(denier.features):
        return []
    return [Reason(ReasonCode.DENY_VS_ASSERT, "one denies what the other asserts", ("denies",))]


def states_proposition(f: Features) -> bool:
    """Whether a denied content is something said to be true: it opens with "that" or a
    noun of saying ("the idea that …", "the charges"); rejecting "Trump's offer", "a
    request" or "Obama's actions" opposes a thing and denies no fact."""
    data = table()["claims"]
    opening = f.padded.split()[: data["proposition_within"]]
    return bool(frozenset(opening) & frozenset(data["proposition_heads"]))


def cover(a: Side, b: Side) -> float:
    """The share of the longer claim's content words that the other holds too."""
    fa, fb = a.features, b.features
    return len(fa.content & fb.content) / max(len(fa.content), len(fb.content), 1)


def against_reasons(a: Side, b: Side, preds: frozenset[str]) -> list[Reason]:
    """The reasons two claims of one proposition cannot both be right.

    A flip of polarity (denial, refutation, negation) needs ``polarity_predicates``
    shared predicates, and the longer claim mostly shared (``polarity_cover``): a claim
    that mentions the thing another denies ("his call for a ban") does not assert it.
    """
    found = contradiction_reasons(a, b, Mode.CLAIMS, preds)
    kept = [r for r in found if r.code not in POLARITY]
    data = table()["claims"]
    if len(preds) < data["polarity_predicates"] or cover(a, b) < data["polarity_cover"]:
        return kept
    flips = negation_flip(a.features, b.features, preds) + stance_denial(a, b)
    return kept + [r for r in found if r.code is ReasonCode.REFUTED] + flips


def open_against_committed(a: Side, b: Side) -> bool:
    """Whether one side leaves the truth open ("could not be verified") and the other not."""
    return (certainty(a) == "unverified") != (certainty(b) == "unverified")


def decide_claims(a: Side, b: Side, o: Overlap) -> Judgement:
    """The relation of two claims that share content ``o``.

    One speaker rejecting what the other states, without a denied proposition ("rejected
    Trump's offer" / "Trump's call for a ban"), relates the claims: no agreement.
    """
    data = table()["claims"]
    score = round(o.score, 4)
    preds = predicates(a.features, b.features)
    blockers = different_entities(a.features, b.features)
    if o.score < data["related"] or len(o.words) < data["min_shared"] or not preds or blockers:
        return RelationKind.UNRELATED, score, tuple(blockers)
    common = tuple(shared_reasons(o))
    if not same_proposition(o, a.features, b.features, preds):
        if not linked(a.features, b.features, preds):
            return RelationKind.UNRELATED, score, ()
        return RelationKind.RELATED, score, common
    against = against_reasons(a, b, preds)
    if against:
        return RelationKind.CONTRADICTS, score, (*against, *common)
    soft = tuple(r for r in certainty_reasons(a, b) if r.code is ReasonCode.CERTAINTY_DIFFERENCE)
    one_opposes = (a.stance is Stance.DENIES) != (b.stance is Stance.DENIES)
    if open_against_committed(a, b) or one_opposes or o.score < data["agrees"]:
        return RelationKind.RELATED, score, (*soft, *common)
    return RelationKind.AGREES, score, (*soft, *common)
