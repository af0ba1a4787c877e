"""One formatter per output format of ``provenance report``: rich, json, markdown, html.

A formatter writes a ``Report`` to a text stream; ``width`` is the terminal width for
rich and html (``None``: the terminal's own, or 100 for html).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TextIO

from rich.console import Console

from provenance import render, report_json, report_markdown
from provenance.report import Report
from provenance.report_render import renderables

Formatter = Callable[[Report, TextIO, "int | None"], None]
HTML_WIDTH = 100


def write_rich(report: Report, out: TextIO, width: int | None) -> None:
    """The terminal report (plain on a non-terminal or with NO_COLOR)."""
    console = render.console(out, width)
    for part in renderables(report):
        console.print(part)


def recording(width: int | None) -> Console:
    """A console that records what it prints and writes nowhere."""
    return Console(
        file=io.StringIO(),
        record=True,
        theme=render.THEME,
        width=width or HTML_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
    )


def write_html(report: Report, out: TextIO, width: int | None) -> None:
    """The terminal report as a standalone HTML page (rich's export, styles inline)."""
    console = recording(width)
    for part in renderables(report):
        console.print(part)
    out.write(console.export_html(inline_styles=True))


def write_json(report: Report, out: TextIO, width: int | None) -> None:
    """The stable JSON document (schema in ``provenance.report_json``)."""
    out.write(report_json.dumps(report))


def write_markdown(report: Report, out: TextIO, width: int | None) -> None:
    """The Markdown report."""
    out.write(report_markdown.dumps(report))


FORMATTERS: dict[str, Formatter] = {
    "rich": write_rich,
    "json": write_json,
    "markdown": write_markdown,
    "html": write_html,
}
