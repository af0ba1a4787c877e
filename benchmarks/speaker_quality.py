"""Speaker quality over the claims of the PolNeAR train and dev texts (924 texts).

    .venv/bin/python benchmarks/speaker_quality.py [--splits train dev]

Counts, over every claim with a speaker: speakers that are numbers, dates, clauses
(a cue or finite verb inside the speaker, or more than 25 words) or pronouns left
unresolved; then, grouping the speaker names with ``group_speakers`` as the report
does: canonical speakers that merge two people's full names (no first name and surname
shared at their end, a short form read as its formal name: "Bill Clinton" and "Hillary
Clinton"; must be 0),
and people split over several canonical names (a bare surname kept apart from the full
names that end with it: one of them is the same person). The test split is never read.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from provenance.extract import speakers
from provenance.extract.pipeline import extract
from provenance.extract.reader import parse_document
from provenance.lang.en.words import formal_first_name
from provenance.relate.speakers import canonical_speaker, group_speakers, without_initials

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
NUMBER = re.compile(r"[$€£]?\d[\d,.]*(?:\s+(?:million|billion|thousand))?")
DATE = re.compile(
    r"(?:\d{4}|(?:this|last|next)\s+(?:year|month|week)|today|yesterday)", re.IGNORECASE
)
CLAUSE = re.compile(r"\b(?:is|was|were|are|has|had|said|says|do|does|did|don[’']t|didn[’']t)\b")


def kind(text: str) -> str:
    """What is wrong with a speaker text, or "" when nothing is."""
    if NUMBER.fullmatch(text):
        return "number"
    if DATE.fullmatch(text):
        return "date"
    if "," not in text and (CLAUSE.search(text) or len(text.split()) > 25):
        return "clause"
    return ""


def _two_people(members: set[str]) -> bool:
    """Whether two full names of a group name two people: they share no first name and
    surname at their end ("Bill Clinton", "Hillary Clinton"); titles before a name
    ("Florida Gov. Jeb Bush", "Jeb Bush"), a short form ("Bill"/"William") and a middle
    initial ("Marc E. Elias", "Marc Elias") are one."""
    keys = [
        tuple(map(formal_first_name, without_initials(m))) for m in members if len(m.split()) > 1
    ]
    return any(_shared_end(a, b) < 2 for i, a in enumerate(keys) for b in keys[i + 1 :])


def _shared_end(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many words ``a`` and ``b`` share at their end."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    args = parser.parse_args()
    counts: dict[str, int] = defaultdict(int)
    names: set[str] = set()
    for split in args.splits:
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            counts["texts"] += 1
            for claim in extract(parse_document(path.stem, path.read_text(encoding="utf-8"))):
                if claim.speaker is None:
                    counts["no speaker"] += 1
                    continue
                counts["speakers"] += 1
                bad = kind(claim.speaker.text)
                if bad:
                    counts[bad] += 1
                pronoun = speakers.is_pronoun(claim.speaker.text)
                if pronoun and claim.speaker_name == claim.speaker.text:
                    counts["unresolved pronoun"] += 1
                names.add(claim.speaker_name or claim.speaker.text)
    groups: dict[str, set[str]] = defaultdict(set)
    for name, group in group_speakers(names).items():
        groups[group].add(canonical_speaker(name))
    firsts = {group for group, members in groups.items() if _two_people(members)}
    surnames: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        words = group.split()
        if all(w[:1].isupper() for w in words) and len(words) <= 3:
            surnames[words[-1].casefold()].add(group)
    split = {last for last, gs in surnames.items() if len(gs) > 1 and any(" " not in g for g in gs)}
    counts["canonical speakers"] = len(groups)
    counts["merged different first names"] = len(firsts)
    counts["surnames split from their full name"] = len(split)
    for key, value in sorted(counts.items()):
        print(f"{key:34} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
