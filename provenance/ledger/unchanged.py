"""A sync that changed nothing, remembered: the next one over the same inputs is skipped.

When a sync leaves claims.toml as it was, the cache (``ledger.cache``) keeps what it
looked at — the sha256 of claims.toml, the corpus files found (and refused) and the
sha256 of every document it would read — with what it reported. A later sync whose
inputs are all the same would do the same again: it reports the same and reads nothing
but the hashes. Any difference (an edit of claims.toml, a document changed, added or
removed, another program version) runs the sync in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import attrs

from provenance.errors import ProvenanceError
from provenance.ledger import cache, store
from provenance.model import Ledger

KIND = "sync"


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
    path: Path, prune: bool, sha: str, ledger: Ledger, warnings: Iterable[str], done: Summary
) -> None:
    """Keep that syncing ``path`` (its bytes hash to ``sha``) over today's files changed nothing."""
    named = tuple(sorted({doc.path for doc in ledger.documents} | set(ledger.claims_by_doc)))
    seen = inputs(path.parent, ledger.corpus, ledger.articles, named)
    if seen is None:
        return
    said = (tuple(warnings), done.events, done.documents, done.failures)
    cache.keep(path, KIND, _key(sha, prune), (ledger.corpus, ledger.articles, named, seen, said))


def recall(path: Path, prune: bool) -> Known | None:
    """What a sync of ``path`` would report, when it is known to change nothing; else None."""
    try:
        sha = store.read_source(path).sha256
    except ProvenanceError:
        return None  # the full sync says what is wrong
    stored = cache.fetch(path, KIND, _key(sha, prune))
    if stored is None:
        return None
    try:
        corpus, articles, named, seen, said = stored
        if inputs(path.parent, tuple(corpus), tuple(articles), named) != seen:
            return None
        warnings, events, documents, failures = said
        return Known(tuple(warnings), dict(events), dict(documents), tuple(failures))
    except Exception:  # a damaged entry: sync in full
        return None


def inputs(
    root: Path, corpus: tuple[str, ...], articles: tuple[str, ...], named: Iterable[str]
) -> tuple[Any, ...] | None:
    """The corpus files (and refusals) and the state of every document a sync reads:
    its sha256, "" when absent, "special" when not a regular file (None: cannot tell)."""
    files, refused = store.corpus_files(root, corpus, articles)
    states: dict[str, str] = {}
    for name in sorted(set(files) | set(named)):
        file = store.present(root, name)
        if file is None:
            states[name] = "special" if store.special(root, name) else ""
            continue
        try:
            states[name] = store.file_sha256(file)
        except OSError:
            return None
    return tuple(files), tuple(refused), states


def _key(sha: str, prune: bool) -> str:
    return f"{sha} prune={prune}"
