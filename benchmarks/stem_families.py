"""Which words the stemmer gives one key, counted on PolNeAR train: to check by eye.

    python benchmarks/stem_families.py [--split train] [--top 80] [--names]

Reads every ``text/*.txt`` of the split, takes the content words as the relation engine
does (aliases and word families replaced, lower case, stop words out) and groups them by
their key (``provenance.relate.stemmer.key``). A family is printed when the derivational
steps join words that inflection alone keeps apart ("expand"/"expansion"), largest
family first (occurrences of all its words), each word with its count and, with
``--names N``, only families of which at least N inflection groups are mostly written
with a capital (names: "Jennings" and "Jen" must not meet). The "before" column counts
families the stemmer before this one (one suffix of a list) kept apart.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from provenance.relate.cues import tokens
from provenance.relate.features import normalise, stem, stop_words
from provenance.relate.stemmer import inflection

SHARED = Path(__file__).resolve().parents[2] / "shared"
OLD_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def old_stem(word: str) -> str:
    """The stemmer before: one suffix of a list, when four letters stay."""
    for suffix in OLD_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def counts(split: str) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Each content word's occurrences, and how often it was written with a capital."""
    every: collections.Counter[str] = collections.Counter()
    capital: collections.Counter[str] = collections.Counter()
    stops = stop_words()
    for path in sorted((SHARED / "data" / "polnear" / split / "text").glob("*.txt")):
        norm = normalise(path.read_text(encoding="utf-8"))
        for original, token in zip(norm.split(), norm.lower().split(), strict=True):
            for word in tokens(token):
                if word[0].isalpha() and word not in stops and word.isalpha():
                    every[word] += 1
                    capital[word] += original[:1].isupper()
    return every, capital


def named_group(
    group: list[str], every: collections.Counter[str], capital: collections.Counter[str]
) -> bool:
    """Whether the words of ``group`` are mostly written with a capital (a name)."""
    return sum(capital[w] for w in group) * 2 > sum(every[w] for w in group)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--names", type=int, default=0, help="named groups at least")
    args = parser.parse_args()
    every, capital = counts(args.split)
    families: dict[str, list[str]] = collections.defaultdict(list)
    for word in every:
        families[stem(word)].append(word)
    rows = []
    for key, words in families.items():
        groups: dict[str, list[str]] = collections.defaultdict(list)
        for word in words:
            groups[inflection(word)].append(word)
        if len(groups) < 2:
            continue
        if args.names:
            named = [g for g in groups.values() if named_group(g, every, capital)]
            if len(named) < args.names:
                continue
        before = len({old_stem(w) for w in words})
        total = sum(every[w] for w in words)
        rows.append((total, key, before, groups))
    rows.sort(key=lambda row: (-row[0], row[1]))
    print(f"{len(rows)} families joined by derivation")
    for total, key, before, groups in rows[: args.top]:
        parts = "  ".join(
            "/".join(f"{w} {every[w]}" for w in sorted(g, key=lambda w: -every[w]))
            for _, g in sorted(groups.items())
        )
        print(f"{key:14} {total:6} before {before}: {parts}")


if __name__ == "__main__":
    main()
