"""The report model: order, filters, verdicts, speakers, timeline, outlets, highlights."""

from __future__ import annotations

import datetime as dt
import gc

import attrs
import pytest

from provenance.model import DocRecord, RelationKind, RelationVerdict, Stance, Verdict
from provenance.report import as_markdown
from provenance.report.build import collected_after
from provenance.report.diff import differing, highlights, merged, phrases, reason_words
from provenance.report.model import Filters, Report, SpeakerGroup, build, capped, outlet_of

from .report_ledger import (
    CERTAINTY,
    CONFIRMED,
    DISMISSED,
    MARCH_2,
    RELATIONS,
    SHARED,
    claim,
    ledger,
)


def pairs(report: Report) -> list[tuple[str, str]]:
    """The shown relations as (a, b) in report order."""
    return [(link.relation.a, link.relation.b) for link in report.links]


def test_contradictions_come_first_most_severe_first() -> None:
    """Contradictions by score, then agreements, then related; a confirmed one leads."""
    report = build(ledger(), RELATIONS)
    assert pairs(report) == [
        ("c-council", "c-mayor"),
        ("c-debka", "c-idf"),
        ("c-gatilov", "c-sources"),
        ("c-defence", "c-sources"),
        ("c-hostile", "c-mayor"),
    ]
    confirmed = build(ledger(CONFIRMED), RELATIONS)
    assert pairs(confirmed)[0] == ("c-gatilov", "c-sources")
    assert confirmed.contradictions[0].verdict is Verdict.CONFIRMED
    assert confirmed.contradictions[0].note == "checked by hand"


def test_ties_are_broken_by_ids() -> None:
    """Equal scores sort by ids, whatever order the relations came in."""
    tied = [r for r in RELATIONS if r.kind is RelationKind.CONTRADICTS]
    same = [type(r)(r.a, r.b, r.kind, 0.5, r.reasons) for r in tied]
    assert pairs(build(ledger(), same)) == pairs(build(ledger(), same[::-1]))
    assert pairs(build(ledger(), same))[0] == ("c-council", "c-mayor")


def test_a_limit_keeps_the_first_items_and_counts_the_rest() -> None:
    """``capped`` keeps the most severe items of each section and says how many it left out."""
    full = build(ledger(), RELATIONS)
    short = capped(full, 1)
    assert short.contradictions == full.contradictions[:1]
    assert short.more("contradictions") == len(full.contradictions) - 1
    assert short.total("contradictions") == len(full.contradictions)
    assert sum(len(day.entries) for day in short.timeline) == 1
    assert short.more("timeline") == sum(len(day.entries) for day in full.timeline) - 1
    assert capped(full, 0) == full


def test_a_limit_caps_each_speakers_claims() -> None:
    """A speaker's claims beyond the limit are counted, not shown; the heading counts all."""
    built = build(ledger(), RELATIONS)
    group = SpeakerGroup("Everyone", ("Everyone",), built.claims)
    full = attrs.evolve(built, speakers=(group,))
    assert len(group.entries) > 1
    (short,) = capped(full, 1).speakers
    assert short.entries == group.entries[:1]
    assert short.more == len(group.entries) - 1 and short.total == group.total
    assert as_markdown.dumps(capped(full, 1)).count(f"*… and {short.more} more") >= 1


def test_rejected_claims_and_their_relations_are_left_out() -> None:
    """A rejected claim is not shown, nor a relation that names it."""
    report = build(ledger(), RELATIONS)
    assert "c-rejected" not in {entry.id for entry in report.claims}
    assert ("c-mayor", "c-rejected") not in pairs(report)


def test_dismissed_relations_are_hidden_unless_asked() -> None:
    """A dismissed relation is counted as hidden; --show-dismissed lists it last of its kind."""
    hidden = build(ledger(DISMISSED), RELATIONS)
    assert ("c-council", "c-mayor") not in pairs(hidden)
    assert hidden.hidden_dismissed == 1
    shown = build(ledger(DISMISSED), RELATIONS, Filters(show_dismissed=True))
    assert shown.hidden_dismissed == 0
    assert shown.contradictions[-1].verdict is Verdict.DISMISSED
    assert shown.contradictions[-1].note == "different bridges"


def test_a_confirmed_pair_the_rules_missed_is_shown() -> None:
    """A pair a person confirmed is listed as related even when no rule found it."""
    verdict = RelationVerdict("c-idf", "c-mayor", Verdict.CONFIRMED)
    report = build(ledger(verdict), ())
    assert pairs(report) == [("c-idf", "c-mayor")]
    assert report.related[0].relation.reasons[0].code == "judged"
    rejected = RelationVerdict("c-mayor", "c-rejected", Verdict.CONFIRMED)
    assert pairs(build(ledger(rejected), ())) == []


@pytest.mark.parametrize(
    ("filters", "claims", "relations"),
    [
        (Filters(speakers=("gatilov",)), {"c-gatilov"}, {("c-gatilov", "c-sources")}),
        (Filters(speakers=("GATILOV", "mayor")), {"c-gatilov", "c-mayor"}, 3),
        (Filters(speakers=("nobody",)), set(), 0),
        (Filters(docs=("news/tass.txt",)), {"c-sources", "c-defence"}, 2),
        (Filters(docs=("news/other.txt",)), set(), 0),
        (Filters(since=MARCH_2), {"c-mayor", "c-council"}, 2),
        (Filters(until=dt.date(2017, 6, 16)), {"c-sources", "c-defence"}, 2),
        (
            Filters(since=dt.date(2017, 6, 17), until=dt.date(2017, 6, 30)),
            {"c-gatilov", "c-idf"},
            2,
        ),
        (Filters(min_score=0.9), None, {("c-council", "c-mayor"), ("c-debka", "c-idf")}),
        (Filters(min_score=1.0), None, 0),
    ],
)
def test_filters(
    filters: Filters, claims: set[str] | None, relations: set[tuple[str, str]] | int
) -> None:
    """Claim filters choose the speakers and timeline; relations need one chosen side."""
    report = build(ledger(), RELATIONS, filters)
    timeline = {entry.id for day in report.timeline for entry in day.entries}
    if claims is not None:
        assert timeline == claims
        assert {e.id for g in report.speakers for e in g.entries} == claims
    shown = set(pairs(report))
    assert shown == relations if isinstance(relations, set) else len(shown) == relations
    named = {entry.id for entry in report.claims}
    assert {x for pair in shown for x in pair} | timeline <= named


def test_speakers_most_quoted_first_and_no_speaker_last() -> None:
    """Groups are ordered by claim count, then name ignoring case; no speaker comes last."""
    again = claim("c-mayor2", "news/town.txt", "Mayor  Jane Doe", "added", "more", Stance.ASSERTS)
    more = attrs.evolve(ledger(), claims=(*ledger().claims, again))
    groups = build(more, ()).speakers
    names = [group.name for group in groups]
    assert names[0] == "Jane Doe"
    assert [e.id for e in groups[0].entries] == ["c-mayor", "c-mayor2"]
    assert names[1:-1] == sorted(names[1:-1], key=str.casefold)
    assert names[-1] == "(no speaker)"


def test_timeline_is_in_date_order_with_undated_last() -> None:
    """Days ascend; the undated day is last and holds the undated claims."""
    days = build(ledger(), ()).timeline
    dates = [day.date for day in days]
    assert dates == [dt.date(2017, 6, 16), dt.date(2017, 6, 20), MARCH_2, None]
    assert {e.id for e in days[-1].entries} == {"c-debka", "c-hostile", "c-video"}


def test_stale_documents_mark_their_claims() -> None:
    """A document changed since sync marks its claims and is listed once."""
    report = build(ledger(), RELATIONS, stale=["news/tass.txt", "news/unused.txt"])
    assert report.stale_docs == ("news/tass.txt",)
    stale = {entry.id for entry in report.claims if entry.stale}
    assert stale == {"c-sources", "c-defence"}


@pytest.mark.parametrize(
    ("publisher", "origin", "outlet"),
    [
        ("DEBKA Weekly", "", "DEBKA Weekly"),
        ("SOFREP", "Business Insider", "SOFREP (from Business Insider)"),
        ("TASS", "TASS", "TASS"),
        ("", "Reuters", "Reuters"),
        ("", "", "x.txt"),
    ],
)
def test_outlet(publisher: str, origin: str, outlet: str) -> None:
    """Publisher, with the origin of a syndicated piece; the file name when unknown."""
    assert (
        outlet_of(DocRecord("news/x.txt", publisher=publisher, origin=origin), "news/x.txt")
        == outlet
    )


def test_outlet_of_an_unknown_document_is_its_file_name() -> None:
    """A claim whose document has no record shows its file name."""
    assert outlet_of(None, "a/b/c.txt") == "c.txt"


@pytest.mark.parametrize(
    ("a", "b", "in_a", "in_b"),
    [
        ("the bridge will reopen on Monday", "the bridge will not reopen on Monday", [], ["not"]),
        ("five people died", "seven people died", ["five"], ["seven"]),
        ("The Bridge reopens", "the bridge reopens", [], []),
        ("Al-Baghdadi is dead", "nothing in common here at all", [], []),  # too different
    ],
)
def test_differing_words(a: str, b: str, in_a: list[str], in_b: list[str]) -> None:
    """Word-level differences of similar wordings; nothing for unrelated wordings."""
    marks_a, marks_b = differing(a, b)
    assert [a[s:e] for s, e in marks_a] == in_a
    assert [b[s:e] for s, e in marks_b] == in_b


@pytest.mark.parametrize(
    ("text", "wanted", "found"),
    [
        ("death “could not be verified.”", ["could not be verified"], ["could not be verified"]),
        ("It COULD NOT be   verified", ["could not be verified"], ["COULD NOT be   verified"]),
        ("a high degree of certainty", ["high degree of certainty"], ["high degree of certainty"]),
        ("Baghdadi’s death", ["baghdadi's"], ["Baghdadi’s"]),
        ("knot", ["not"], []),
        ("not now, not ever", ["not"], ["not", "not"]),
        ("anything", [""], []),
        ("on May 28 they may strike", ["may"], ["may"]),
        ("May be dead; “May well be”", ["may"], ["May", "May"]),
        ("the May 28 strike", ["May"], ["May"]),
        ("İstanbul may fall", ["may"], ["may"]),
    ],
)
def test_phrases_match_whole_words(text: str, wanted: list[str], found: list[str]) -> None:
    """Reason words are found word for word, ignoring case and apostrophe shape (not names)."""
    assert [text[s:e] for s, e in phrases(text, wanted)] == found


def test_reason_words_skip_what_the_claims_share() -> None:
    """Words of shared-content/shared-entities reasons are not highlighted."""
    assert reason_words([CERTAINTY, SHARED]) == CERTAINTY.words


def test_highlights_join_differences_and_reason_words() -> None:
    """Gatilov's claim gets its certainty words highlighted though the wordings differ."""
    a = "that Al-Baghdadi’s death “could not be verified.”"
    b = "with a high degree of certainty that Al-Baghdadi is dead"
    marks_a, marks_b = highlights(a, b, [CERTAINTY, SHARED])
    assert [a[s:e] for s, e in marks_a] == ["could not be verified"]
    assert [b[s:e] for s, e in marks_b] == ["high degree of certainty"]


@pytest.mark.parametrize(
    ("ranges", "joined"),
    [
        ([(5, 7), (0, 3)], ((0, 3), (5, 7))),
        ([(0, 3), (4, 6)], ((0, 6),)),
        ([(0, 5), (2, 3)], ((0, 5),)),
        ([], ()),
    ],
)
def test_merged(ranges: list[tuple[int, int]], joined: tuple[tuple[int, int], ...]) -> None:
    """Ranges are sorted; overlapping ones and ones a space apart are joined."""
    assert merged(ranges) == joined


def test_collector_paused_while_a_report_is_made_and_restored_after() -> None:
    assert gc.isenabled()
    with collected_after():
        assert not gc.isenabled()
        with collected_after():  # nested: the outer one turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collected_after():
            pass
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()
    with pytest.raises(ValueError), collected_after():
        raise ValueError
    assert gc.isenabled()
