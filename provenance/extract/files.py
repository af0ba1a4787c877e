"""The claims of article files: each file read (``extract.reader``) and run through the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from provenance.errors import ProvenanceError
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


def extract_files(paths: Sequence[Path], step: Step = no_step) -> Extraction:
    """The claims of each file; a file that cannot be read is a failure, not an error."""
    advance = step("extracting", len(paths))
    claims: list[Claim] = []
    failures: list[str] = []
    for path in paths:
        try:
            claims.extend(extract_file(path))
        except ProvenanceError as exc:
            failures.append(str(exc))
        advance()
    return Extraction(tuple(claims), tuple(failures), len(paths) - len(failures))
