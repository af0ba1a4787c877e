"""A "sentence" too long to be one is read in pieces, linearly, and never silently."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.cli import main
from provenance.errors import LongSentenceWarning
from provenance.extract.pipeline import extract
from provenance.extract.reader import parse_document
from provenance.lang.en import sentences

CLAIM = "“The bridge is closed,” Mayor Ann Lee said on Monday "


@given(st.text(alphabet='ab \n“”".', max_size=400), st.integers(min_value=4, max_value=60))
def test_pieces_index_the_text_in_order(text: str, longest: int) -> None:
    """Pieces are spans of the text, ordered, non-overlapping, none longer than the bound,
    and only whitespace lies between pieces of one sentence."""
    spans = sentences.split(text)
    pieces, _ = sentences.cut_long(text, spans, longest)
    for piece in pieces:
        assert text[piece.start : piece.end] == piece.text
        assert 0 < piece.end - piece.start <= longest
    for before, after in itertools.pairwise(pieces):
        assert before.end <= after.start and not text[before.end : after.start].strip()
    assert "".join(p.text for p in pieces).replace(" ", "").replace("\n", "") == "".join(
        s.text for s in spans
    ).replace(" ", "").replace("\n", "")


def test_short_sentences_are_kept_as_they_are() -> None:
    """Nothing under the bound is cut: the same spans come back."""
    text = "Ann said it rained. Bob said it did not."
    spans = sentences.split(text)
    assert sentences.cut_long(text, spans, 100) == (spans, 0)


def test_pieces_end_at_a_space() -> None:
    """A long run of words is cut at its last space before the bound."""
    text = "word " * 30
    pieces, cut = sentences.cut_long(text, sentences.split(text), 22)
    assert cut == 1
    assert [p.text for p in pieces[:2]] == ["word word word word", "word word word word"]


def test_a_text_without_sentence_ends_warns_and_keeps_its_claims() -> None:
    """A passage of 40,000 characters without a stop: a warning, and the claims in it."""
    text = CLAIM * 800
    document = parse_document("long.txt", text)
    with pytest.warns(LongSentenceWarning, match=r"long\.txt: 1 passage\(s\) over 5,000"):
        claims = extract(document)
    assert len(claims) > 100
    assert {c.speaker.text for c in claims if c.speaker} <= {"Mayor Ann Lee", "Ann Lee"}


def test_an_article_warns_nothing() -> None:
    """Ordinary sentences pass without a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        extract(parse_document("ok.txt", CLAIM.strip() + ".\n"))


@pytest.mark.filterwarnings("default::provenance.errors.LongSentenceWarning")
def test_the_command_line_prints_the_warning_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``provenance extract`` says ``provenance: warning: …`` on stderr and exits 0."""
    path = tmp_path / "long.txt"
    path.write_text(CLAIM * 200, encoding="utf-8")
    assert main(["extract", "--jobs", "1", "--format", "jsonl", str(path)]) == 0
    err = capsys.readouterr().err
    assert "provenance: warning: " in err and "read in pieces" in err
    assert "Traceback" not in err and "LongSentenceWarning" not in err
