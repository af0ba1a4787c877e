"""A hand-built Ledger and relations for the report tests: seed-like claims and others.

The seed-like claims paraphrase the seed articles (Gatilov, the Russian foreign ministry
sources, the Defence Ministry, the Israeli army spokesman, DEBKA Weekly); the others are
invented (a bridge, a hostile claim with markup and terminal escapes).
"""

from __future__ import annotations

import datetime as dt
import itertools

from provenance.model import (
    Claim,
    DateBasis,
    DocRecord,
    Flag,
    Kind,
    Ledger,
    Reason,
    Relation,
    RelationKind,
    RelationVerdict,
    Span,
    Stance,
    Status,
    Verdict,
)

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "report"
DEBKA = "news/debka.txt"
TASS = "news/tass.txt"
TOWN = "news/town.txt"
HOSTILE_SPEAKER = "[bold red]Mallory[/bold red]"
HOSTILE_CONTENT = "the bridge is \x1b[31msafe\x1b[0m [link=http://x]click[/link]"


_PLACES = itertools.count()


def claim(
    cid: str,
    doc: str,
    speaker: str | None,
    cue: str,
    content: str,
    stance: Stance,
    date: dt.date | None = None,
    **extra: object,
) -> Claim:
    """A claim with made-up offsets (the report never reads the document text); each
    claim's content has a place of its own, as in a document."""
    at = 200 + 1000 * next(_PLACES)
    return Claim(
        id=cid,
        doc=doc,
        speaker=Span(0, len(speaker), speaker) if speaker is not None else None,
        cue=Span(100, 100 + len(cue), cue) if cue else None,
        content=(Span(at, at + len(content), content),),
        kind=Kind.INDIRECT,
        stance=stance,
        date=date,
        date_basis=DateBasis.EXPLICIT if date else DateBasis.UNKNOWN,
        **extra,  # type: ignore[arg-type]
    )


JUNE_16, JUNE_20, MARCH_2 = dt.date(2017, 6, 16), dt.date(2017, 6, 20), dt.date(2019, 3, 2)

CLAIMS = (
    claim("c-gatilov", DEBKA, "Deputy Foreign Minister Gennady Gatilov", "admitted",
          "that Al-Baghdadi’s death “could not be verified.”", Stance.CONCEDES, JUNE_20),
    claim("c-sources", TASS, "Russian foreign ministry sources", "said",
          "with a high degree of certainty that Al-Baghdadi is dead", Stance.ASSERTS, JUNE_16),
    claim("c-defence", TASS, "The Russian Defence Ministry", "said",
          "that Al-Baghdadi may have been killed in an air strike", Stance.HEDGES, JUNE_16),
    claim("c-idf", DEBKA, "the Israeli army spokesman", "denied",
          "that Israel was involved in the raid", Stance.DENIES, JUNE_20),
    claim("c-debka", DEBKA, "DEBKA Weekly’s sources", "report",
          "that Israel was involved in the raid", Stance.ASSERTS),
    claim("c-mayor", TOWN, "Mayor Jane Doe", "said",
          "the bridge will reopen on Monday", Stance.ASSERTS, MARCH_2),
    claim("c-council", TOWN, "A council spokesman", "said",
          "the bridge will not reopen on Monday", Stance.ASSERTS, MARCH_2,
          flag=Flag.REANCHORED),
    claim("c-hostile", TOWN, HOSTILE_SPEAKER, "wrote", HOSTILE_CONTENT, Stance.ASSERTS),
    claim("c-rejected", TOWN, "Mayor Jane Doe", "said",
          "the bridge was never closed", Stance.ASSERTS, MARCH_2, status=Status.REJECTED),
    claim("c-video", TOWN, None, "", "a video showing the bridge", Stance.REPORTS),
)  # fmt: skip

DOCUMENTS = (
    DocRecord(DEBKA, publisher="DEBKA Weekly", published=dt.date(2017, 6, 23)),
    DocRecord(TASS, publisher="Homeland Security Today", origin="TASS"),
    DocRecord(TOWN),
)


def ledger(*verdicts: RelationVerdict) -> Ledger:
    """The hand-built ledger with the given judged relations."""
    return Ledger(corpus=("news",), documents=DOCUMENTS, claims=CLAIMS, relations=verdicts)


CERTAINTY = Reason(
    "certainty-conflict",
    "unverified against certain",
    ("could not be verified", "high degree of certainty"),
)
DENIAL = Reason("deny-vs-assert", "one denies what the other asserts", ("denied",))
NEGATION = Reason("negation-flip", "a negation in one and not the other", ("not",))
SHARED = Reason("shared-entities", "the same names", ("al-baghdadi",))
SOFTER = Reason(
    "certainty-difference", "hedged against certain", ("may", "high degree of certainty")
)

RELATIONS = (
    Relation("c-gatilov", "c-sources", RelationKind.CONTRADICTS, 0.61, (CERTAINTY, SHARED)),
    Relation("c-debka", "c-idf", RelationKind.CONTRADICTS, 0.9, (DENIAL,)),
    Relation("c-council", "c-mayor", RelationKind.CONTRADICTS, 0.95, (NEGATION,)),
    Relation("c-defence", "c-sources", RelationKind.AGREES, 0.55, (SOFTER, SHARED)),
    Relation("c-hostile", "c-mayor", RelationKind.RELATED, 0.3, (SHARED,)),
    Relation("c-mayor", "c-rejected", RelationKind.CONTRADICTS, 0.99, (NEGATION,)),
)

CONFIRMED = RelationVerdict("c-gatilov", "c-sources", Verdict.CONFIRMED, "checked by hand")
DISMISSED = RelationVerdict("c-council", "c-mayor", Verdict.DISMISSED, "different bridges")


def check_golden(name: str, text: str, update: bool) -> None:
    """Compare ``text`` with tests/golden/report/NAME (or rewrite it with --update-golden)."""
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path} differs (review, --update-golden)"
