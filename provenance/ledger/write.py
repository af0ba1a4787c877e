"""claims.toml schema 2 written out: what each table should hold, and the file's text.

The companion of ``provenance.ledger.schema`` (which reads) and ``edit`` (which changes
only what differs in a file a person wrote). Words, never offsets: ``content`` is the
article's words, with ``before``/``after`` context only when those words repeat in the
document; ``mention`` is the speaker as the article writes it; ``fingerprint`` lets the
next sync see that a person edited an ``auto`` claim. Empty strings are written in new
tables (so a person sees the field to fill in); absent values are omitted.
"""

from __future__ import annotations

from collections.abc import Mapping

from provenance.ledger import edit, words
from provenance.ledger.edit import KEEP, Table
from provenance.ledger.schema import (
    CLAIM_FIELDS,
    DOC_FIELDS,
    RELATION_FIELDS,
    SCHEMA,
    SCHEMA1_FIELDS,
    fingerprint,
)
from provenance.model import Claim, DocRecord, Ledger, Status

HEADER = """\
# provenance ledger — status: auto | confirmed | edited | rejected | manual;
# stance: asserts | denies | hedges | concedes | refuses | reports | asks;
# kind: direct | indirect | mixed | own;
# side (optional): for | against | hedged | unverified | none
# Edit words, never numbers: `content` is the article's words (a split quote: a list of
# strings). Fields after `note` are the machine's: `provenance sync` writes them.
"""
OWNED = {
    "": ("schema", "corpus", "articles"),
    "documents": DOC_FIELDS,
    "claims": CLAIM_FIELDS,
    "relations": RELATION_FIELDS,
}
UPGRADE = {**OWNED, "claims": CLAIM_FIELDS + SCHEMA1_FIELDS}


def dump(ledger: Ledger, texts: Mapping[str, str] | None = None) -> str:
    """The claims.toml text of ``ledger`` as a new file: header, then each document's tables."""
    return write(HEADER, {}, ledger, texts or {})


def write(
    text: str,
    data: Mapping[str, object],
    ledger: Ledger,
    texts: Mapping[str, str],
    upgrade: bool = False,
) -> str:
    """``text`` (parsed as ``data``) changed to say ``ledger``; only changed tables touched.

    ``texts`` holds the documents' texts (to tell whether a claim's words repeat).
    """
    top = {
        "schema": SCHEMA,
        "corpus": list(ledger.corpus),
        "articles": None if ledger.articles == ("*.txt",) else list(ledger.articles),
    }
    top.update(ledger.unknown.get(("", ""), {}) if not data else {})
    owned = UPGRADE if upgrade else OWNED
    if upgrade and not text.lstrip().startswith("#"):
        text = HEADER + text  # an upgraded file gets the header saying what values are allowed
    new = edit.rewrite(text, data, top, tables(ledger, texts), owned, regroup=upgrade)
    return new


def tables(ledger: Ledger, texts: Mapping[str, str]) -> list[Table]:
    """Every table the ledger holds, as sync writes it."""
    found: list[Table] = []
    for doc in ledger.documents:
        found.append(_table(ledger, "documents", doc.path, _doc_fields(doc), doc.path))
    for claim in ledger.claims:
        fields = claim_fields(claim, texts.get(claim.doc))
        found.append(_table(ledger, "claims", claim.id, fields, claim.doc, claim_order(claim)))
    for rel in ledger.relations:
        fields = {"verdict": str(rel.verdict), "note": rel.note}
        found.append(_table(ledger, "relations", rel.key, fields, ""))
    return found


def _table(
    ledger: Ledger,
    section: str,
    key: str,
    fields: dict[str, object],
    doc: str,
    order: tuple[int, str] = (0, ""),
) -> Table:
    extra = dict(sorted(ledger.unknown.get((section, key), {}).items()))
    return Table(section, key, fields, doc, order, extra)


def claim_order(claim: Claim) -> tuple[int, str]:
    """A claim's place among its document's: first content offset, then id."""
    return min((span.start for span in claim.content), default=0), claim.id


def _doc_fields(doc: DocRecord) -> dict[str, object]:
    fields: dict[str, object] = {name: getattr(doc, name) for name in DOC_FIELDS}
    fields["published"] = doc.published or ""  # in the template: a person fills it in
    return fields


def claim_fields(claim: Claim, text: str | None) -> dict[str, object]:
    """A claim's table: the person's fields first (``PERSON_FIELDS``, as ``person_values``
    gives them), then the machine's (made in one dict: sync makes one a claim)."""
    content = claim.content
    mention = claim.speaker.text if claim.speaker else None
    speaker = claim.speaker_name or mention or None  # ``speaker_of``
    known = text is not None and all(span.start >= 0 for span in content)
    before, after = _context(claim, text) if known and text is not None else (KEEP, KEEP)
    return {
        "doc": claim.doc,
        "speaker": speaker,
        "cue": claim.cue.text if claim.cue else None,
        "content": content[0].text if len(content) == 1 else [span.text for span in content],
        "stance": str(claim.stance),
        "side": str(claim.side) if claim.side else None,
        "kind": str(claim.kind),
        "date": claim.date,
        "status": str(claim.status),
        "note": claim.note,
        "flag": str(claim.flag) if claim.flag else None,
        "mention": mention if mention and (mention != speaker or _placed(claim)) else None,
        "before": before,
        "after": after,
        "date_basis": str(claim.date_basis),
        "rule": claim.rule or None,
        "within": claim.within or None,
        "fingerprint": fingerprint(claim) if claim.status is Status.AUTO else None,
    }


def _placed(claim: Claim) -> bool:
    return claim.speaker is not None and claim.speaker.start >= 0


def _context(claim: Claim, text: str) -> tuple[str | None, str | None]:
    """``before`` and ``after``: the words around the content when they repeat, else none."""
    first = claim.content[0]
    if not words.repeated(text, first.text):
        return None, None
    before, after = words.context(text, first)
    return before or None, after or None
