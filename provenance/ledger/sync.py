"""``provenance sync``: bring claims.toml up to date with the corpus, keeping every hand edit.

``sync_ledger`` walks the documents: an unchanged one (same sha256) is only hashed; a new or
changed one is read, extracted and merged (``provenance.ledger.merge``); a missing one keeps
its claims, flagged. ``sync_file`` does it under the lock and writes atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from provenance.errors import InputError, ProvenanceError, UsageError
from provenance.extract import parallel, pipeline, reader
from provenance.ledger import merge, store, tomltext
from provenance.ledger.merge import Extractor
from provenance.ledger.write import claim_order
from provenance.model import Claim, DocRecord, Document, Ledger

Reader = Callable[[Path, str], Document]
Notify = Callable[[str], None]


@attrs.frozen
class SyncSummary:
    """What a sync did: claim ids per event, document paths per state, failures."""

    events: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    documents: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    failures: tuple[str, ...] = ()
    written: bool = False


@attrs.define
class _Run:
    """The state of one sync over the documents."""

    root: Path
    ledger: Ledger
    extract: Extractor
    read: Reader
    reextract: bool
    records: dict[str, DocRecord] = attrs.field(factory=dict)
    claims: list[Claim] = attrs.field(factory=list)
    events: list[tuple[str, str]] = attrs.field(factory=list)
    states: list[tuple[str, str]] = attrs.field(factory=list)
    failures: list[str] = attrs.field(factory=list)
    shas: dict[str, str] = attrs.field(factory=dict)  # hashed ahead by ``_extract_ahead``


def sync_ledger(
    root: Path,
    ledger: Ledger,
    extract: Extractor = pipeline.extract,
    read: Reader = reader.read_document,
    reextract: bool = False,
    progress: Notify | None = None,
    jobs: int = 1,
) -> tuple[Ledger, SyncSummary]:
    """The ledger brought up to date with the documents under ``root``, and what changed.

    ``jobs`` above 1 reads and extracts new and changed documents in that many worker
    processes first (``read`` and ``extract`` must then pickle); the result is the same.
    """
    files, refused = store.corpus_files(root, ledger.corpus)
    run = _Run(root, ledger, extract, read, reextract, dict(ledger.by_path))
    run.failures.extend(refused)
    by_doc = ledger.claims_by_doc
    taken = {claim.id for claim in ledger.claims}
    pinned = frozenset(id_ for rel in ledger.relations for id_ in (rel.a, rel.b))
    paths = sorted(set(files) | set(run.records) | set(by_doc))
    ahead = _extract_ahead(run, paths, jobs, progress) if jobs > 1 else set()
    for path in paths:
        _document(run, path, list(by_doc.get(path, ())), taken, pinned)
        if progress is not None and path not in ahead:
            progress(path)
    result = attrs.evolve(ledger, documents=tuple(run.records.values()), claims=tuple(run.claims))
    return _sorted(result), _summary(run)


def _document(
    run: _Run, path: str, old: list[Claim], taken: set[str], pinned: frozenset[str]
) -> None:
    file = store.present(run.root, path)
    if file is None:
        run.states.append(("missing", path))
        _merged(run, merge.missing(old))
        return
    try:
        sha = run.shas.pop(path, None) or store.file_sha256(file)
        record = run.records.get(path)
        fresh = record is None or record.sha256 != sha or run.reextract
        if not fresh and not merge.needs_text(old):
            run.states.append(("unchanged", path))
            run.claims.extend(old)
            return
        document = run.read(file, path)
        found = tuple(run.extract(document)) if fresh else None
    except ProvenanceError as exc:
        run.failures.append(str(exc))
        run.claims.extend(old)
        return
    run.states.append((_state(record, sha, fresh), path))
    run.records[path] = merge.record(record, path, sha, document.meta)
    _merged(run, merge.merge(path, document.text, old, found, taken, pinned))


def _extract_ahead(run: _Run, paths: list[str], jobs: int, progress: Notify | None) -> set[str]:
    """Read and extract the new and changed documents in ``jobs`` processes, in order;
    ``run.read`` and ``run.extract`` then give back what was found (errors included)."""
    fresh: list[tuple[Reader, Extractor, Path, str]] = []
    for path in paths:
        file = store.present(run.root, path)
        record = run.records.get(path)
        try:
            run.shas[path] = sha = store.file_sha256(file) if file else ""
        except OSError:
            continue  # ``_document`` meets the same error in order
        if file and (record is None or record.sha256 != sha or run.reextract):
            fresh.append((run.read, run.extract, file, path))
    ahead = _Ahead(run.read, run.extract)
    for work, found in zip(fresh, parallel.ordered_map(_read_extract, fresh, jobs), strict=True):
        ahead.done[work[3]] = found
        if progress is not None:
            progress(work[3])
    run.read, run.extract = ahead.read, ahead.extract
    return set(ahead.done)


@attrs.define
class _Ahead:
    """A reader and extractor that give back what workers found, once per document."""

    read_file: Reader
    extract_document: Extractor
    done: dict[str, tuple[Document, tuple[Claim, ...]] | str] = attrs.field(factory=dict)
    found: dict[str, tuple[Claim, ...]] = attrs.field(factory=dict)

    def read(self, file: Path, path: str) -> Document:
        result = self.done.pop(path, None)
        if result is None:
            return self.read_file(file, path)
        if isinstance(result, str):
            raise ProvenanceError(result)
        document, self.found[document.path] = result
        return document

    def extract(self, document: Document) -> Sequence[Claim]:
        found = self.found.pop(document.path, None)
        return self.extract_document(document) if found is None else found


def _read_extract(
    work: tuple[Reader, Extractor, Path, str],
) -> tuple[Document, tuple[Claim, ...]] | str:
    """One document read and extracted (in a worker), or why it could not be."""
    read, extract, file, path = work
    try:
        document = read(file, path)
        return document, tuple(extract(document))
    except ProvenanceError as exc:
        return str(exc)


def _state(record: DocRecord | None, sha: str, fresh: bool) -> str:
    if record is None:
        return "new"
    if record.sha256 != sha:
        return "changed"
    return "reextracted" if fresh else "unchanged"


def _merged(run: _Run, merged: merge.Merged) -> None:
    run.claims.extend(merged.claims)
    run.events.extend(merged.events)


def _summary(run: _Run) -> SyncSummary:
    events = {name: tuple(sorted({i for e, i in run.events if e == name})) for name in merge.EVENTS}
    states = ("new", "changed", "reextracted", "missing", "unchanged")
    documents = {name: tuple(p for s, p in run.states if s == name) for name in states}
    return SyncSummary(events=events, documents=documents, failures=tuple(run.failures))


def sync_file(
    path: Path,
    folders: Sequence[str] = (),
    create: bool = False,
    warn: Notify | None = None,
    timeout: float = 60.0,
    extract: Extractor = pipeline.extract,
    read: Reader = reader.read_document,
    reextract: bool = False,
    progress: Notify | None = None,
    jobs: int = 1,
) -> SyncSummary:
    """Sync the claims.toml at ``path`` under its lock; write it only when it changed.

    ``folders`` (relative to the file's folder) are added to ``corpus`` and allow
    creating the file; ``create`` refuses an existing file (``provenance init``).
    """
    say = warn or (lambda message: None)
    with store.locked(path, timeout):
        for leftover in store.remove_leftovers(path):
            say(f"{leftover.name}: removed what an interrupted sync left behind")
        text, ledger = _open(path, folders, create, say)
        ledger = attrs.evolve(ledger, corpus=_corpus(ledger.corpus, path.parent, folders))
        result, done = sync_ledger(path.parent, ledger, extract, read, reextract, progress, jobs)
        if text and result == _sorted(ledger):
            return done  # nothing changed: the file stays as it is, comments and all
        out = store.dumps(result)
        if out == text:
            return done
        _warn_comments(path, text, say)
        store.atomic_write(path, out)
    return attrs.evolve(done, written=True)


def _sorted(ledger: Ledger) -> Ledger:
    """The ledger in the order sync leaves it (to tell whether anything changed)."""
    return attrs.evolve(
        ledger,
        documents=tuple(sorted(ledger.documents, key=lambda d: d.path)),
        claims=tuple(sorted(ledger.claims, key=claim_order)),
    )


def _open(path: Path, folders: Sequence[str], create: bool, say: Notify) -> tuple[str, Ledger]:
    if path.exists():
        if create:
            raise UsageError(f"{path}: already exists; run `provenance sync`")
        text, ledger, warnings = store.read(path)
        for warning in warnings:
            say(warning)
        return text, ledger
    if not (folders or create):
        raise UsageError(f"{path}: no such file; run `provenance init FOLDER` first")
    return "", Ledger()


def _corpus(corpus: tuple[str, ...], root: Path, folders: Sequence[str]) -> tuple[str, ...]:
    added = []
    for folder in folders:
        name = Path(folder).as_posix().rstrip("/") or "."
        try:
            store.resolve(root, name)
        except InputError as exc:
            raise UsageError(str(exc)) from None
        if name not in corpus and name not in added:
            added.append(name)
    return (*corpus, *added)


def _warn_comments(path: Path, text: str, say: Notify) -> None:
    lines = tomltext.comment_lines(text)
    if lines:
        say(
            f"{path.name}:{lines[0]}: this rewrite drops {len(lines)} comment(s) "
            "(TOML writers cannot keep them); keep notes in `note` fields"
        )
