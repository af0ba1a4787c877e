"""The public Python API, re-exported by ``provenance`` (``import provenance``).

Each function is one stage's entry point, taking paths as ``str`` or ``os.PathLike``.
The stage packages (``provenance.extract``, ``provenance.relate``, …) hold the rest and
may change; what ``provenance`` exports is what other programs may depend on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance import errors
from provenance.evaluate.run import score_folder
from provenance.extract import parallel
from provenance.extract.files import Extraction
from provenance.extract.files import extract_file as _extract_file
from provenance.extract.files import extract_files as _extract_files
from provenance.extract.pipeline import extract
from provenance.extract.reader import BOM, parse_document, read_text
from provenance.extract.records import claim_record
from provenance.ledger import anchored
from provenance.ledger import check as _check
from provenance.ledger.check import CheckResult
from provenance.ledger.sync import SyncSummary, sync_file
from provenance.model import Claim, Ledger
from provenance.progress import Step, no_step

if TYPE_CHECKING:
    from dask.bag import Bag

StrPath = str | os.PathLike[str]


def extract_text(text: str, name: str = "<text>") -> tuple[Claim, ...]:
    """The claims of an article's ``text``, in text order; ``name`` is the ``doc`` they name.

    Offsets index ``text`` as given: read a file with ``encoding="utf-8", newline=""`` to
    get what ``provenance extract`` gets (or use ``extract_file``).
    """
    return extract(parse_document(name, text))


def extract_file(path: StrPath, name: str | None = None) -> tuple[Claim, ...]:
    """The claims of one UTF-8 article file, as ``provenance extract FILE`` finds them.

    ``name`` is the ``doc`` the claims name (default: the path as given, with ``/``).
    A file that cannot be read raises ``InputError`` with one plain line.
    """
    return _extract_file(Path(path), name)


def extract_records(document: tuple[str, str]) -> list[dict[str, Any]]:
    """The JSON claim records of one article given as ``(name, text)``: what ``provenance
    extract --format jsonl`` prints for it, one dict a line (``json.dumps(record,
    ensure_ascii=False)`` gives the line byte for byte).

    Pure and picklable, for ``bag.map(extract_records).flatten()`` (Dask) or
    ``rdd.flatMap(extract_records)`` (Spark): ``name`` is the ``doc`` the records name;
    ``text`` is the file decoded as UTF-8 with no newline translation (a leading byte-order
    mark is dropped, as ``provenance extract`` drops it).
    """
    name, text = document
    return [claim_record(claim) for claim in extract_text(text.removeprefix(BOM), name)]


def documents_bag(
    files: Sequence[StrPath] = (), *, jsonl: StrPath | None = None, partitions: int | None = None
) -> Bag:
    """A Dask bag of ``(name, text)`` documents for ``bag.map(extract_records)``.

    Either article ``files`` (read on the workers, which must see them; each named by its
    path as given, with ``/``, as ``provenance extract`` names it), in about ``partitions``
    partitions (default: Dask's), or ``jsonl``: a JSON Lines file of documents (a glob
    such as ``"docs/*.jsonl"`` reads several, one partition each), each line
    ``{"doc": NAME, "text": TEXT}``. A file that cannot be read, or a line that is not
    such an object, raises ``InputError`` with one line when the bag is computed. Needs
    the ``provenance[dask]`` extra (Dask is imported here, never by ``import provenance``).
    """
    try:
        import dask.bag
    except ImportError:
        raise errors.needs_extra("dask", "documents_bag") from None
    if (jsonl is None) == (not files):
        raise errors.UsageError("documents_bag: give article files or jsonl=FILE (one of the two)")
    if jsonl is not None:
        lines = dask.bag.read_text(os.fspath(jsonl), include_path=True)
        return lines.map_partitions(_documents_of_lines)
    named = [(Path(path).as_posix(), os.fspath(path)) for path in files]
    return dask.bag.from_sequence(named, npartitions=partitions).map(_read_named)


def _read_named(named: tuple[str, str]) -> tuple[str, str]:
    """``(name, text)`` of one article file, read strictly as ``provenance extract`` reads it."""
    name, path = named
    return name, read_text(Path(path), name)


def _documents_of_lines(lines: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ``(doc, text)`` of each non-blank line of one JSON Lines file's partition."""
    documents = []
    for number, (line, path) in enumerate(lines, start=1):
        if line.strip():
            documents.append(_document_of_line(line.removeprefix(BOM), f"{path}:{number}"))
    return documents


def _document_of_line(line: str, where: str) -> tuple[str, str]:
    """One ``{"doc": NAME, "text": TEXT}`` line as ``(NAME, TEXT)``."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise errors.bad_document_line(where, f"not JSON ({exc.msg})") from None
    if not (
        isinstance(value, dict)
        and isinstance(value.get("doc"), str)
        and isinstance(value.get("text"), str)
    ):
        raise errors.bad_document_line(where, 'not an object with "doc" and "text" strings')
    return value["doc"], value["text"]


def extract_files(paths: Sequence[StrPath], *, jobs: int = 1, step: Step = no_step) -> Extraction:
    """The claims of many article files, in file then text order, as ``provenance extract``
    finds them; a file that cannot be read is listed in ``failures``, not raised.

    ``jobs`` above 1 extracts in that many worker processes (``available_cores()`` is
    what the command line uses); the claims are the same as with one.
    """
    return _extract_files([Path(p) for p in paths], step, jobs=jobs)


def available_cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    return parallel.available_cores()


def open_ledger(path: StrPath) -> Ledger:
    """The Ledger in a claims.toml; an error naming path:line when it is not valid."""
    return anchored.open_ledger(Path(path))


def sync(
    path: StrPath,
    folders: Sequence[str] = (),
    *,
    create: bool = False,
    reextract: bool = False,
    timeout: float = 60.0,
    jobs: int = 1,
    prune: bool = False,
) -> SyncSummary:
    """Bring the claims.toml at ``path`` up to date with its corpus, keeping every hand edit.

    ``folders`` (relative to the file's folder) are added to its corpus; ``create`` makes
    a new file (and refuses an existing one). ``jobs`` above 1 extracts new and changed
    documents in that many worker processes (the file written is the same); ``prune``
    drops a deleted document's untouched claims and record. Returns what changed.
    """
    return sync_file(
        Path(path),
        folders,
        create=create,
        timeout=timeout,
        reextract=reextract,
        jobs=jobs,
        prune=prune,
    )


def check(path: StrPath) -> CheckResult:
    """The findings of ``provenance check`` on the claims.toml at ``path``."""
    return _check.check(Path(path))


def evaluate_polnear(folder: StrPath) -> dict[str, Any]:
    """The score record of ``provenance eval --format json`` on a PolNeAR-style folder."""
    return score_folder(Path(folder)).record
