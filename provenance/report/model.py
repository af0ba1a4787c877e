"""The conflict report as data: contradictions, agreements, speakers and a timeline.

``build`` is pure: it takes the Ledger, the relations found between its claims and the
filters, and returns a ``Report`` that every formatter (rich, json, markdown, html)
renders without deciding anything. Rejected claims are left out; dismissed relations
are hidden unless asked for. Nothing here compares all pairs: relations come in, and
every lookup is a dict built once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import attrs

from provenance import tables
from provenance.model import (
    Claim,
    DocRecord,
    Flag,
    Kind,
    Ledger,
    Reason,
    ReasonCode,
    Relation,
    RelationKind,
    RelationVerdict,
    Side,
    Status,
    Verdict,
)
from provenance.relate.copies import group_copies
from provenance.relate.propositions import Proposition, propositions
from provenance.relate.speakers import group_speakers
from provenance.report.diff import Ranges, highlights


@attrs.frozen
class Filters:
    """What the reader asked to see (empty: everything)."""

    speakers: tuple[str, ...] = ()  # case-insensitive parts of a speaker's name
    docs: tuple[str, ...] = ()  # document paths as claims.toml writes them
    since: dt.date | None = None
    until: dt.date | None = None
    min_score: float = 0.0
    show_dismissed: bool = False


@attrs.frozen
class Entry:
    """A claim as the report shows it: who (as written and canonical), and where."""

    claim: Claim
    speaker: str
    canonical: str
    outlet: str
    stale: bool = False  # its document changed or went missing since the last sync
    copies: tuple[Entry, ...] = ()  # a representative's copies: the same statement elsewhere
    copy_of: str = ""  # a copy's representative (the claim relations name), else ""

    @property
    def id(self) -> str:
        """The claim's id."""
        return self.claim.id

    @property
    def flag(self) -> Flag | None:
        """Why sync wants a person to look at the claim, if it does."""
        return self.claim.flag

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that carry the statement, each once: its own first, then its copies'."""
        return tuple(dict.fromkeys((self.outlet, *(copy.outlet for copy in self.copies))))

    @property
    def group(self) -> tuple[str, ...]:
        """The ids of the statement's claims: its own, then its copies'."""
        return (self.id, *(copy.id for copy in self.copies))


@attrs.frozen
class Link:
    """A relation with both claims and a person's verdict."""

    relation: Relation
    a: Entry
    b: Entry
    verdict: Verdict | None = None
    note: str = ""

    @property
    def kind(self) -> RelationKind:
        """agrees, contradicts or related."""
        return self.relation.kind

    def marks(self) -> tuple[Ranges, Ranges]:
        """The words to highlight in each content (computed when a format shows them)."""
        if self.kind is RelationKind.RELATED:
            return (), ()
        a, b = self.a.claim.content_text, self.b.claim.content_text
        return highlights(a, b, self.relation.reasons)


@attrs.frozen
class SpeakerGroup:
    """Everything one speaker said, in time order, with the names they went by."""

    name: str
    names: tuple[str, ...]
    entries: tuple[Entry, ...]
    more: int = 0  # entries a --limit left out

    @property
    def total(self) -> int:
        """How many claims the speaker made, shown or not."""
        return len(self.entries) + self.more


@attrs.frozen
class Day:
    """The claims made on one date (``None``: undated, listed last)."""

    date: dt.date | None
    entries: tuple[Entry, ...]


@attrs.frozen
class Stated:
    """A proposition with its claims by side, and the outlets that carry each side."""

    proposition: Proposition
    sides: Mapping[Side, tuple[Entry, ...]]
    outlets: Mapping[Side, tuple[str, ...]]  # side -> outlets, copies of one source merged
    more: Mapping[Side, int] = attrs.field(factory=dict)  # side -> claims a --limit left out

    @property
    def id(self) -> str:
        """The proposition's id."""
        return self.proposition.id

    @property
    def disputed(self) -> bool:
        """Whether claims shown stand on both sides."""
        return bool(self.sides[Side.FOR]) and bool(self.sides[Side.AGAINST])


@attrs.frozen
class Report:
    """The whole report, ready to render."""

    claims: tuple[Entry, ...]  # every claim shown or named by a relation, by id
    contradictions: tuple[Link, ...]
    agreements: tuple[Link, ...]
    related: tuple[Link, ...]
    speakers: tuple[SpeakerGroup, ...]
    timeline: tuple[Day, ...]
    hidden_dismissed: int = 0
    stale_docs: tuple[str, ...] = ()
    omitted: tuple[tuple[str, int], ...] = ()  # (section, items left out by a --limit)
    propositions: tuple[Stated, ...] = ()  # what several documents state, disputed first

    def more(self, section: str) -> int:
        """How many items of ``section`` a limit left out."""
        return dict(self.omitted).get(section, 0)

    def total(self, section: str) -> int:
        """How many items ``section`` has, shown or not."""
        return len(getattr(self, section)) + self.more(section)

    @property
    def links(self) -> tuple[Link, ...]:
        """Every relation shown, contradictions first, then agreements, then related."""
        return self.contradictions + self.agreements + self.related


SECTIONS = ("propositions", "contradictions", "agreements", "related", "speakers")


def capped(report: Report, limit: int) -> Report:
    """``report`` with at most ``limit`` items a section and timeline claims (0: all)."""
    if limit <= 0:
        return report
    omitted = [
        (name, report.total(name) - limit) for name in SECTIONS if report.total(name) > limit
    ]
    days, room = [], limit
    for day in report.timeline:
        if room <= 0:
            break
        days.append(attrs.evolve(day, entries=day.entries[:room]))
        room -= len(days[-1].entries)
    shown = sum(len(day.entries) for day in days)
    timeline_total = sum(len(day.entries) for day in report.timeline)
    if timeline_total > shown:
        omitted.append(("timeline", timeline_total - shown))
    cut = {name: getattr(report, name)[:limit] for name in SECTIONS}
    cut["speakers"] = tuple(_capped_group(group, limit) for group in cut["speakers"])
    cut["propositions"] = tuple(_capped_sides(stated, limit) for stated in cut["propositions"])
    return attrs.evolve(report, **cut, timeline=tuple(days), omitted=tuple(omitted))


def _capped_sides(stated: Stated, limit: int) -> Stated:
    """A proposition with at most ``limit`` claims shown on each side."""
    more = {side: len(entries) - limit for side, entries in stated.sides.items()}
    if all(n <= 0 for n in more.values()):
        return stated
    sides = {side: entries[:limit] for side, entries in stated.sides.items()}
    return attrs.evolve(stated, sides=sides, more={s: n for s, n in more.items() if n > 0})


def _capped_group(group: SpeakerGroup, limit: int) -> SpeakerGroup:
    """A speaker's group with at most ``limit`` claims shown."""
    if len(group.entries) <= limit:
        return group
    return attrs.evolve(group, entries=group.entries[:limit], more=group.total - limit)


def usable(ledger: Ledger) -> tuple[Claim, ...]:
    """The claims a report looks at: all but the rejected ones."""
    return tuple(c for c in ledger.claims if c.status is not Status.REJECTED)


def build(
    ledger: Ledger,
    relations: Iterable[Relation],
    filters: Filters = Filters(),
    stale: Iterable[str] = (),
    found: Sequence[Proposition] | None = None,
) -> Report:
    """The report of ``ledger`` given the relations between its claims (see module doc)
    and its propositions (default: grouped here)."""
    stale_docs = frozenset(stale)
    entries = entries_of(ledger, stale_docs)
    chosen = {e.id: e for e in entries.values() if selected(e, filters)}
    verdicts = through_copies(ledger.relations, entries)
    links, hidden = linked(relations, verdicts, entries, chosen, filters)
    named = {e.id: e for link in links for e in (link.a, link.b, *link.a.copies, *link.b.copies)}
    named |= chosen
    return Report(
        claims=tuple(named[key] for key in sorted(named)),
        contradictions=ranked(links, RelationKind.CONTRADICTS),
        agreements=ranked(links, RelationKind.AGREES),
        related=ranked(links, RelationKind.RELATED),
        speakers=speakers_of(chosen.values()),
        timeline=timeline_of(chosen.values()),
        hidden_dismissed=hidden,
        stale_docs=tuple(sorted(stale_docs & {e.claim.doc for e in named.values()})),
        propositions=stated(propositions(usable(ledger)) if found is None else found, chosen),
    )


def stated(found: Iterable[Proposition], chosen: Mapping[str, Entry]) -> tuple[Stated, ...]:
    """The propositions with claims the filters kept, each side's entries and outlets."""
    out = []
    for proposition in found:
        sides = {
            side: tuple(chosen[cid] for cid in ids if cid in chosen)
            for side, ids in proposition.sides.items()
        }
        if not any(sides.values()):
            continue
        outlets = {
            side: tuple(sorted({e.outlet for e in entries})) for side, entries in sides.items()
        }
        out.append(Stated(proposition, sides, outlets))
    return tuple(out)


def entries_of(ledger: Ledger, stale: frozenset[str]) -> dict[str, Entry]:
    """An Entry for each usable claim, keyed by id; a statement's copies listed with its
    representative (``relate.copies``), which names them, and each copy naming it."""
    plain = plain_entries(ledger, stale)
    copies = group_copies(entry.claim for entry in plain.values())
    entries = dict(plain)
    for rep, others in copies.carried.items():
        entries[rep] = attrs.evolve(plain[rep], copies=tuple(plain[o] for o in others))
        for other in others:
            entries[other] = with_copy_of(plain[other], rep)
    return entries


def with_copy_of(entry: Entry, rep: str) -> Entry:
    """``entry`` naming its representative ``rep`` (``attrs.evolve`` without its cost: a
    large corpus has a copy for most claims)."""
    e = entry
    return Entry(e.claim, e.speaker, e.canonical, e.outlet, e.stale, e.copies, copy_of=rep)


def plain_entries(ledger: Ledger, stale: frozenset[str]) -> dict[str, Entry]:
    """An Entry for each usable claim, keyed by id (documents looked up in one dict).

    The outlet speaks the words it states in its own voice (claims of kind ``own``)."""
    docs = ledger.by_path
    claims = usable(ledger)
    outlets = {claim.id: outlet_of(docs.get(claim.doc), claim.doc) for claim in claims}
    names = {
        claim.id: outlets[claim.id] if claim.kind is Kind.OWN else speaker_of(claim)
        for claim in claims
    }
    canonical = group_speakers(names.values())
    return {
        claim.id: Entry(
            claim,
            speaker=names[claim.id],
            canonical=canonical[names[claim.id]],
            outlet=outlets[claim.id],
            stale=claim.doc in stale,
        )
        for claim in claims
    }


def speaker_of(claim: Claim) -> str:
    """The speaker's name (a resolved pronoun's name first), or "" when there is none."""
    name = claim.speaker_name or (claim.speaker.text if claim.speaker else "")
    return " ".join(name.split())


def outlet_of(doc: DocRecord | None, path: str) -> str:
    """Where the claim was published: publisher (and origin when syndicated), else file name."""
    publisher = doc.publisher if doc else ""
    origin = doc.origin if doc else ""
    if publisher and origin and origin != publisher:
        return f"{publisher} (from {origin})"
    return publisher or origin or path.rsplit("/", 1)[-1]


def selected(entry: Entry, filters: Filters) -> bool:
    """Whether a claim passes the speaker, document and date filters."""
    date = entry.claim.date
    if filters.since and (date is None or date < filters.since):
        return False
    if filters.until and (date is None or date > filters.until):
        return False
    if filters.docs and entry.claim.doc not in filters.docs:
        return False
    return not filters.speakers or any(
        part.casefold() in name.casefold()
        for part in filters.speakers
        for name in (entry.speaker, entry.canonical)
    )


def linked(
    relations: Iterable[Relation],
    verdicts: Mapping[tuple[str, str], RelationVerdict],
    entries: Mapping[str, Entry],
    chosen: Mapping[str, Entry],
    filters: Filters,
) -> tuple[list[Link], int]:
    """The relations to show (one side chosen, score high enough) and how many were dismissed."""
    links: list[Link] = []
    hidden = 0
    for relation in with_judged(relations, verdicts, entries):
        a, b = entries.get(relation.a), entries.get(relation.b)
        if a is None or b is None or relation.kind is RelationKind.UNRELATED:
            continue
        if not (chosen.keys() & {*a.group, *b.group}) or relation.score < filters.min_score:
            continue
        verdict = verdicts.get((relation.a, relation.b))
        if verdict and verdict.verdict is Verdict.DISMISSED and not filters.show_dismissed:
            hidden += 1
            continue
        links.append(link_of(relation, a, b, verdict))
    return links, hidden


def through_copies(
    verdicts: Iterable[RelationVerdict], entries: Mapping[str, Entry]
) -> dict[tuple[str, str], RelationVerdict]:
    """A person's verdicts keyed by the representatives of the claims they name (a verdict
    on copies is a verdict on their statements); on a clash, the one naming them first."""
    out: dict[tuple[str, str], RelationVerdict] = {}
    for verdict in sorted(verdicts, key=lambda v: (v.a, v.b)):
        a, b = sorted(representative(claim_id, entries) for claim_id in (verdict.a, verdict.b))
        if a == b:
            continue
        exact = (verdict.a, verdict.b) == (a, b)
        if exact or (a, b) not in out:
            out[(a, b)] = verdict if exact else attrs.evolve(verdict, a=a, b=b)
    return out


def representative(claim_id: str, entries: Mapping[str, Entry]) -> str:
    """The claim relations name for ``claim_id``: its representative, or itself."""
    entry = entries.get(claim_id)
    return (entry.copy_of or claim_id) if entry else claim_id


def with_judged(
    relations: Iterable[Relation],
    verdicts: Mapping[tuple[str, str], RelationVerdict],
    entries: Mapping[str, Entry],
) -> list[Relation]:
    """The relations found, plus pairs a person confirmed that the rules did not find."""
    found = list(relations)
    seen = {(r.a, r.b) for r in found}
    for (a, b), verdict in sorted(verdicts.items()):
        if verdict.verdict is Verdict.CONFIRMED and (a, b) not in seen and {a, b} <= entries.keys():
            reason = Reason(ReasonCode.JUDGED, "a person related these claims in claims.toml")
            found.append(Relation(a, b, RelationKind.RELATED, 0.0, (reason,)))
    return found


def link_of(relation: Relation, a: Entry, b: Entry, verdict: RelationVerdict | None) -> Link:
    """A Link with a person's verdict and note, if any."""
    if verdict is None:
        return Link(relation, a, b)
    return Link(relation, a, b, verdict=verdict.verdict, note=verdict.note)


def ranked(links: Sequence[Link], kind: RelationKind) -> tuple[Link, ...]:
    """Links of one kind, most severe first: confirmed ones, then by score, then by ids."""
    chosen = [link for link in links if link.kind is kind]
    return tuple(sorted(chosen, key=severity))


def severity(link: Link) -> tuple[int, float, str, str]:
    """Sort key: confirmed first, dismissed last, higher score first, then ids."""
    order = {Verdict.CONFIRMED: 0, None: 1, Verdict.DISMISSED: 2}[link.verdict]
    return order, -link.relation.score, link.relation.a, link.relation.b


def when(entry: Entry) -> tuple[dt.date, str, int, str]:
    """Time order: date (undated last), document, place in the document, id."""
    claim = entry.claim
    start = min((span.start for span in claim.content), default=0)
    return claim.date or dt.date.max, claim.doc, start, claim.id


def speakers_of(entries: Iterable[Entry]) -> tuple[SpeakerGroup, ...]:
    """One group per canonical speaker: the most quoted first, then by name; no speaker last."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.canonical, []).append(entry)
    nobody = str(tables.load("report/report")["no_speaker"])
    out = [
        SpeakerGroup(
            name or nobody,
            tuple(sorted({e.speaker for e in group if e.speaker})),
            tuple(sorted(group, key=when)),
        )
        for name, group in groups.items()
    ]
    return tuple(
        sorted(out, key=lambda g: (g.name == nobody, -len(g.entries), g.name.casefold(), g.name))
    )


def timeline_of(entries: Iterable[Entry]) -> tuple[Day, ...]:
    """The claims grouped by date, in time order; undated claims last."""
    days: dict[dt.date | None, list[Entry]] = {}
    for entry in sorted(entries, key=when):
        days.setdefault(entry.claim.date, []).append(entry)
    return tuple(Day(date, tuple(group)) for date, group in days.items())
