"""Attribution accuracy against gold attributions (PolNeAR), pure functions, no I/O.

The figures are those of ``shared/bench/polnear_score.py``, computed the same way:

* tokens are runs of ``\\w+``; a span covers every token it overlaps by one character;
  a span list that covers no word (a cue ":") covers its non-space characters instead;
* ``partial``: one-to-one matching of contents that share a token, greedy by the largest
  overlap, ties broken by gold order then prediction order;
* ``strict``: content extents (first start .. last end) equal once whitespace, quote marks
  and punctuation are stripped from both ends; one-to-one in gold then prediction order;
* ``partial_any``: many-to-many, predictions touching some gold content and gold
  touching some predicted content;
* ``tokens``: per role, the micro P/R/F1 of the (doc, token) sets;
* ``pairs``: source and cue agreement over the partial pairs (exact extent, or overlap);
* ``nested``: how many nested claims (``Case.nested``) were left out of every figure
  above, and the partial and strict figures with them counted.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from provenance.evaluate.polnear import ROLES, Attribution, Frag
from provenance.lang.en.tokens import WORD as _WORD

_QUOTES = frozenset(
    "\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u2032\u2033"
)
PAIR_ROLES = ("source", "cue")


@attrs.frozen
class Case:
    """One scored text: its name (the file stem), text, gold and predicted attributions."""

    name: str
    text: str
    gold: tuple[Attribution, ...]
    pred: tuple[Attribution, ...]
    dropped: int = 0  # gold E lines without content
    out_of_range: int = 0  # predicted spans clipped to the text or dropped as empty
    nested: tuple[Attribution, ...] = ()  # predictions left out: nested in another's content
    starts: tuple[int, ...] = attrs.field(
        init=False, repr=False, default=attrs.Factory(lambda c: _bounds(c.text, 0), takes_self=True)
    )
    ends: tuple[int, ...] = attrs.field(
        init=False, repr=False, default=attrs.Factory(lambda c: _bounds(c.text, 1), takes_self=True)
    )


def _bounds(text: str, side: int) -> tuple[int, ...]:
    """The start (side 0) or end (side 1) offsets of the words of ``text``."""
    return tuple(m.span()[side] for m in _WORD.finditer(text))


@attrs.frozen
class Match:
    """A partial match: gold index, prediction index, shared content tokens."""

    gold: int
    pred: int
    overlap: int


def covered(case: Case, frags: Iterable[Frag]) -> frozenset[int]:
    """Indices of the words the fragments touch; else ``-(position + 1)`` of non-space chars."""
    frags = tuple(frags)
    words: set[int] = set()
    for start, end in frags:
        if end > start:
            first = bisect.bisect_right(case.ends, start)
            words.update(range(first, bisect.bisect_left(case.starts, end)))
    if words:
        return frozenset(words)
    text = case.text
    return frozenset(
        -(k + 1)
        for start, end in frags
        for k in range(max(0, start), min(end, len(text)))
        if not text[k].isspace()
    )


def _strippable(char: str) -> bool:
    return char.isspace() or char in _QUOTES or unicodedata.category(char).startswith("P")


def extent(case: Case, frags: Iterable[Frag]) -> Frag | None:
    """First start .. last end of the fragments, trimmed of spaces, quotes and punctuation."""
    real = [(s, e) for s, e in frags if e > s]
    if not real:
        return None
    start = max(0, min(s for s, _ in real))
    end = min(len(case.text), max(e for _, e in real))
    while start < end and _strippable(case.text[start]):
        start += 1
    while end > start and _strippable(case.text[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def match_partial(case: Case) -> tuple[Match, ...]:
    """Greedy one-to-one matching by the largest content-token overlap."""
    gold = [covered(case, g.content) for g in case.gold]
    pred = [covered(case, p.content) for p in case.pred]
    candidates = sorted(
        (-len(g & p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if g & p
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for negative, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matches.append(Match(i, j, -negative))
    return tuple(matches)


def match_strict(case: Case) -> int:
    """How many gold contents a prediction has with the same trimmed extent (one-to-one)."""
    waiting = Counter(extent(case, p.content) for p in case.pred)
    waiting.pop(None, None)
    hits = 0
    for g in case.gold:
        key = extent(case, g.content)
        if key is not None and waiting[key] > 0:
            waiting[key] -= 1
            hits += 1
    return hits


def _any_counts(case: Case) -> Counter[str]:
    """Many-to-many hits: predictions touching any gold content, gold touching any prediction."""
    gold = [covered(case, g.content) for g in case.gold]
    pred = [covered(case, p.content) for p in case.pred]
    all_gold = frozenset().union(*gold)
    all_pred = frozenset().union(*pred)
    return Counter(
        any_pred=sum(1 for t in pred if t & all_gold),
        any_gold=sum(1 for t in gold if t & all_pred),
    )


def _token_counts(case: Case) -> Counter[str]:
    """Per role: shared, predicted and gold tokens of the text."""
    counts: Counter[str] = Counter()
    for role in ROLES:
        gold = frozenset().union(*(covered(case, g.role(role)) for g in case.gold))
        pred = frozenset().union(*(covered(case, p.role(role)) for p in case.pred))
        counts[f"tok_{role}_tp"] += len(gold & pred)
        counts[f"tok_{role}_pred"] += len(pred)
        counts[f"tok_{role}_gold"] += len(gold)
    return counts


def _pair_counts(case: Case, matches: tuple[Match, ...]) -> Counter[str]:
    """Source and cue agreement over the matched pairs."""
    counts: Counter[str] = Counter()
    for match in matches:
        for role in PAIR_ROLES:
            g, p = case.gold[match.gold].role(role), case.pred[match.pred].role(role)
            counts[f"pair_{role}_gold"] += bool(g)
            counts[f"pair_{role}_pred"] += bool(p)
            if g and p:
                counts[f"pair_{role}_exact"] += extent(case, g) == extent(case, p)
                counts[f"pair_{role}_overlap"] += bool(covered(case, g) & covered(case, p))
            elif not g and not p:
                counts[f"pair_{role}_null_agree"] += 1
    return counts


def case_counts(case: Case) -> Counter[str]:
    """Every count one text contributes to the totals."""
    matches = match_partial(case)
    counts: Counter[str] = Counter(
        gold=len(case.gold),
        pred=len(case.pred),
        partial_tp=len(matches),
        strict_tp=match_strict(case),
        gold_dropped_no_content=case.dropped,
        out_of_range_span=case.out_of_range,
        pred_without_content=sum(1 for p in case.pred if not p.content),
    )
    counts.update(_any_counts(case))
    counts.update(_token_counts(case))
    counts.update(_pair_counts(case, matches))
    counts.update(_nested_counts(case, counts))
    return counts


def _nested_counts(case: Case, counts: Counter[str]) -> Counter[str]:
    """The left-out nested predictions, and the partial and strict hits with them counted."""
    if not case.nested:
        return Counter(nested_partial_tp=counts["partial_tp"], nested_strict_tp=counts["strict_tp"])
    whole = Case(case.name, case.text, case.gold, case.pred + case.nested)
    return Counter(
        nested=len(case.nested),
        nested_partial_tp=len(match_partial(whole)),
        nested_strict_tp=match_strict(whole),
    )


def score(cases: Iterable[Case]) -> Counter[str]:
    """The summed counts of every case (``docs`` counts the cases)."""
    total: Counter[str] = Counter()
    for case in cases:
        total.update(case_counts(case))
        total["docs"] += 1
    return total


def prf(tp: int, n_pred: int, n_gold: int, tp_gold: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 rounded to 4 places; ``tp_gold`` when recall has its own hits."""
    p = tp / n_pred if n_pred else 0.0
    r = (tp if tp_gold is None else tp_gold) / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out: dict[str, Any] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp}
    if tp_gold is not None:
        out["tp_gold"] = tp_gold
    return out | {"pred": n_pred, "gold": n_gold}


def _pairs_record(c: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"matched": c["partial_tp"]}
    for role in PAIR_ROLES:
        for kind in ("exact", "overlap"):
            hits = c[f"pair_{role}_{kind}"]
            out[f"{role}_{kind}"] = prf(hits, c[f"pair_{role}_pred"], c[f"pair_{role}_gold"])
        out[f"{role}_null_agree"] = c[f"pair_{role}_null_agree"]
    return out


def result_record(c: Counter[str]) -> dict[str, Any]:
    """The figures as one JSON object, keyed as the reference scorer keys them."""
    return {
        "docs": c["docs"],
        "gold_attributions": c["gold"],
        "pred_attributions": c["pred"],
        "partial": prf(c["partial_tp"], c["pred"], c["gold"]),
        "strict": prf(c["strict_tp"], c["pred"], c["gold"]),
        "partial_any": prf(c["any_pred"], c["pred"], c["gold"], tp_gold=c["any_gold"]),
        "tokens": {r: prf(c[f"tok_{r}_tp"], c[f"tok_{r}_pred"], c[f"tok_{r}_gold"]) for r in ROLES},
        "pairs": _pairs_record(c),
        "gold_dropped_no_content": c["gold_dropped_no_content"],
        "warnings": {k: c[k] for k in ("out_of_range_span", "pred_without_content") if c[k]},
        "nested": _nested_record(c),
    }


def _nested_record(c: Counter[str]) -> dict[str, Any]:
    """The nested claims left out, and the partial and strict figures had they been counted."""
    pred = c["pred"] + c["nested"]
    return {
        "left_out": c["nested"],
        "counted": {
            "partial": prf(c["nested_partial_tp"], pred, c["gold"]),
            "strict": prf(c["nested_strict_tp"], pred, c["gold"]),
        },
    }


def _spans_record(case: Case, frags: tuple[Frag, ...]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "text": case.text[s:e]} for s, e in frags]


def _attribution_record(case: Case, att: Attribution) -> dict[str, Any]:
    record: dict[str, Any] = {"id": att.label}
    if att.rule:
        record["rule"] = att.rule
    return record | {role: _spans_record(case, att.role(role)) for role in ROLES}


def error_records(case: Case) -> Iterator[dict[str, Any]]:
    """Misses (gold unmatched), false alarms (predictions unmatched), matched pairs that differ,
    and the nested predictions left out of the scores (kind ``nested``)."""
    matches = match_partial(case)
    matched_gold = {m.gold for m in matches}
    matched_pred = {m.pred for m in matches}
    for i, gold in enumerate(case.gold):
        if i not in matched_gold:
            yield {"doc": case.name, "kind": "missed", "gold": _attribution_record(case, gold)}
    for j, pred in enumerate(case.pred):
        if j not in matched_pred:
            yield {"doc": case.name, "kind": "spurious", "pred": _attribution_record(case, pred)}
    for m in matches:
        gold, pred = case.gold[m.gold], case.pred[m.pred]
        differs = [r for r in ROLES if extent(case, gold.role(r)) != extent(case, pred.role(r))]
        if differs:
            yield {
                "doc": case.name,
                "kind": "matched_differs",
                "differs": differs,
                "overlap": m.overlap,
                "gold": _attribution_record(case, gold),
                "pred": _attribution_record(case, pred),
            }
    for pred in case.nested:
        yield {"doc": case.name, "kind": "nested", "pred": _attribution_record(case, pred)}
