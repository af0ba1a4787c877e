"""The stance of an article body toward a claim: read over the whole body, not one sentence.

A body is related when it holds enough of the claim's weighted words, overall and in its
lead (journalists state the story in the first sentences). A related body agrees,
contradicts or only reports the claim (related) by a linear model over general
features (``body_features``): how much the body attributes what it says ("reportedly",
"according to", "said"), above all in its lead and in the sentences that state the
claim; how often it calls the content false; whether the claim itself is attributed,
asked or negated. The thresholds, word lists and weights live in
``relate/data/body.toml``; ``benchmarks/fit_relate_body.py`` fits the weights.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any

import attrs

from provenance import tables
from provenance.lang.en import sentences as english
from provenance.model import Reason, ReasonCode, RelationKind
from provenance.relate.cues import Phrase, first_tokens, match_list, phrase_text, tokens
from provenance.relate.features import Features, features
from provenance.relate.rules import Mode, Overlap, overlap, weight

Judgement = tuple[RelationKind, float, tuple[Reason, ...]]
STANCES = (RelationKind.AGREES, RelationKind.CONTRADICTS, RelationKind.RELATED)


def body_table() -> dict[str, Any]:
    """The thresholds, words and weights of ``relate_body.toml``."""
    return tables.load("relate/body")


def split_sentences(text: str) -> list[str]:
    """A long text cut into its sentences by the one English splitter
    (``provenance.lang.en.sentences``: no split after "Mr." or inside a quotation)."""
    return [span.text for span in english.split(text)]


def is_long(text: str) -> bool:
    """Whether a text is an article body rather than a headline or a sentence."""
    return len(text.split()) > int(body_table()["words"])


@functools.cache
def cue_lists() -> dict[str, tuple[frozenset[Phrase], dict[str, tuple[int, ...]]]]:
    """Each cue list of ``relate_body.toml`` as token phrases and their first tokens."""
    out = {}
    for name, words in body_table()["cues"].items():
        phrases = frozenset(tuple(tokens(w.lower())) for w in words)
        out[name] = (phrases, first_tokens(phrases))
    return out


@attrs.frozen
class Passage:
    """A headline, a sentence or a whole body: its features and the cues of each list."""

    features: Features
    cues: Mapping[str, tuple[str, ...]]

    def count(self, *names: str) -> int:
        """How many phrases of the lists ``names`` the passage holds."""
        return sum(len(self.cues[name]) for name in names)


@functools.lru_cache(maxsize=16384)
def passage(text: str) -> Passage:
    """The features and body cues of one text (cached: headlines and sentences repeat)."""
    f = features(text)
    toks = tokens(f.lower)
    found = {}
    for name, (phrases, firsts) in cue_lists().items():
        spans = match_list(toks, [False] * len(toks), phrases, firsts)
        found[name] = tuple(phrase_text(toks, span) for span in spans)
    return Passage(f, found)


@functools.lru_cache(maxsize=1024)
def sentences(body: str) -> tuple[Passage, ...]:
    """The body's sentences as passages (cached: one body faces many claims)."""
    return tuple(passage(s) for s in split_sentences(body)) or (passage(body),)


@functools.lru_cache(maxsize=1024)
def lead(body: str) -> Features:
    """The features of the body's lead sentences."""
    first = split_sentences(body)[: body_table()["lead_sentences"]]
    return features(" ".join(first) or body)


def body_overlap(a: Features, body: str, idf: Mapping[str, float] | None) -> Overlap:
    """The claim's share in the whole body, blended with its share in the lead."""
    whole = overlap(a, features(body), Mode.TEXTS, idf)
    first = overlap(a, lead(body), Mode.TEXTS, idf)
    w = body_table()["lead_weight"]
    return Overlap((1 - w) * whole.score + w * first.score, whole.words, whole.names)


def shares(a: Features, body: str, idf: Mapping[str, float] | None) -> list[tuple[float, int]]:
    """(the claim's weighted share in the sentence, position) per body sentence, best first."""
    weights = {word: weight(word, idf) for word in a.content}
    total = math.fsum(weights.values()) or 1.0  # exact: a set's order would round by hash seed
    scores = [
        math.fsum(weights[w] for w in a.content & s.features.content) / total
        for s in sentences(body)
    ]
    return sorted(((score, i) for i, score in enumerate(scores)), key=lambda p: (-p[0], p[1]))


def share_with(passages: list[Passage], *names: str) -> float:
    """The share of ``passages`` that hold a phrase of the lists ``names`` (0 when none)."""
    return sum(p.count(*names) > 0 for p in passages) / len(passages) if passages else 0.0


def body_features(
    claim: str, body: str, idf: Mapping[str, float] | None = None, o: Overlap | None = None
) -> tuple[dict[str, float], Overlap]:
    """The model's features of a (claim, body) pair, and the claim's overlap ``o`` with it."""
    data = body_table()
    o = o or body_overlap(features(claim), body, idf)
    parts, whole, head = sentences(body), passage(body), passage(claim)
    n = len(parts)
    ranked = shares(head.features, body, idf)
    matching = [parts[i] for score, i in ranked if score >= data["matching"]]
    top = [parts[i] for score, i in ranked[: data["top_sentences"]] if score > 0]
    first = list(parts[: data["lead_sentences"]])
    refuting = math.log1p(whole.count("refuting"))
    claim_refuting = float(head.count("refuting") > 0)
    return {
        "overlap": o.score,
        "attributed": whole.count("reporting", "saying") / n,
        "reporting": whole.count("reporting") / n,
        "reporting_lead": float(share_with(first, "reporting") > 0),
        "matching_attributed": share_with(matching, "reporting", "saying"),
        "refuting": refuting,
        "refuting_lead": float(share_with(first, "refuting") > 0),
        "matching_refuting": share_with(top, "refuting", "denying"),
        "claim_attributed": float(head.count("reporting", "saying") > 0),
        "claim_question": float(head.count("questioning") > 0),
        "claim_negated": float(head.count("negating") > 0),
        "claim_refuting": claim_refuting,
        "both_refuting": claim_refuting * refuting,
    }, o


def stance_scores(found: Mapping[str, float]) -> dict[RelationKind, float]:
    """The model's score of each stance for a pair's features."""
    model = body_table()["model"]
    out = {}
    for kind in STANCES:
        weights = model[kind.value]
        out[kind] = weights["intercept"] + sum(weights[k] * found[k] for k in found)
    out[RelationKind.CONTRADICTS] += model["contradicts_bias"]
    return out


def relate_body(a: str, body: str, idf: Mapping[str, float] | None = None) -> Judgement:
    """The stance of an article ``body`` toward the claim ``a``."""
    o = body_overlap(features(a), body, idf)
    score = round(o.score, 4)
    if o.score < body_table()["related"]:
        return RelationKind.UNRELATED, score, ()
    found, _ = body_features(a, body, idf, o)
    scores = stance_scores(found)
    kind = max(STANCES, key=lambda k: scores[k])
    runner_up = max((k for k in STANCES if k is not kind), key=lambda k: scores[k])
    common = Reason(ReasonCode.SHARED_CONTENT, "the same content words", o.words[:8])
    return kind, score, (*why(kind, runner_up, found, a, body), common)


def why(
    kind: RelationKind, other: RelationKind, found: Mapping[str, float], a: str, body: str
) -> list[Reason]:
    """The features that pushed ``kind`` over ``other``, as reasons with their words."""
    model, table = body_table()["model"], body_table()["reasons"]
    push = {f: (model[kind.value][f] - model[other.value][f]) * x for f, x in found.items()}
    merged: dict[str, Reason] = {}
    for f in sorted((f for f in push if push[f] > 0 and f in table), key=lambda f: -push[f]):
        code, detail, lists, where = table[f]
        words = cue_words(lists, where, a, body)
        seen = merged.get(code)
        if seen is None:
            merged[code] = Reason(code, detail, words)
        else:
            merged[code] = attrs.evolve(seen, words=tuple(dict.fromkeys(seen.words + words))[:8])
    if kind is RelationKind.AGREES and not merged:
        return [Reason(ReasonCode.ASSERTED, "the body states the content without attributing it")]
    return list(merged.values())


def cue_words(lists: list[str], where: str, a: str, body: str) -> tuple[str, ...]:
    """The phrases of ``lists`` in the claim, the body's lead or the whole body (up to 8)."""
    if where == "claim":
        parts: tuple[Passage, ...] = (passage(a),)
    elif where == "lead":
        parts = sentences(body)[: body_table()["lead_sentences"]]
    else:
        parts = (passage(body),)
    words = (w for p in parts for name in lists for w in p.cues[name])
    return tuple(dict.fromkeys(words))[:8]
