"""``provenance.forked``: work in a forked child gives what this process would compute."""

from __future__ import annotations

import os
from pathlib import Path

from provenance import forked


def _square_list(numbers: list[int]) -> list[int]:
    return [n * n for n in numbers]


def test_result_is_the_functions() -> None:
    """The child's result comes back as the function returns it, forked or not."""
    numbers = list(range(1000))  # not pickled going in: the child has a copy
    assert forked.start(_square_list, numbers).result() == _square_list(numbers)
    assert forked.start(_square_list, numbers, forks=False).result() == _square_list(numbers)


def test_a_failing_child_is_done_here() -> None:
    """A child that fails leaves its work to this process, which gives the same result."""
    parent = os.getpid()

    def only_here() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return 42

    assert forked.start(only_here).result() == 42


def test_background_work_is_done_when_settled(tmp_path: Path) -> None:
    """What ``background`` starts has happened once ``settle`` returns (in a child, or
    here and now without fork)."""
    target = tmp_path / "kept.txt"
    forked.background(target.write_text, "kept")
    forked.settle()
    assert target.read_text() == "kept"
    forked.background(target.write_text, "again", forks=False)  # done at once
    assert target.read_text() == "again"
