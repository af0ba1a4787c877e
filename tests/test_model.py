"""The data model's lookups and ids."""

from __future__ import annotations

import pytest

from provenance.model import Claim, DocRecord, Kind, Ledger, Span, Stance, claim_id


def claim(doc: str, start: int) -> Claim:
    """A minimal claim of ``doc`` whose content starts at ``start``."""
    content = (Span(start, start + 3, "abc"),)
    return Claim(claim_id(doc, content), doc, None, None, content, Kind.DIRECT, Stance.ASSERTS)


LEDGER = Ledger(
    documents=(DocRecord("a.txt", publisher="A"), DocRecord("b.txt")),
    claims=(claim("a.txt", 0), claim("b.txt", 5), claim("a.txt", 9)),
)


@pytest.mark.parametrize(
    ("path", "publisher"), [("a.txt", "A"), ("b.txt", ""), ("c.txt", None), ("", None)]
)
def test_document_by_path(path: str, publisher: str | None) -> None:
    """A document record is found by its exact path; an unknown path gives None."""
    found = LEDGER.document(path)
    assert (found.publisher if found else None) == publisher


@pytest.mark.parametrize(("path", "starts"), [("a.txt", [0, 9]), ("b.txt", [5]), ("c.txt", [])])
def test_claims_of_keeps_ledger_order(path: str, starts: list[int]) -> None:
    """The claims of one document, in ledger order; none for an unknown path."""
    assert [c.content[0].start for c in LEDGER.claims_of(path)] == starts


def test_lookups_do_not_change_equality() -> None:
    """Building the lookup tables leaves a ledger equal (and hashed) like a fresh copy."""
    copy = Ledger(documents=LEDGER.documents, claims=LEDGER.claims)
    LEDGER.document("a.txt")
    LEDGER.claims_of("a.txt")
    assert copy == LEDGER
    assert hash(LEDGER) == hash(copy)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("a.txt", 0), ("a.txt", 0), True),
        (("a.txt", 0), ("a.txt", 1), False),
        (("a.txt", 0), ("b.txt", 0), False),
    ],
)
def test_claim_id_depends_on_doc_and_offsets(
    first: tuple[str, int], second: tuple[str, int], same: bool
) -> None:
    """The id is stable for one document and offset, and differs otherwise."""
    assert (claim(*first).id == claim(*second).id) is same
