"""The data model: frozen attrs classes and the enums of DESIGN.md.

No I/O, no rich, no file formats here: the store serialises, the reader reads.
Change objects with ``attrs.evolve``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
from collections.abc import Sequence

import attrs


class Kind(enum.StrEnum):
    """How the content is rendered: in quotation marks, reported, or both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    OWN = "own"  # the outlet's own words, attributed to nobody (``extract.own_voice``)


class Stance(enum.StrEnum):
    """The speaker's stance toward the content."""

    ASSERTS = "asserts"
    DENIES = "denies"
    HEDGES = "hedges"
    CONCEDES = "concedes"
    REFUSES = "refuses"
    REPORTS = "reports"
    ASKS = "asks"  # a question or a request: "asked whether", "asked for"


class Side(enum.StrEnum):
    """Where a claim stands on the proposition it states (DESIGN.md "Proposition")."""

    FOR = "for"  # asserts or concedes it
    AGAINST = "against"  # denies or refutes it
    HEDGED = "hedged"  # may, reportedly, believes
    UNVERIFIED = "unverified"  # "could not be verified"
    NONE = "none"  # reports, asks or refuses to comment: on no side


class DateBasis(enum.StrEnum):
    """Where a statement's date came from."""

    EXPLICIT = "explicit"  # a date written in or around the sentence
    INFERRED = "inferred"  # a relative date ("two days later") resolved against another
    DOCUMENT = "document"  # the document's own date
    UNKNOWN = "unknown"


class Status(enum.StrEnum):
    """A claim's curation status in claims.toml."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    EDITED = "edited"
    REJECTED = "rejected"
    MANUAL = "manual"


class Flag(enum.StrEnum):
    """Why ``sync`` wants a person to look at a claim (claims.toml ``flag``; absent when none)."""

    ORPHANED = "orphaned"  # its document changed and the claim's text could not be found again
    MISSING = "document-missing"  # its document file is gone from the corpus
    REANCHORED = "reanchored"  # found again only approximately: spans and content were moved


class RelationKind(enum.StrEnum):
    """How two claims relate."""

    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    RELATED = "related"
    UNRELATED = "unrelated"  # only `relate` on arbitrary pairs reports this


class ReasonCode(enum.StrEnum):
    """Why two claims relate: the rule behind a ``Reason`` (its JSON value is the code)."""

    NEGATION_FLIP = "negation-flip"  # a negation on one side only
    DENY_VS_ASSERT = "deny-vs-assert"  # one denies what the other asserts
    REFUTED = "refuted"  # one calls the content false
    BOTH_REFUTE = "both-refute"  # the claim and an article body both call it false
    ANTONYM = "antonym"  # opposite words, one on each side
    NUMBER_MISMATCH = "number-mismatch"  # disjoint numbers of one unit
    CERTAINTY_CONFLICT = "certainty-conflict"  # certain against unverified
    CERTAINTY_DIFFERENCE = "certainty-difference"  # hedged, attributed or asked on one side
    DIFFERENT_ENTITIES = "different-entities"  # the same place held by different names
    POINTS_BACK = "points-back"  # a claim disputes what it points back to
    SHARED_CONTENT = "shared-content"  # the same content words
    SHARED_ENTITIES = "shared-entities"  # the same names
    ASSERTED = "asserted"  # an article body states the content unattributed
    ATTRIBUTED = "attributed"  # an article body attributes the content to others
    JUDGED = "judged"  # a person related the claims in claims.toml


class Verdict(enum.StrEnum):
    """A person's judgement of a relation."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@attrs.frozen(order=True)
class Span:
    """A run of a document's text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@attrs.frozen
class Region:
    """A part of a document that yields no claims, with the reason (boilerplate, repeat)."""

    start: int
    end: int
    reason: str


@attrs.frozen
class DocMeta:
    """A document's provenance as its text shows it (empty string: not found)."""

    title: str = ""
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    origin: str = ""
    # The day the page was viewed (a date beside a weather widget): never the publication
    # date, but no statement in the page is later.
    viewed: dt.date | None = None


@attrs.frozen
class Document:
    """One article: its path (as given, POSIX style), raw text and what the reader found."""

    path: str
    text: str
    meta: DocMeta = DocMeta()
    excluded: tuple[Region, ...] = ()

    @property
    def sha256(self) -> str:
        """Hex digest of the text encoded as UTF-8."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@attrs.frozen
class Claim:
    """One attributed statement found in (or added by hand to) a document."""

    id: str
    doc: str
    speaker: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    kind: Kind
    stance: Stance
    date: dt.date | None = None
    date_basis: DateBasis = DateBasis.UNKNOWN
    rule: str = ""
    cue_lemma: str = ""  # the cue's base form ("deny" for "vehemently denied")
    speaker_name: str = ""  # a pronoun speaker resolved to a name; else the speaker text
    status: Status = Status.AUTO
    note: str = ""
    flag: Flag | None = None  # set by sync; a person clears it by deleting the line
    within: str = ""  # the id of the claim whose content holds this one ("" when none)
    side: Side | None = None  # a person's correction of the side the engine gives it

    @property
    def content_text(self) -> str:
        """The content fragments joined by " … " (the claims.toml ``content`` field)."""
        if len(self.content) == 1:  # most claims: no join to make
            return self.content[0].text
        return " … ".join(span.text for span in self.content)


@attrs.frozen
class Reason:
    """Why two claims relate: a rule code and the words that made it fire."""

    code: ReasonCode = attrs.field(converter=ReasonCode)  # a code of a data table converts
    detail: str  # a sentence a reader understands
    words: tuple[str, ...] = ()


@attrs.frozen
class Relation:
    """A judged pair of claims (``a < b`` by id)."""

    a: str
    b: str
    kind: RelationKind
    score: float
    reasons: tuple[Reason, ...] = ()


@attrs.frozen
class DocRecord:
    """A document's provenance as claims.toml records it (``[documents."path"]``)."""

    path: str
    sha256: str = ""
    title: str = ""
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    origin: str = ""
    reviewed: bool = False  # a person has checked these fields; sync leaves them alone

    @property
    def attributed(self) -> bool:
        """Publisher and date filled in, or a person looked and marked them unknown."""
        return self.reviewed or bool(self.publisher.strip() and self.published)


@attrs.frozen
class RelationVerdict:
    """A person's judgement of a pair of claims (``[relations."a~b"]``, ids in either order)."""

    a: str
    b: str
    verdict: Verdict
    note: str = ""

    @property
    def key(self) -> str:
        """The claims.toml key: the two ids joined by ``~``."""
        return f"{self.a}~{self.b}"


@attrs.frozen
class Ledger:
    """The whole of claims.toml: corpus folders, documents, claims, judged relations.

    ``unknown`` keeps keys this version does not know, so a round trip loses nothing:
    it maps ``(section, key)`` -- ``("", "")`` for the top level, ``("claims", id)``,
    ``("documents", path)``, ``("relations", "a~b")`` -- to the unknown fields there.
    """

    schema: int = 2
    corpus: tuple[str, ...] = ()
    articles: tuple[str, ...] = ("*.txt",)  # which files in a corpus folder are articles
    documents: tuple[DocRecord, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[RelationVerdict, ...] = ()
    unknown: dict[tuple[str, str], dict[str, object]] = attrs.field(factory=dict, hash=False)

    @functools.cached_property
    def by_path(self) -> dict[str, DocRecord]:
        """Document records by path (built once)."""
        return {doc.path: doc for doc in self.documents}

    @functools.cached_property
    def claims_by_doc(self) -> dict[str, tuple[Claim, ...]]:
        """The claims of each document, by its path, in ledger order (built once)."""
        grouped: dict[str, list[Claim]] = {}
        for claim in self.claims:
            grouped.setdefault(claim.doc, []).append(claim)
        return {path: tuple(claims) for path, claims in grouped.items()}

    def document(self, path: str) -> DocRecord | None:
        """The record of ``path``, or None."""
        return self.by_path.get(path)

    def claims_of(self, path: str) -> tuple[Claim, ...]:
        """The claims of the document at ``path``."""
        return self.claims_by_doc.get(path, ())


def claim_id(doc: str, content: tuple[Span, ...] | list[Span]) -> str:
    """A stable id from the document path and the first content span's offsets."""
    first = min(content, key=lambda s: s.start) if content else Span(0, 0, "")
    key = f"{doc}\x1f{first.start}\x1f{first.end}"
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def opens(content: Sequence[Span], span: Span) -> bool:
    """Whether a content fragment starts with ``span``, after "that" at most: the claim
    whose speaker or cue that is stands first in the content ("… said that the clinic
    denied …")."""
    return any(
        part.start <= span.start < part.end
        and part.text[: span.start - part.start].strip().lower() in ("", "that")
        for part in content
    )
