"""The relation rules: each compares two sides and gives the reasons it finds.

A side is a text's features plus, for a claim, the speaker's stance. Every rule is a
small function returning reasons; ``decide`` turns reasons and overlap into a relation.
"""

from __future__ import annotations

import enum
import functools
import itertools
import math
import re
from collections.abc import Iterable, Mapping

import attrs
from rapidfuzz import fuzz

from provenance.model import Reason, ReasonCode, RelationKind, Stance
from provenance.relate.cues import table
from provenance.relate.features import Features, Quantity


class Mode(enum.Enum):
    """Texts: the stance of text b toward claim a. Claims: two speakers' claims."""

    TEXTS = "texts"
    CLAIMS = "claims"


@attrs.frozen
class Side:
    """One side of a pair: what its text says and, for a claim, the speaker's stance."""

    features: Features
    stance: Stance | None = None


@attrs.frozen
class Overlap:
    """How much content two sides share (0..1) and which words and names."""

    score: float
    words: tuple[str, ...]
    names: tuple[str, ...]


def weight(word: str, idf: Mapping[str, float] | None) -> float:
    """A word's weight: its idf when known, else the largest idf (a rare word)."""
    if idf is None:
        return 1.0
    return idf.get(word, idf.get("", 1.0))


def weights(words: Iterable[str], idf: Mapping[str, float] | None) -> float:
    """The summed ``weight`` of ``words``, exactly (``math.fsum``, looked up in C: a report
    sums the words of every candidate pair): a sum in a set's order would round by the
    hash seed."""
    if idf is None:
        return float(sum(1 for _ in words))
    return math.fsum(map(idf.get, words, itertools.repeat(idf.get("", 1.0))))


def overlap(a: Features, b: Features, mode: Mode, idf: Mapping[str, float] | None) -> Overlap:
    """Weighted share of content words: of a (texts mode) or of the shorter side (claims)."""
    return overlap_of(a.content, b.content, a.names & b.names, mode, idf)


def overlap_of(
    a: frozenset[str],
    b: frozenset[str],
    names: frozenset[str],
    mode: Mode,
    idf: Mapping[str, float] | None,
) -> Overlap:
    """``overlap`` of two sides' content words ``a`` and ``b``, sharing ``names``."""
    shared = a & b
    total_a, total_b = weights(a, idf), weights(b, idf)
    base = total_a if mode is Mode.TEXTS else min(total_a, total_b)
    score = weights(shared, idf) / base if base else 0.0
    return Overlap(min(score, 1.0), tuple(sorted(shared)), tuple(sorted(names)))


def certainty(side: Side) -> str:
    """The side's level on the certainty scale of relate.toml."""
    f = side.features
    if f.has("unverified"):
        return "unverified"
    if f.has("certain"):
        return "certain"
    if f.has("hedge") or side.stance in (Stance.HEDGES, Stance.REPORTS, Stance.ASKS):
        return "hedged"
    return "plain"


def denies(side: Side) -> tuple[str, ...]:
    """The words by which a side rejects its content (deny verbs, a denies stance)."""
    words = side.features.cues.get("deny", ())
    return words + (("denies",) if side.stance is Stance.DENIES and not words else ())


def flip(code: ReasonCode, detail: str, a: tuple[str, ...], b: tuple[str, ...]) -> list[Reason]:
    """A reason when exactly one side has words of a kind."""
    if bool(a) == bool(b):
        return []
    return [Reason(code, detail, tuple(dict.fromkeys(a or b)))]


def negators(f: Features, shared: frozenset[str], near: bool = False) -> tuple[str, ...]:
    """The negators whose scope (``near``: the narrower one) holds a shared word, or is empty."""
    scopes = f.negated_near if near else f.negated
    return tuple(word for word, scope in scopes if not scope or scope & shared)


def polarity_reasons(
    a: Side, b: Side, mode: Mode, scope: frozenset[str] | None = None
) -> list[Reason]:
    """Negation, denial and refutation on one side only (texts mode: on side b only).

    A negator counts when its scope holds a word of ``scope`` (default: the shared words).
    A refuting word the claim only asks about ("Real or hoax?") is still the claim's own:
    a body calling it a hoax answers, it does not flip.
    """
    fa, fb = a.features, b.features
    shared = fa.content & fb.content if scope is None else scope
    reasons = [
        *flip(ReasonCode.DENY_VS_ASSERT, "one denies what the other asserts", denies(a), denies(b)),
        *flip(
            ReasonCode.REFUTED,
            "one calls the content false",
            fa.cues.get("refute", ()) + fa.cues.get("asked", ()),
            fb.cues.get("refute", ()),
        ),
        *flip(
            ReasonCode.NEGATION_FLIP,
            "a negation in one and not the other",
            negators(fa, shared, mode is Mode.CLAIMS),
            negators(fb, shared, mode is Mode.CLAIMS),
        ),
    ]
    if mode is Mode.TEXTS:
        return [r for r in reasons if set(r.words) <= set(b_words(b, r.code, shared))]
    return reasons


def b_words(b: Side, code: ReasonCode, shared: frozenset[str]) -> tuple[str, ...]:
    """The words of side b for a polarity reason."""
    if code is ReasonCode.DENY_VS_ASSERT:
        return denies(b)
    if code is ReasonCode.REFUTED:
        return b.features.cues.get("refute", ())
    return negators(b.features, shared)


def antonym_reasons(a: Features, b: Features) -> list[Reason]:
    """Opposite words (dead / alive), one on each side and not on both."""
    found: list[Reason] = []
    in_a, in_b = antonyms_in(a.padded), antonyms_in(b.padded)
    if not (in_a and in_b):  # a reason needs a word of the table on each side
        return found
    for left, right in table()["antonyms"]["pairs"]:
        for x, y in ((in_a, in_b), (in_b, in_a)):
            if left in x and right in y and right not in x and left not in y:
                found.append(
                    Reason(ReasonCode.ANTONYM, f"“{left}” against “{right}”", (left, right))
                )
    return found


@functools.lru_cache(maxsize=1 << 17)
def antonyms_in(padded: str) -> frozenset[str]:
    """The words of ``[antonyms]`` that occur in a text (``Features.padded``) at word
    boundaries (cached: a text is compared with many others)."""
    words = {word for pair in table()["antonyms"]["pairs"] for word in pair}
    return frozenset(word for word in words if f" {word} " in padded)


def has_word(f: Features, phrase: str) -> bool:
    """Whether ``phrase`` occurs in the text at word boundaries."""
    return f" {phrase} " in f.padded


def certainty_reasons(a: Side, b: Side) -> list[Reason]:
    """A conflict (unverified vs certain) or a difference in certainty."""
    levels = table()["score"]["certainty_levels"]
    la, lb = certainty(a), certainty(b)
    if la == lb:
        return []
    words = a.features.cues.get(cue_of(la), ()) + b.features.cues.get(cue_of(lb), ())
    distance = abs(levels.index(la) - levels.index(lb))
    if distance >= table()["score"]["certainty_conflict"]:
        return [Reason(ReasonCode.CERTAINTY_CONFLICT, f"{la} against {lb}", words)]
    return [Reason(ReasonCode.CERTAINTY_DIFFERENCE, f"{la} against {lb}", words)]


@functools.cache
def kind_of() -> dict[str, str]:
    """Hedge phrase -> its kind (``[hedge_kinds]`` of relate.toml)."""
    return {p: kind for kind, phrases in table()["hedge_kinds"].items() for p in phrases}


def hedges(
    f: Features, headline: bool = True, repeated: tuple[str, ...] = ()
) -> dict[str, tuple[str, ...]]:
    """A text's hedge phrases by kind; a source named at its end is an attribution.

    Headline-only hedges count only with ``headline`` and when not ``repeated`` from the
    claim: in a claim, or repeated from it, "Vice Media" or "the story" is content.
    """
    kinds = kind_of()
    out: dict[str, tuple[str, ...]] = {}
    extra = f.cues.get("hedge_headline", ()) if headline else ()
    for phrase in f.cues.get("hedge", ()) + tuple(p for p in extra if p not in repeated):
        kind = kinds.get(phrase, phrase)
        out[kind] = (*out.get(kind, ()), phrase)
    if f.has("asked"):
        out["question"] = (*out.get("question", ()), *f.cues["asked"])
    sources = (f.source, head_source(f.text) if headline else "")
    for source in filter(None, sources):
        out["attribution"] = (*out.get("attribution", ()), source)
    return out


@functools.cache
def source_head() -> re.Pattern[str]:
    """The pattern of a source named at a headline's start (``[headline]`` of relate.toml)."""
    return re.compile(table()["headline"]["source_head"])


def head_source(text: str) -> str:
    """The source a headline names at its start before a colon ("Police: …"), or "":
    at most ``source_words`` words ending in a noun of ``source_nouns``."""
    data = table()["headline"]
    found = source_head().match(text)
    if found is None:
        return ""
    words = found.group(1).lower().split()
    if len(words) > data["source_words"] or words[-1] not in data["source_nouns"]:
        return ""
    return found.group(1) + ":"


def hedge_reasons(b: Side, a: Side) -> list[Reason]:
    """Side b leaves open or hedges what a states: a hedge of a kind that a lacks.

    A hedge of the claim's own kind is its content ("is trying to return" / "tried to
    return"); a certain word ("confirms") outweighs b's hedges.
    """
    fa, fb = a.features, b.features
    if fb.has("unverified") and not fa.has("unverified"):
        return [
            Reason(
                ReasonCode.CERTAINTY_DIFFERENCE, "unverified against stated", fb.cues["unverified"]
            )
        ]
    if fb.has("certain"):
        return []
    theirs = hedges(fa, headline=False)
    mine = hedges(fb, repeated=fa.cues.get("hedge_headline", ()))
    new = {kind: words for kind, words in mine.items() if kind not in theirs}
    if not new:
        return []
    words = tuple(w for kind in sorted(new) for w in new[kind])
    return [Reason(ReasonCode.CERTAINTY_DIFFERENCE, f"hedged ({', '.join(sorted(new))})", words)]


def cue_of(level: str) -> str:
    """The cue list that marks a certainty level."""
    return {"hedged": "hedge"}.get(level, level)


def number_reasons(a: Features, b: Features, only: bool = False) -> list[Reason]:
    """The same quantity (same unit) with values that do not overlap.

    With ``only`` (claims), a pair of numbers compares only when it is one quantity
    (``one_quantity``): two claims may speak of two days, two candidates' shares, a
    target and an outcome.
    """
    found = []
    for qa in a.numbers:
        for qb in b.numbers:
            if (
                qa.unit
                and qa.unit == qb.unit
                and disjoint(qa, qb)
                and not same_value_elsewhere(qa, b)
                and not same_value_elsewhere(qb, a)
                and (not only or one_quantity(qa, qb, a, b))
            ):
                found.append(
                    Reason(
                        ReasonCode.NUMBER_MISMATCH,
                        f"{qa.text} against {qb.text} {qa.unit}",
                        (qa.text, qb.text),
                    )
                )
    return found[:3]


def one_quantity(qa: Quantity, qb: Quantity, a: Features, b: Features) -> bool:
    """Whether two claims' numbers count one thing: each side's only number of the unit,
    no date, neither value given by the other side in any unit ("the limit of 10,000"),
    and the words before them shared when both have some ("Clinton 45%" / "Trump 41%")."""
    if not sole_unit(qa.unit, a, b):
        return False
    if any(not disjoint(qa, o) for o in b.numbers) or any(not disjoint(qb, o) for o in a.numbers):
        return False
    return not (qa.before and qb.before) or bool(qa.before & qb.before)


def sole_unit(unit: str, a: Features, b: Features) -> bool:
    """Whether ``unit`` is no date and each side gives exactly one quantity of it."""
    return not unit.startswith("<") and all(
        sum(q.unit == unit for q in f.numbers) == 1 for f in (a, b)
    )


def disjoint(qa: Quantity, qb: Quantity) -> bool:
    """Whether two values (ranges) cannot be the same amount.

    A round number stands for its rounding ("2,000" holds 2,084, "12" holds 12.9), by at
    most ``round_share`` of its value; dates are exact.
    """
    slack = 0.0 if qa.unit.startswith("<") else max(rounding(qa), rounding(qb))
    gap = max(qb.low - qa.high, qa.low - qb.high)
    return gap > 0 and gap >= slack


def rounding(q: Quantity) -> float:
    """How far a number's true value may lie from the digits written."""
    share = float(table()["numbers"]["round_share"])
    written = [abs(v) for v in (q.low, q.high) if math.isfinite(v)]
    return min(q.step, share * max(written, default=0.0))


def same_value_elsewhere(q: Quantity, other: Features) -> bool:
    """Whether the other text also gives a matching value for the same unit."""
    return any(o.unit == q.unit and not disjoint(q, o) for o in other.numbers)


def different_entities(a: Features, b: Features) -> list[Reason]:
    """A name on one side only that looks like one on the other side only (North / South Korea)."""
    only_b = sorted(b.names - a.names)
    if not only_b:
        return []
    for x in sorted(a.names - b.names):
        for y in only_b:
            if lookalike(x, y):
                nx, ny = x.replace("_", " "), y.replace("_", " ")
                return [Reason(ReasonCode.DIFFERENT_ENTITIES, f"“{nx}” is not “{ny}”", (nx, ny))]
    return []


@functools.lru_cache(maxsize=1 << 17)
def lookalike(x: str, y: str) -> bool:
    """Whether two names look alike and are not one entity (cached: names recur in pairs)."""
    nx, ny = x.replace("_", " "), y.replace("_", " ")
    return fuzz.ratio(nx, ny) >= table()["names"]["lookalike_ratio"] and not same_entity(nx, ny)


def same_entity(x: str, y: str) -> bool:
    """Spellings of one name: one holds the other's words, or each differing word has a variant.

    "Kim Jong Un" / "Kim Jong-un", "Saudi Arabia" / "Saudi Arabian" are one entity;
    "North Korea" / "South Korea" and "Islamic State" / "Israeli State" are not.
    """
    if "".join(filter(str.isalnum, x)) == "".join(filter(str.isalnum, y)):
        return True
    wx, wy = set(x.split()), set(y.split())
    only_x, only_y = wx - wy, wy - wx
    if not only_x or not only_y:
        return True
    return all(any(variant(u, v) for v in only_y) for u in only_x)


def variant(u: str, v: str) -> bool:
    """Two spellings or forms of one word (Millan / Milln, Mexico / Mexican)."""
    names = table()["names"]
    shorter = min(len(u), len(v))
    prefix = next((i for i in range(shorter) if u[i] != v[i]), shorter)
    if prefix >= names["variant_prefix"] and prefix >= shorter - 2:
        return True
    return bool(fuzz.ratio(u, v) >= names["variant_ratio"])


def contradiction_reasons(
    a: Side, b: Side, mode: Mode, scope: frozenset[str] | None = None
) -> list[Reason]:
    """Every reason that the two sides cannot both be right (negators scoped to ``scope``)."""
    reasons = polarity_reasons(a, b, mode, scope) + antonym_reasons(a.features, b.features)
    reasons += [r for r in certainty_reasons(a, b) if r.code is ReasonCode.CERTAINTY_CONFLICT]
    return reasons + number_reasons(a.features, b.features, mode is Mode.CLAIMS)


def shared_reasons(o: Overlap) -> list[Reason]:
    """What the two sides have in common."""
    reasons = [Reason(ReasonCode.SHARED_CONTENT, "the same content words", o.words[:8])]
    if o.names:
        reasons.append(Reason(ReasonCode.SHARED_ENTITIES, "the same names", o.names[:6]))
    return reasons


def decide(
    a: Side, b: Side, o: Overlap, mode: Mode
) -> tuple[RelationKind, float, tuple[Reason, ...]]:
    """The relation of two sides that share content ``o``."""
    thresholds = table()["score" if mode is Mode.TEXTS else "claims"]
    blockers = different_entities(a.features, b.features)
    too_few = mode is Mode.CLAIMS and len(o.words) < thresholds["min_shared"]
    if o.score < thresholds["related"] or too_few or blockers:
        return RelationKind.UNRELATED, round(o.score, 4), tuple(blockers)
    against = contradiction_reasons(a, b, mode)
    common = shared_reasons(o)
    score = round(o.score, 4)
    if against:
        return RelationKind.CONTRADICTS, score, (*against, *common)
    hedged = hedge_reasons(b, a) if mode is Mode.TEXTS else []
    if hedged:
        return RelationKind.RELATED, score, (*hedged, *common)
    soft = [r for r in certainty_reasons(a, b) if r.code is ReasonCode.CERTAINTY_DIFFERENCE]
    few = mode is Mode.TEXTS and len(o.words) < thresholds["agrees_shared"]
    if o.score < thresholds["agrees"] or few:
        return RelationKind.RELATED, score, (*soft, *common)
    return RelationKind.AGREES, score, (*soft, *common)


def idf_table(texts: list[Features]) -> dict[str, float]:
    """Smoothed idf of content words over ``texts``; key "" holds the idf of an unseen word."""
    df: dict[str, int] = {}
    for f in texts:
        for word in f.content:
            df[word] = df.get(word, 0) + 1
    n = len(texts)
    out = {word: math.log((1 + n) / (1 + count)) + 1 for word, count in df.items()}
    out[""] = math.log(1 + n) + 1
    return out
