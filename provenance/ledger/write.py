"""claims.toml schema 1 written out: sorted, fixed field order, one line per value.

The companion of ``provenance.ledger.schema`` (which reads); the store does the file I/O.
Empty strings are written (so a person sees the field to fill in); absent values
(``published`` unknown, no speaker, no flag, a manual claim's missing spans) are omitted.
"""

from __future__ import annotations

from collections.abc import Mapping

from provenance.ledger import tomltext
from provenance.ledger.schema import DOC_FIELDS, SCHEMA, UNANCHORED
from provenance.model import Claim, DocRecord, Ledger


def dump(ledger: Ledger) -> str:
    """The claims.toml text of ``ledger``: sorted, fixed field order, byte-stable."""
    top = ledger.unknown.get(("", ""), {})
    head = [f"schema = {SCHEMA}\n", tomltext.assignment("corpus", list(ledger.corpus))]
    head += [tomltext.assignment(k, v) for k, v in sorted(top.items()) if not isinstance(v, dict)]
    blocks = ["".join(head)]
    for doc in sorted(ledger.documents, key=lambda d: d.path):
        blocks.append(_block("documents", doc.path, _doc_fields(doc), ledger))
    for claim in sorted(ledger.claims, key=claim_order):
        blocks.append(_block("claims", claim.id, _claim_fields(claim), ledger))
    for rel in sorted(ledger.relations, key=lambda r: r.key):
        fields: dict[str, object] = {"verdict": str(rel.verdict), "note": rel.note}
        blocks.append(_block("relations", rel.key, fields, ledger))
    for name, table in sorted(top.items()):
        if isinstance(table, dict):
            blocks.append(_table(tomltext.key(name), table))
    return "\n".join(blocks)


def claim_order(claim: Claim) -> tuple[str, int, str]:
    """Claims sort by document, then first span start, then id."""
    return claim.doc, min((span.start for span in claim.content), default=0), claim.id


def _block(section: str, name: str, fields: dict[str, object], ledger: Ledger) -> str:
    extra = ledger.unknown.get((section, name), {})
    return _table(f"{section}.{tomltext.key(name)}", {**fields, **dict(sorted(extra.items()))})


def _table(header: str, fields: Mapping[str, object]) -> str:
    lines = [f"[{header}]\n"]
    lines += [tomltext.assignment(k, v) for k, v in fields.items() if v is not None]
    return "".join(lines)


def _doc_fields(doc: DocRecord) -> dict[str, object]:
    return {name: getattr(doc, name) for name in DOC_FIELDS}


def _claim_fields(claim: Claim) -> dict[str, object]:
    anchored = all(span.start != UNANCHORED for span in claim.content)
    speaker = claim.speaker.text if claim.speaker else claim.speaker_name or None
    return {
        "doc": claim.doc,
        "speaker": speaker,
        "speaker_name": _differs(claim.speaker_name, speaker),
        "cue": claim.cue.text if claim.cue else None,
        "cue_lemma": claim.cue_lemma or None,
        "content": claim.content_text,
        "spans": [[s.start, s.end] for s in claim.content] if anchored else None,
        "speaker_span": [claim.speaker.start, claim.speaker.end] if claim.speaker else None,
        "cue_span": [claim.cue.start, claim.cue.end] if claim.cue else None,
        "kind": str(claim.kind),
        "stance": str(claim.stance),
        "side": str(claim.side) if claim.side else None,
        "date": claim.date,
        "date_basis": str(claim.date_basis),
        "rule": claim.rule,
        "within": claim.within or None,
        "status": str(claim.status),
        "flag": str(claim.flag) if claim.flag else None,
        "note": claim.note,
    }


def _differs(name: str, shown: str | None) -> str | None:
    return name if name and name != shown else None
