"""Golden files: the claims of each seed article, reviewed line by line.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.extract.pipeline import extract
from provenance.extract.reader import read_document
from provenance.extract.records import claim_record

from .conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "claims"


def seed_claims_json(path: Path) -> str:
    """The JSON claim records of one seed, as committed."""
    document = read_document(path, f"seeds/{path.name}")
    records = [claim_record(claim) for claim in extract(document)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_claims_match_golden(path: Path, update_golden: bool) -> None:
    """Each seed's claims equal the reviewed golden file."""
    golden = GOLDEN / f"{path.stem}.json"
    actual = seed_claims_json(path)
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == actual


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_spans_index_their_text(path: Path) -> None:
    """Every span of every seed claim is exactly its document's text at its offsets."""
    text = path.read_text(encoding="utf-8")
    for record in json.loads(seed_claims_json(path)):
        spans = [record["speaker"], record["cue"], *record["content"]]
        for span in filter(None, spans):
            assert text[span["start"] : span["end"]] == span["text"]
