"""The PolNeAR scorer: hand-computed figures on tiny corpora, and agreement with shared/bench."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from provenance import errors
from provenance.evaluate import scoring
from provenance.evaluate.polnear import (
    Attribution,
    annotation_files,
    attributed,
    nested,
    parse_ann,
    predicted,
)
from provenance.evaluate.scoring import Case
from provenance.extract.records import claim_record
from provenance.model import Claim, Kind, Span, Stance, claim_id

SHARED = Path(__file__).parents[2] / "shared"
SCORER = SHARED / "bench" / "polnear_score.py"
DEV = SHARED / "data" / "polnear" / "dev"

# ---------------------------------------------------------------- helpers


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def claim(
    doc: str,
    text: str,
    content: list[tuple[int, int]],
    speaker: tuple[int, int] | None = None,
    cue: tuple[int, int] | None = None,
) -> Claim:
    """A predicted claim over ``text`` from offsets."""
    spans = tuple(Span.of(text, s, e) for s, e in content)
    return Claim(
        id=claim_id(doc, spans),
        doc=doc,
        speaker=Span.of(text, *speaker) if speaker else None,
        cue=Span.of(text, *cue) if cue else None,
        content=spans,
        kind=Kind.INDIRECT,
        stance=Stance.ASSERTS,
    )


def flat(record: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``("partial.f1", 0.5)`` pairs of a nested result record."""
    for key, value in record.items():
        if isinstance(value, dict):
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def read(path: Path) -> str:
    """A file's text with no newline translation."""
    return path.read_bytes().decode("utf-8")


def ours(folder: Path, claims: dict[str, list[Claim]]) -> dict[str, Any]:
    """Our figures for the gold in ``folder`` and the given claims per text stem."""
    cases = []
    for path in sorted((folder / "text").glob("*.txt")):
        text = read(path)
        ann = annotation_files(p.name for p in (folder / "attributions").glob("*.ann"))
        gold = parse_ann(read(folder / "attributions" / ann[path.stem]), "x")
        preds = [predicted(c, len(text)) for c in claims.get(path.stem, [])]
        pred = tuple(att for att, _ in preds)
        bad = sum(n for _, n in preds)
        cases.append(Case(path.stem, text, gold.attributions, pred, gold.dropped, bad))
    return scoring.result_record(scoring.score(cases))


def reference(folder: Path, claims: dict[str, list[Claim]], tmp: Path) -> dict[str, Any] | None:
    """The shared scorer's figures for the same predictions (None when ../shared is absent)."""
    if not SCORER.is_file():
        return None
    preds = tmp / "preds.jsonl"
    lines = [json.dumps(claim_record(c)) + "\n" for stem in sorted(claims) for c in claims[stem]]
    preds.write_text("".join(lines), encoding="utf-8")
    command = [sys.executable, str(SCORER), "--gold", str(folder), "--pred", str(preds), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def assert_agrees(mine: dict[str, Any], theirs: dict[str, Any] | None) -> None:
    """Every figure of ours equals the reference's to the third decimal (but ``nested``: the
    figures with the nested claims eval leaves out counted, which the reference cannot know)."""
    if theirs is None:
        return
    expected = dict(flat(theirs))
    for key, value in flat(mine):
        if key.startswith("nested."):
            continue
        assert key in expected, key
        assert value == pytest.approx(expected[key], abs=5e-4), key
    assert dict(flat(mine["warnings"])) == dict(flat(theirs["warnings"]))


def corpus(tmp: Path, text: str, ann: str, name: str = "doc") -> Path:
    """A one-text PolNeAR folder in ``tmp``."""
    (tmp / "gold" / "text").mkdir(parents=True)
    (tmp / "gold" / "attributions").mkdir()
    (tmp / "gold" / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (tmp / "gold" / "attributions" / f"{name}_a1.ann").write_text(ann, encoding="utf-8")
    return tmp / "gold"


def t_line(ident: str, label: str, text: str, *frags: tuple[int, int]) -> str:
    """A brat T line for the fragments of ``text``."""
    offsets = ";".join(f"{s} {e}" for s, e in frags)
    return f"{ident}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in frags)}\n"


# ---------------------------------------------------------------- brat parsing


def test_parse_ann_reads_roles_discontinuous_spans_and_content2() -> None:
    """Source, Cue, Content and Content2 become sorted fragments; Attribution anchors ignored."""
    ann = (
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 30 40;10 20\tx\n"
        "T4\tContent 50 55\ty\nT5\tAttribution 3 7\tsaid\n"
        "E1\tAttribution:T5 Content:T3 Cue:T2 Source:T1 Content2:T4\n"
    )
    gold = parse_ann(ann, "a.ann")
    assert gold.attributions == (
        Attribution(((0, 2),), ((3, 7),), ((10, 20), (30, 40), (50, 55)), label="E1"),
    )
    assert gold.dropped == 0


@pytest.mark.parametrize(
    ("ann", "kept", "dropped"),
    [
        ("T1\tCue 3 7\tsaid\nE1\tAttribution:T1 Cue:T1\n", 0, 1),
        ("T1\tContent 3 7\tsaid\nE1\tContent:T9\n", 0, 1),  # names a span that is not there
        ("T1\tContent 3 7\tsaid\nE1\tContent:T1\nE2\tContent:T1\n", 2, 0),
        ("#1\tAnnotatorNotes T1\tnote\nmore text of a span with a newline\n", 0, 0),
        ("T1\tDiscard 0 9\tboilerplt\nE1\tAttribution:T1\n", 0, 1),
    ],
)
def test_parse_ann_keeps_only_attributions_with_content(ann: str, kept: int, dropped: int) -> None:
    """E lines without a content fragment are dropped and counted; other lines are ignored."""
    gold = parse_ann(ann, "a.ann")
    assert (len(gold.attributions), gold.dropped) == (kept, dropped)


@pytest.mark.parametrize("offsets", ["10 20 30", "10;", "10 20;30"])
def test_parse_ann_names_the_line_of_bad_offsets(offsets: str) -> None:
    """A T line whose offsets are not START END pairs is an error naming path:line."""
    with pytest.raises(errors.InputError, match=r"^a\.ann:2: offsets"):
        parse_ann(f"T1\tCue 3 7\tsaid\nT2\tContent {offsets}\tx\n", "a.ann")


def test_annotation_files_picks_the_lexicographically_first() -> None:
    """Several annotators: the first .ann by name is the gold; other files are ignored."""
    names = ["b_x_2.ann", "b_x_1.ann", "a_9.ann", "a.ann", "b_x.txt", "c_1.ann"]
    assert annotation_files(names) == {"b_x": "b_x_1.ann", "a": "a_9.ann", "c": "c_1.ann"}


# ---------------------------------------------------------------- figures by hand

TEXT = (
    'Smith said: "Taxes will rise," and, "spending will fall." '
    "Jones denied it: prices are stable. A poll found voters unhappy.\n"
)


def gold_line(ident: str, src: str, cue: str, *contents: str, nth: int = 0) -> str:
    """T and E lines of one attribution (one T per content part)."""
    lines, args = "", []
    for k, (label, part) in enumerate([("Source", src), ("Cue", cue)]):
        if part:
            lines += t_line(f"T{ident}{k}", label, TEXT, at(TEXT, part, nth))
            args.append(f"{label}:T{ident}{k}")
    for k, part in enumerate(contents, 2):
        lines += t_line(f"T{ident}{k}", "Content", TEXT, at(TEXT, part))
        args.append(f"Content{'' if k == 2 else k - 1}:T{ident}{k}")
    return lines + f"E{ident}\t{' '.join(args)}\n"


def test_discontinuous_content_partial_but_not_strict(tmp_path: Path) -> None:
    """A prediction of one fragment of a split quote matches partially, not strictly."""
    frags = (at(TEXT, "Taxes will rise"), at(TEXT, "spending will fall"))
    ann = t_line("T1", "Source", TEXT, at(TEXT, "Smith")) + t_line("T2", "Content", TEXT, *frags)
    folder = corpus(tmp_path, TEXT, ann + "E1\tSource:T1 Content:T2\n")
    claims = {"doc": [claim("doc", TEXT, [at(TEXT, "Taxes will rise")], at(TEXT, "Smith"))]}
    mine = ours(folder, claims)
    assert (mine["partial"]["tp"], mine["strict"]["tp"]) == (1, 0)
    assert mine["tokens"]["content"] == scoring.prf(3, 3, 6)
    assert mine["pairs"]["source_exact"]["tp"] == 1
    assert_agrees(mine, reference(folder, claims, tmp_path))


def test_content2_joins_into_one_extent_for_strict(tmp_path: Path) -> None:
    """Content and Content2 are one attribution; strict compares first start .. last end."""
    ann = gold_line("1", "Smith", "said", "Taxes will rise", "spending will fall")
    folder = corpus(tmp_path, TEXT, ann)
    joined = (at(TEXT, "Taxes")[0], at(TEXT, "fall")[1] + 2)  # ends with ."  (stripped)
    claims = {"doc": [claim("doc", TEXT, [joined], cue=at(TEXT, "said"))]}
    mine = ours(folder, claims)
    assert (mine["strict"]["tp"], mine["tokens"]["content"]["pred"]) == (1, 7)
    assert (mine["pairs"]["cue_exact"]["tp"], mine["pairs"]["source_exact"]["r"]) == (1, 0.0)
    assert_agrees(mine, reference(folder, claims, tmp_path))


def test_e_line_without_content_is_dropped(tmp_path: Path) -> None:
    """Gold without content is not counted; the prediction is then a false alarm."""
    ann = t_line("T1", "Cue", TEXT, at(TEXT, "found")) + "E1\tCue:T1\n"
    folder = corpus(tmp_path, TEXT, ann)
    claims = {"doc": [claim("doc", TEXT, [at(TEXT, "voters unhappy")])]}
    mine = ours(folder, claims)
    assert (mine["gold_attributions"], mine["gold_dropped_no_content"]) == (0, 1)
    assert mine["partial"] == scoring.prf(0, 1, 0)
    assert_agrees(mine, reference(folder, claims, tmp_path))


@pytest.mark.parametrize(
    ("cue_nth", "tp"),
    [(1, 1), (0, 0)],  # the colon after "denied it" / the colon after "Smith said"
)
def test_cue_colon_counts_its_character(tmp_path: Path, cue_nth: int, tp: int) -> None:
    """A cue ":" covers no word: its character is its token, so only the same colon overlaps."""
    ann = t_line("T1", "Source", TEXT, at(TEXT, "Jones")) + t_line(
        "T2", "Cue", TEXT, at(TEXT, ":", 1)
    )
    ann += t_line("T3", "Content", TEXT, at(TEXT, "prices are stable"))
    folder = corpus(tmp_path, TEXT, ann + "E1\tSource:T1 Cue:T2 Content:T3\n")
    pred = claim("doc", TEXT, [at(TEXT, "prices are")], at(TEXT, "Jones"), at(TEXT, ":", cue_nth))
    claims = {"doc": [pred]}
    mine = ours(folder, claims)
    assert mine["tokens"]["cue"] == scoring.prf(tp, 1, 1)
    assert mine["pairs"]["cue_overlap"]["tp"] == tp
    # both colons trim to nothing, and nothing equals nothing: the reference counts it exact
    assert mine["pairs"]["cue_exact"]["tp"] == 1
    assert_agrees(mine, reference(folder, claims, tmp_path))


def test_ties_go_to_the_first_gold_then_the_first_prediction(tmp_path: Path) -> None:
    """Equal overlaps: gold order, then prediction order, decides who is matched."""
    ann = gold_line("1", "", "", "Taxes will rise") + gold_line("2", "", "", "Taxes will")
    folder = corpus(tmp_path, TEXT, ann)
    first = claim("doc", TEXT, [at(TEXT, "Taxes will")])
    second = claim("doc", TEXT, [at(TEXT, '"Taxes will')])
    claims = {"doc": [first, second]}
    mine = ours(folder, claims)
    case = Case("doc", TEXT, parse_ann(ann, "a").attributions, (predicted(first, len(TEXT))[0],))
    assert scoring.match_partial(case) == (scoring.Match(0, 0, 2),)
    assert mine["partial"]["tp"] == 2 and mine["strict"]["tp"] == 1
    assert mine["pairs"]["source_null_agree"] == 2
    assert_agrees(mine, reference(folder, claims, tmp_path))


def test_greedy_takes_the_largest_overlap_first(tmp_path: Path) -> None:
    """A prediction goes to the gold it shares most with, even if that gold comes later."""
    ann = gold_line("1", "", "", "will rise") + gold_line("2", "", "", "Taxes will rise")
    folder = corpus(tmp_path, TEXT, ann)
    claims = {"doc": [claim("doc", TEXT, [at(TEXT, "Taxes will rise")])]}
    mine = ours(folder, claims)
    errs = list(scoring.error_records(_case(folder, claims)))
    assert mine["partial"]["tp"] == 1 and mine["partial_any"]["tp_gold"] == 2
    assert [(e["kind"], e["gold"]["id"]) for e in errs] == [("missed", "E1")]
    assert_agrees(mine, reference(folder, claims, tmp_path))


def _case(folder: Path, claims: dict[str, list[Claim]]) -> Case:
    text = read(folder / "text" / "doc.txt")
    gold = parse_ann(read(folder / "attributions" / "doc_a1.ann"), "a")
    pred = tuple(predicted(c, len(text))[0] for c in claims["doc"])
    return Case("doc", text, gold.attributions, pred)


def test_error_records_name_misses_false_alarms_and_differences(tmp_path: Path) -> None:
    """--errors kinds: a missed gold, a spurious prediction, a matched pair whose source differs."""
    ann = gold_line("1", "Smith", "said", "Taxes will rise") + gold_line("2", "", "", "poll found")
    folder = corpus(tmp_path, TEXT, ann)
    wrong = claim("doc", TEXT, [at(TEXT, "Taxes will rise")], at(TEXT, "Jones"), at(TEXT, "said"))
    claims = {"doc": [wrong, claim("doc", TEXT, [at(TEXT, "prices are stable")])]}
    kinds = [(e["kind"], e.get("differs")) for e in scoring.error_records(_case(folder, claims))]
    assert kinds == [("missed", None), ("spurious", None), ("matched_differs", ["source"])]


def test_nested_claims_are_left_out_and_counted_apart(tmp_path: Path) -> None:
    """A claim nested in another's content (``within``) is no prediction PolNeAR could match:
    eval leaves it out of every figure and reports the partial and strict figures with it."""
    folder = corpus(tmp_path, TEXT, gold_line("1", "Smith", "said", "Taxes will rise"))
    outer = claim("doc", TEXT, [at(TEXT, "Taxes will rise")], at(TEXT, "Smith"), at(TEXT, "said"))
    inner = attrs.evolve(claim("doc", TEXT, [at(TEXT, "will rise")]), within=outer.id)
    own = attrs.evolve(claim("doc", TEXT, [at(TEXT, "prices are stable")]), kind=Kind.OWN)
    found = [outer, inner, own]
    assert (attributed(found), nested(found)) == ([outer], [inner])
    case = attrs.evolve(_case(folder, {"doc": [outer]}), nested=(predicted(inner, len(TEXT))[0],))
    record = scoring.result_record(scoring.score([case]))
    assert record["partial"] == scoring.prf(1, 1, 1)
    assert record["nested"] == {
        "left_out": 1,
        "counted": {"partial": scoring.prf(1, 2, 1), "strict": scoring.prf(1, 2, 1)},
    }
    kinds = [e["kind"] for e in scoring.error_records(case)]
    assert kinds == ["nested"]


@pytest.mark.parametrize(
    ("pred", "strict"),
    [('"Taxes will rise,"', 1), ("Taxes will rise", 1), ('"Taxes will rise', 1), ("Taxes will", 0)],
)
def test_strict_strips_quotes_spaces_and_punctuation(
    tmp_path: Path, pred: str, strict: int
) -> None:
    """Strict matching ignores quote marks, spaces and punctuation at either end only."""
    folder = corpus(tmp_path, TEXT, gold_line("1", "", "", '"Taxes will rise,"'))
    claims = {"doc": [claim("doc", TEXT, [at(TEXT, pred)])]}
    mine = ours(folder, claims)
    assert (mine["partial"]["tp"], mine["strict"]["tp"]) == (1, strict)
    assert_agrees(mine, reference(folder, claims, tmp_path))


def test_out_of_range_and_empty_spans_are_clipped_and_counted() -> None:
    """A span past the text end is clipped; an empty one is dropped; both are counted."""
    text = "short text"
    bad = Claim(
        "c-1", "d", Span(3, 3, ""), None, (Span(6, 40, "text"),), Kind.DIRECT, Stance.ASSERTS
    )
    att, out_of_range = predicted(bad, len(text))
    assert (att.source, att.content, out_of_range) == ((), ((6, 10),), 2)


def test_prf_is_zero_without_predictions_or_gold() -> None:
    """No predictions (or no gold) gives 0, never a division error."""
    assert scoring.prf(0, 0, 5) == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 5}
    assert scoring.prf(2, 4, 2)["f1"] == pytest.approx(2 / 3, abs=1e-4)


# ---------------------------------------------------------------- the dev split


def perturbed(doc: str, text: str, gold: tuple[Attribution, ...]) -> list[Claim]:
    """Predictions made from the gold with every kind of mistake, deterministically."""
    out = [claim(doc, text, [(0, min(40, len(text)))])]  # a false alarm
    for k, g in enumerate(gold):
        src = g.source[0] if g.source else None
        cue = g.cue[0] if g.cue else None
        start, end = g.content[0][0], g.content[-1][1]
        variants: list[list[tuple[int, int]]] = [
            [],  # missed
            list(g.content),  # exact
            [(min(start + 5, end - 1), end)],  # shifted start
            [(start, (start + end) // 2), ((start + end) // 2, end)],  # split into two claims
        ]
        pick = variants[k % 4]
        if k % 4 == 3:
            out += [claim(doc, text, [pick[0]], src, cue), claim(doc, text, [pick[1]], None, None)]
        elif pick:
            out.append(claim(doc, text, pick, cue if k % 3 else src, src if k % 5 else None))
    return out


def test_dev_split_figures_agree_with_the_shared_scorer(tmp_path: Path) -> None:
    """On the dev split and perturbed-gold predictions, every figure matches polnear_score.py."""
    if not DEV.is_dir() or not SCORER.is_file():
        pytest.skip("../shared (PolNeAR dev and the reference scorer) is not beside the repository")
    names = annotation_files(p.name for p in (DEV / "attributions").iterdir())
    claims = {}
    for path in sorted((DEV / "text").glob("*.txt")):
        text = read(path)
        gold = parse_ann(read(DEV / "attributions" / names[path.stem]), "a")
        claims[path.stem] = perturbed(path.as_posix(), text, gold.attributions)
    mine = ours(DEV, claims)
    assert mine["docs"] == 84 and 0 < mine["partial"]["f1"] < 1 and mine["strict"]["tp"] > 0
    assert_agrees(mine, reference(DEV, claims, tmp_path))
