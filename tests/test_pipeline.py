"""The extraction pipeline end to end: the seed articles, determinism, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.extract import pipeline, reader
from provenance.model import Claim, Document, Kind, Region, Stance

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_claims(stem: str) -> tuple[Claim, ...]:
    """The claims of the seed whose file name starts with ``stem``."""
    path = next(SEEDS.glob(f"{stem}_*.txt"))
    return pipeline.extract(reader.read_document(path, f"seeds/{path.name}"))


def find(claims: tuple[Claim, ...], speaker: str, cue: str) -> Claim:
    """The one claim with this speaker and cue text."""
    hits = [
        c for c in claims if c.speaker and c.speaker.text == speaker and c.cue and c.cue.text == cue
    ]
    assert len(hits) == 1, [(c.speaker, c.cue) for c in claims]
    return hits[0]


# seed, speaker, cue, stance, start of the content, number of content fragments
SEED_CLAIMS = [
    ("000", "President Donald Trump", "announced", Stance.ASSERTS, "“The territory once held", 1),
    ("000", "Trump", "said", Stance.ASSERTS, "“Thanks to the defeat", 2),
    ("002", "Israeli authorities", "believe", Stance.HEDGES, "is an IS-linked attack", 1),
    ("002", "IS", "claimed", Stance.ASSERTS, "responsibility for a rocket attack", 1),
    ("002", "reports", "have emerged", Stance.REPORTS, "that large numbers", 1),
    ("002", "IS", "released a video stating", Stance.REPORTS, "that China should expect", 1),
    (
        "002",
        "Israeli Major-General Yoav Mordechai",
        "recently called out",
        Stance.ASSERTS,
        "the Gaza",
        1,
    ),
    (
        "002",
        "A spokesman for the Chinese foreign ministry",
        "stated",
        Stance.ASSERTS,
        "“East Turkestan",
        1,
    ),
    (
        "002",
        "A spokesman for the Chinese foreign ministry",
        "did not comment",
        Stance.REFUSES,
        "on the video",
        1,
    ),
    (
        "003",
        "the Israeli army spokesman",
        "vehemently denied",
        Stance.DENIES,
        "the ISIS was running",
        1,
    ),
    (
        "003",
        "DEBKA Weekly’s counterterrorism sources",
        "say",
        Stance.ASSERTS,
        "this claim flies",
        1,
    ),
    (
        "003",
        "The Russian Defense Ministry",
        "qualified claim",
        Stance.HEDGES,
        "that the “caliph”",
        1,
    ),
    (
        "003",
        "Deputy Foreign Minister Gennady Gatilov",
        "admitted",
        Stance.CONCEDES,
        "that Al- Baghdad’s",
        1,
    ),
    ("003", "sources in the Russian foreign ministry", "said", Stance.ASSERTS, "“We can say", 1),
    ("004", "a new report", "according to", Stance.ASSERTS, "Libya has become", 1),
    (
        "004",
        "The Combating Terrorism Center report, published Thursday",
        "said",
        Stance.REPORTS,
        "the terrorist group",
        1,
    ),
    ("004", "The West Point center", "noted", Stance.ASSERTS, "that there’s no doubt", 1),
    ("004", "the center", "also said", Stance.ASSERTS, "ISIS’ Libya base", 1),
]


@pytest.mark.parametrize(("seed", "speaker", "cue", "stance", "content", "fragments"), SEED_CLAIMS)
def test_seed_claims(
    seed: str, speaker: str, cue: str, stance: Stance, content: str, fragments: int
) -> None:
    """The statements a careful reader finds in the seeds come out once, with their stance."""
    claim = find(seed_claims(seed), speaker, cue)
    assert claim.stance is stance
    assert claim.content_text.startswith(content)
    assert len(claim.content) == fragments


@pytest.mark.parametrize(
    ("seed", "speaker", "cue", "date"),
    [
        ("000", "President Donald Trump", "announced", "-03-23"),
        ("003", "The Russian Defense Ministry", "qualified claim", "-06-16"),
        ("003", "Deputy Foreign Minister Gennady Gatilov", "admitted", "-06-20"),
        ("003", "sources in the Russian foreign ministry", "said", "-06-22"),
    ],
)
def test_seed_dates(seed: str, speaker: str, cue: str, date: str) -> None:
    """The date the sentence around the cue gives (dates.py resolves it) reaches the claim."""
    claim = find(seed_claims(seed), speaker, cue)
    assert claim.date is not None and claim.date.isoformat().endswith(date)


def test_seed_004_repeat_yields_nothing_twice() -> None:
    """The repeated block of seed 004 gives each statement once."""
    contents = [c.content_text for c in seed_claims("004")]
    assert len(contents) == len(set(contents))


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_offsets_and_order(stem: str) -> None:
    """Every span indexes the text; claims are in text order with distinct ids."""
    path = next(SEEDS.glob(f"{stem}_*.txt"))
    document = reader.read_document(path)
    claims = pipeline.extract(document)
    for claim in claims:
        for span in (claim.speaker, claim.cue, *claim.content):
            assert span is None or document.text[span.start : span.end] == span.text
    assert [c.content[0].start for c in claims] == sorted(c.content[0].start for c in claims)
    assert len({c.id for c in claims}) == len(claims)


def test_deterministic() -> None:
    """The same document gives the same claims twice."""
    path = next(SEEDS.glob("003_*.txt"))
    document = reader.read_document(path)
    assert pipeline.extract(document) == pipeline.extract(document)


def test_excluded_regions_honoured() -> None:
    """A claim inside an excluded region is not extracted."""
    text = "Officials said the road was closed.\nThe mayor said it would reopen.\n"
    start = text.index("The mayor")
    document = Document(path="t.txt", text=text, excluded=(Region(start, len(text), "repeat"),))
    assert [c.content_text for c in pipeline.extract(document)] == ["the road was closed"]


def test_no_attributed_claims_in_seed_001() -> None:
    """An analysis piece without attributed statements yields only the outlet's own lede."""
    claims = seed_claims("001")
    assert [c.kind for c in claims] == [Kind.OWN]
    assert claims[0].rule == "own-voice-lede" and claims[0].speaker is None


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # a one-line article: its line is also its title, and it refutes
        ("The third breast story is a hoax.\n", ["own-voice-refutation"]),
        # a headline that refutes, then a lede
        (
            "The shark photo was doctored\n\nA photo of a shark swimming on a flooded "
            "highway spread widely on Sunday.\n",
            ["own-voice-refutation", "own-voice-lede"],
        ),
        # a headline that states, then a lede: the headline is no claim of its own
        (
            "Storm closes the coast road\n\nThe coast road was closed on Sunday after "
            "the storm brought down trees.\n",
            ["own-voice-lede"],
        ),
    ],
)
def test_a_headline_that_refutes_is_the_outlets_own_claim(
    tmp_path: Path, text: str, rules: list[str]
) -> None:
    """The title is the outlet's words too: when it calls something false, it is kept."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    assert [c.rule for c in claims] == rules


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The story was fabricated.", True),
        ("The claim is false.", True),
        ("It's a hoax.", True),
        ("The study is flawed.", True),
        ("Not true.", False),  # two words: what is false is not said
        ("The road was closed.", False),  # short, and refutes nothing: no claim
        ("The driver lied.", True),  # calling someone a liar calls their words false
        ("The mayor was lying.", True),
        ("That isn’t true.", True),  # contracted, either apostrophe
        ("That wasn't true.", True),
        ("The driver was lying on the road.", False),  # "lying" of lying down
        ("Most voters made up their minds early.", False),  # "made up" of deciding
        ("The driver made it up.", True),
    ],
)
def test_a_short_sentence_that_refutes_is_the_outlets_own_claim(
    tmp_path: Path, sentence: str, kept: bool
) -> None:
    """A refutation needs no five words: a subject, a verb and the refuting word state it."""
    path = tmp_path / "a.txt"
    lede = "A photo of a shark swimming on a flooded highway spread widely on Sunday."
    path.write_text(f"Shark on the highway\n\n{lede}\n\n{sentence}\n", encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    refutations = [c.content_text for c in claims if c.rule == "own-voice-refutation"]
    assert refutations == ([sentence] if kept else [])
    assert claims[0].rule == "own-voice-lede"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Storm closes the coast road\n\nPORTLAND, Maine (AP) — The coast road was closed "
            "on Sunday after the storm brought down trees.\n",
            "The coast road was closed on Sunday after the storm brought down trees.",
        ),
        (
            "Storm closes the coast road\n\nLISBON, Jan. 4 (Reuters) - Fishermen stayed in port "
            "for a third day, the harbour master said.\n",
            "Fishermen stayed in port for a third day",
        ),
        (
            "Storm closes the coast road\n\nPORTLAND — The coast road was closed on Sunday "
            "after the storm brought down trees.\n",
            "The coast road was closed on Sunday after the storm brought down trees.",
        ),
    ],
)
def test_a_wire_dateline_is_in_no_content(tmp_path: Path, text: str, content: str) -> None:
    """“WASHINGTON (AP) — ” labels the story: the lede or claim starts after it."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    assert claims[0].content_text == content


@pytest.mark.parametrize(
    "lede", ["", "A photo of a shark swimming on a flooded highway spread widely on Sunday.\n\n"]
)
def test_a_sentence_that_refutes_the_claim_it_holds_is_also_the_outlets_own_claim(
    tmp_path: Path, lede: str
) -> None:
    """ "The man who said he had seen a shark on the highway was lying": the claim ends
    before "was lying", and the refuting word outside every claim's words is the outlet's
    own refutation of it, whether or not a lede came before. The man's claim is no part
    of an attribution: not nested."""
    path = tmp_path / "a.txt"
    sentence = "The man who said he had seen a shark on the highway was lying."
    path.write_text(f"Shark on the highway\n\n{lede}{sentence}\n", encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    by_rule = {c.rule: c for c in claims}
    assert by_rule["own-voice-refutation"].content_text == sentence
    said = [c for c in claims if c.speaker is not None]
    assert [c.content_text for c in said] == ["he had seen a shark on the highway"]
    assert said[0].within == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "On Wednesday, the commissioner called the report a “complete fabrication.”",
        "The commissioner called the report false, and left.",
    ],
)
def test_a_word_a_speaker_calls_something_is_the_speakers_not_the_outlets(
    tmp_path: Path, sentence: str
) -> None:
    """ "X called the report a complete fabrication": the word is X's verdict (a claim of
    speaker-called-false), though it stands outside the claim's spans: no own claim."""
    path = tmp_path / "a.txt"
    lede = "The league will add two teams next year for a fee of $1.4 billion."
    path.write_text(f"The league grows\n\n{lede}\n\n{sentence}\n", encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    assert "speaker-called-false" in [c.rule for c in claims]
    assert [c.rule for c in claims if c.rule.startswith("own-voice")] == ["own-voice-lede"]


def test_a_refuting_word_inside_a_claim_is_the_speakers_not_the_outlets(
    tmp_path: Path,
) -> None:
    """ "The mayor said the photo of the shark was fake": the mayor calls it fake."""
    path = tmp_path / "a.txt"
    lede = "A photo of a shark swimming on a flooded highway spread widely on Sunday."
    sentence = "The mayor said the photo of the shark on the highway was fake."
    path.write_text(f"Shark on the highway\n\n{lede}\n\n{sentence}\n", encoding="utf-8")
    claims = pipeline.extract(reader.read_document(path))
    assert [c.rule for c in claims if c.rule.startswith("own-voice")] == ["own-voice-lede"]
