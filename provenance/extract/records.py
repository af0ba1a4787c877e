"""The JSON claim record of DESIGN.md (``--format jsonl``)."""

from __future__ import annotations

import json
from typing import Any

from provenance.model import Claim, Span


def span_record(span: Span | None) -> dict[str, Any] | None:
    """``{"text", "start", "end"}`` or None."""
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def claim_record(claim: Claim) -> dict[str, Any]:
    """The JSON claim record, keys in the documented order."""
    record: dict[str, Any] = {
        "id": claim.id,
        "doc": claim.doc,
        "speaker": span_record(claim.speaker),
        "cue": span_record(claim.cue),
        "content": [span_record(span) for span in claim.content],
        "kind": str(claim.kind),
        "stance": str(claim.stance),
        "date": claim.date.isoformat() if claim.date else None,
        "date_basis": str(claim.date_basis),
        "rule": claim.rule,
    }
    if claim.speaker_name and claim.speaker and claim.speaker_name != claim.speaker.text:
        record["speaker_name"] = claim.speaker_name
    if claim.within:
        record["within"] = claim.within
    return record


def claim_line(claim: Claim) -> str:
    """The claim record as one line of JSON (``--format jsonl``), without the line break."""
    return json.dumps(claim_record(claim), ensure_ascii=False)
