"""claims.toml schema 1 as data: parsed TOML tables to a Ledger (with problems), and back.

Pure functions; the store does the file I/O. Field names and their order are fixed here.
A claim with no ``spans`` yet (a manual claim typed by hand) holds content spans whose
offsets are ``UNANCHORED``; sync anchors them in the document text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

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

SCHEMA = 1
UNANCHORED = -1
JOINER = " … "
DOC_FIELDS = ("sha256", "title", "publisher", "author", "published", "url", "origin", "reviewed")
CLAIM_FIELDS = (
    "doc", "speaker", "speaker_name", "cue", "cue_lemma", "content", "spans", "speaker_span",
    "cue_span", "kind", "stance", "side", "date", "date_basis", "rule", "within", "status", "flag",
    "note",
)  # fmt: skip
RELATION_FIELDS = ("verdict", "note")
TOP_FIELDS = ("schema", "corpus", "documents", "claims", "relations")
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


class Bad(Exception):
    """A field that cannot be used; ``message`` says what to write instead."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field  # "" when the entry's key itself is wrong
        self.message = message


def ledger_from_data(data: Mapping[str, Any]) -> tuple[Ledger, list[Problem]]:
    """The Ledger in ``data`` (tomllib's output); entries with problems are left out."""
    problems: list[Problem] = []
    unknown: dict[tuple[str, str], dict[str, object]] = {}
    _unknown_keys(data, TOP_FIELDS, ("", ""), unknown, problems)
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        problems.append(Problem("", "", "schema", f"schema = {schema!r}: this version reads 1"))
    ledger = Ledger(
        schema=SCHEMA,
        corpus=_corpus(data.get("corpus", []), problems),
        documents=_entries(data, "documents", DOC_FIELDS, _document, unknown, problems),
        claims=_entries(data, "claims", CLAIM_FIELDS, _claim, unknown, problems),
        relations=_entries(data, "relations", RELATION_FIELDS, _relation, unknown, problems),
        unknown=unknown,
    )
    return ledger, problems


def _corpus(raw: object, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(raw)
    problems.append(Problem("", "", "corpus", 'corpus must be a list of folders: ["seeds"]'))
    return ()


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
    for name, body in table.items():
        if not isinstance(body, dict):
            problems.append(Problem(section, name, "", f"write it as [{section}.…] table"))
            continue
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
    if not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
        raise Bad(field, f"{field} must be {_TYPE_NAMES.get(kind, kind.__name__)}")
    return raw


_TYPE_NAMES: dict[type, str] = {str: "a string", bool: "true or false", int: "a whole number"}


def _date(body: Mapping[str, Any], field: str) -> dt.date | None:
    raw = body.get(field)
    if raw is None:
        return None
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    raise Bad(field, f"{field} = {raw!r} is not a date: write {field} = 2017-06-23 (no quotes)")


def _enum(body: Mapping[str, Any], field: str, kind: type[E], default: E | None = None) -> E:
    raw = body.get(field)
    if raw is None and default is not None:
        return default
    try:
        return kind(raw)
    except ValueError:
        allowed = " | ".join(str(member.value) for member in kind)
        raise Bad(field, f"{field} = {raw!r}: use one of {allowed}") from None


def _document(path: str, body: Mapping[str, Any]) -> DocRecord:
    texts = {name: _get(body, name, str, "") for name in DOC_FIELDS if name not in _NOT_TEXT}
    published = _date(body, "published")
    return DocRecord(
        path=path, published=published, reviewed=_get(body, "reviewed", bool, False), **texts
    )


_NOT_TEXT = ("published", "reviewed")


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


def _spans(body: Mapping[str, Any], content: str) -> tuple[Span, ...]:
    raw = body.get("spans")
    if raw is None:
        return (Span(UNANCHORED, UNANCHORED, content),)
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
                return _split_plain(content, len(lengths))
            at += len(JOINER)
        fragments.append(content[at : at + length])
        at += length
    return fragments if at == len(content) else _split_plain(content, len(lengths))


def _split_plain(content: str, count: int) -> list[str] | None:
    parts = content.split(JOINER)
    return parts if len(parts) == count else None


def _claim(name: str, body: Mapping[str, Any]) -> Claim:
    for required in ("doc", "content", "kind", "stance"):
        if required not in body:
            raise Bad(required, f"missing {required!r}")
    content = _get(body, "content", str, "")
    return Claim(
        id=name,
        doc=_get(body, "doc", str, ""),
        speaker=_legacy_span(body, "speaker"),
        cue=_legacy_span(body, "cue"),
        content=_spans(body, content),
        kind=_enum(body, "kind", Kind),
        stance=_enum(body, "stance", Stance),
        date=_date(body, "date"),
        date_basis=_enum(body, "date_basis", DateBasis, DateBasis.UNKNOWN),
        rule=_get(body, "rule", str, ""),
        within=_get(body, "within", str, ""),
        side=None if body.get("side") is None else _enum(body, "side", Side),
        cue_lemma=_get(body, "cue_lemma", str, ""),
        speaker_name=_get(body, "speaker_name", str, _get(body, "speaker", str, "")),
        status=_enum(body, "status", Status, Status.AUTO),
        note=_get(body, "note", str, ""),
        flag=None if body.get("flag") is None else _enum(body, "flag", Flag),
    )


def _legacy_span(body: Mapping[str, Any], field: str) -> Span | None:
    text = _get(body, field, str, "")
    pair = _pair(body, f"{field}_span")
    if pair is None:
        return None
    return Span(pair[0], pair[1], text)


def _relation(key: str, body: Mapping[str, Any]) -> RelationVerdict:
    a, sep, b = key.partition("~")
    if not sep or not a or not b:
        raise Bad("", 'a relation key is two claim ids joined by "~": "c-1~c-2"')
    verdict = _enum(body, "verdict", Verdict)
    return RelationVerdict(a=a, b=b, verdict=verdict, note=_get(body, "note", str, ""))
