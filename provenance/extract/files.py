"""The claims of article files: each file read (``extract.reader``) and run through the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from provenance.errors import ProvenanceError
from provenance.extract import parallel
from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.model import Claim
from provenance.progress import Step, no_step


@attrs.frozen
class Extraction:
    """The claims of the files read, in file then text order, and why a file was not read."""

    claims: tuple[Claim, ...]
    failures: tuple[str, ...]
    files: int  # how many files were read


def extract_file(path: Path, name: str | None = None) -> tuple[Claim, ...]:
    """The claims of one article file; ``name`` is the path recorded in them (default: as given)."""
    return extract(read_document(path, name))


def extract_files(paths: Sequence[Path], step: Step = no_step, jobs: int = 1) -> Extraction:
    """The claims of each file; a file that cannot be read is a failure, not an error.

    ``jobs`` above 1 extracts in that many worker processes; the result is the same.
    """
    advance = step("extracting", len(paths))
    claims: list[Claim] = []
    failures: list[str] = []
    for found, failure in parallel.ordered_map(_claims_or_failure, paths, jobs):
        claims.extend(found)
        if failure is not None:
            failures.append(failure)
        advance()
    return Extraction(tuple(claims), tuple(failures), len(paths) - len(failures))


def _claims_or_failure(path: Path) -> tuple[tuple[Claim, ...], str | None]:
    """The claims of one file, or why it could not be read (what a worker sends back)."""
    try:
        return extract_file(path), None
    except ProvenanceError as exc:
        return (), str(exc)
