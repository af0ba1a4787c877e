"""The public Python API, re-exported by ``provenance`` (``import provenance``).

Each function is one stage's entry point, taking paths as ``str`` or ``os.PathLike``.
The stage packages (``provenance.extract``, ``provenance.relate``, …) hold the rest and
may change; what ``provenance`` exports is what other programs may depend on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from provenance.evaluate.run import score_folder
from provenance.extract import parallel
from provenance.extract.files import Extraction
from provenance.extract.files import extract_file as _extract_file
from provenance.extract.files import extract_files as _extract_files
from provenance.extract.pipeline import extract
from provenance.extract.reader import parse_document
from provenance.ledger import anchored
from provenance.ledger import check as _check
from provenance.ledger.check import CheckResult
from provenance.ledger.sync import SyncSummary, sync_file
from provenance.model import Claim, Ledger
from provenance.progress import Step, no_step

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
