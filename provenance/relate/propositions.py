"""Propositions: what several claims, across articles, state, and each claim's side on it.

A proposition is grouped around a *leader* claim: claims are taken in a fixed order
(asserting claims first, among them those most like other articles' claims, then
document and text order) and each joins the proposition whose leader's topic it shares
most of, or leads a new one: a refutation, which restates what it refutes with words of
its own, joins the proposition an assertion leads and never gathers one around itself.
A claim's *topic* is its content words (stemmed), the cue words of denial, refutation
and hedging left out, so "the third breast story is a hoax" and "she paid for a third
breast" share a topic.

A claim's *side* comes from its stance and its own words: for (asserts or concedes it),
against (denies it, or calls it false: refuting words, a negated predicate), hedged,
unverified ("could not be verified"); a claim that only reports, asks or refuses stands
on no side. Copies of one statement (the same words in several documents) are one source
carried by several outlets. A proposition needs two voices on its sides (two speakers,
or a speaker and an outlet's own words) and two articles, unless its claims stand on two
sides. Thresholds: ``[propositions]`` of relate.toml.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
from rapidfuzz import fuzz, process, utils

from provenance.model import Claim, Side, Stance, opens
from provenance.relate.cues import table
from provenance.relate.features import Features, features, negated_anywhere
from provenance.relate.pointer import earlier_claim, refers_back
from provenance.relate.proposition import name_words, predicate_words
from provenance.relate.rules import idf_table

SIDES = (Side.FOR, Side.AGAINST, Side.HEDGED, Side.UNVERIFIED)
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@attrs.frozen
class Proposition:
    """Claims that state one thing, by side, with the copies of one statement grouped."""

    id: str
    text: str  # the words of its representative statement
    sides: Mapping[Side, tuple[str, ...]]  # side -> claim ids, in leader order
    sources: Mapping[Side, int]  # side -> independent statements (copies counted once)
    docs: int  # documents with a claim on one of its sides
    voices: int  # distinct speakers (an outlet's own voice counts as the outlet) on a side
    by_hand: tuple[str, ...] = ()  # claims whose side a person set in claims.toml

    @property
    def disputed(self) -> bool:
        """Whether sources stand on both sides."""
        return bool(self.sides[Side.FOR]) and bool(self.sides[Side.AGAINST])


@attrs.frozen
class Parts:
    """What a claim's words are made of, for grouping: its predicate words (no name's,
    title, number or unit) and its names' words."""

    predicates: frozenset[str]
    names: frozenset[str]


@functools.cache
def settings() -> Mapping[str, float]:
    """The ``[propositions]`` thresholds of relate.toml."""
    return {key: float(value) for key, value in table()["propositions"].items()}


def side_of(claim: Claim, f: Features, about: frozenset[str] = frozenset()) -> Side | None:
    """The claim's side on what its content states, or None when it takes none.

    A person's correction (``side`` in claims.toml) wins. Else: the stance, refuting
    words and doubt in the content, and a negator whose scope holds a word of ``about``
    (the proposition's topic): "she won't talk to me" does not deny the surgery.
    """
    if claim.side is not None:
        return None if claim.side is Side.NONE else claim.side
    if claim.stance in (Stance.REPORTS, Stance.ASKS, Stance.REFUSES):
        return None
    if f.has("unverified"):
        return Side.UNVERIFIED
    if (claim.stance is Stance.DENIES) != f.has("refute"):
        return Side.AGAINST
    if claim.stance is Stance.HEDGES:
        return Side.HEDGED
    if any(scope & about for _, scope in f.negated_near):
        return Side.AGAINST
    return Side.FOR


def copy_key(claim: Claim) -> str:
    """The words of a claim with case, spacing and quote style folded: copies share it."""
    return _folded_words(claim.content_text)


@functools.lru_cache(maxsize=1 << 18)
def _folded_words(text: str) -> str:
    """``copy_key`` of a content (each claim's is asked for twice)."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


def topic(f: Features) -> frozenset[str]:
    """The content words a claim's proposition is recognised by."""
    return f.content


def weight(words: Iterable[str], idf: Mapping[str, float]) -> float:
    """The summed idf of ``words``, exactly (``math.fsum``): a sum taken in a set's order
    would round by the hash seed, and a tie at a threshold would group differently."""
    return math.fsum(map(idf.get, words, itertools.repeat(idf.get("", 1.0))))  # in C


def similarity(
    a: frozenset[str], b: frozenset[str], idf: Mapping[str, float], least: float = 0.0
) -> float:
    """The weighted share of the smaller topic found in the other (0 to 1); ``least``,
    when known, is the smaller topic's weight."""
    shared = a & b
    if len(shared) < settings()["min_shared"]:
        return 0.0
    least = least or min(weight(a, idf), weight(b, idf))
    return weight(shared, idf) / least if least else 0.0


def propositions(claims: Sequence[Claim]) -> tuple[Proposition, ...]:
    """The propositions of ``claims``: disputed first, then by independent sources.

    Copies of one statement are grouped once, through one of them, and listed together:
    the cost grows with the distinct statements, and copies never weigh twice. A claim
    inside what another claim denies ("Bettman denied the NHL is considering expansion")
    is the denied words, asserted by nobody in the article: it takes no side. A claim
    that only reports a claim nested in it ("According to Google Translate, the original
    said …") takes none either: the nested claim stands for its article once.
    """
    denials = {c.id for c in claims if c.stance is Stance.DENIES}
    reporting = reporters(claims)
    usable = [
        c
        for c in claims
        if c.content
        and c.stance is not Stance.REFUSES
        and c.within not in denials
        and c.id not in reporting
    ]
    pointed = pointers(usable)
    usable = [c for c in usable if c.id not in pointed]
    keys = {c.id: copy_key(c) for c in usable}
    copies: dict[str, list[Claim]] = {}
    for claim in sorted(usable, key=lambda c: c.id):
        copies.setdefault(keys[claim.id], []).append(claim)
    reps = [same[0] for same in copies.values()]
    feats = {c.id: features(c.content_text) for c in reps}
    idf = idf_table(list(feats.values()))
    topics = {c.id: topic(feats[c.id]) for c in reps}
    parts = {c.id: Parts(predicate_words(feats[c.id]), name_words(feats[c.id])) for c in reps}
    docs = {c.id: frozenset(x.doc for x in copies[keys[c.id]]) for c in reps}
    short = settings()["min_shared"]
    most = settings()["max_topic_words"]  # a speech quoted whole states many things
    named = {c.id: naming(c, feats[c.id], topics[c.id]) for c in reps}
    long = [c for c in reps if short <= len(named[c.id]) and len(topics[c.id]) <= most]
    central = centrality(long, topics, docs, idf, parts)
    lead = lead_order(feats)
    ordered = sorted(long, key=lambda c: (lead(c)[0], -central[c.id], lead(c)))  # assertions lead
    groups = group(ordered, topics, idf, parts)
    refer(groups, [c for c in reps if len(named[c.id]) < short], feats)
    for claim in usable:
        feats.setdefault(claim.id, feats[copies[keys[claim.id]][0].id])
    home = {x.id: i for i, (_, members) in enumerate(groups) for x in members}
    disputing: dict[int, list[Claim]] = {}
    for pointer, target in sorted(pointed.values(), key=lambda pair: pair[0].id):
        at = home.get(copies[keys[target.id]][0].id)
        if at is not None:
            disputing.setdefault(at, []).append(pointer)
            feats[pointer.id] = features(pointer.content_text)
    flips = {pointer.id: target for pointer, target in pointed.values()}
    out = []
    for i, (leader, members) in enumerate(groups):
        every = [x for rep in members for x in copies[keys[rep.id]]] + disputing.get(i, [])
        said = representative(leader, members, topics, docs, idf, feats)
        out.append(made(leader, every, feats, said, flips))
    kept = [p for p in out if shown(p)]
    return tuple(sorted(kept, key=lambda p: (not p.disputed, -sum(p.sources.values()), p.id)))


def reporters(claims: Sequence[Claim]) -> frozenset[str]:
    """Claims whose content opens (after "that" at most) with a claim nested in it:
    "According to Google Translate, the original version said the phone spoke the time"
    reports what the original version said; that claim states it and takes the side."""
    by_id = {c.id: c for c in claims}
    out = set()
    for inner in claims:
        outer = by_id.get(inner.within) if inner.within else None
        if outer is None or not outer.content or outer.stance is Stance.DENIES:
            continue  # a denial of what was said denies it: the words said take no side
        spans = [s for s in (inner.speaker, inner.cue) if s is not None]
        if spans and opens(outer.content, min(spans, key=lambda s: s.start)):
            out.add(outer.id)
    return frozenset(out)


def pointers(claims: Sequence[Claim]) -> dict[str, tuple[Claim, Claim]]:
    """Claims that point back at the claim before them and dispute it ("this claim flies
    in the face of all the evidence", [pointer] of relate.toml), with that claim: they
    stand on its proposition, on the other side."""
    found = [c for c in claims if refers_back(c)]
    if not found:
        return {}
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    out = {}
    for claim in found:
        target = earlier_claim(claim, by_doc[claim.doc])
        if target is not None and not refers_back(target):
            out[claim.id] = (claim, target)
    return out


def shown(proposition: Proposition) -> bool:
    """Whether a proposition is one of the story's: ``min_voices`` speakers take a side
    on it, and it spans ``min_documents`` articles unless its claims stand on two sides
    (one article's voices agreeing with each other are that article, not the story)."""
    if proposition.voices < settings()["min_voices"]:
        return False
    sided = sum(1 for ids in proposition.sides.values() if ids)
    return proposition.docs >= settings()["min_documents"] or sided >= 2


@functools.cache
def anaphoric() -> re.Pattern[str]:
    """A content that opens (after "that") with a pointing determiner and a common noun."""
    words = "|".join(re.escape(w) for w in table()["pointer"]["determiners"])
    return re.compile(rf"^(?:that\s+)?(?:{words})\s+((?-i:[a-z])[\w’'-]*)\s", re.IGNORECASE)


@functools.cache
def pronoun_refutation() -> re.Pattern[str]:
    """A refuting word said of a pronoun that points back: "this is a hoax", "it was
    all made up", "that is simply false" (``[pointer] pronouns``, ``[cues] refute``)."""
    data = table()
    pronouns = "|".join(map(re.escape, data["pointer"]["pronouns"]))
    refute = "|".join(re.escape(w) for w in sorted(data["cues"]["refute"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:{pronouns})\s+(?:is|was|['’]s)\s+(?:[\w-]+\s+){{0,3}}?(?P<word>{refute})\b",
        re.IGNORECASE,
    )


def refutes_a_pronoun(f: Features) -> bool:
    """Whether a refuting word of ``f`` (one its cue lists found: not the "doubt" of "no
    doubt") is said of a pronoun that points back."""
    found = f.cues.get("refute", ())
    return bool(found) and any(
        match.group("word").lower() in found for match in pronoun_refutation().finditer(f.text)
    )


def naming(claim: Claim, f: Features, words: frozenset[str]) -> frozenset[str]:
    """The topic words by which a claim names what it is about: a denial or refutation
    whose subject points back ("denied that such arrangements are being considered",
    "these claims are false") names nothing by that subject's noun, and a refutation
    said of a pronoun ("I believe that this is a hoax everyone is falling for") names
    nothing at all: it refutes what its article is about."""
    if claim.stance is not Stance.DENIES and not f.has("refute"):
        return words
    if refutes_a_pronoun(f):
        return frozenset()
    found = anaphoric().match(claim.content_text)
    if found is None:
        return words
    return words - features(found.group(1)).content


def refer(
    groups: list[tuple[Claim, list[Claim]]],
    short: Sequence[Claim],
    feats: Mapping[str, Features],
) -> None:
    """Refutations too short to name what they refute ("it was untrue", "the surgery is a
    fake") refute what their article is about: they join the proposition of the
    article's first claim (the lede). A short assertion names nothing and joins none."""
    lede: dict[str, tuple[int, int]] = {}
    for index, (_, members) in enumerate(groups):
        for claim in members:
            start = claim.content[0].start
            if claim.doc not in lede or start < lede[claim.doc][0]:
                lede[claim.doc] = (start, index)
    for claim in sorted(short, key=lambda c: (c.doc, c.content[0].start, c.id)):
        if claim.doc in lede and side_of(claim, feats[claim.id]) in (Side.AGAINST, Side.UNVERIFIED):
            groups[lede[claim.doc][1]][1].append(claim)


def near(
    words: frozenset[str], index: Mapping[str, list[int]], df: Mapping[str, int], after: int = -1
) -> list[int]:
    """Entries of ``index`` holding at least ``min_shared`` of ``words`` (common words,
    held by more than ``index_max_postings`` claims, find nothing: they name no topic);
    with ``after``, only entries above it (the index's lists must then be ascending)."""
    cap = settings()["index_max_postings"]
    need = settings()["min_shared"]
    held = (
        index[w][bisect.bisect_right(index[w], after) :] if after >= 0 else index[w]
        for w in words
        if w in index and df.get(w, 0) <= cap
    )
    hits = Counter(itertools.chain.from_iterable(held))  # counted in C
    return sorted(i for i, n in hits.items() if n >= need)


def frequencies(topics: Iterable[frozenset[str]]) -> dict[str, int]:
    """How many topics hold each word."""
    df: dict[str, int] = {}
    for words in topics:
        for w in words:
            df[w] = df.get(w, 0) + 1
    return df


def centrality(
    claims: Sequence[Claim],
    topics: Mapping[str, frozenset[str]],
    docs: Mapping[str, frozenset[str]],
    idf: Mapping[str, float],
    parts: Mapping[str, Parts],
) -> dict[str, int]:
    """How many documents other than its own hold a claim like it (a shared predicate
    among the shared words): the story's claims lead.

    Each pair is found once, from its first claim (the likeness is symmetric but for the
    order of a float sum: the other way round is summed again only near the threshold).
    """
    need = settings()["min_similarity"]
    df = frequencies(topics[c.id] for c in claims)
    index: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        for w in topics[claim.id]:
            index.setdefault(w, []).append(i)
    heavy = [weight(topics[c.id], idf) for c in claims]
    held = [(topics[c.id], parts[c.id].predicates, docs[c.id]) for c in claims]  # by position
    earlier: list[list[int]] = [[] for _ in claims]  # i -> the j < i whose documents it counts
    out = {}
    for i, (words, mine, found_in) in enumerate(held):
        found = set(found_in)
        for j in earlier[i]:
            found |= held[j][2]
        for j in near(words, index, df, after=i):
            theirs, predicates, where = held[j]
            if mine.isdisjoint(predicates):
                continue
            least = min(heavy[i], heavy[j])
            forth = similarity(words, theirs, idf, least)
            back = similarity(theirs, words, idf, least) if abs(forth - need) < 1e-9 else forth
            if forth >= need:
                found |= where
            if back >= need:
                earlier[j].append(i)
        out[claims[i].id] = len(found) - 1
    return out


def lead_order(feats: Mapping[str, Features]) -> Callable[[Claim], tuple[bool, str, int, str]]:
    """Sort key: claims that assert (and say most) lead; then document and text order."""

    def key(claim: Claim) -> tuple[bool, str, int, str]:
        side = side_of(claim, feats[claim.id])
        return (side is not Side.FOR, claim.doc, claim.content[0].start, claim.id)

    return key


def group(
    ordered: Sequence[Claim],
    topics: Mapping[str, frozenset[str]],
    idf: Mapping[str, float],
    parts: Mapping[str, Parts],
) -> list[tuple[Claim, list[Claim]]]:
    """Leader clustering through an inverted index of each proposition's words.

    A claim joins the proposition whose words hold most of it, measured against the
    smaller of the claim and the leader. A proposition's words are its leader's and
    those ``min_members`` of its claims share: paraphrases across articles bring the
    words the next article may use, but never make a short claim easier to place.
    A word more claims hold than ``index_max_postings`` names no topic: it neither finds
    a proposition nor counts toward joining one (on PolNeAR's 924 articles, "trump",
    "people" and "going" carried one proposition through 14,243 of 18,027 claims).
    The words a claim shares with a proposition must hold a predicate (a word that is
    no name's, title, number or unit: relations' rule for one proposition): "he swore
    allegiance to ISIS leader al-Baghdadi" and "ISIS leader al-Baghdadi is dead" share
    a name and a title, and state different things. A claim never joins the proposition
    its own sentence leads: a claim nested in another's words ("experts said X, although
    officials found no evidence of this") shares them because it is part of them, not
    because it states the same thing. A word joins a proposition's words when
    ``min_members`` of its claims and a ``min_members_share`` of them hold it: grown by
    the words of a few of its many claims, a proposition gathers the corpus (PolNeAR
    dev, 84 articles: one took 905 of 1,817 claims).
    """
    need = settings()["min_similarity"]
    grow = settings()["min_members"]
    spread = settings()["min_members_share"]
    df = frequencies(topics[c.id] for c in ordered)
    groups: list[tuple[Claim, list[Claim]]] = []
    profiles: list[set[str]] = []
    counts: list[dict[str, int]] = []
    index: dict[str, list[int]] = {}
    cap = settings()["index_max_postings"]
    for claim in ordered:
        words = topics[claim.id]
        named = frozenset(w for w in words if df.get(w, 0) <= cap)  # the words that name a topic
        best, best_score = -1, need
        for i in near(words, index, df):
            leader = groups[i][0]
            if overlapping(claim, leader):
                continue
            if not (parts[claim.id].predicates & profiles[i]) - parts[leader.id].names:
                continue
            score = joined(named, topics[leader.id], profiles[i], idf)
            if score > best_score or (best < 0 and score >= best_score):
                best, best_score = i, score
        if best < 0:
            groups.append((claim, []))
            profiles.append(set(words))
            counts.append({})
            best = len(groups) - 1
            for w in words:
                index.setdefault(w, []).append(best)
        groups[best][1].append(claim)
        for w in words:
            counts[best][w] = counts[best].get(w, 0) + 1
            if (
                counts[best][w] >= max(grow, spread * len(groups[best][1]))
                and w not in profiles[best]
            ):
                profiles[best].add(w)
                index.setdefault(w, []).append(best)
    return groups


def overlapping(a: Claim, b: Claim) -> bool:
    """Whether two claims of one document have content extents that overlap."""
    if a.doc != b.doc or not a.content or not b.content:
        return False
    return a.content[0].start < b.content[-1].end and b.content[0].start < a.content[-1].end


def joined(
    words: frozenset[str], leader: frozenset[str], profile: set[str], idf: Mapping[str, float]
) -> float:
    """The weighted share of a claim's words found in a proposition's words, over the
    smaller of the claim and the leader (0 to 1)."""
    shared = words & profile
    if len(shared) < settings()["min_shared"]:
        return 0.0
    least = min(weight(words, idf), weight(leader, idf))
    return min(1.0, weight(shared, idf) / least) if least else 0.0


def representative(
    leader: Claim,
    members: Sequence[Claim],
    topics: Mapping[str, frozenset[str]],
    docs: Mapping[str, frozenset[str]],
    idf: Mapping[str, float],
    feats: Mapping[str, Features],
) -> Claim:
    """The member whose words the other documents' claims share most: the proposition's
    words as the story states them, not the first claim that happened to lead it. Claims
    that assert come first; a claim too short to place (a refutation that joined through
    its article) never speaks for the proposition."""
    about = shared_words(members, feats)
    held: dict[str, set[str]] = {}
    for claim in members:
        for w in topics.get(claim.id, ()):
            held.setdefault(w, set()).update(docs.get(claim.id, ()))

    def score(claim: Claim) -> tuple[bool, float]:
        mine = docs.get(claim.id, frozenset())
        shared = math.fsum(
            idf.get(w, 1.0) * others(held[w], mine) for w in sorted(topics.get(claim.id, ()))
        )
        return (side_of(claim, feats[claim.id], about) is Side.FOR, shared)

    least = settings()["min_shared"]
    placed = [c for c in members if len(topics.get(c.id, ())) >= least]
    return max(placed, key=score, default=leader)


def others(held: set[str], mine: frozenset[str]) -> int:
    """``len(held - mine)`` without building the difference (``mine`` is a claim's few
    documents, ``held`` may be a large proposition's many)."""
    return len(held) - sum(1 for doc in mine if doc in held)


def made(
    leader: Claim,
    members: list[Claim],
    feats: Mapping[str, Features],
    said: Claim,
    flips: Mapping[str, Claim],
) -> Proposition:
    """A proposition from its leader and members; ``said`` gives its words, and a
    negation of one of them, or of a word two of its statements share, puts a claim
    against it. A claim of ``flips`` points back at the claim it maps to and disputes
    it: it stands on the other side."""
    about = (affirmed(feats[said.id]) | shared_words(members, feats)) - negated_anywhere(
        said.content_text
    )
    sides: dict[Side, list[str]] = {side: [] for side in SIDES}
    copies: dict[Side, set[str]] = {side: set() for side in SIDES}
    voices = set()
    docs = set()
    for claim in members:
        side = side_of(claim, feats[claim.id], about)
        if claim.id in flips and claim.side is None:
            target = flips[claim.id]
            disputed = side_of(target, feats[target.id], about)
            side = Side.FOR if disputed is Side.AGAINST else Side.AGAINST
        if side is not None and side is not Side.NONE:
            sides[side].append(claim.id)
            copies[side].add(copy_key(claim))
            voices.add(voice(claim))
            docs.add(claim.doc)
    digest = hashlib.sha256(leader.id.encode()).hexdigest()[:8]
    return Proposition(
        id=f"p-{digest}",
        text=statement(said.content_text),
        sides={side: tuple(ids) for side, ids in sides.items()},
        sources={side: statements(keys) for side, keys in copies.items()},
        docs=len(docs),
        voices=len(voices),
        by_hand=tuple(c.id for c in members if c.side is not None),
    )


def statements(keys: set[str]) -> int:
    """How many statements the folded words ``keys`` are, near copies counted once (a
    part of a quote, "[the bear]" added: ``near_ratio`` of [copies] in relate.toml)."""
    data = table()["copies"]
    if len(keys) > data["near_max"]:  # every pair is compared: exact copies only, then
        return len(keys)
    kept: list[str] = []
    for key in sorted(keys, key=lambda k: (-len(k), k)):  # the longest stands for its parts
        if len(key.split()) < data["near_min_words"] or not kept or not near_copy(key, kept):
            kept.append(key)
    return len(kept)


def near_copy(key: str, kept: list[str]) -> bool:
    """Whether ``key`` carries the words of one of ``kept`` (one C loop over them)."""
    found = process.extractOne(
        key,
        kept,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,  # words only: "[the bear]" is "the bear"
        score_cutoff=table()["copies"]["near_ratio"],
    )
    return found is not None


def shared_words(members: Sequence[Claim], feats: Mapping[str, Features]) -> frozenset[str]:
    """The proposition's words: the content words two or more of its statements hold
    outside a negation (copies count once), or, for one statement, its words outside a
    negation. "they did not want their wives next to other men" does not make "want" a
    word of the proposition its claims state."""
    held: dict[str, int] = {}
    seen = set()
    for claim in members:
        key = copy_key(claim)
        if key in seen:
            continue
        seen.add(key)
        for w in affirmed(feats[claim.id]):
            held[w] = held.get(w, 0) + 1
    common = frozenset(w for w, n in held.items() if n >= 2)
    return common or affirmed(feats[members[0].id])


def affirmed(f: Features) -> frozenset[str]:
    """A text's content words outside the scope of its negators."""
    return f.content - {w for _, scope in f.negated_near for w in scope}


_THAT = re.compile(r"^(?:that|whether)\s+", re.IGNORECASE)
_OUTER_QUOTES = re.compile(r'^[“"‘\']\s*(.*?)\s*[”"’\']?$', re.S)


def statement(content: str) -> str:
    """The leader's words as a statement: no "that" before them, no quotes around them."""
    text = _THAT.sub("", content.strip())
    if text[:1] in '“"' and text.count("“") + text.count('"') <= 1 + (text[-1:] in '”"'):
        text = _OUTER_QUOTES.sub(r"\1", text)
    return text


def voice(claim: Claim) -> str:
    """Who speaks: the speaker's name folded, or the document for the outlet's own voice."""
    name = claim.speaker_name or (claim.speaker.text if claim.speaker else "")
    return " ".join(name.casefold().split()) or f"doc:{claim.doc}"
