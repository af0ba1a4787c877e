"""The extraction pipeline: document ─► sentences ─► claims, one direction."""

from __future__ import annotations

from provenance.model import Claim, Document


def extract(document: Document) -> tuple[Claim, ...]:
    """The claims of one document, in text order."""
    return ()
