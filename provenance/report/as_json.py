"""The report as JSON (``provenance report --format json``), schema 1.

Stable: keys in this order, lists in report order, the same input gives the same bytes;
one claim, relation, speaker or date a line::

    {"schema": 1,
     "claims": {"c-…": {"doc", "speaker", "speaker_canonical", "cue", "content", "stance",
                        "date", "date_basis", "outlet", "flag", "copies", "copy_of"}},
     "relations": [{"a", "b", "kind", "score",
                    "reasons": [{"code", "detail", "words"}], "verdict", "note"}],
     "speakers": [{"speaker", "names", "claims"}],
     "timeline": [{"date", "claims"}]}

``claims`` holds every claim the filters kept and every claim a listed relation names,
by id. ``relations`` lists contradictions (most severe first), then agreements, then
related pairs; ``a < b`` by id; ``verdict`` is ``"confirmed"``, ``"dismissed"`` (only with
``--show-dismissed``) or null. ``speakers`` holds, per canonical speaker (most quoted
first; null for claims with no speaker), the names as written and the claim ids in time
order; ``timeline`` the claim ids per date, undated (``"date": null``) last.
Copies of one statement (the same words, speaker and stance in several documents,
``provenance.relate.copies``) are related once: relations name the representative (the
smallest id), whose ``copies`` lists the other claims carrying it (each in ``claims``,
with its own ``doc`` and ``outlet``); a copy's ``copy_of`` names its representative.
``copies`` is ``[]`` and ``copy_of`` null for a claim that has no copies.
``speaker``, ``cue``, ``date``, ``flag`` and ``copy_of`` are null when unknown; dates are ISO
``YYYY-MM-DD``; scores have 4 decimals at most.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from provenance.report.model import Day, Entry, Link, Report, SpeakerGroup, Stated

SCHEMA = 1
# C1 controls and DEL are legal raw in JSON strings but some terminals act on them.
_C1 = re.compile(r"[\x7f-\x9f]")


def claim_json(entry: Entry) -> dict[str, Any]:
    """One claim of the ``claims`` table."""
    claim = entry.claim
    return {
        "doc": claim.doc,
        "speaker": entry.speaker or None,
        "speaker_canonical": entry.canonical or None,
        "cue": claim.cue.text if claim.cue else None,
        "content": claim.content_text,
        "stance": str(claim.stance),
        "date": claim.date.isoformat() if claim.date else None,
        "date_basis": str(claim.date_basis),
        "outlet": entry.outlet,
        "flag": str(claim.flag) if claim.flag else None,
        "copies": [copy.id for copy in entry.copies],
        "copy_of": entry.copy_of or None,
    }


def relation_json(link: Link) -> dict[str, Any]:
    """One relation: both ids, kind, score, reasons, a person's verdict and note."""
    relation = link.relation
    return {
        "a": relation.a,
        "b": relation.b,
        "kind": str(relation.kind),
        "score": round(relation.score, 4),
        "reasons": [
            {"code": r.code, "detail": r.detail, "words": list(r.words)} for r in relation.reasons
        ],
        "verdict": str(link.verdict) if link.verdict else None,
        "note": link.note,
    }


def speaker_json(group: SpeakerGroup) -> dict[str, Any]:
    """One speaker: the canonical name, the names as written, claim ids in time order."""
    return {
        "speaker": group.name if group.names else None,
        "names": list(group.names),
        "claims": [entry.id for entry in group.entries],
    }


def day_json(day: Day) -> dict[str, Any]:
    """One date of the timeline and its claim ids."""
    return {
        "date": day.date.isoformat() if day.date else None,
        "claims": [entry.id for entry in day.entries],
    }


def proposition_json(stated: Stated) -> dict[str, Any]:
    """One proposition: its words, the claim ids on each side, the outlets of each side,
    the independent sources of each side (copies of one statement counted once), and the
    claims whose side a person set in claims.toml (``by_hand``)."""
    shown = {e.id for entries in stated.sides.values() for e in entries}
    return {
        "id": stated.id,
        "text": stated.proposition.text,
        "sides": {str(side): [e.id for e in entries] for side, entries in stated.sides.items()},
        "outlets": {str(side): list(names) for side, names in stated.outlets.items()},
        "sources": {str(side): n for side, n in stated.proposition.sources.items()},
        "documents": stated.proposition.docs,
        "by_hand": [cid for cid in stated.proposition.by_hand if cid in shown],
    }


def report_json(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data (see the module doc for the schema)."""
    return {
        "schema": SCHEMA,
        "claims": {entry.id: claim_json(entry) for entry in report.claims},
        "relations": [relation_json(link) for link in report.links],
        "propositions": [proposition_json(stated) for stated in report.propositions],
        "speakers": [speaker_json(group) for group in report.speakers],
        "timeline": [day_json(day) for day in report.timeline],
    }


def dumps(report: Report) -> str:
    """The JSON text: one claim, relation, speaker or day a line; ends with a newline.

    UTF-8 is kept readable; C1 control characters are escaped. Lines are written by the
    C encoder (compact), so a report of 100 000 relations takes a second, not a minute.
    """
    out = io.StringIO()
    write(report, out)
    return out.getvalue()


def write(report: Report, out: TextIO, batch: int = 4096) -> None:
    """``dumps(report)`` written to ``out`` a few thousand lines at a time (never whole:
    the text of a large report is several times the size of the report)."""
    pending: list[str] = []
    for piece in streamed(report):
        pending.append(piece)
        if len(pending) >= batch:
            out.write(_escaped("".join(pending)))
            pending.clear()
    out.write(_escaped("".join(pending)) + "\n")


def _escaped(text: str) -> str:
    """C1 control characters as ``\\u0080``… (each alone: any cut of the text escapes alike)."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def streamed(report: Report) -> Iterator[str]:
    """``pieces(report_json(report), 2)``, each claim, relation, proposition, speaker and
    date made and encoded in turn: the whole report is never held as JSON-ready data."""
    sections: tuple[tuple[str, int, Iterator[Any], bool], ...] = (
        ("claims", len(report.claims), ((e.id, claim_json(e)) for e in report.claims), True),
        ("relations", len(report.links), map(relation_json, report.links), False),
        (
            "propositions",
            len(report.propositions),
            map(proposition_json, report.propositions),
            False,
        ),
        ("speakers", len(report.speakers), map(speaker_json, report.speakers), False),
        ("timeline", len(report.timeline), map(day_json, report.timeline), False),
    )
    yield "{\n  " + _ENCODE("schema") + ": " + _ENCODE(SCHEMA)
    for name, size, items, keyed in sections:
        yield ",\n  " + _ENCODE(name) + ": "
        if not size:
            yield "{}" if keyed else "[]"
            continue
        yield "{\n" if keyed else "[\n"
        for number, item in enumerate(items):
            lead = ",\n    " if number else "    "
            if keyed:
                yield lead + _ENCODE(item[0]) + ": " + _ENCODE(item[1])
            else:
                yield lead + _ENCODE(item)
        yield "\n  }" if keyed else "\n  ]"
    yield "\n}"


# json.dumps(value, ensure_ascii=False) builds an encoder at every call: one is enough.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def pieces(value: Any, depth: int, indent: str = "") -> Iterator[str]:
    """``value`` as JSON, one item a line for the outer ``depth`` levels, compact below."""
    if depth == 0 or not isinstance(value, dict | list) or not value:
        yield _ENCODE(value)
        return
    inner = indent + "  "
    items = value.items() if isinstance(value, dict) else enumerate(value)
    yield "{\n" if isinstance(value, dict) else "[\n"
    for number, (key, item) in enumerate(items):
        yield ",\n" + inner if number else inner
        if isinstance(value, dict):
            yield _ENCODE(key) + ": "
        yield from pieces(item, depth - 1, inner)
    yield "\n" + indent + ("}" if isinstance(value, dict) else "]")
