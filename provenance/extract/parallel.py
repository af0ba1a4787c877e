"""Extraction in several worker processes, results in the order of the input.

``ordered_map`` runs a module-level function over items in a ``ProcessPoolExecutor``
(chunks of items, in order), or in this process for one job; the results are those of
the serial loop, so the output does not depend on ``jobs``. The rule patterns are
compiled before the pool starts, so forked workers share them instead of compiling.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

_In = TypeVar("_In")
_Out = TypeVar("_Out")

_CHUNKS_PER_JOB = 8  # chunks each worker gets: small enough to balance, large enough to batch
_MOST_PER_CHUNK = 16


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows: no affinity call
        return max(1, os.cpu_count() or 1)


def ordered_map(
    function: Callable[[_In], _Out], items: Sequence[_In], jobs: int = 1
) -> Iterator[_Out]:
    """``function`` of each item, in order; ``jobs`` worker processes when above 1.

    ``function`` and the items must pickle (a module-level function) when ``jobs`` > 1.
    """
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: one job never needs it

    _warm()
    size = max(1, min(_MOST_PER_CHUNK, len(items) // (jobs * _CHUNKS_PER_JOB)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        yield from pool.map(function, items, chunksize=size)


def _context() -> BaseContext | None:
    """Fork on Linux (workers start at once, sharing the compiled rules); elsewhere the
    platform's default (macOS and Windows spawn: each worker loads the rule cache)."""
    import multiprocessing

    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _warm() -> None:
    """Compile the rules and load the tables once, before workers are forked."""
    from provenance.extract.pipeline import extract
    from provenance.extract.reader import parse_document

    extract(parse_document("<warm>", "“It is so,” Ann Lee said on Monday. Bob said it was.\n"))
