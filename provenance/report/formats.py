"""One formatter per output format of ``provenance report``: rich, json, markdown, html.

A formatter writes a ``Report`` to a text stream; ``width`` is the terminal width for
rich and html (``None``: the terminal's own, or 100 for html); ``step`` starts a progress
task (rich takes about a second a hundred relations; json and markdown are fast).
"""

from __future__ import annotations

import io
from typing import Protocol, TextIO

from rich.console import Console

from provenance.progress import Step, no_step
from provenance.report import as_json, as_markdown, terminal
from provenance.report.as_rich import relations_view, renderables
from provenance.report.model import Report


class Formatter(Protocol):
    """Writes a report to ``out`` at a width (None: the terminal's), advancing ``step``."""

    def __call__(
        self, report: Report, out: TextIO, width: int | None, step: Step = ...
    ) -> None: ...


HTML_WIDTH = 100


def print_all(console: Console, report: Report, step: Step) -> None:
    """Print the report's renderables, advancing a progress task for each."""
    parts = list(renderables(report))
    advance = step("rendering", len(parts))
    for part in parts:
        console.print(part)
        advance()


def write_rich(report: Report, out: TextIO, width: int | None, step: Step = no_step) -> None:
    """The terminal report (plain on a non-terminal or with NO_COLOR)."""
    print_all(terminal.console(out, width), report, step)


def recording(width: int | None) -> Console:
    """A console that records what it prints and writes nowhere."""
    return Console(
        file=io.StringIO(),
        record=True,
        theme=terminal.THEME,
        width=width or HTML_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
    )


def write_html(report: Report, out: TextIO, width: int | None, step: Step = no_step) -> None:
    """The terminal report as a standalone HTML page (rich's export, styles inline)."""
    console = recording(width)
    print_all(console, report, step)
    out.write(console.export_html(inline_styles=True))


def svg(report: Report, width: int = HTML_WIDTH, title: str = "provenance report") -> str:
    """The head of the report (summary, contradictions, agreements) as an SVG picture."""
    console = recording(width)
    for part in relations_view(report):
        console.print(part)
    return console.export_svg(title=title)


def write_json(report: Report, out: TextIO, width: int | None, step: Step = no_step) -> None:
    """The stable JSON document (schema in ``provenance.report.as_json``)."""
    as_json.write(report, out)


def write_markdown(report: Report, out: TextIO, width: int | None, step: Step = no_step) -> None:
    """The Markdown report."""
    out.write(as_markdown.dumps(report))


FORMATTERS: dict[str, Formatter] = {
    "rich": write_rich,
    "json": write_json,
    "markdown": write_markdown,
    "html": write_html,
}
