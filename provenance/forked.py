"""Work done in a forked child process while this one goes on (a second core, Linux).

``start(function, *args)`` forks: the child runs ``function(*args)`` on the objects this
process holds (a copy of its memory: nothing is pickled going in), sends the result back
pickled and exits; ``Pending.result()`` waits for it. Without fork (``forks=False``, or a
platform that has none), or when the child fails, the function runs in this process
when its result is asked for: the result is the same either way. ``background`` starts
one whose result is not needed and which may be left undone (writing a cache): it keeps
no reference to its arguments; ``settle`` waits for all of those.

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
        self._child = _Child.of(function, args) if forks else None

    def result(self) -> _T:
        """The function's result: the child's (waited for), or computed here."""
        function, args = self._call
        data = self._child.wait() if self._child is not None else None
        self._child = None
        if data is None:
            return function(*args)  # not forked, or the child failed: do it here
        result: _T = pickle.loads(data)
        return result


class _Child:
    """A forked child that writes a function's result, pickled, to a pipe."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid, self.reader = pid, reader

    @classmethod
    def of(cls, function: Callable[..., Any], args: tuple[Any, ...]) -> _Child | None:
        """The child computing ``function(*args)`` (None: no fork here, or it was refused)."""
        if not (hasattr(os, "fork") and sys.platform == "linux"):
            return None
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:  # the child: compute, send, leave without running exit handlers
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
        return cls(pid, reader)

    def wait(self) -> bytes | None:
        """What the child sent, once it has exited (None: it failed)."""
        with os.fdopen(self.reader, "rb") as pipe:
            data = pipe.read()  # read to the end before waiting: a full pipe blocks the child
        _, status = os.waitpid(self.pid, 0)
        return data if os.waitstatus_to_exitcode(status) == 0 and data else None


def start(function: Callable[..., _T], *args: Any, forks: bool = True) -> Pending[_T]:
    """``function(*args)`` started in a forked child (``forks`` and fork available)."""
    return Pending(function, args, forks)


_STARTED: list[_Child] = []  # what ``background`` started, for ``settle``


def background(function: Callable[..., Any], *args: Any, forks: bool = True) -> None:
    """``function(*args)`` for its effect, in a forked child (``forks``), else here and now.

    A child that fails leaves it undone."""
    child = _Child.of(function, args) if forks else None
    if child is None:
        function(*args)
    else:
        _STARTED.append(child)


def settle() -> None:
    """Wait for every child ``background`` started."""
    while _STARTED:
        _STARTED.pop(0).wait()
