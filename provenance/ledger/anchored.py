"""claims.toml read and every claim placed in its document, remembered between runs.

``read`` gives what ``store.parse`` and ``store.anchor_all`` give (the same ledger, the
same outcomes), but keeps it in the cache (``ledger.cache``) under the sha256 of
claims.toml, with the sha256 of each document whose text placed its claims. The next
read of the same claims.toml parses nothing and reads only the documents whose bytes
changed since (their claims are placed again); the others are only hashed.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from provenance import forked
from provenance.errors import ProvenanceError
from provenance.extract import reader
from provenance.ledger import cache, plain, store, words
from provenance.ledger.schema import Problem
from provenance.model import Claim, Ledger, Span

KIND = "read"
_OUTCOMES = {outcome.value: outcome for outcome in words.Outcome}


@attrs.frozen
class Anchored:
    """claims.toml as read: its source, what it says, and its claims placed in their texts."""

    source: store.Source
    ledger: Ledger  # claims placed where their words were found (FOUND), else as written
    problems: list[Problem]
    hints: dict[str, tuple[str, str]]  # claim id: the context written beside repeated words
    schema: int  # the schema the file was written in
    outcomes: dict[str, words.Outcome]  # claim id: how placing it went (documents read only)
    shas: dict[str, str | None]  # document: sha256 of the bytes read ("" absent, None unread)

    def warnings(self, name: str) -> list[str]:
        """A warning per unknown key; any other schema problem raises, naming its line."""
        return store.warnings_of(name, self.source.text, self.problems)

    @property
    def readable(self) -> set[str]:
        """Documents whose text was read and placed their claims."""
        return {path for path, sha in self.shas.items() if sha}


def read(path: Path, name: str = "", source: store.Source | None = None, jobs: int = 1) -> Anchored:
    """claims.toml at ``path``, parsed and anchored (from the cache when it is current).

    A syntax error raises ``FileSyntaxError`` naming the file as ``name`` (default: its
    file name); schema problems are returned, not raised. ``source``: the file as already
    read (default: read here). ``jobs`` above 1: claims are placed in two processes,
    and the cache is written by a forked child while this one goes on (``forked.settle``
    waits for it).
    """
    background = jobs > 1
    source = source or store.read_source(path)
    stored = cache.fetch_parts(path, KIND, source.sha256)
    if stored is not None:
        try:
            found, renewed = _recalled(path.parent, source, stored)
        except Exception:  # a damaged entry that unmarshalled: read the file instead
            found, renewed = None, None
        if found is not None:
            if renewed is not None:
                forked.background(
                    cache.keep_parts, path, KIND, source.sha256, renewed, forks=background
                )
            return found
    parsed = store.parse(source.text, name or path.name)[1]
    written = parsed.ledger.claims
    claims, outcomes, shas = place(path.parent, written, parsed.hints, jobs)
    ledger = attrs.evolve(parsed.ledger, claims=tuple(claims))
    found = Anchored(source, ledger, parsed.problems, parsed.hints, parsed.schema, outcomes, shas)
    forked.background(_keep, path, found, written, forks=background)
    return found


def _keep(path: Path, found: Anchored, written: Iterable[Claim]) -> None:
    """Keep what reading ``path`` found (its claims ``written`` as parsed) in the cache."""
    placed = found.ledger.claims
    outcomes = found.outcomes
    entries = (_entry(claim, moved, outcomes) for claim, moved in zip(written, placed, strict=True))
    cache.keep_parts(path, KIND, found.source.sha256, _stored(found, entries))


Placed = tuple[list[Claim], dict[str, words.Outcome], dict[str, str | None]]


def place(
    root: Path, claims: Iterable[Claim], hints: Mapping[str, tuple[str, str]], jobs: int = 1
) -> Placed:
    """``claims`` placed in their documents' texts, how each went, and each document's hash.

    A document is hashed before it is read, so a file changed in between is read again
    next time (its hash no longer matches). ``jobs`` above 1: the later half of the
    documents (by claims) is placed by a forked child meanwhile; the result is the same.
    """
    claims = list(claims)
    theirs = _later_half(claims) if jobs > 1 else frozenset()
    if not theirs:
        return _place(root, claims, hints)
    pending = forked.start(_place_plainly, root, [c for c in claims if c.doc in theirs], hints)
    mine = _place(root, [c for c in claims if c.doc not in theirs], hints)
    return _merged(claims, theirs, mine, pending.result())


def _later_half(claims: Sequence[Claim]) -> frozenset[str]:
    """The documents (in name order) from the one that holds the middle claim on."""
    counts = Counter(claim.doc for claim in claims)
    names = sorted(counts)
    seen = 0
    for i, name in enumerate(names):
        seen += counts[name]
        if 2 * seen >= len(claims):
            return frozenset(names[i + 1 :])
    return frozenset()


PlainPlaced = tuple[list[tuple[str | None, tuple[Any, ...] | None]], dict[str, str | None]]


def _place_plainly(
    root: Path, claims: list[Claim], hints: Mapping[str, tuple[str, str]]
) -> PlainPlaced:
    """``_place`` as plain data (quick to send back): each claim's outcome (None: its text
    was not read) and its spans when found, and each document's hash."""
    placed, outcomes, shas = _place(root, claims, hints)
    plain_outcomes = []
    for claim in placed:
        outcome = outcomes.get(claim.id)
        spans = plain.placed(claim) if outcome is words.Outcome.FOUND else None
        plain_outcomes.append((None if outcome is None else outcome.value, spans))
    return plain_outcomes, shas


def _merged(
    claims: list[Claim], theirs: frozenset[str], mine: Placed, other: PlainPlaced
) -> Placed:
    """``_place`` of all ``claims`` from that of the documents not in ``theirs`` and the
    plain one of those in ``theirs``, in the order one pass gives."""
    mine_placed, mine_outcomes, mine_shas = mine
    other_outcomes, other_shas = other
    ours, others = iter(mine_placed), iter(other_outcomes)
    placed: list[Claim] = []
    outcomes: dict[str, words.Outcome] = {}
    for claim in claims:
        if claim.doc not in theirs:
            placed.append(next(ours))
            if claim.id in mine_outcomes:
                outcomes[claim.id] = mine_outcomes[claim.id]
            continue
        value, spans = next(others)
        if spans is None:
            placed.append(claim)
        else:
            speaker, cue, content = spans
            found = tuple(Span(*span) for span in content)
            placed.append(words.moved(claim, plain.span(speaker), plain.span(cue), found))
        if value is not None:
            outcomes[claim.id] = _OUTCOMES[value]
    shas = {**mine_shas, **other_shas}
    return placed, outcomes, {name: shas[name] for name in sorted(shas)}


def _place(root: Path, claims: list[Claim], hints: Mapping[str, tuple[str, str]]) -> Placed:
    """``place`` in this process."""
    shas: dict[str, str | None] = {}
    texts: dict[str, str] = {}
    for name in sorted({claim.doc for claim in claims}):
        file = store.present(root, name)  # found once: hashed, then read
        shas[name] = state(root, name, file)
        if file is not None and shas[name]:
            try:
                texts[name] = reader.read_text(file, name)
            except ProvenanceError:
                shas[name] = None  # unreadable: read (and refused) again next time
    placed: list[Claim] = []
    outcomes: dict[str, words.Outcome] = {}
    for claim in claims:
        text = texts.get(claim.doc)
        if text is None:
            placed.append(claim)
            continue
        moved, outcome = words.anchor(claim, text, hints.get(claim.id, ("", "")))
        outcomes[claim.id] = outcome
        placed.append(moved if outcome is words.Outcome.FOUND else claim)
    return placed, outcomes, shas


def current(root: Path, name: str) -> str | None:
    """The sha256 of a document's file, "" when it is absent, None when it cannot be read."""
    return state(root, name, store.present(root, name))


def state(root: Path, name: str, file: Path | None) -> str | None:
    """``current`` of a document whose file ``store.present`` found (None: not there)."""
    if file is None:
        return None if store.special(root, name) else ""
    try:
        return store.file_sha256(file)
    except OSError:
        return None


def _entry(written: Claim, placed: Claim, outcomes: Mapping[str, words.Outcome]) -> tuple[Any, ...]:
    """A claim as the cache keeps it: as written, where it was placed (found), the outcome."""
    outcome = outcomes.get(written.id)
    spans = plain.placed(placed) if outcome is words.Outcome.FOUND else None
    return plain.claim_tuple(written), spans, None if outcome is None else outcome.value


def _stored(found: Anchored, entries: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """What the cache keeps (plain data), in parts made one at a time: the file's tables,
    then each claim's ``_entry`` in runs of ``_RUN``."""
    ledger = found.ledger
    problems = tuple((p.section, p.key, p.field, p.message, p.unknown_key) for p in found.problems)
    yield (
        (found.schema, ledger.corpus, ledger.articles),
        tuple(map(plain.document_tuple, ledger.documents)),
        tuple(map(plain.relation_tuple, ledger.relations)),
        found.hints,
        ledger.unknown,
        problems,
        found.shas,
    )
    entries = iter(entries)
    while run := tuple(itertools.islice(entries, _RUN)):
        yield run


_RUN = 4096  # claims a part of the cache holds: a few MB marshalled


def _recalled(
    root: Path, source: store.Source, stored: list[Any]
) -> tuple[Anchored, Iterator[tuple[Any, ...]] | None]:
    """The Anchored a cache entry (``_stored``'s parts) holds, its changed documents read
    and placed again; and the parts to store instead (None: it was current)."""
    (top, docs, relations, hints, unknown, problems, shas), *runs = stored
    entries = [entry for run in runs for entry in run]

    names = sorted({entry[0][_DOC] for entry in entries})
    now = {name: current(root, name) for name in names}
    changed = {name for name in names if now[name] is None or now[name] != shas.get(name)}
    again = [plain.claim(entry[0]) for entry in entries if entry[0][_DOC] in changed]
    moved, fresh_outcomes, fresh_shas = place(root, again, hints)
    replaced = iter(zip(again, moved, strict=True))
    claims: list[Claim] = []
    outcomes: dict[str, words.Outcome] = {}
    kept: list[tuple[Any, ...]] = []
    for entry in entries:
        if entry[0][_DOC] in changed:
            written, placed = next(replaced)
            entry = _entry(written, placed, fresh_outcomes)
            claims.append(placed)
        else:
            claims.append(plain.claim(entry[0], entry[1]))
        if entry[2] is not None:
            outcomes[entry[0][_ID]] = _OUTCOMES[entry[2]]
        kept.append(entry)
    schema_, corpus, articles = top
    ledger = Ledger(
        corpus=tuple(corpus),
        articles=tuple(articles),
        documents=tuple(map(plain.document, docs)),
        claims=tuple(claims),
        relations=tuple(map(plain.relation, relations)),
        unknown=unknown,
    )
    found = Anchored(
        source,
        ledger,
        [Problem(*p) for p in problems],
        hints,
        schema_,
        outcomes,
        {**shas, **fresh_shas},
    )
    return found, (_stored(found, tuple(kept)) if changed else None)


_ID, _DOC = 3, 4  # where a claim's id and document stand in ``plain.claim_tuple``


def open_ledger(path: Path) -> Ledger:
    """The Ledger in ``path``, its claims placed (``store.open_ledger``, through the cache)."""
    found = read(path)
    found.warnings(path.name)
    return found.ledger
