"""The report as rich renderables: pure functions from a ``Report`` to things a Console prints.

Every string from a document or claims.toml goes through ``render.safe``: markup is not
interpreted and terminal escapes are neutralised. Styles are the theme's names only.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from provenance.display import plural
from provenance.model import Reason, Side
from provenance.relate.speakers import head_of
from provenance.report.diff import Ranges, is_shared
from provenance.report.model import Day, Entry, Link, Report, SpeakerGroup, Stated
from provenance.report.terminal import neutralise, safe

ARROWS = {"contradicts": "✗", "agrees": "✓", "related": "~"}


def renderables(report: Report) -> Iterator[RenderableType]:
    """The report: summary, contradictions, agreements, related, speakers, timeline."""
    yield from relations_view(report)
    if report.related:
        yield Rule(f"Related ({report.total('related')})", align="left")
        yield related_table(report.related)
        yield from more(report, "related")
    yield Rule(f"Speakers ({report.total('speakers')})", align="left")
    yield from (speaker_block(group) for group in report.speakers)
    yield from more(report, "speakers")
    yield Rule("Timeline", align="left")
    yield timeline_table(report.timeline)
    yield from more(report, "timeline")


def relations_view(report: Report) -> Iterator[RenderableType]:
    """The head of the report: the summary, the story's propositions (in dispute first),
    then contradictions and agreements."""
    yield summary(report)
    yield Rule(f"Propositions ({report.total('propositions')})", align="left")
    shown = report.propositions
    yield from (proposition_block(stated) for stated in shown) if shown else [muted("none")]
    yield from more(report, "propositions")
    for title, name in (("Contradictions", "contradictions"), ("Agreements", "agreements")):
        links: tuple[Link, ...] = getattr(report, name)
        yield Rule(f"{title} ({report.total(name)})", align="left")
        yield from (link_panel(link) for link in links) if links else [muted("none")]
        yield from more(report, name)


SIDE_TITLES = {
    Side.FOR: "for",
    Side.AGAINST: "against",
    Side.HEDGED: "hedged (may, reportedly, believes)",
    Side.UNVERIFIED: "unverified",
}


def proposition_block(stated: Stated) -> Group:
    """A proposition's words, then each side: who, what they said, where and when."""
    heading = Text("disputed: " if stated.disputed else "", style="stance.denies")
    heading.append_text(safe(f"“{stated.proposition.text}”", "content"))
    parts: list[RenderableType] = [heading]
    for side, title in SIDE_TITLES.items():
        entries = stated.sides[side]
        if not entries:
            continue
        sources = stated.proposition.sources[side]
        outlets = stated.outlets[side]
        line = Text(f"  {title}: ", style="bold")
        line.append(f"{plural(sources, 'independent source')}, {plural(len(outlets), 'outlet')}")
        parts.append(line)
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1, 0, 4))
        table.add_column("speaker", ratio=1, overflow="fold")
        table.add_column("said", ratio=3, overflow="fold")
        table.add_column("outlet", ratio=1, overflow="fold", min_width=12)
        table.add_column("date", no_wrap=True)
        for entry in entries:
            table.add_row(
                speaker_text(entry), said(entry), safe(entry.outlet, "doc"), day_of(entry)
            )
        parts.append(table)
        if count := stated.more.get(side, 0):
            parts.append(muted(f"    … and {count} more (--limit 0 shows all)"))
    parts.append(Text())
    return Group(*parts)


def more(report: Report, section: str) -> Iterator[Text]:
    """A line saying how many items of ``section`` the limit left out, if any."""
    if count := report.more(section):
        yield muted(f"… and {count} more (--limit 0 shows all)")


def muted(text: str) -> Text:
    """A line in the theme's muted style."""
    return Text(text, style="muted")


def summary(report: Report) -> Text:
    """One paragraph: what the report holds, what it hides, what is out of date."""
    counts = ", ".join(
        plural(count, noun)
        for count, noun in (
            (len(report.claims), "claim"),
            (report.total("propositions"), "proposition"),
            (report.total("contradictions"), "contradiction"),
            (report.total("agreements"), "agreement"),
        )
    )
    counts += f", {report.total('related')} related"
    text = Text.assemble(("provenance report", "bold"), " — ", counts)
    if report.hidden_dismissed:
        hidden = f"\n{report.hidden_dismissed} dismissed relations hidden (--show-dismissed)"
        text.append(hidden, style="muted")
    for path in report.stale_docs:
        text.append("\nchanged since the last sync: ", style="finding")
        text.append_text(safe(path, "doc"))
        text.append(" (run `provenance sync`)", style="finding")
    return text


def marked(text: str, marks: Ranges, style: str = "content") -> Text:
    """Untrusted ``text`` with the ranges in ``marks`` in the theme's diff style."""
    out = Text(style=style)
    at = 0
    for start, end in marks:
        out.append(neutralise(text[at:start]))
        out.append(neutralise(text[start:end]), style="diff")
        at = end
    out.append(neutralise(text[at:]))
    return out


def date_of(entry: Entry) -> Text:
    """The statement's date and where it came from ("undated" when unknown)."""
    claim = entry.claim
    if claim.date is None:
        return muted("undated")
    return Text.assemble((claim.date.isoformat(), "date"), (f" ({claim.date_basis})", "muted"))


def day_of(entry: Entry) -> Text:
    """The statement's date alone, for tables."""
    date = entry.claim.date
    return Text(date.isoformat(), style="date") if date else muted("undated")


def stance_of(entry: Entry) -> Text:
    """The stance, and the cue word that carries it."""
    claim = entry.claim
    text = Text(str(claim.stance), style=f"stance.{claim.stance}")
    if claim.cue:
        text.append(" · ")
        text.append_text(safe(claim.cue.text, "cue"))
    return text


def markers(entry: Entry) -> Text:
    """Warnings about a claim: a sync flag, a document changed since sync."""
    text = Text()
    if entry.flag:
        text.append(f"[flag: {entry.flag}] ", style="finding")
    if entry.stale:
        text.append("[document changed] ", style="finding")
    return text


def said(entry: Entry, marks: Ranges = ()) -> Text:
    """The claim's content (highlighted), after its markers."""
    return Text.assemble(markers(entry), marked(entry.claim.content_text, marks))


def speaker_text(entry: Entry) -> Text:
    """The speaker as written (an aside after a comma left to the JSON: "Prince Naif,
    whose …"), or the no-speaker placeholder."""
    return safe(head_of(entry.speaker), "speaker") if entry.speaker else muted("—")


def outlets_of(entry: Entry) -> Text:
    """The outlets carrying the statement; with copies, how many documents carry it."""
    text = safe("; ".join(entry.outlets), "doc")
    if entry.copies:
        text.append(f" ({len(entry.group)} copies)", style="muted")
    return text


def link_title(link: Link) -> Text:
    """``✗ contradicts · 0.82 · confirmed by a person``."""
    kind = str(link.kind)
    title = Text(f"{ARROWS.get(kind, '')} {kind}", style=f"relation.{kind}")
    title.append(f" · score {link.relation.score:.2f}")
    if link.verdict:
        title.append(f" · {link.verdict} by a person", style="bold")
    return title


def link_panel(link: Link) -> Panel:
    """Both claims side by side, then the reasons in words and a person's note."""
    grid = Table(box=None, expand=True, show_edge=False, pad_edge=False)
    grid.add_column("", style="muted", no_wrap=True)
    grid.add_column(link.a.id, ratio=1, overflow="fold")
    grid.add_column(link.b.id, ratio=1, overflow="fold")
    grid.add_row("speaker", speaker_text(link.a), speaker_text(link.b))
    grid.add_row("outlet", outlets_of(link.a), outlets_of(link.b))
    grid.add_row("date", date_of(link.a), date_of(link.b))
    grid.add_row("stance", stance_of(link.a), stance_of(link.b))
    marks_a, marks_b = link.marks()
    grid.add_row("said", said(link.a, marks_a), said(link.b, marks_b))
    parts: list[RenderableType] = [grid, reasons_of(link)]
    if link.note:
        parts.append(Text.assemble(("note: ", "muted"), safe(link.note)))
    return Panel(Group(*parts), title=link_title(link), title_align="left")


def reasons_of(link: Link) -> Text:
    """One line per reason: its detail, its words, its code."""
    text = Text()
    for reason in link.relation.reasons:
        text.append("\n• ")
        text.append_text(safe(reason.detail))
        if reason.words:
            text.append(": ")
            style = "" if is_shared(reason) else "diff"
            text.append_text(safe(", ".join(f"“{w}”" for w in reason.words), style))
        text.append(f" [{reason.code}]", style="muted")
    return text


def related_table(links: tuple[Link, ...]) -> Table:
    """Related pairs, one row each: score, who said what on each side, the reasons' words."""
    table = Table(expand=True)
    table.add_column("score", no_wrap=True)
    table.add_column("a", ratio=1, overflow="fold")
    table.add_column("b", ratio=1, overflow="fold")
    table.add_column("why", ratio=1, overflow="fold")
    for link in links:
        why = "; ".join(reason_line(r) for r in link.relation.reasons)
        table.add_row(
            f"{link.relation.score:.2f}",
            Text.assemble(speaker_text(link.a), ": ", said(link.a)),
            Text.assemble(speaker_text(link.b), ": ", said(link.b)),
            safe(why, "muted"),
        )
    return table


def reason_line(reason: Reason) -> str:
    """``detail: word, word`` (the detail alone when the reason names no word)."""
    return f"{reason.detail}: {', '.join(reason.words)}" if reason.words else reason.detail


def speaker_block(group: SpeakerGroup) -> Group:
    """A speaker's heading (with the other names they went by) and their claims in time order."""
    heading = safe(group.name, "speaker")
    others = [name for name in group.names if name != group.name]
    if others:
        heading.append_text(safe(f" (as written: {'; '.join(others)})", "muted"))
    heading.append(f" — {plural(group.total, 'claim')}", style="muted")
    table = Table(box=None, expand=True, show_header=False, padding=(0, 1, 0, 2))
    table.add_column("date", no_wrap=True)
    table.add_column("stance", no_wrap=True)
    table.add_column("said", ratio=3, overflow="fold")
    table.add_column("outlet", ratio=1, overflow="fold", min_width=12)
    for entry in group.entries:
        table.add_row(day_of(entry), stance_of(entry), said(entry), safe(entry.outlet, "doc"))
    if group.more:
        return Group(heading, table, muted(f"  … and {group.more} more (--limit 0 shows all)"))
    return Group(heading, table, Text())


def timeline_table(days: tuple[Day, ...]) -> Table:
    """Every claim by date: the date on the first row of its day."""
    table = Table(expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker", ratio=2, overflow="fold")
    table.add_column("stance", ratio=1, overflow="fold")
    table.add_column("said", ratio=4, overflow="fold")
    table.add_column("outlet", ratio=1, overflow="fold", min_width=12)
    for day in days:
        label = day.date.isoformat() if day.date else "undated"
        for i, entry in enumerate(day.entries):
            table.add_row(
                Text(label if i == 0 else "", style="date"),
                speaker_text(entry),
                stance_of(entry),
                said(entry),
                safe(entry.outlet, "doc"),
            )
    return table
