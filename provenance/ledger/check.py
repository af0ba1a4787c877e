"""``provenance check``: is every corpus document in claims.toml, attributed and current?

``check`` returns findings, one per problem, each naming the file (and the claims.toml
line where it helps) and what to do. Paths that leave the repository are refused and
never read. Errors fail the check; warnings (unknown keys, flagged claims, files in a
corpus folder that are not articles) do not, unless ``strict``.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from pathlib import Path

import attrs

from provenance.errors import FileSyntaxError, ProvenanceError
from provenance.extract import reader
from provenance.ledger import anchored, store, unchanged, words
from provenance.ledger.schema import Problem
from provenance.model import Claim, DocRecord, Flag, Ledger, Status


@attrs.frozen
class Finding:
    """One problem: where it is and what to do about it."""

    code: str
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: str = "error"  # error | warning


@attrs.frozen
class CheckResult:
    """All findings of one check, and how much was looked at."""

    findings: tuple[Finding, ...]
    documents: int = 0
    claims: int = 0
    strict: bool = False  # warnings fail too

    @property
    def ok(self) -> bool:
        """No errors (and, when strict, no warnings)."""
        failing = ("error", "warning") if self.strict else ("error",)
        return not any(finding.severity in failing for finding in self.findings)


@attrs.define
class _Context:
    """What the checks share: where things are, and the texts read so far."""

    root: Path
    name: str  # claims.toml as shown
    read: anchored.Anchored  # claims.toml read, its claims placed (outcomes known)
    texts: dict[str, str | None] = attrs.field(factory=dict)
    refusals: dict[str, str] = attrs.field(factory=dict)  # why the reader refused a file
    broken: set[tuple[str, str]] = attrs.field(factory=set)  # entries with a schema problem
    current: set[str] = attrs.field(factory=set)  # documents whose claims are checked
    refused: dict[str, str | None] = attrs.field(factory=dict)  # path: why unsafe (None: safe)

    @property
    def ledger(self) -> Ledger:
        """The ledger checked."""
        return self.read.ledger

    def unsafe(self, path: str) -> str | None:
        """Why a document path is refused (it leaves the repository), or None; once a path."""
        if path not in self.refused:
            try:
                store.resolve(self.root, path)
                self.refused[path] = None
            except store.UnsafePath as exc:
                self.refused[path] = str(exc)
        return self.refused[path]

    @functools.cached_property
    def lines(self) -> store.Lines:
        """Where each table is in claims.toml (indexed when a finding first needs a line)."""
        return store.Lines(self.read.source.text)

    def known(self, section: str) -> set[str]:
        """Keys in a section, counting entries left out for a schema problem (no echo findings)."""
        keys = {key for where, key in self.broken if where == section}
        if section == "documents":
            return keys | {doc.path for doc in self.ledger.documents}
        return keys | {claim.id for claim in self.ledger.claims}

    def shown(self, path: str) -> str:
        """A document path as the user sees it (relative to the working folder)."""
        return os.path.relpath(self.root / path)


def check(path: Path, strict: bool = False) -> CheckResult:
    """Check the claims.toml at ``path`` and the corpus it names."""
    name = os.path.relpath(path)
    key = f"{os.getcwd()} {name}"  # findings name files as seen from the working folder
    source = unchanged.readable(path)  # read once: replayed, else parsed
    said = unchanged.replay(path, KIND, key, source)
    if said is not None:
        with contextlib.suppress(TypeError, ValueError):
            found, documents, claims = said
            return CheckResult(tuple(Finding(*f) for f in found), documents, claims, strict)
    try:
        read = anchored.read(path, name, source)
    except FileSyntaxError as exc:
        return CheckResult((_syntax(exc),), strict=strict)
    result = _check(path, name, read, strict)
    found = tuple(attrs.astuple(finding) for finding in result.findings)
    said = (found, result.documents, result.claims)
    unchanged.keep(path, KIND, key, read.source.sha256, read.ledger, said, hashed=read.shas)
    return result


KIND = "check"


def _check(path: Path, name: str, read: anchored.Anchored, strict: bool) -> CheckResult:
    ledger, problems = read.ledger, read.problems
    context = _Context(path.parent, name, read)
    context.broken = {(p.section, p.key) for p in problems if not p.unknown_key}
    findings = [*(_problem(context, p) for p in problems)]
    findings += _corpus(context)
    findings += _documents(context)
    findings += _claims(context)
    findings += _relations(context)
    return CheckResult(tuple(findings), len(ledger.documents), len(ledger.claims), strict)


def _syntax(exc: FileSyntaxError) -> Finding:
    if exc.line is None:
        return Finding("syntax", exc.file, exc.problem)
    return Finding("syntax", exc.file, exc.problem, exc.line, exc.column)


def _problem(context: _Context, problem: Problem) -> Finding:
    line = context.lines.of(problem.section, problem.key, problem.field)
    message = store.describe(problem)
    if problem.unknown_key:
        return Finding("unknown-key", context.name, message, line, severity="warning")
    return Finding("schema", context.name, message, line)


def _corpus(context: _Context) -> Iterator[Finding]:
    ledger = context.ledger
    files, refused = store.corpus_files(context.root, ledger.corpus, ledger.articles)
    line = context.lines.of("", "", "corpus")
    if not ledger.corpus:
        yield from _no_corpus(context, line)
    for message in refused:
        yield Finding("unsafe-path", context.name, message, line)
    patterns = " or ".join(ledger.articles) or "nothing"
    for other in store.other_files(context.root, ledger.corpus, ledger.articles):
        message = (
            f"not read as an article (articles are {patterns}); if it is one, add its "
            'pattern to `articles = ["*.txt", …]` in claims.toml, else move it out of the corpus'
        )
        yield Finding("not-an-article", context.shown(other), message, severity="warning")
    known = context.known("documents")
    for path in files:
        if path in known:
            continue
        refusal = _refusal(context, path)
        if refusal is not None:  # sync could never add it: say what would
            yield Finding("unreadable", context.shown(path), refusal)
        else:
            message = "not in claims.toml: run `provenance sync`"
            yield Finding("untracked", context.shown(path), message)


def _refusal(context: _Context, path: str) -> str | None:
    """Why the reader refuses a corpus file (not regular, too large, not UTF-8), or None."""
    if _text(context, path, context.root / path) is not None:
        return None
    return context.refusals.get(path, "").removeprefix(f"{path}: ") or None


def _no_corpus(context: _Context, line: int) -> Iterator[Finding]:
    """``corpus`` empty or missing while article files sit beside claims.toml."""
    folders = sorted(
        {
            Path(name).parts[0]
            for name in store.corpus_files(context.root, (".",), context.ledger.articles)[0]
            if len(Path(name).parts) > 1 and Path(name).parts[0] not in _NOT_CORPUS
        }
    )
    if folders or context.ledger.documents:
        shown = ", ".join(f'"{folder}"' for folder in folders) or '"FOLDER"'
        yield Finding(
            "no-corpus",
            context.name,
            f"corpus is empty, so no article is checked; write corpus = [{shown}]",
            line,
        )


_NOT_CORPUS = frozenset({"tests", "docs", "benchmarks", "node_modules", "venv"})


def _documents(context: _Context) -> Iterator[Finding]:
    for doc in context.ledger.documents:
        line = context.lines.of("documents", doc.path)
        try:
            file = store.resolve(context.root, doc.path)
        except store.UnsafePath as exc:
            yield Finding("unsafe-path", context.name, str(exc), line)
            continue
        yield from _document(context, doc, file, line)


def _document(context: _Context, doc: DocRecord, file: Path, line: int) -> Iterator[Finding]:
    sha = context.read.shas.get(doc.path)  # its claims were placed in these bytes: readable
    text = sha or _text(context, doc.path, file)
    if text is None:
        context.texts[doc.path] = None
        refusal = context.refusals.get(doc.path)
        if refusal is not None and file.exists():
            yield Finding("unreadable", context.name, refusal, line)
            return
        yield Finding(
            "missing",
            context.name,
            f"{doc.path}: the document is gone (or unreadable); restore it, "
            "or delete its [documents] table and its claims",
            line,
        )
        return
    if (sha or store.file_sha256(file)) != doc.sha256:  # the bytes, BOM and all, as sync wrote
        where = context.lines.of("documents", doc.path, "sha256")
        message = f"{doc.path}: edited since the last sync; run `provenance sync`"
        yield Finding("stale", context.name, message, where)
    else:
        context.current.add(doc.path)  # its spans are checked; a stale one's are sync's business
    if not doc.attributed:
        yield Finding("unattributed", context.name, _unattributed(doc), line)


def _text(context: _Context, name: str, file: Path) -> str | None:
    if name not in context.texts:
        try:
            context.texts[name] = reader.read_text(file, name)
        except ProvenanceError as exc:
            context.texts[name] = None
            context.refusals[name] = str(exc)
    return context.texts[name]


def _unattributed(doc: DocRecord) -> str:
    fill = " and ".join(
        hint
        for hint, value in (
            ('publisher = "…"', doc.publisher),
            ("published = YYYY-MM-DD", doc.published),
        )
        if not value
    )
    return (
        f"{doc.path}: not attributed: fill in {fill}, or set reviewed = true if the text names none"
    )


def _claims(context: _Context) -> Iterator[Finding]:
    known = context.known("documents")
    for claim in context.ledger.claims:
        if claim.status is Status.REJECTED:
            continue  # a rejection only stops sync from adding the claim again
        unsafe = context.unsafe(claim.doc)
        if unsafe is not None:
            line = context.lines.of("claims", claim.id)
            yield Finding("unsafe-path", context.name, f"{claim.id}: {unsafe}", line)
            continue
        if claim.doc not in known:
            message = f"{claim.id}: its document {claim.doc} is not in [documents]"
            line = context.lines.of("claims", claim.id)
            yield Finding(
                "unknown-document", context.name, message + "; run `provenance sync`", line
            )
            continue
        yield from _spans(context, claim)


def _spans(context: _Context, claim: Claim) -> Iterator[Finding]:
    """The claim's words are in its document (any quote style, any spaces); flags are warnings."""
    if claim.doc not in context.current:
        return  # the document is missing or stale: reported once, on the document
    outcome = context.read.outcomes.get(claim.id)
    if outcome is None:  # its document was not read when claims.toml was: place it now
        text = _text(context, claim.doc, context.root / claim.doc) or ""
        hint = context.read.hints.get(claim.id, ("", ""))
        _, outcome = words.anchor(claim, text, hint)
    if outcome is not words.Outcome.FOUND:
        where = context.lines.of("claims", claim.id, "content")
        yield Finding("not-found", context.name, _not_found(claim, outcome), where)
    elif claim.flag is not None:
        where = context.lines.of("claims", claim.id, "flag")
        yield Finding("flagged", context.name, _flagged(claim), where, severity="warning")


def _not_found(claim: Claim, outcome: words.Outcome) -> str:
    close = " (only something close is)" if outcome is words.Outcome.FUZZY else ""
    return (
        f"{claim.id}: its content is not in {claim.doc}{close}; write the article's own "
        "words (any part of them; quote style and spaces do not matter), "
        'or set status = "rejected"'
    )


def _flagged(claim: Claim) -> str:
    if claim.flag is Flag.REANCHORED:
        return (
            f'{claim.id}: flag = "reanchored": its document changed and sync moved the '
            "claim to the closest words; look, then delete the flag line"
        )
    return f'{claim.id}: flag = "{claim.flag}": look at the claim, then delete the flag line'


def _relations(context: _Context) -> Iterator[Finding]:
    ids = context.known("claims")
    for relation in context.ledger.relations:
        for id_ in (relation.a, relation.b):
            if id_ not in ids:
                yield Finding(
                    "dangling-relation",
                    context.name,
                    f"relation {relation.key} names {id_}, which is not in [claims]",
                    context.lines.of("relations", relation.key),
                )
