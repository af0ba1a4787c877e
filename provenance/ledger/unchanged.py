"""Commands whose inputs did not change, remembered: the next run over them is replayed.

When a sync leaves claims.toml as it was, or a check has run, the cache
(``ledger.cache``) keeps what it looked at — the sha256 of claims.toml, the files in
the corpus folders (articles, refused paths, other files) and the sha256 of every
document — with what it reported. A later run whose inputs are all the same would do
the same again: it reports the same and reads nothing but the hashes. Any difference (an
edit of claims.toml, a document changed, added or removed, another program version, for
check another working folder) runs the command in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs

from provenance.errors import ProvenanceError
from provenance.ledger import cache, store
from provenance.model import Ledger

KIND = "sync"
# The corpus files (articles, refusals, other files) and every document's state: its
# sha256, "" when absent, "special" when not a regular file.
Inputs = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], dict[str, str]]


class Summary(Protocol):
    """What a sync reported (``sync.SyncSummary``)."""

    @property
    def events(self) -> dict[str, tuple[str, ...]]: ...
    @property
    def documents(self) -> dict[str, tuple[str, ...]]: ...
    @property
    def failures(self) -> tuple[str, ...]: ...


@attrs.frozen
class Known:
    """What the remembered sync said: its warnings, events, documents and failures."""

    warnings: tuple[str, ...]
    events: dict[str, tuple[str, ...]]
    documents: dict[str, tuple[str, ...]]
    failures: tuple[str, ...]


def remember(
    path: Path,
    prune: bool,
    sha: str,
    ledger: Ledger,
    warnings: Iterable[str],
    done: Summary,
    seen: Inputs | None = None,
) -> None:
    """Keep that syncing ``path`` (its bytes hash to ``sha``) over today's files changed nothing.

    ``seen``: the files as that sync saw them (``inputs``), when it looked at them all."""
    said = (tuple(warnings), done.events, done.documents, done.failures)
    keep(path, KIND, _key(prune), sha, ledger, said, seen)


def recall(path: Path, prune: bool, source: store.Source | None = None) -> Known | None:
    """What a sync of ``path`` would report, when it is known to change nothing; else None.

    ``source``: the file as already read (default: read here)."""
    said = replay(path, KIND, _key(prune), source)
    if said is None:
        return None
    try:
        warnings, events, documents, failures = said
        return Known(tuple(warnings), dict(events), dict(documents), tuple(failures))
    except (TypeError, ValueError):  # a damaged entry: sync in full
        return None


def keep(
    path: Path,
    kind: str,
    key: str,
    sha: str,
    ledger: Ledger,
    said: Any,
    seen: Inputs | None = None,
    hashed: Mapping[str, str | None] | None = None,
) -> None:
    """Keep what a ``kind`` run over ``path`` (bytes hashing to ``sha``) and today's files said
    (``seen``: those files as the run saw them; by default they are looked at now, the
    documents the run ``hashed`` taken as it hashed them)."""
    named = tuple(sorted({doc.path for doc in ledger.documents} | set(ledger.claims_by_doc)))
    if seen is None:
        seen = inputs(path.parent, ledger.corpus, ledger.articles, named, hashed or {})
    if seen is not None and ledger.corpus:
        stored = (ledger.corpus, ledger.articles, named, seen, said)
        cache.keep(path, kind, f"{sha} {key}", stored)


def replay(path: Path, kind: str, key: str, source: store.Source | None = None) -> Any:
    """What a ``kind`` run over ``path`` said, when its inputs are all as they were; else None.

    ``source``: the file as already read (default: read here)."""
    if source is None:
        source = readable(path)
        if source is None:
            return None  # the full run says what is wrong
    sha = source.sha256
    stored = cache.fetch(path, kind, f"{sha} {key}")
    if stored is None:
        return None
    try:
        corpus, articles, named, seen, said = stored
        if inputs(path.parent, tuple(corpus), tuple(articles), named) != seen:
            return None
    except Exception:  # a damaged entry: run in full
        return None
    return said


def readable(path: Path) -> store.Source | None:
    """claims.toml as read, or None when it cannot be (the full run says why)."""
    try:
        return store.read_source(path)
    except ProvenanceError:
        return None


def inputs(
    root: Path,
    corpus: tuple[str, ...],
    articles: tuple[str, ...],
    named: Iterable[str],
    hashed: Mapping[str, str | None] | None = None,
) -> Inputs | None:
    """The corpus files (articles, refusals, other files) and the state of every document:
    its sha256, "" when absent, "special" when not a regular file (None: cannot tell).
    A document in ``hashed`` with a sha256 (its bytes as the run read them) is not hashed
    again."""
    files, refused = store.corpus_files(root, corpus, articles)
    others = store.other_files(root, corpus, articles)
    states: dict[str, str] = {}
    for name in sorted(set(files) | set(named)):
        sha = hashed.get(name) if hashed else None
        if sha:
            states[name] = sha
            continue
        file = store.present(root, name)
        if file is None:
            states[name] = "special" if store.special(root, name) else ""
            continue
        try:
            states[name] = store.file_sha256(file)
        except OSError:
            return None
    return tuple(files), tuple(refused), tuple(others), states


def _key(prune: bool) -> str:
    return f"prune={prune}"
