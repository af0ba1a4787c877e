"""claims.toml as data: parsed TOML tables to a Ledger (with problems). Schema 2, reads 1.

Pure functions; the store does the file I/O, ``write`` renders tables back. Schema 2
holds words, not offsets: a claim's content spans come out *unanchored* (offsets
``UNANCHORED``) with the words a person can read, and ``words.anchor`` places them in
the document text. ``content`` is a string, or a list of strings for a split quotation
(so a fragment boundary is never confused with an ellipsis inside a quote). Schema 1
(``spans``, ``speaker_span``, ``cue_span``) is read as well and upgraded by the next sync.

An ``auto`` claim carries ``fingerprint``, a short hash of the fields a person edits as
sync wrote them; when they differ, a person edited the claim and it reads as ``edited``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from provenance.extract.segmenter import cue_lemma
from provenance.ledger import tomltext
from provenance.ledger.words import UNANCHORED as UNANCHORED
from provenance.ledger.words import key, unanchored
from provenance.model import (
    Claim,
    DateBasis,
    DocRecord,
    Flag,
    Kind,
    Ledger,
    RelationVerdict,
    Side,
    Span,
    Stance,
    Status,
    Verdict,
)

SCHEMA = 2
JOINER = " … "
ARTICLES = ("*.txt",)
DOC_FIELDS = ("title", "publisher", "published", "author", "url", "origin", "reviewed", "sha256")
# The fields a person edits first, the machine's after (the order sync writes them in).
PERSON_FIELDS = (
    "doc", "speaker", "cue", "content", "stance", "side", "kind", "date", "status", "note",
)  # fmt: skip
MACHINE_FIELDS = (
    "flag", "mention", "before", "after", "date_basis", "rule", "within", "fingerprint",
)  # fmt: skip
CLAIM_FIELDS = PERSON_FIELDS + MACHINE_FIELDS
LEGACY_FIELDS = ("speaker_name",)  # schema 1's name of `speaker`: read, kept as written
SCHEMA1_FIELDS = ("speaker_name", "cue_lemma", "spans", "speaker_span", "cue_span")
RELATION_FIELDS = ("verdict", "note")
TOP_FIELDS = ("schema", "corpus", "articles", "documents", "claims", "relations")
E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
V = TypeVar("V")


@attrs.frozen
class Problem:
    """Something wrong in claims.toml: where (section, key, field) and what to do."""

    section: str  # "", "documents", "claims" or "relations"
    key: str
    field: str
    message: str
    unknown_key: bool = False  # a key this version does not know: kept, only a warning


@attrs.frozen
class Parsed:
    """A parsed claims.toml: the Ledger (claims unanchored), problems, anchoring hints."""

    ledger: Ledger
    problems: list[Problem]
    hints: dict[str, tuple[str, str]] = attrs.field(factory=dict)  # claim id: before, after
    schema: int = SCHEMA  # the schema the file was written in


class Bad(Exception):
    """A field that cannot be used; ``message`` says what to write instead."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field  # "" when the entry's key itself is wrong
        self.message = message


def ledger_from_data(data: Mapping[str, Any]) -> tuple[Ledger, list[Problem]]:
    """The Ledger in ``data`` (tomllib's output); entries with problems are left out."""
    parsed = parse_data(data)
    return parsed.ledger, parsed.problems


def parse_data(data: Mapping[str, Any]) -> Parsed:
    """Everything ``data`` (tomllib's output) says, for the store and sync."""
    problems: list[Problem] = []
    unknown: dict[tuple[str, str], dict[str, object]] = {}
    _unknown_keys(data, TOP_FIELDS, ("", ""), unknown, problems)
    schema = data.get("schema", SCHEMA)
    if schema not in (1, SCHEMA):
        problems.append(
            Problem("", "", "schema", f"schema = {schema!r}: this version reads 1 and 2")
        )
        schema = SCHEMA
    hints: dict[str, tuple[str, str]] = {}
    fields = CLAIM_FIELDS + (SCHEMA1_FIELDS if schema == 1 else LEGACY_FIELDS)
    build = _claim_v1 if schema == 1 else _claim

    def claim(name: str, body: Mapping[str, Any]) -> Claim:
        context = (_get(body, "before", str, ""), _get(body, "after", str, ""))
        if any(context):  # most claims' words do not repeat: no context, no hint kept
            hints[name] = context
        return build(name, body)

    ledger = Ledger(
        schema=SCHEMA,
        corpus=_folders(data, "corpus", (), problems),
        articles=_folders(data, "articles", ARTICLES, problems),
        documents=_entries(data, "documents", DOC_FIELDS, _document, unknown, problems),
        claims=_entries(data, "claims", fields, claim, unknown, problems),
        relations=_entries(data, "relations", RELATION_FIELDS, _relation, unknown, problems),
        unknown=unknown,
    )
    return Parsed(ledger, problems, hints, schema)


def _folders(
    data: Mapping[str, Any], field: str, default: tuple[str, ...], problems: list[Problem]
) -> tuple[str, ...]:
    raw = data.get(field, list(default))
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(raw)
    example = '["seeds"]' if field == "corpus" else '["*.txt", "*.md"]'
    problems.append(Problem("", "", field, f"{field} must be a list of strings: {example}"))
    return default


def _entries(
    data: Mapping[str, Any],
    section: str,
    fields: tuple[str, ...],
    build: Callable[[str, Mapping[str, Any]], T],
    unknown: dict[tuple[str, str], dict[str, object]],
    problems: list[Problem],
) -> tuple[T, ...]:
    table = data.get(section, {})
    if not isinstance(table, dict):
        problems.append(Problem("", "", section, f"{section} must be a table of tables"))
        return ()
    built = []
    known = frozenset(fields)
    for name, body in table.items():
        if not isinstance(body, dict):
            problems.append(Problem(section, name, "", f"write it as [{section}.…] table"))
            continue
        if not known.issuperset(body):
            _unknown_keys(body, fields, (section, name), unknown, problems)
        try:
            built.append(build(name, body))
        except Bad as exc:
            problems.append(Problem(section, name, exc.field, exc.message))
    return tuple(built)


def _unknown_keys(
    body: Mapping[str, Any],
    fields: tuple[str, ...],
    where: tuple[str, str],
    unknown: dict[tuple[str, str], dict[str, object]],
    problems: list[Problem],
) -> None:
    extra = {k: v for k, v in body.items() if k not in fields}
    if not extra:
        return
    unknown[where] = extra
    for name in extra:
        close = difflib.get_close_matches(name, fields, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else " (kept as it is)"
        message = f"unknown key {name!r}{hint}"
        problems.append(Problem(where[0], where[1], name, message, unknown_key=True))


def _get(body: Mapping[str, Any], field: str, kind: type[V], default: V) -> V:
    raw = body.get(field, default)
    if type(raw) is kind:  # most values: exactly the type asked for (a bool is no int)
        return raw
    if not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
        raise Bad(
            field,
            f"{field} = {_shown(raw)}: {field} must be {_TYPE_NAMES.get(kind, kind.__name__)}",
        )
    return raw


_TYPE_NAMES: dict[type, str] = {
    str: 'a string in quotes ("…")',
    bool: "true or false (no quotes)",
    int: "a whole number",
}


def _shown(raw: object) -> str:
    """A value as the person wrote it in TOML (never a Python repr)."""
    if isinstance(raw, str):
        return json.dumps(raw, ensure_ascii=False)
    try:
        return tomltext.value(raw)
    except TypeError:
        return type(raw).__name__


def _date(body: Mapping[str, Any], field: str) -> dt.date | None:
    raw = body.get(field)
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    raise Bad(
        field, f"{field} = {_shown(raw)} is not a date: write {field} = 2017-06-23 (no quotes)"
    )


def _enum(body: Mapping[str, Any], field: str, kind: type[E], default: E | None = None) -> E:
    raw = body.get(field)
    if raw is None and default is not None:
        return default
    if type(raw) is str:  # most values: a member's own value, looked up as ``kind`` does
        member = kind._value2member_map_.get(raw)
        if member is not None:
            return member  # type: ignore[return-value]
    try:
        return kind(raw)
    except ValueError:
        allowed = " | ".join(str(member.value) for member in kind)
        raise Bad(field, f"{field} = {_shown(raw)}: use one of {allowed}") from None


def _document(path: str, body: Mapping[str, Any]) -> DocRecord:
    texts = {name: _get(body, name, str, "") for name in DOC_FIELDS if name not in _NOT_TEXT}
    published = _date(body, "published")
    return DocRecord(
        path=path, published=published, reviewed=_get(body, "reviewed", bool, False), **texts
    )


_NOT_TEXT = ("published", "reviewed")


def fragments_of(raw: object) -> list[str]:
    """The content fragments a ``content`` value holds (a string, or a list of strings)."""
    if isinstance(raw, str) and raw.strip():
        return [raw]
    if isinstance(raw, list) and raw and all(isinstance(x, str) and x.strip() for x in raw):
        return list(raw)
    raise Bad("content", 'content must be the article\'s words: "…" (a split quote: ["…", "…"])')


def _required(body: Mapping[str, Any]) -> None:
    for required in ("doc", "content", "kind", "stance"):
        if required not in body:
            raise Bad(required, f"missing {required!r}")


def _claim(name: str, body: Mapping[str, Any]) -> Claim:
    """A schema 2 claim: words only; the speaker a person wrote, the mention as written."""
    _required(body)
    who = _get(body, "speaker", str, "") or _get(body, "speaker_name", str, "")
    mention = _get(body, "mention", str, "") or who
    cue = _get(body, "cue", str, "")
    claim = _common(
        name,
        body,
        content=tuple(unanchored(text) for text in fragments_of(body["content"])),
        speaker=unanchored(mention) if mention else None,
        cue=unanchored(cue) if cue else None,
        speaker_name=who,
    )
    written = _get(body, "fingerprint", str, "")
    if claim.status is Status.AUTO and written and written != fingerprint(claim):
        return attrs.evolve(claim, status=Status.EDITED)
    return claim


def _common(name: str, body: Mapping[str, Any], **anchors: Any) -> Claim:
    cue: Span | None = anchors["cue"]
    return Claim(
        id=name,
        doc=_get(body, "doc", str, ""),
        kind=_enum(body, "kind", Kind),
        stance=_enum(body, "stance", Stance),
        date=_date(body, "date"),
        date_basis=_enum(body, "date_basis", DateBasis, DateBasis.UNKNOWN),
        rule=_get(body, "rule", str, ""),
        within=_get(body, "within", str, ""),
        side=None if body.get("side") is None else _enum(body, "side", Side),
        cue_lemma=_lemma(cue.text) if cue else "",
        status=_enum(body, "status", Status, Status.AUTO),
        note=_get(body, "note", str, ""),
        flag=None if body.get("flag") is None else _enum(body, "flag", Flag),
        **anchors,
    )


# a cue's lemma, asked once a cue (a ledger holds a few hundred cues, each many times)
_lemma = functools.lru_cache(maxsize=4096)(cue_lemma)


def fingerprint(claim: Claim) -> str:
    """A short hash of the fields a person edits, as they stand in ``claim``.

    The sha1 of ``json.dumps`` (``ensure_ascii=False``, ``sort_keys=True``,
    ``default=str``) of ``person_values`` with its texts folded (``key``), 8 hex digits;
    the JSON is written here directly, its keys in sorted order (tests compare the two)."""
    speaker = speaker_of(claim)
    texts = [span.text for span in claim.content]
    content = (
        _quoted(key(texts[0]))
        if len(texts) == 1
        else "[" + ", ".join([_quoted(key(text)) for text in texts]) + "]"
    )
    blob = "".join(
        [
            '{"content": ',
            content,
            ', "cue": ',
            _quoted(key(claim.cue.text)) if claim.cue else "null",
            ', "date": ',
            "null" if claim.date is None else _quoted(str(claim.date)),
            ', "doc": ',
            _quoted(key(claim.doc)),
            ', "kind": ',
            _quoted(key(str(claim.kind))),
            ', "note": ',
            _quoted(key(claim.note)),
            f', "side": {_quoted(key(str(claim.side)))}' if claim.side else "",
            ', "speaker": ',
            _quoted(key(speaker)) if speaker else "null",
            ', "stance": ',
            _quoted(key(str(claim.stance))),
            "}",
        ]
    )
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:8]


_quoted = json.encoder.encode_basestring  # a JSON string, as ensure_ascii=False writes it


def person_values(claim: Claim) -> dict[str, object]:
    """The person-edited fields of a claim as claims.toml shows them (None: absent)."""
    return {
        "doc": claim.doc,
        "speaker": speaker_of(claim) or None,
        "cue": claim.cue.text if claim.cue else None,
        "content": content_value(claim),
        "stance": str(claim.stance),
        "kind": str(claim.kind),
        "date": claim.date,
        "note": claim.note,
        # only when a person set it: fingerprints written before the field existed hold
        **({"side": str(claim.side)} if claim.side else {}),
    }


def speaker_of(claim: Claim) -> str:
    """Who said it: the name a person wrote (or a resolved pronoun), else the mention."""
    return claim.speaker_name or (claim.speaker.text if claim.speaker else "")


def content_value(claim: Claim) -> str | list[str]:
    """``content`` as written: one string, or a list of a split quote's fragments."""
    texts = [span.text for span in claim.content]
    return texts[0] if len(texts) == 1 else texts


# Schema 1: offsets beside the words; read so that the next sync can upgrade the file.


def _pair(body: Mapping[str, Any], field: str) -> tuple[int, int] | None:
    raw = body.get(field)
    if raw is None:
        return None
    if _is_pair(raw):
        return raw[0], raw[1]
    raise Bad(field, f"{field} must be [start, end] with 0 <= start <= end")


def _is_pair(raw: object) -> bool:
    return (
        isinstance(raw, list)
        and len(raw) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in raw)
        and 0 <= raw[0] <= raw[1]
    )


def _spans_v1(body: Mapping[str, Any], content: str) -> tuple[Span, ...]:
    raw = body.get("spans")
    if raw is None:
        return tuple(unanchored(text) for text in _split_plain(content))
    if not isinstance(raw, list) or not raw or not all(_is_pair(pair) for pair in raw):
        raise Bad("spans", "spans must be [[start, end], …] with 0 <= start <= end")
    fragments = split_content(content, [end - start for start, end in raw])
    if fragments is None:
        raise Bad("content", f"content has not the {len(raw)} fragment(s) that spans has")
    return tuple(Span(s, e, text) for (s, e), text in zip(raw, fragments, strict=True))


def split_content(content: str, lengths: list[int]) -> list[str] | None:
    """Fragments of ``content`` for spans of these lengths (joined by " … "), or None."""
    fragments, at = [], 0
    for number, length in enumerate(lengths):
        if number:
            if not content.startswith(JOINER, at):
                return _checked(content, len(lengths))
            at += len(JOINER)
        fragments.append(content[at : at + length])
        at += length
    return fragments if at == len(content) else _checked(content, len(lengths))


def _checked(content: str, count: int) -> list[str] | None:
    parts = _split_plain(content)
    return parts if len(parts) == count else None


def _split_plain(content: str) -> list[str]:
    return content.split(JOINER)


def _claim_v1(name: str, body: Mapping[str, Any]) -> Claim:
    """A schema 1 claim (offsets kept as a first guess); upgraded on the next write."""
    _required(body)
    content = _get(body, "content", str, "")
    if not content.strip():
        raise Bad("content", "content must be the article's words")
    mention = _get(body, "speaker", str, "")
    pair = _pair(body, "speaker_span")
    cue = _get(body, "cue", str, "")
    cue_pair = _pair(body, "cue_span")
    return _common(
        name,
        body,
        content=_spans_v1(body, content),
        speaker=(Span(*pair, mention) if pair else unanchored(mention)) if mention else None,
        cue=(Span(*cue_pair, cue) if cue_pair else unanchored(cue)) if cue else None,
        speaker_name=_get(body, "speaker_name", str, "") or mention,
    )


def _relation(key: str, body: Mapping[str, Any]) -> RelationVerdict:
    a, sep, b = key.partition("~")
    if not sep or not a or not b:
        raise Bad("", 'a relation key is two claim ids joined by "~": "c-1~c-2"')
    verdict = _enum(body, "verdict", Verdict)
    a, b = sorted((a.strip(), b.strip()))  # either order means the same pair
    return RelationVerdict(a=a, b=b, verdict=verdict, note=_get(body, "note", str, ""))


def relation_key(key: str) -> str:
    """A relation key with its ids in order (how a pair is known, however it is written)."""
    a, sep, b = key.partition("~")
    return "~".join(sorted((a.strip(), b.strip()))) if sep else key
