"""The claims of article files: each file read (``extract.reader``) and run through the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from provenance.errors import ProvenanceError
from provenance.extract import parallel
from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.extract.records import claim_line
from provenance.model import Claim
from provenance.progress import Step, no_step

_Found = TypeVar("_Found")


@attrs.frozen
class Extraction:
    """The claims of the files read, in file then text order, and why a file was not read."""

    claims: tuple[Claim, ...]
    failures: tuple[str, ...]
    files: int  # how many files were read


@attrs.frozen
class JsonLines:
    """The JSON claim records (one line each, as ``--format jsonl`` prints them) of the
    files read, in file then text order, and why a file was not read."""

    lines: tuple[str, ...]
    failures: tuple[str, ...]
    files: int  # how many files were read


def extract_file(path: Path, name: str | None = None) -> tuple[Claim, ...]:
    """The claims of one article file; ``name`` is the path recorded in them (default: as given)."""
    return extract(read_document(path, name))


def extract_files(paths: Sequence[Path], step: Step = no_step, jobs: int = 1) -> Extraction:
    """The claims of each file; a file that cannot be read is a failure, not an error.

    ``jobs`` above 1 extracts in that many worker processes; the result is the same.
    """
    claims, failures = _each_file(_claims_or_failure, paths, step, jobs)
    return Extraction(tuple(claims), tuple(failures), len(paths) - len(failures))


def extract_json_lines(paths: Sequence[Path], step: Step = no_step, jobs: int = 1) -> JsonLines:
    """``extract_files`` with each claim as its JSON line, written where it was found: a
    worker sends back short strings, not claims for the parent to rebuild and write."""
    lines, failures = _each_file(_lines_or_failure, paths, step, jobs)
    return JsonLines(tuple(lines), tuple(failures), len(paths) - len(failures))


def _each_file(
    function: Callable[[Path], tuple[tuple[_Found, ...], str | None]],
    paths: Sequence[Path],
    step: Step,
    jobs: int,
) -> tuple[list[_Found], list[str]]:
    """What ``function`` found in each file, in order, and the failures."""
    advance = step("extracting", len(paths))
    found: list[_Found] = []
    failures: list[str] = []
    for items, failure in parallel.ordered_map(function, paths, jobs):
        found.extend(items)
        if failure is not None:
            failures.append(failure)
        advance()
    return found, failures


def _claims_or_failure(path: Path) -> tuple[tuple[Claim, ...], str | None]:
    """The claims of one file, or why it could not be read (what a worker sends back)."""
    try:
        return extract_file(path), None
    except ProvenanceError as exc:
        return (), str(exc)


def _lines_or_failure(path: Path) -> tuple[tuple[str, ...], str | None]:
    """The JSON lines of one file's claims, or why it could not be read."""
    claims, failure = _claims_or_failure(path)
    return tuple(map(claim_line, claims)), failure
