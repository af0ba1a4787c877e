"""Score the extraction pipeline on a PolNeAR-style folder (``text/`` + ``attributions/``).

``score_folder`` reads each text and its gold, runs the pipeline on the text, and
scores the claims against the gold (``evaluate.scoring``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from provenance.errors import InputError, UsageError
from provenance.evaluate import scoring
from provenance.evaluate.polnear import (
    Gold,
    annotation_files,
    attributed,
    nested,
    parse_ann,
    predicted,
)
from provenance.evaluate.scoring import Case
from provenance.extract.pipeline import extract
from provenance.extract.reader import parse_document, read_text
from provenance.progress import Step, no_step


@attrs.frozen
class Evaluation:
    """The scored cases and the score record (``scoring.result_record``)."""

    cases: tuple[Case, ...]
    record: dict[str, Any] = attrs.field(hash=False)


def corpus(folder: Path) -> list[tuple[Path, Path | None]]:
    """Each ``text/NAME.txt`` with its first ``attributions/NAME_*.ann`` (None when unannotated)."""
    texts = folder / "text"
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    if not texts.is_dir():
        raise UsageError(f"{folder}: no text/ folder (expected text/NAME.txt + attributions/)")
    notes = folder / "attributions"
    chosen = annotation_files(p.name for p in notes.iterdir()) if notes.is_dir() else {}
    pairs = []
    for path in sorted(texts.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".txt"):
            ann = chosen.get(path.name[: -len(".txt")])
            pairs.append((path, notes / ann if ann else None))
    return pairs


def read_gold(path: Path | None) -> Gold:
    """The gold of one .ann file; none, or an empty file, is a text without attributions."""
    if path is None:
        return Gold(())
    shown = path.as_posix()
    try:
        return parse_ann(read_text(path, shown), shown)
    except InputError:
        if path.is_file() and not path.read_bytes().strip():
            return Gold(())
        raise


def score_case(text_path: Path, ann_path: Path | None) -> Case:
    """Read one text and its gold, run the pipeline on it, and pair them up for scoring."""
    name = text_path.as_posix()
    text = read_text(text_path, name)
    gold = read_gold(ann_path)
    found = extract(parse_document(name, text))
    pairs = [predicted(claim, len(text)) for claim in attributed(found)]
    return Case(
        name=text_path.name[: -len(".txt")],
        text=text,
        gold=gold.attributions,
        pred=tuple(att for att, _ in pairs),
        dropped=gold.dropped,
        out_of_range=sum(bad for _, bad in pairs),
        nested=tuple(predicted(claim, len(text))[0] for claim in nested(found)),
    )


def score_folder(folder: Path, step: Step = no_step) -> Evaluation:
    """Every case of ``folder`` scored, and the score record over them all."""
    pairs = corpus(folder)
    advance = step("scoring", len(pairs))
    cases = []
    for text_path, ann_path in pairs:
        cases.append(score_case(text_path, ann_path))
        advance()
    return Evaluation(tuple(cases), scoring.result_record(scoring.score(cases)))
