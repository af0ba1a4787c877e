"""A report's relations and propositions, remembered between runs of the same ledger.

Relating the claims and grouping them into propositions take most of a report's time;
both depend only on the claims as read (claims.toml and the documents that placed
them). The cache (``ledger.cache``) keeps them under a key made of the sha256 of
claims.toml and of every document, so the next report of the same files, in any format
and with any filter, reads them instead. A changed byte anywhere, or another program
version, computes them again: the cache never changes what a report says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from provenance import forked
from provenance.ledger import cache
from provenance.ledger.anchored import Anchored
from provenance.model import Reason, Relation, RelationKind, Side
from provenance.relate.propositions import Proposition

KIND = "report"
Found = tuple[tuple[Relation, ...], tuple[Proposition, ...]]


@attrs.frozen
class Remembered:
    """Where a ledger's relations and propositions are kept, and the key of its files."""

    path: Path  # claims.toml
    key: str  # its sha256 and its documents', hashed together

    @classmethod
    def of(cls, path: Path, found: Anchored) -> Remembered:
        """The place for the ledger ``found`` read from ``path``."""
        files = json.dumps([found.source.sha256, sorted(found.shas.items())])
        return cls(path, hashlib.sha256(files.encode("utf-8")).hexdigest())

    def fetch(self) -> Found | None:
        """The relations and propositions kept for these files, or None."""
        stored = cache.fetch(self.path, KIND, self.key)
        if stored is None:
            return None
        try:
            relations, propositions = stored
            return tuple(map(_relation, relations)), tuple(map(_proposition, propositions))
        except Exception:  # a damaged entry that unmarshalled: compute them again
            return None

    def keep(
        self,
        relations: Sequence[Relation],
        propositions: Sequence[Proposition],
        background: bool = False,
    ) -> None:
        """Keep what was computed for these files (plain data); ``background``: written by a
        forked child (``forked.settle`` waits for it)."""
        forked.background(self._write, relations, propositions, forks=background)

    def _write(self, relations: Sequence[Relation], propositions: Sequence[Proposition]) -> None:
        payload = (
            tuple(map(_relation_tuple, relations)),
            tuple(map(_proposition_tuple, propositions)),
        )
        cache.keep(self.path, KIND, self.key, payload)


def _relation_tuple(relation: Relation) -> tuple[Any, ...]:
    reasons = tuple((str(r.code), r.detail, r.words) for r in relation.reasons)
    return relation.a, relation.b, relation.kind.value, relation.score, reasons


def _relation(stored: tuple[Any, ...]) -> Relation:
    a, b, kind, score, reasons = stored
    return Relation(
        a,
        b,
        RelationKind(kind),
        score,
        tuple(Reason(code, detail, tuple(words)) for code, detail, words in reasons),
    )


def _proposition_tuple(p: Proposition) -> tuple[Any, ...]:
    sides = tuple((side.value, ids) for side, ids in p.sides.items())
    sources = tuple((side.value, n) for side, n in p.sources.items())
    return p.id, p.text, sides, sources, p.docs, p.voices, p.by_hand


def _proposition(stored: tuple[Any, ...]) -> Proposition:
    id_, text, sides, sources, docs, voices, by_hand = stored
    return Proposition(
        id=id_,
        text=text,
        sides={Side(side): tuple(ids) for side, ids in sides},
        sources={Side(side): n for side, n in sources},
        docs=docs,
        voices=voices,
        by_hand=tuple(by_hand),
    )
