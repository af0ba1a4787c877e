"""The report's formats: rich (golden at width 100), json schema, markdown, html, hostile text."""

from __future__ import annotations

import io
import json

import attrs
import pytest

from provenance.model import Claim, Kind, Span, Stance, claim_id
from provenance.report.as_json import claim_json
from provenance.report.as_markdown import bold, escape
from provenance.report.as_markdown import speaker as md_speaker
from provenance.report.as_rich import marked, speaker_text
from provenance.report.formats import FORMATTERS
from provenance.report.model import Entry, Filters, Report, build

from .report_ledger import (
    CONFIRMED,
    DISMISSED,
    GOLDEN,
    HOSTILE_CONTENT,
    HOSTILE_SPEAKER,
    RELATIONS,
    check_golden,
    ledger,
)


def report() -> Report:
    """The hand-built report with one confirmed and one dismissed relation shown."""
    return build(ledger(CONFIRMED, DISMISSED), RELATIONS, Filters(show_dismissed=True))


def rendered(fmt: str, width: int | None = 100) -> str:
    """The hand-built report in one format."""
    out = io.StringIO()
    FORMATTERS[fmt](report(), out, width)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [("rich", "handbuilt.txt"), ("markdown", "handbuilt.md"), ("json", "handbuilt.json")],
)
def test_golden(
    fmt: str, golden: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hand-built report, at width 100 with no colour, is what was reviewed."""
    monkeypatch.delenv("COLUMNS", raising=False)
    check_golden(golden, rendered(fmt), update_golden)


def test_every_format_is_covered() -> None:
    """Each formatter has a test here: a new format needs one."""
    assert set(FORMATTERS) == {"rich", "json", "markdown", "html"}


def test_rich_order_and_plain_output() -> None:
    """Contradictions before agreements before speakers; a non-terminal gets no escapes."""
    text = rendered("rich")
    assert "\x1b[" not in text
    order = [
        text.index(h) for h in ("Contradictions (3)", "Agreements (1)", "Speakers", "Timeline")
    ]
    assert order == sorted(order)
    assert text.index("confirmed by a person") < text.index("dismissed by a person")


@pytest.mark.parametrize("fmt", ["rich", "markdown", "html"])
def test_reasons_and_verdicts_are_in_words(fmt: str) -> None:
    """Every format names the reasons, their words and a person's verdict and note."""
    text = rendered(fmt)
    for words in ("unverified against certain", "could not be verified", "checked by hand"):
        assert words in text
    assert "dismissed" in text


@pytest.mark.parametrize("fmt", ["rich", "markdown", "html", "json"])
def test_hostile_text_is_never_interpreted(fmt: str) -> None:
    """Rich markup shows literally; terminal escapes never reach the output raw."""
    text = rendered(fmt)
    assert "\x1b" not in text
    assert "Mallory" in text
    if fmt == "rich":
        assert HOSTILE_SPEAKER in text
        assert "\\x1b[31msafe" in text
    if fmt == "json":
        claim = json.loads(text)["claims"]["c-hostile"]
        assert (claim["speaker"], claim["content"]) == (HOSTILE_SPEAKER, HOSTILE_CONTENT)


def test_json_escapes_c1_controls() -> None:
    """A C1 control (CSI) in a claim is escaped in the JSON text and reads back intact."""
    build_ = build(ledger(), ())
    entry = next(e for e in build_.claims if e.id == "c-mayor")
    odd = attrs.evolve(entry, speaker="Jane\x9b31m")
    out = io.StringIO()
    FORMATTERS["json"](attrs.evolve(build_, claims=(odd,)), out, None)
    assert "\x9b" not in out.getvalue()
    assert json.loads(out.getvalue())["claims"]["c-mayor"]["speaker"] == "Jane\x9b31m"


def test_json_schema() -> None:
    """The documented keys, in order; relations name both ids; speakers and timeline hold ids."""
    data = json.loads(rendered("json"))
    assert list(data) == ["schema", "claims", "relations", "propositions", "speakers", "timeline"]
    assert data["schema"] == 1
    assert list(data["claims"]) == sorted(data["claims"])
    assert list(data["claims"]["c-gatilov"]) == [
        "doc", "speaker", "speaker_canonical", "cue", "content", "stance", "date",
        "date_basis", "outlet", "flag", "copies", "copy_of",
    ]  # fmt: skip
    assert data["claims"]["c-gatilov"]["copies"] == []
    assert data["claims"]["c-gatilov"]["copy_of"] is None
    first = data["relations"][0]
    assert list(first) == ["a", "b", "kind", "score", "reasons", "verdict", "note"]
    assert (first["a"], first["b"], first["kind"]) == ("c-gatilov", "c-sources", "contradicts")
    assert first["verdict"] == "confirmed"
    assert list(first["reasons"][0]) == ["code", "detail", "words"]
    ids = set(data["claims"])
    assert all({r["a"], r["b"]} <= ids for r in data["relations"])
    assert all(set(s["claims"]) <= ids for s in data["speakers"])
    assert data["timeline"][-1]["date"] is None
    assert data["claims"]["c-council"]["flag"] == "reanchored"
    assert data["claims"]["c-video"]["speaker"] is None


def test_outputs_are_deterministic() -> None:
    """The same input gives the same bytes in every format."""
    for fmt in FORMATTERS:
        assert rendered(fmt) == rendered(fmt)


def test_html_is_a_page_with_the_highlight_styled() -> None:
    """rich's export: a whole page, markup escaped, highlighted words in their own span."""
    text = rendered("html")
    assert text.lstrip().startswith("<!DOCTYPE html>")
    assert "<script" not in text
    assert "[bold red]Mallory[/bold red]" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("line\nbreak", "line break"),
        ("esc \x1b[31m", "esc \\\\x1b\\[31m"),
        ("plain words", "plain words"),
    ],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    """Markdown and HTML punctuation is escaped; breaks become spaces; escapes are shown."""
    assert escape(raw) == escaped


def test_markdown_bold_marks_only_the_ranges() -> None:
    """Highlighted ranges become **bold**, the rest is escaped text."""
    text = "it could not be verified, *really*"
    assert bold(text, ((3, 24),)) == "it **could not be verified**, \\*really\\*"


def test_marked_keeps_offsets_when_neutralising() -> None:
    """A control character before a highlight does not shift the highlight."""
    text = marked("a\x1bb dead", ((4, 8),))
    assert text.plain == "a\\x1bb dead"
    assert [text.plain[s.start : s.end] for s in text.spans if s.style == "diff"] == ["dead"]


def test_golden_folder_holds_only_known_files() -> None:
    """No stray golden file lingers after a rename."""
    known = {"handbuilt.txt", "handbuilt.md", "handbuilt.json", "seeds.txt"}
    assert {p.name for p in GOLDEN.iterdir()} <= known


def test_width_changes_the_rich_layout() -> None:
    """--width is honoured by rich."""
    assert max(map(len, rendered("rich", 60).splitlines())) <= 60
    assert max(map(len, rendered("rich", 100).splitlines())) == 100


def test_a_speakers_aside_is_left_to_the_json() -> None:
    """Rich and Markdown show "Prince Naif", not the relative clause written after him;
    the JSON keeps the speaker as written."""
    who = "Prince Naif, whose ascension many hoped would end this"
    content = (Span(80, 100, "the law is a pillar"),)
    claim = Claim(
        claim_id("a.txt", content),
        "a.txt",
        Span(0, len(who), who),
        None,
        content,
        Kind.INDIRECT,
        Stance.ASSERTS,
    )
    entry = Entry(claim, who, "Naif", "a.txt")
    assert speaker_text(entry).plain == "Prince Naif"
    assert md_speaker(entry) == "Prince Naif"
    assert claim_json(entry)["speaker"] == who
