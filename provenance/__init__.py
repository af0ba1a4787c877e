"""provenance: who said what, when, where it was reported, and where sources disagree.

The public, typed Python API::

    import provenance

    claims = provenance.extract_file("seeds/003_bcaab3bcf559171c.txt")
    weights = provenance.WordWeights.fit([claim.content_text for claim in claims])
    relations = provenance.relate_claims(claims, weights=weights)
    report = provenance.build_report(provenance.open_ledger("claims.toml"))

Names are imported on first use, so ``import provenance`` stays cheap. The README's
"Python API" section shows more; what is not exported here may change.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from provenance.api import (
        available_cores,
        check,
        documents_bag,
        evaluate_polnear,
        extract_file,
        extract_files,
        extract_records,
        extract_text,
        open_ledger,
        sync,
    )
    from provenance.errors import InputError, ProvenanceError, UsageError
    from provenance.extract.files import Extraction
    from provenance.extract.records import claim_record
    from provenance.ledger.check import CheckResult, Finding
    from provenance.ledger.sync import SyncSummary
    from provenance.model import (
        Claim,
        Document,
        Ledger,
        Reason,
        Relation,
        RelationKind,
        Span,
        Stance,
    )
    from provenance.relate.body import Judgement
    from provenance.relate.engine import relate_claims, relate_pairs, relate_texts
    from provenance.relate.weights import WordWeights
    from provenance.report.build import build_report
    from provenance.report.model import Filters, Report

_WHERE = {
    "provenance.api": (
        "available_cores",
        "check",
        "documents_bag",
        "evaluate_polnear",
        "extract_file",
        "extract_files",
        "extract_records",
        "extract_text",
        "open_ledger",
        "sync",
    ),
    "provenance.extract.files": ("Extraction",),
    "provenance.errors": ("InputError", "ProvenanceError", "UsageError"),
    "provenance.extract.records": ("claim_record",),
    "provenance.ledger.check": ("CheckResult", "Finding"),
    "provenance.ledger.sync": ("SyncSummary",),
    "provenance.model": (
        "Claim",
        "Document",
        "Ledger",
        "Reason",
        "Relation",
        "RelationKind",
        "Span",
        "Stance",
    ),
    "provenance.relate.body": ("Judgement",),
    "provenance.relate.engine": ("relate_claims", "relate_pairs", "relate_texts"),
    "provenance.relate.weights": ("WordWeights",),
    "provenance.report.build": ("build_report",),
    "provenance.report.model": ("Filters", "Report"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "CheckResult",
    "Claim",
    "Document",
    "Extraction",
    "Filters",
    "Finding",
    "InputError",
    "Judgement",
    "Ledger",
    "ProvenanceError",
    "Reason",
    "Relation",
    "RelationKind",
    "Report",
    "Span",
    "Stance",
    "SyncSummary",
    "UsageError",
    "WordWeights",
    "__version__",
    "available_cores",
    "build_report",
    "check",
    "claim_record",
    "documents_bag",
    "evaluate_polnear",
    "extract_file",
    "extract_files",
    "extract_records",
    "extract_text",
    "open_ledger",
    "relate_claims",
    "relate_pairs",
    "relate_texts",
    "sync",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))
