"""Extraction sees through invisible characters; offsets stay those of the original text.

A zero-width space before a sentence's first word hides the sentence break, one inside
"sa\u200bid" hides the cue, a direction override inside a name cuts the speaker: an
attacker can merge or hide claims with characters no reader sees. ``seen_through``
runs an extractor on the text without them and maps every span back, so
``text[start:end] == span.text`` holds on the original text (the span's text keeps the
invisible characters it covers, exactly as the file has them; people see them as
``<U+200B>``, see ``provenance.display``). A text without them is extracted as it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import attrs

from provenance.model import Claim, Document, Region, Span, claim_id

# Characters that show as nothing or only steer direction: zero-width spaces, joiners
# and non-joiners, the word joiner, soft hyphens, bidi marks, embeddings, overrides and
# isolates, invisible operators, a BOM inside the text, Hangul fillers and tag characters.
HIDDEN = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\U000e0001\U000e0020-\U000e007f]+"
)

Extractor = Callable[[Document], tuple[Claim, ...]]


def seen_through(document: Document, extract: Extractor) -> tuple[Claim, ...]:
    """The claims ``extract`` finds in ``document`` read without its invisible characters."""
    original = document.text
    if HIDDEN.search(original) is None:
        return extract(document)
    kept: list[int] = []  # the original index of each character of the clean text
    parts: list[str] = []
    at = 0
    for hidden in HIDDEN.finditer(original):
        kept += range(at, hidden.start())
        parts.append(original[at : hidden.start()])
        at = hidden.end()
        if _between_sentences(original, hidden.start(), at):
            kept.append(hidden.start())  # where the run stands in for the space it hides
            parts.append(" ")
    kept += range(at, len(original))
    parts.append(original[at:])
    clean = "".join(parts)
    kept.append(len(original))
    regions = tuple(_region_in(kept, region) for region in document.excluded)
    claims = extract(attrs.evolve(document, text=clean, excluded=regions))
    return _remapped(claims, original, kept)


def _between_sentences(text: str, start: int, end: int) -> bool:
    """A hidden run after a sentence's end and before the next word: it stands for a space."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in _SENTENCE_END and not after.isspace()


_SENTENCE_END = frozenset('.!?"”’)')


def _region_in(kept: list[int], region: Region) -> Region:
    """An excluded region of the original text as a region of the clean text."""
    start, end = bisect.bisect_left(kept, region.start), bisect.bisect_left(kept, region.end)
    return attrs.evolve(region, start=start, end=end)


def _span_back(original: str, kept: list[int], span: Span) -> Span:
    """A span of the clean text as the span of the original text it covers."""
    start = kept[span.start]
    end = kept[span.end - 1] + 1 if span.end > span.start else start
    return Span(start, end, original[start:end])


def _remapped(claims: tuple[Claim, ...], original: str, kept: list[int]) -> tuple[Claim, ...]:
    """The claims with spans of the original text, and ids (and ``within``) from them."""
    moved: list[Claim] = []
    ids: dict[str, str] = {}
    for claim in claims:
        content = tuple(_span_back(original, kept, span) for span in claim.content)
        speaker = _span_back(original, kept, claim.speaker) if claim.speaker else None
        cue = _span_back(original, kept, claim.cue) if claim.cue else None
        new_id = claim_id(claim.doc, content) if claim.content else claim.id
        ids[claim.id] = new_id
        moved.append(attrs.evolve(claim, id=new_id, content=content, speaker=speaker, cue=cue))
    return tuple(attrs.evolve(c, within=ids.get(c.within, c.within)) for c in moved)
