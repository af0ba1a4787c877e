"""The fingerprint is the hash of the person's fields, as it always was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import attrs
import pytest

from provenance.ledger import schema
from provenance.ledger.words import key, unanchored
from provenance.model import Claim, Kind, Stance


def plain_fingerprint(claim: Claim) -> str:
    """The definition: the folded person values as sorted JSON, sha1, 8 hex digits."""
    fields = {
        name: [key(x) for x in value]
        if isinstance(value, list)
        else key(value)
        if isinstance(value, str)
        else value
        for name, value in schema.person_values(claim).items()
    }
    blob = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:8]


CLAIM = Claim(
    id="c-1",
    doc="news/a.txt",
    content=(unanchored("the “harbour” was  closed"),),
    kind=Kind.DIRECT,
    stance=Stance.ASSERTS,
    speaker=unanchored("Ann Lee"),
    cue=unanchored("said"),
)


@pytest.mark.parametrize(
    "claim",
    [
        CLAIM,
        attrs.evolve(CLAIM, content=(unanchored("one part"), unanchored("another part"))),
        attrs.evolve(CLAIM, date=dt.date(2017, 6, 23), note="checked", speaker=None, cue=None),
        attrs.evolve(CLAIM, content=(unanchored("one part"), unanchored("another  part"))),
    ],
)
def test_fingerprint_is_the_plain_definition(claim: Claim) -> None:
    """A single content, a split quote (a list), a date and a note: the same hash, asked once
    or twice."""
    assert schema.fingerprint(claim) == plain_fingerprint(claim)
    assert schema.fingerprint(claim) == plain_fingerprint(claim)
