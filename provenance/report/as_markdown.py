"""The report as Markdown (``provenance report --format markdown``), for issues and wikis.

The same sections as the terminal report; highlighted words in **bold**. Untrusted
text is escaped: Markdown and HTML punctuation gets a backslash, line breaks become
spaces, control, invisible and direction characters are shown (``\\xNN``, ``<U+202E>``),
the CI runner's ``::`` and ``##[`` are broken and ``@mentions`` notify no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.display import plural
from provenance.relate.speakers import head_of
from provenance.report.as_rich import SIDE_TITLES, reason_line
from provenance.report.diff import Ranges, is_shared
from provenance.report.model import Day, Entry, Link, Report, SpeakerGroup, Stated
from provenance.report.terminal import neutralise

_SPACE = re.compile(r"\s+")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_MENTION = re.compile(r"@(?=[\w-])")


def escape(text: str) -> str:
    """``text`` safe inside a Markdown paragraph or table cell (whitespace runs: one space).

    ``@name`` gets a zero-width space entity after the ``@`` (shown "@name", notifies no
    one when the report is pasted into a pull-request comment).
    """
    escaped = _SPECIAL.sub(r"\\\1", neutralise(_SPACE.sub(" ", text)))
    return _MENTION.sub("@&#8203;", escaped)


def bold(text: str, marks: Ranges) -> str:
    """Escaped ``text`` with the ranges in ``marks`` in bold."""
    out, at = [], 0
    for start, end in marks:
        out += [escape(text[at:start]), f"**{escape(text[start:end])}**"]
        at = end
    out.append(escape(text[at:]))
    return "".join(out).strip()


def row(*cells: str) -> str:
    """A table row."""
    return "| " + " | ".join(cells) + " |"


def table(*headers: str) -> list[str]:
    """A table's header and rule."""
    return [row(*headers), row(*("---" for _ in headers))]


def date_of(entry: Entry) -> str:
    """The statement's date and its basis, or "undated"."""
    claim = entry.claim
    return f"{claim.date.isoformat()} ({claim.date_basis})" if claim.date else "undated"


def stance_of(entry: Entry) -> str:
    """The stance and the cue that carries it."""
    claim = entry.claim
    return str(claim.stance) + (f" · {escape(claim.cue.text)}" if claim.cue else "")


def said(entry: Entry, marks: Ranges = ()) -> str:
    """The content with its markers (sync flag, changed document)."""
    flag = f"⚑ {entry.flag}: " if entry.flag else ""
    stale = "⚑ document changed: " if entry.stale else ""
    return flag + stale + bold(entry.claim.content_text, marks)


def speaker(entry: Entry) -> str:
    """The speaker as written, or a dash."""
    return escape(head_of(entry.speaker)) if entry.speaker else "—"


def outlets(entry: Entry) -> str:
    """The outlets carrying the statement; with copies, how many documents carry it."""
    count = f" ({len(entry.group)} copies)" if entry.copies else ""
    return escape("; ".join(entry.outlets)) + count


def link_lines(link: Link) -> Iterator[str]:
    """A relation: heading, both claims side by side, the reasons, a person's note."""
    verdict = f" · {link.verdict} by a person" if link.verdict else ""
    yield f"### {link.kind} · score {link.relation.score:.2f}{verdict}"
    yield ""
    yield from table("", escape(link.a.id), escape(link.b.id))
    yield row("speaker", speaker(link.a), speaker(link.b))
    yield row("outlet", outlets(link.a), outlets(link.b))
    yield row("date", date_of(link.a), date_of(link.b))
    yield row("stance", stance_of(link.a), stance_of(link.b))
    marks_a, marks_b = link.marks()
    yield row("said", said(link.a, marks_a), said(link.b, marks_b))
    yield ""
    for reason in link.relation.reasons:
        mark = "" if is_shared(reason) else "**"
        words = ", ".join(f"{mark}{escape(w)}{mark}" for w in reason.words)
        yield f"- {escape(reason.detail)}{': ' + words if words else ''} (`{reason.code}`)"
    if link.note:
        yield f"\nNote: {escape(link.note)}"
    yield ""


def proposition_lines(stated: Stated) -> Iterator[str]:
    """A proposition's words, then a table of each side's claims."""
    mark = "**disputed:** " if stated.disputed else ""
    yield f"### {mark}“{escape(stated.proposition.text)}”\n"
    for side, title in SIDE_TITLES.items():
        entries = stated.sides[side]
        if not entries:
            continue
        sources = plural(stated.proposition.sources[side], "independent source")
        yield f"**{title}** — {sources}, {plural(len(stated.outlets[side]), 'outlet')}\n"
        yield from table("speaker", "said", "outlet", "date")
        for entry in entries:
            yield row(speaker(entry), said(entry), escape(entry.outlet), date_of(entry))
        if count := stated.more.get(side, 0):
            yield f"\n*… and {count} more (`--limit 0` shows all).*"
        yield ""


def related_lines(links: tuple[Link, ...]) -> Iterator[str]:
    """Related pairs as a table: score, who said what on each side, the reasons."""
    yield from table("score", "a", "b", "why")
    for link in links:
        why = "; ".join(reason_line(r) for r in link.relation.reasons)
        yield row(
            f"{link.relation.score:.2f}",
            f"{speaker(link.a)}: {said(link.a)}",
            f"{speaker(link.b)}: {said(link.b)}",
            escape(why),
        )
    yield ""


def speaker_lines(group: SpeakerGroup) -> Iterator[str]:
    """A speaker's heading and their claims in time order."""
    others = [name for name in group.names if name != group.name]
    also = f" (as written: {escape('; '.join(others))})" if others else ""
    yield f"### {escape(group.name)}{also} — {plural(group.total, 'claim')}"
    yield ""
    yield from table("date", "stance", "said", "outlet")
    for e in group.entries:
        yield row(date_of(e), stance_of(e), said(e), escape(e.outlet))
    yield ""
    if group.more:
        yield f"*… and {group.more} more (`--limit 0` shows all).*\n"


def timeline_lines(days: tuple[Day, ...]) -> Iterator[str]:
    """Every claim by date, the date on the first row of its day."""
    yield from table("date", "speaker", "stance", "said", "outlet")
    for day in days:
        label = day.date.isoformat() if day.date else "undated"
        for i, e in enumerate(day.entries):
            yield row(label if i == 0 else "", speaker(e), stance_of(e), said(e), escape(e.outlet))
    yield ""


def summary_lines(report: Report) -> Iterator[str]:
    """The title and what the report holds, hides and finds out of date."""
    yield "# provenance report"
    yield ""
    yield (
        f"{plural(len(report.claims), 'claim')}, "
        f"{plural(report.total('propositions'), 'proposition')}, "
        f"{plural(report.total('contradictions'), 'contradiction')}, "
        f"{plural(report.total('agreements'), 'agreement')}, {report.total('related')} related."
    )
    if report.hidden_dismissed:
        yield f"{report.hidden_dismissed} dismissed relations hidden (`--show-dismissed`)."
    for path in report.stale_docs:
        yield f"Changed since the last sync: {escape(path)} (run `provenance sync`)."
    yield ""


def lines(report: Report) -> Iterator[str]:
    """Every line of the Markdown report."""
    yield from summary_lines(report)
    yield f"## Propositions ({report.total('propositions')})\n"
    yield from (line for stated in report.propositions for line in proposition_lines(stated))
    yield from more(report, "propositions")
    for title, name in (("Contradictions", "contradictions"), ("Agreements", "agreements")):
        links: tuple[Link, ...] = getattr(report, name)
        yield f"## {title} ({report.total(name)})\n"
        yield from (line for link in links for line in link_lines(link))
        yield from more(report, name)
    if report.related:
        yield f"## Related ({report.total('related')})\n"
        yield from related_lines(report.related)
        yield from more(report, "related")
    yield f"## Speakers ({report.total('speakers')})\n"
    yield from (line for group in report.speakers for line in speaker_lines(group))
    yield from more(report, "speakers")
    yield "## Timeline\n"
    yield from timeline_lines(report.timeline)
    yield from more(report, "timeline")


def more(report: Report, section: str) -> Iterator[str]:
    """A line saying how many items of ``section`` the limit left out, if any."""
    if count := report.more(section):
        yield f"*… and {count} more (`--limit 0` shows all).*\n"


def dumps(report: Report) -> str:
    """The Markdown text, ending with one newline."""
    return "\n".join(lines(report)).rstrip("\n") + "\n"
