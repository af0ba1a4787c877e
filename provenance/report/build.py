"""The report of a claims.toml: documents checked, claims related, the report model built.

``build_report`` works on a Ledger already read; ``report_file`` reads claims.toml,
resolves the filters' documents against it and builds the report.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from provenance import forked
from provenance.errors import UsageError
from provenance.ledger import anchored, store
from provenance.model import Claim, Ledger, Relation
from provenance.progress import Step, no_step
from provenance.relate import features
from provenance.relate.engine import relate_claims
from provenance.relate.propositions import propositions
from provenance.relate.weights import WordWeights
from provenance.report.model import Filters, Report, build, capped, usable
from provenance.report.remembered import Remembered

Warn = Callable[[str], None]
EVERYTHING = Filters()


def build_report(
    ledger: Ledger,
    filters: Filters = EVERYTHING,
    root: Path | None = None,
    weights: WordWeights | None = None,
    step: Step = no_step,
    remembered: Remembered | None = None,
    jobs: int = 1,
    hashes: Mapping[str, str | None] | None = None,
) -> Report:
    """The report of ``ledger``: its usable claims related, then selected by ``filters``.

    With ``root`` (the folder the ledger's paths are relative to) documents missing or
    changed since the ledger recorded them are flagged stale (``hashes``: the documents'
    sha256 as just read, ``Anchored.shas``; the others are hashed here). ``weights``
    default to those fitted on the claims' contents. With ``remembered`` (default weights
    only), relations and propositions an earlier report of the same files kept are
    reused, and those computed here are kept. With ``jobs`` above 1, propositions are
    grouped in a forked child process (after the claims' features are computed) while this
    one relates the claims, and what is kept is written by another: the report is the same.
    A child that writes a cache is waited for before the next is forked: each holds a copy
    of the pages it touches, so two at once would hold two.
    """
    with collected_after():
        stale = stale_documents(root, ledger, step, hashes) if root is not None else []
        if weights is not None:
            remembered = None
        known = remembered.fetch() if remembered is not None else None
        if known is not None:
            relations, found = known
        else:
            claims = usable(ledger)
            with features.shared():  # relations and propositions read the same texts
                if jobs > 1:  # before the fork: computed once, read by both processes
                    features.prepare(c.content_text for c in claims if c.content)
                    forked.settle()  # the read cache written: one child at a time (memory)
                grouped = forked.start(propositions, claims, forks=jobs > 1)
                relations = relations_of(claims, weights, step)
                step("grouping propositions", None)
                found = grouped.result()
            if remembered is not None:
                remembered.keep(relations, found, background=jobs > 1)
        step("building the report", None)
        report = build(ledger, relations, filters, stale, found)
        forked.settle()  # what was kept in the background is written
        return report


@contextlib.contextmanager
def collected_after() -> Iterator[None]:
    """Python's cycle collector paused within (and on again after, if it was on).

    A report makes millions of small objects that live to its end (features, relations,
    entries) and no garbage cycles; with the collector on, each full collection walks the
    whole ledger again: about a sixth of a cold report's time at PolNeAR x8.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def report_file(
    path: Path,
    filters: Filters = EVERYTHING,
    limit: int = 0,
    warn: Warn | None = None,
    step: Step = no_step,
    jobs: int = 1,
) -> Report:
    """The report of the claims.toml at ``path``, at most ``limit`` items a section (0: all).

    ``filters.docs`` may name a document as claims.toml does or by its path from the
    working folder; ``warn`` hears each warning about the file (an unknown key). ``jobs``
    above 1: a second process does part of the work (``build_report``).
    """
    found = anchored.read(path, jobs=jobs)
    ledger, hashes = found.ledger, found.shas
    for warning in found.warnings(path.name):
        if warn is not None:
            warn(warning)
    filters = resolved(filters, path, ledger)
    remembered = Remembered.of(path, found)
    del found  # its text of claims.toml, the largest string, is not needed again
    report = build_report(
        ledger, filters, path.parent, step=step, remembered=remembered, jobs=jobs, hashes=hashes
    )
    return capped(report, limit)


def resolved(filters: Filters, ledger_path: Path, ledger: Ledger) -> Filters:
    """``filters`` with its documents named as claims.toml names them; a usage error for
    a document it lacks or dates in the wrong order."""
    if filters.since and filters.until and filters.since > filters.until:
        raise UsageError(f"--since {filters.since} is after --until {filters.until}")
    docs = tuple(doc_path(name, ledger_path, ledger) for name in filters.docs)
    return attrs.evolve(filters, docs=docs)


def doc_path(name: str, ledger_path: Path, ledger: Ledger) -> str:
    """A document as claims.toml names it: as given, or relative to the ledger's folder."""
    known = {doc.path for doc in ledger.documents}
    root = os.path.abspath(ledger_path.parent)
    relative = Path(os.path.relpath(os.path.abspath(name), root)).as_posix()
    for candidate in (Path(name).as_posix(), relative):
        if candidate in known:
            return candidate
    raise UsageError(f"--doc {name}: not a document of {ledger_path}")


def stale_documents(
    root: Path,
    ledger: Ledger,
    step: Step = no_step,
    hashes: Mapping[str, str | None] | None = None,
) -> list[str]:
    """Documents missing or changed (sha256) since claims.toml recorded them.

    ``hashes``: a document's sha256 already known ("" absent; None or left out: look)."""
    advance = step("checking documents", len(ledger.documents))
    stale = []
    for doc in ledger.documents:
        sha = hashes.get(doc.path) if hashes is not None else None
        if sha is None:
            path = store.present(root, doc.path)
            changed = path is None or bool(doc.sha256 and store.file_sha256(path) != doc.sha256)
        else:
            changed = not sha or bool(doc.sha256 and sha != doc.sha256)
        if changed:
            stale.append(doc.path)
        advance()
    return stale


def relations_of(
    claims: Sequence[Claim], weights: WordWeights | None = None, step: Step = no_step
) -> tuple[Relation, ...]:
    """The relations between the claims (the relation engine)."""
    advance = step("relating claims", None)
    found = relate_claims(claims, weights)
    advance()
    return found
