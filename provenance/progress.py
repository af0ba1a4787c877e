"""Progress callbacks a long stage calls, so a caller can show a bar; the stage shows nothing.

A ``Step`` starts a task: ``advance = step("relating", total)`` (``total`` None when not
known), then ``advance()`` once per item. ``no_step`` is the silent default.
"""

from __future__ import annotations

from collections.abc import Callable

Advance = Callable[[], None]
Step = Callable[[str, "int | None"], Advance]


def no_step(label: str, total: int | None) -> Advance:
    """A progress task that shows nothing."""
    return lambda: None
