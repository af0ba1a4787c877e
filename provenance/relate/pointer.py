"""A claim that points back at another: "this claim flies in the face of all the evidence".

A claim whose content holds an anaphor ("this claim", "the denial") followed by a
dispute predicate ("flies in the face of", "is false") contradicts the nearest earlier
claim of the same document; when that claim was a denial, it disputes the denial.
The words are in ``[pointer]`` of relate.toml.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from provenance.model import Claim, Reason, ReasonCode, Relation, RelationKind, Stance
from provenance.relate.cues import Phrase, table, tokens
from provenance.relate.features import normalise


@functools.cache
def pointer_phrases() -> tuple[frozenset[Phrase], frozenset[Phrase]]:
    """Anaphors and dispute predicates as token tuples."""
    data = table()["pointer"]
    return (
        frozenset(tuple(tokens(p)) for p in data["anaphors"]),
        frozenset(tuple(tokens(p)) for p in data["disputes"]),
    )


@functools.lru_cache(maxsize=1 << 17)
def points_back(text: str) -> tuple[str, str] | None:
    """(anaphor, dispute) when ``text`` opens with an anaphor and its dispute predicate
    (cached: a report asks for every claim, and copies repeat their words).

    "this claim flies in the face of …", "that these reports are false"; not "this debate
    is misleading" (the anaphor is "this debate") nor an anaphor in mid-sentence.
    """
    anaphors, disputes = pointer_phrases()
    if not opens_with_anaphor(tokens(text[:40].lower()), anaphors):
        return None
    toks = tokens(normalise(text).lower())
    end, anaphor = at(toks, anaphors, 0)
    if (end < 0 or anaphor == "that") and toks[:1] == ["that"] and len(toks) > 2:
        later, word = at(toks, anaphors, 1)  # "that these reports are false"
        if later >= 0 or end < 0:
            end, anaphor = later, word  # else "that is wrong": "that" is the anaphor
    if end < 0:
        return None
    toks = plain(toks, end)
    after, dispute = at(toks, disputes, end)
    if after < 0 or (anaphor == "it" and after < len(toks) and toks[after] in extraposed()):
        return None
    return anaphor, dispute


@functools.cache
def intensifiers() -> frozenset[str]:
    """Adverbs that may stand inside a dispute predicate ("is simply wrong")."""
    return frozenset(table()["pointer"]["intensifiers"])


@functools.cache
def extraposed() -> frozenset[str]:
    """Words after "it … wrong" that open what "it" stands for ("to", "that")."""
    return frozenset(table()["pointer"]["extraposed"])


def plain(toks: list[str], end: int) -> list[str]:
    """``toks`` without an intensifier right after the verb that follows the anaphor
    (token ``end``): "this is simply wrong" reads "this is wrong"."""
    if len(toks) > end + 2 and toks[end + 1] in intensifiers():
        return [*toks[: end + 1], *toks[end + 2 :]]
    return toks


def opens_with_anaphor(toks: list[str], anaphors: frozenset[Phrase]) -> bool:
    """Whether the first word (after "that") can begin an anaphor: a cheap test first."""
    firsts = {phrase[0] for phrase in anaphors}
    skip = 1 if toks[:1] == ["that"] and len(toks) > 2 else 0
    return bool(toks[:1]) and (toks[0] in firsts or toks[skip] in firsts)


def at(toks: list[str], phrases: frozenset[Phrase], i: int) -> tuple[int, str]:
    """Position after the longest phrase starting at token ``i``, and it; (-1, "") if none."""
    for size in range(min(max(len(p) for p in phrases), len(toks) - i), 0, -1):
        if tuple(toks[i : i + size]) in phrases:
            return i + size, " ".join(toks[i : i + size])
    return -1, ""


def start_of(claim: Claim) -> int:
    """Where a claim begins in its document: its speaker, cue or first content span."""
    spans = [s.start for s in claim.content]
    spans += [s.start for s in (claim.speaker, claim.cue) if s is not None]
    return min(spans)


def earlier_claim(claim: Claim, same_doc: Sequence[Claim]) -> Claim | None:
    """The nearest claim of the same document that begins before ``claim``."""
    before = [c for c in same_doc if c.id != claim.id and start_of(c) < start_of(claim)]
    return max(before, key=lambda c: (start_of(c), c.id), default=None)


def refers_back(claim: Claim) -> tuple[str, str] | None:
    """(anaphor, dispute) when a claim points back and disputes: its content does ("this
    claim is false"), or it denies an anaphor ("sources say this denial is false" gives
    the denied content "this denial"; "the minister denied the report")."""
    found = points_back(claim.content_text)
    if found is not None or claim.stance is not Stance.DENIES or claim.cue is None:
        return found
    anaphor = denied_anaphor(claim.content_text)
    return (anaphor, claim.cue.text) if anaphor else None


@functools.lru_cache(maxsize=1 << 16)
def denied_anaphor(content: str) -> str:
    """The anaphor a denied content is, whole ("the report", "this denial", "this", "it",
    or an anaphor's last word alone: "claim" of "this claim"), or ""."""
    anaphors, _ = pointer_phrases()
    toks = tokens(normalise(content).lower())
    whole = tuple(toks[1:] if toks[:1] == ["that"] else toks)
    if whole in anaphors or (len(whole) == 1 and whole[0] in {p[-1] for p in anaphors}):
        return " ".join(whole)
    return ""


def pointer_relations(claims: Sequence[Claim]) -> list[Relation]:
    """A contradiction for every claim that points back at the claim before it."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    out = []
    for claim in claims:
        found = refers_back(claim)
        target = earlier_claim(claim, by_doc[claim.doc]) if found else None
        if found and target is not None:
            out.append(pointer_relation(claim, target, found))
    return out


def pointer_relation(claim: Claim, target: Claim, words: tuple[str, str]) -> Relation:
    """The contradiction of ``claim`` pointing back at ``target``."""
    what = "the denial" if target.stance is Stance.DENIES else "the claim"
    reason = Reason(
        ReasonCode.POINTS_BACK, f"“{words[0]}” … “{words[1]}” disputes {what} before it", words
    )
    a, b = sorted((claim.id, target.id))
    return Relation(a, b, RelationKind.CONTRADICTS, 1.0, (reason,))
