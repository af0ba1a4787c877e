"""Terminal output shared by the CLI and the report: the theme, the consoles, safe text.

Only this module, the report and the CLI import rich.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text
from rich.theme import Theme

from provenance import display

THEME = Theme(
    {
        "speaker": "bold cyan",
        "cue": "magenta",
        "content": "default",
        "date": "green",
        "doc": "dim",
        "stance.asserts": "default",
        "stance.denies": "bold red",
        "stance.hedges": "yellow",
        "stance.concedes": "yellow",
        "stance.refuses": "dim",
        "stance.reports": "blue",
        "stance.asks": "dim",
        "relation.contradicts": "bold red",
        "relation.agrees": "bold green",
        "relation.related": "blue",
        "diff": "reverse",
        "finding": "red",
        "ok": "green",
        "muted": "dim",
    }
)


def neutralise(text: str) -> str:
    """Untrusted ``text`` safe on one line: see ``provenance.display.one_line``."""
    return display.one_line(text)


def safe(text: str, style: str = "") -> Text:
    """A rich Text of untrusted ``text``: markup is not interpreted, escapes are neutralised."""
    return Text(neutralise(text), style=style)


class _Console(Console):
    """rich's console, but a reader that left (``provenance report | head``) is the command
    line's to handle (``provenance.cli.main``: exit 0, no message) rather than rich's exit 1."""

    def on_broken_pipe(self) -> None:
        """Raise ``BrokenPipeError`` for the command line."""
        raise BrokenPipeError


def console(file: TextIO | None = None, width: int | None = None) -> Console:
    """A console on ``file`` (stdout by default); plain when NO_COLOR is set or not a terminal."""
    target = file if file is not None else sys.stdout
    return _Console(
        file=target,
        theme=THEME,
        width=width,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def err_console() -> Console:
    """The console for progress and summaries (stderr)."""
    return console(sys.stderr)
