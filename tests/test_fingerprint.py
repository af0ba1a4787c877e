"""The fingerprint is the hash of the person's fields, as it always was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.ledger import schema
from provenance.ledger.words import key, unanchored
from provenance.model import Claim, Kind, Side, Stance


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


_TEXT = st.text(alphabet='ab "\\\u2019\u201c\u00e9\n\t\x01\u2028 …—', max_size=12)


@given(
    st.lists(_TEXT.filter(str.strip), min_size=1, max_size=3),
    st.one_of(st.none(), _TEXT),
    st.one_of(st.none(), _TEXT),
    _TEXT,
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.sampled_from(list(Side))),
    st.sampled_from(list(Stance)),
    st.sampled_from(list(Kind)),
)
def test_the_json_written_directly_is_json_dumps(
    content: list[str],
    speaker: str | None,
    cue: str | None,
    note: str,
    date: dt.date | None,
    side: Side | None,
    stance: Stance,
    kind: Kind,
) -> None:
    """Any texts (quotes, backslashes, control characters, line separators), a date or
    none, a side or none, a speaker or cue that is absent or empty: the same hash."""
    claim = Claim(
        id="c-1",
        doc="news/“a”.txt",
        content=tuple(unanchored(text) for text in content),
        kind=kind,
        stance=stance,
        speaker=None if speaker is None else unanchored(speaker),
        cue=None if cue is None else unanchored(cue),
        date=date,
        note=note,
        side=side,
    )
    assert schema.fingerprint(claim) == plain_fingerprint(claim)
