"""``provenance sync``: bring claims.toml up to date with the corpus, keeping every hand edit.

``sync_ledger`` walks the documents: every claim is anchored by its words in its
document's text; a new or changed document (another sha256) is also extracted and
merged (``provenance.ledger.merge``); a missing one keeps its claims, flagged. Undated
claims take their document's ``published`` date. ``sync_file`` does it under the lock,
upgrades a schema 1 file (keeping a backup), changes only the tables that changed, and
never replaces a file that was saved by someone else while it ran.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs

from provenance import errors
from provenance.errors import InputError, ProvenanceError, UsageError
from provenance.extract import parallel, pipeline, reader
from provenance.ledger import merge, schema, store, unchanged, write
from provenance.ledger.merge import Extractor
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
    texts: dict[str, str] = attrs.field(factory=dict, eq=False, hash=False, repr=False)
    # the corpus files and every document's state as this sync saw them (``unchanged.inputs``)
    seen: unchanged.Inputs | None = attrs.field(default=None, eq=False, hash=False, repr=False)


@attrs.define
class _Run:
    """The state of one sync over the documents."""

    root: Path
    ledger: Ledger
    extract: Extractor
    read: Reader
    reextract: bool
    records: dict[str, DocRecord] = attrs.field(factory=dict)
    hints: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)
    texts: dict[str, str] = attrs.field(factory=dict)
    claims: list[Claim] = attrs.field(factory=list)
    events: list[tuple[str, str]] = attrs.field(factory=list)
    states: list[tuple[str, str]] = attrs.field(factory=list)
    failures: list[str] = attrs.field(factory=list)
    shas: dict[str, str] = attrs.field(factory=dict)  # hashed ahead by ``_extract_ahead``
    hashed: dict[str, str] = attrs.field(factory=dict)  # document: its state as ``inputs`` says
    prune: bool = False  # a deleted document's machine content goes (``sync --prune``)


def sync_ledger(
    root: Path,
    ledger: Ledger,
    extract: Extractor = pipeline.extract,
    read: Reader = reader.read_document,
    reextract: bool = False,
    progress: Notify | None = None,
    hints: Mapping[str, tuple[str, str]] | None = None,
    jobs: int = 1,
    prune: bool = False,
) -> tuple[Ledger, SyncSummary]:
    """The ledger brought up to date with the documents under ``root``, and what changed.

    ``hints`` are the context (before, after) written beside repeated words, by claim id.
    ``jobs`` above 1 reads and extracts new and changed documents in that many worker
    processes first (``read`` and ``extract`` must then pickle); the result is the same.
    ``prune`` drops a deleted document's untouched machine content: its auto claims, and
    its record unless a person filled it in; what a person wrote stays, flagged.
    """
    files, refused = store.corpus_files(root, ledger.corpus, ledger.articles)
    others = store.other_files(root, ledger.corpus, ledger.articles)
    run = _Run(root, ledger, extract, read, reextract, dict(ledger.by_path), hints or {})
    run.prune = prune
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
    seen = (tuple(files), tuple(refused), tuple(others), run.hashed)
    return result, attrs.evolve(_summary(run), seen=seen)


def _document(
    run: _Run, path: str, old: list[Claim], taken: set[str], pinned: frozenset[str]
) -> None:
    file = store.present(run.root, path)
    if file is None and store.special(run.root, path):  # a FIFO or device: never opened
        run.hashed[path] = "special"
        run.failures.append(str(errors.not_a_file(path)))
        run.claims.extend(old)
        return
    if file is None:
        run.hashed[path] = ""
        run.states.append(("missing", path))
        if not run.prune:
            _merged(run, merge.missing(old))
            return
        merged = merge.pruned(old, pinned)
        _merged(run, merged)
        record = run.records.get(path)
        if not merged.claims and (record is None or not _written_by_hand(record)):
            run.records.pop(path, None)
        return
    try:
        sha = run.shas.pop(path, "") or store.file_sha256(file)
        run.hashed[path] = sha
        record = run.records.get(path)
        fresh = record is None or record.sha256 != sha or run.reextract
        if fresh:
            document = _dated(run.read(file, path), record)
            text, found = document.text, tuple(run.extract(document))
            run.records[path] = merge.record(record, path, sha, document.meta)
        else:
            text, found = reader.read_text(file, path), None
    except ProvenanceError as exc:
        run.failures.append(str(exc))
        run.claims.extend(old)
        return
    run.texts[path] = text
    run.states.append((_state(record, sha, fresh), path))
    merged = merge.merge(path, text, old, found, taken, pinned, run.hints)
    published = run.records[path].published if path in run.records else None
    _merged(run, attrs.evolve(merged, claims=merge.dated(merged.claims, published)))


def _written_by_hand(record: DocRecord) -> bool:
    """Whether a document's record holds more than sync wrote: reviewed, or attributed."""
    return record.attributed


def _dated(document: Document, record: DocRecord | None) -> Document:
    """The document with the date a person gave it (weekdays resolve against it)."""
    if record is None or record.published is None:
        return document
    return attrs.evolve(document, meta=attrs.evolve(document.meta, published=record.published))


def _extract_ahead(run: _Run, paths: list[str], jobs: int, progress: Notify | None) -> set[str]:
    """Read and extract the new and changed documents in ``jobs`` processes, in order;
    ``run.read`` and ``run.extract`` then give back what was found (errors included)."""
    fresh: list[tuple[Reader, Extractor, Path, str, DocRecord | None]] = []
    for path in paths:
        file = store.present(run.root, path)
        record = run.records.get(path)
        try:
            run.shas[path] = sha = store.file_sha256(file) if file else ""
        except OSError:
            continue  # ``_document`` meets the same error in order
        if file and (record is None or record.sha256 != sha or run.reextract):
            fresh.append((run.read, run.extract, file, path, record))
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
    work: tuple[Reader, Extractor, Path, str, DocRecord | None],
) -> tuple[Document, tuple[Claim, ...]] | str:
    """One document read (dated as a person dated it, as ``_document`` does) and
    extracted in a worker, or why it could not be."""
    read, extract, file, path, record = work
    try:
        document = _dated(read(file, path), record)
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
    failures = tuple(run.failures)
    return SyncSummary(events=events, documents=documents, failures=failures, texts=run.texts)


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
    prune: bool = False,
) -> SyncSummary:
    """Sync the claims.toml at ``path`` under its lock; write it only when it changed.

    ``folders`` (relative to the file's folder) are added to ``corpus`` and allow
    creating the file; ``create`` refuses an existing file (``provenance init``). A file
    saved by someone else while sync ran is never replaced (ChangedWhileSyncing).
    """
    say = warn or (lambda message: None)
    with store.locked(path, timeout):
        for leftover in store.remove_leftovers(path):
            say(f"{leftover.name}: removed what an interrupted sync left behind")
        quick = not (folders or create or reextract)
        source = unchanged.readable(path) if quick else None  # read once: recalled, else parsed
        if quick and (known := unchanged.recall(path, prune, source)) is not None:
            for warning in known.warnings:
                say(warning)
            return SyncSummary(known.events, known.documents, known.failures)
        loaded = _open(path, folders, create, say, source)
        parsed = loaded.parsed if loaded else schema.Parsed(Ledger(), [])
        ledger = parsed.ledger
        ledger = attrs.evolve(ledger, corpus=_corpus(ledger.corpus, path.parent, folders))
        result, done = sync_ledger(
            path.parent, ledger, extract, read, reextract, progress, parsed.hints, jobs, prune
        )
        if loaded is None:
            store.atomic_write(path, store.dumps(result, done.texts))
            return attrs.evolve(done, written=True)
        upgrade = parsed.schema != schema.SCHEMA
        out = write.write(loaded.source.text, loaded.data, result, done.texts, upgrade)
        if out == loaded.source.text:  # nothing changed: the file stays as it is, byte for byte
            if quick:
                unchanged.remember(
                    path, prune, loaded.source.sha256, ledger, loaded.warnings, done, done.seen
                )
            return done
        if upgrade:
            _backup(path, loaded.source, say)
        between_read_and_write(path)
        store.replace(path, loaded.source, out)
    return attrs.evolve(done, written=True)


def between_read_and_write(path: Path) -> None:
    """Runs after sync read claims.toml and before it replaces it (a seam for tests)."""


def _backup(path: Path, source: store.Source, say: Notify) -> None:
    backup = path.with_name(path.name + ".schema1.bak")
    if not backup.exists():
        shutil.copy2(path, backup)
    say(
        f"{path.name}: upgraded from schema 1 to schema 2 (words, not offsets); "
        f"the old file is kept as {backup.name}"
    )


def _open(
    path: Path,
    folders: Sequence[str],
    create: bool,
    say: Notify,
    source: store.Source | None = None,
) -> store.Loaded | None:
    if path.exists():
        if create:
            raise UsageError(f"{path}: already exists; run `provenance sync`")
        loaded = store.load(path, source)
        for warning in loaded.warnings:
            say(warning)
        return loaded
    if not (folders or create):
        raise UsageError(f"{path}: no such file; run `provenance init FOLDER` first")
    return None


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
