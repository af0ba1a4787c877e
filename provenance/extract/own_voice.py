"""The article's own voice: what the outlet states without attributing it to anyone.

Two kinds of sentence are the outlet's own claims (kind ``own``, no speaker, no cue):
the *lede* (the first sentence of the body long enough to state something: news writing
puts the story's claim there) and a sentence that calls something false in the outlet's
own words ("The third breast story is a hoax"), the headline included. A sentence that
already holds an attributed claim adds none, unless a refuting word stands outside every
claim's speaker, cue and content: "The man who said he had seen a shark was lying" holds
the man's claim and the outlet's refutation of it. Words and sizes: ``extract/data/own_voice.toml``.
Attribution scoring (PolNeAR) does not count these claims: they have no source.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

from provenance import tables
from provenance.extract import front
from provenance.model import Claim, Document, Kind, Span, Stance, claim_id

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.cache
def refuting() -> re.Pattern[str]:
    """Words and phrases by which a writer calls something false (group ``word``), and
    their other senses, matched first ("lying on the floor" calls nothing false)."""
    table = tables.load("extract/own_voice")

    def alternation(words: Sequence[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)
        return "|".join(escaped)

    other = alternation(table["other_sense"])
    return re.compile(
        rf"(?<![\w-])(?:(?:{other})|(?P<word>{alternation(table['refuting'])}))(?![\w-])",
        re.IGNORECASE,
    )


def refutes(text: str) -> bool:
    """Whether ``text`` calls something false (a refuting word in that sense)."""
    return any(match.group("word") is not None for match in refuting().finditer(text))


class _Taken:
    """Spans of the claims found, asked whether any overlaps a sentence (log time)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(self, sentence: Span) -> bool:
        """Whether a span starts before the sentence ends and ends after it starts."""
        count = bisect.bisect_left(self.starts, sentence.end)
        return count > 0 and self.reach[count - 1] > sentence.start


def own_claims(
    document: Document, sentences: Sequence[Span], claims: Sequence[Claim]
) -> tuple[Claim, ...]:
    """The outlet's own claims: the lede and refutations among the sentences that hold
    no attributed claim, and refutations in its own words beside one."""
    table = tables.load("extract/own_voice")
    taken = _Taken([span for claim in claims for span in (*claim.content, claim.cue) if span])
    claimed = _Taken([span for c in claims for span in (*c.content, c.cue, c.speaker) if span])
    verdicts = sorted(_start(c) for c in claims if c.rule in _verdict_rules())
    title = " ".join(document.meta.title.split())
    out = []
    lede_found = False
    for sentence in sentences:
        holds = taken.overlaps(sentence)  # its claims' words are theirs: a refuting word
        outlets = holds and refuting_outside(document.text, sentence, claimed, verdicts)
        if lede_found and holds and not outlets:  # outside them is the outlet's
            continue  # ("X, who said Y, was lying"); nothing else is
        text = sentence.text.strip()
        words = len(_WORD.findall(text))
        short = words < table["min_words"]  # no lede; a refutation still ("It's a hoax.")
        if short and (words < table["min_words_refuting"] or not refutes(text)):
            continue
        headline = _is_title(text, title)
        is_lede = not short and not lede_found and not headline
        lede_found = lede_found or (not headline and not short)
        if words > table["max_words"]:
            continue
        if holds:
            if not outlets:
                continue
            is_lede = False
        rule = "own-voice-lede" if is_lede else "own-voice-refutation"
        if not is_lede and not refutes(text):
            continue
        span = front.after_dateline(document.text, trimmed(sentence))
        out.append(
            Claim(
                id=claim_id(document.path, (span,)),
                doc=document.path,
                speaker=None,
                cue=None,
                content=(span,),
                kind=Kind.OWN,
                stance=Stance.ASSERTS,
                rule=rule,
            )
        )
    return tuple(out)


@functools.cache
def _verdict_rules() -> frozenset[str]:
    """The rules whose claim holds the word that calls its content false ("Bettman called
    the report a complete fabrication"): the ``rules`` of [denies] in stance.toml."""
    return frozenset(tables.load("extract/stance")["denies"]["rules"])


def _start(claim: Claim) -> int:
    """Where a claim starts: its first span of speaker, cue and content."""
    return min(s.start for s in (claim.speaker, claim.cue, *claim.content) if s is not None)


def refuting_outside(
    text: str, sentence: Span, claimed: _Taken, verdicts: Sequence[int] = ()
) -> bool:
    """Whether a refuting word of ``sentence`` stands outside every span of ``claimed``
    (each claim's speaker, cue and content), and after no claim of ``verdicts`` (their
    starts, sorted) that starts in the sentence: that claim's speaker says the word."""
    return any(
        match.group("word") is not None
        and not claimed.overlaps(Span(match.start(), match.end(), match.group()))
        and bisect.bisect_left(verdicts, sentence.start)
        == bisect.bisect_left(verdicts, match.start())
        for match in refuting().finditer(text, sentence.start, sentence.end)
    )


def _is_title(text: str, title: str) -> bool:
    """Whether ``text`` is the title, spaces aside (a text shorter than it never is)."""
    return len(text) >= len(title) and " ".join(text.split()) == title


def trimmed(sentence: Span) -> Span:
    """The sentence without surrounding white space."""
    text = sentence.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Span(sentence.start + start, sentence.start + end, text[start:end])
