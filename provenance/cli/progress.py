"""A transient progress bar on a terminal's stderr, driven by a stage's ``Step`` callback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import Progress

from provenance.progress import Advance, Step
from provenance.report import terminal


@contextmanager
def steps(least: int = 0) -> Iterator[Step]:
    """Steps drawn as a bar when stderr is a terminal and the first task has at least
    ``least`` items (a task of unknown size counts as large enough).

    stdout is not redirected: data written meanwhile never passes through the bar.
    """
    err = terminal.err_console()
    shown: list[bool] = []
    with Progress(
        console=err,
        transient=True,
        disable=not err.is_terminal,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:

        def step(label: str, total: int | None) -> Advance:
            if not shown:
                shown.append(total is None or total >= least)
            task = bar.add_task(label, total=total, visible=shown[0])
            return lambda: bar.advance(task)

        yield step
