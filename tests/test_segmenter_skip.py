"""Skipping anchors in cues already claimed (``segmenter._SKIP_CLAIMED``) changes no claim.

The segmenter does not try a rule at an anchor inside the cue of a candidate that the
selection keeps whatever later rules find; these tests compare its claims with those
found when every rule is tried at every anchor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.extract import reader, rules, segmenter
from provenance.lang.en import sentences
from provenance.model import Claim, Document

EVERY = 5  # every fifth PolNeAR train document, as tests/test_scan_reference.py reads

SENTENCES = [text for rule in rules.rules() for text in (*rule.examples, *rule.counterexamples)]
SENTENCES += [
    "Smith said the plan failed and added that the talks had collapsed.",
    "The senator denied the report and said that it was false, aides said.",
    "“We will win,” Trump said, and he told reporters that the polls were wrong.",
    "Officials declined to comment, but said the review was under way.",
    "He said it, and said it again, and then he claimed that nobody had listened.",
]


def both(document: Document, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[Claim, ...], ...]:
    """The document's claims with skipping, then with every anchor tried."""
    spans = sentences.split(document.text, document.excluded)
    fast = segmenter.segment(document, spans)
    with monkeypatch.context() as patched:
        patched.setattr(segmenter, "_SKIP_CLAIMED", False)
        slow = segmenter.segment(document, spans)
    return fast, slow


@pytest.mark.parametrize("text", SENTENCES)
def test_skipping_changes_no_claim_of_rule_rows(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule's examples and counterexamples, and sentences with several cues."""
    fast, slow = both(Document(path="t.txt", text=text), monkeypatch)
    assert fast == slow


def test_skipping_changes_no_claim_on_polnear_train(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``EVERY``-th PolNeAR train document: the same claims either way."""
    paths = sorted((shared / "data" / "polnear" / "train" / "text").glob("*.txt"))[::EVERY]
    if not paths:
        pytest.skip("no PolNeAR train split under ../shared")
    differ = []
    for path in paths:
        fast, slow = both(reader.read_document(path), monkeypatch)
        if fast != slow:
            differ.append(path.name)
    assert not differ, f"{len(differ)} documents differ: {differ[:5]}"
