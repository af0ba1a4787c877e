"""The fingerprint is the hash of the person's fields, as it always was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.ledger import edit, schema, words, write
from provenance.ledger.words import key, unanchored
from provenance.model import Claim, Flag, Kind, Side, Span, Stance, Status


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


def plain_claim_fields(claim: Claim, text: str | None) -> dict[str, object]:
    """The definition of a claim's table: ``person_values`` in ``PERSON_FIELDS`` order,
    then the machine's fields."""
    person = schema.person_values(claim)
    fields = {name: person.get(name) for name in schema.PERSON_FIELDS}
    mention = claim.speaker.text if claim.speaker else None
    known = text is not None and all(span.start >= 0 for span in claim.content)
    context: dict[str, object] = {"before": edit.KEEP, "after": edit.KEEP}
    if known and text is not None:
        first = claim.content[0]
        around = words.context(text, first) if words.repeated(text, first.text) else ("", "")
        context = {"before": around[0] or None, "after": around[1] or None}
    return {
        **fields,
        "content": schema.content_value(claim),
        "status": str(claim.status),
        "note": claim.note,
        "flag": str(claim.flag) if claim.flag else None,
        "mention": mention
        if mention and (mention != person["speaker"] or write._placed(claim))
        else None,
        **context,
        "date_basis": str(claim.date_basis),
        "rule": claim.rule or None,
        "within": claim.within or None,
        "fingerprint": schema.fingerprint(claim) if claim.status is Status.AUTO else None,
    }


TEXT = "Ann said one thing. Ann said two things, and one thing again: two."


@given(
    st.sampled_from([None, "", "Ann"]),
    st.sampled_from([None, "", "Ann", "Bob"]),
    st.sampled_from([None, "said"]),
    st.lists(st.sampled_from(["one thing", "two", "missing"]), min_size=1, max_size=2),
    st.booleans(),
    st.sampled_from(list(Status)),
    st.one_of(st.none(), st.sampled_from(list(Side))),
    st.one_of(st.none(), st.sampled_from(list(Flag))),
    st.sampled_from([None, TEXT]),
)
def test_claim_fields_are_the_person_values_then_the_machines(
    mention: str | None,
    name: str | None,
    cue: str | None,
    content: list[str],
    placed: bool,
    status: Status,
    side: Side | None,
    flag: Flag | None,
    text: str | None,
) -> None:
    """The table sync writes for a claim, made in one dict, is the definition's, key order
    included: placed or not, a name or only a mention, repeated words or not."""
    spans = []
    for words_ in content:
        at = TEXT.find(words_)
        spans.append(
            Span.of(TEXT, at, at + len(words_)) if placed and at >= 0 else unanchored(words_)
        )
    where = TEXT.find(mention) if mention and placed else -1
    claim = Claim(
        id="c-1",
        doc="news/a.txt",
        speaker=None
        if mention is None
        else Span.of(TEXT, where, where + len(mention))
        if where >= 0
        else unanchored(mention),
        cue=None if cue is None else unanchored(cue),
        content=tuple(spans),
        kind=Kind.DIRECT,
        stance=Stance.ASSERTS,
        speaker_name=name or "",
        status=status,
        side=side,
        flag=flag,
        rule="r",
    )
    made = write.claim_fields(claim, text)
    assert list(made.items()) == list(plain_claim_fields(claim, text).items())
