"""Work done in a forked child process while this one goes on (a second core, Linux).

``start(function, *args)`` forks: the child runs ``function(*args)`` on the objects this
process holds (a copy of its memory: nothing is pickled going in), sends the result back
pickled and exits; ``Pending.result()`` waits for it. Without fork (``forks=False``, or a
platform that has none), or when the child fails, the function runs in this process
when its result is asked for: the result is the same either way. ``background`` starts
one whose result is not needed (writing a cache); ``settle`` waits for all of those.

A child shares nothing after the fork, so ``function`` must not depend on what this
process does meanwhile; its printing and its exit handlers are never run.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")


class Pending(Generic[_T]):
    """The result of ``function(*args)``, computed by a child process or on demand here."""

    def __init__(self, function: Callable[..., _T], args: tuple[Any, ...], forks: bool) -> None:
        self._call = (function, args)
        self._child, self._reader = _forked(function, args) if forks else (None, None)

    def result(self) -> _T:
        """The function's result: the child's (waited for), or computed here."""
        function, args = self._call
        if self._child is None or self._reader is None:
            return function(*args)
        with os.fdopen(self._reader, "rb") as pipe:
            data = pipe.read()  # read to the end before waiting: a full pipe blocks the child
        _, status = os.waitpid(self._child, 0)
        self._child = None
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return function(*args)  # the child failed: do it here
        result: _T = pickle.loads(data)
        return result


def start(function: Callable[..., _T], *args: Any, forks: bool = True) -> Pending[_T]:
    """``function(*args)`` started in a forked child (``forks`` and fork available)."""
    return Pending(function, args, forks and hasattr(os, "fork") and sys.platform == "linux")


def _forked(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """Fork a child that writes ``function(*args)`` pickled to a pipe: its pid, the read end.

    (None, None) when the system refuses to fork."""
    reader, writer = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return None, None
    if child == 0:  # the child: compute, send, leave without running exit handlers
        code = 1
        try:
            os.close(reader)
            data = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    return child, reader


_STARTED: list[Pending[Any]] = []  # what ``background`` started, for ``settle``


def background(function: Callable[..., Any], *args: Any, forks: bool = True) -> None:
    """``function(*args)`` for its effect, in a forked child (``forks``), else here and now."""
    pending = start(function, *args, forks=forks)
    if pending._child is None:
        pending.result()
    else:
        _STARTED.append(pending)


def settle() -> None:
    """Wait for every child ``background`` started (one that failed is run here)."""
    while _STARTED:
        _STARTED.pop(0).result()
