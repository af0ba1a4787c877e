"""A transient progress bar on a terminal's stderr, driven by a stage's ``Step`` callback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from provenance.progress import Advance, Step

if TYPE_CHECKING:
    from rich.progress import Progress


def _nothing() -> None:
    """The advance of a task no bar shows."""


@contextmanager
def steps(least: int = 0) -> Iterator[Step]:
    """Steps drawn as a bar when stderr is a terminal and the first task has at least
    ``least`` items (a task of unknown size counts as large enough).

    The bar (and rich) is set up at the first task that shows, so a command whose first
    task is small never imports rich. stdout is not redirected: data written meanwhile
    never passes through the bar.
    """
    shown: list[bool] = []
    bars: list[Progress] = []
    with ExitStack() as stack:

        def step(label: str, total: int | None) -> Advance:
            if not shown:
                shown.append(total is None or total >= least)
            if not shown[0]:
                return _nothing
            if not bars:
                bars.append(stack.enter_context(_bar()))
            bar = bars[0]
            task = bar.add_task(label, total=total)
            return lambda: bar.advance(task)

        yield step


def _bar() -> Progress:
    """A transient bar on stderr, disabled unless stderr is a terminal."""
    from rich.progress import Progress

    from provenance.report import terminal

    err = terminal.err_console()
    return Progress(
        console=err,
        transient=True,
        disable=not err.is_terminal,
        redirect_stdout=False,
        redirect_stderr=False,
    )
