"""Text pairs from a CSV file, related with one set of word weights (``provenance relate``)."""

from __future__ import annotations

import csv
from pathlib import Path

from provenance.errors import InputError, UsageError
from provenance.progress import Step, no_step
from provenance.relate.body import Judgement
from provenance.relate.engine import relate_texts
from provenance.relate.weights import WordWeights

Row = tuple[str, str, str]


def read_pairs(path: Path, columns: tuple[str, str, str]) -> list[Row]:
    """(id, a, b) of every row; one-line errors for a missing file, bad bytes or columns."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            missing = [c for c in columns if c not in header]
            if missing:
                raise UsageError(
                    f"{path}: no column {', '.join(map(repr, missing))} (has {', '.join(header)})"
                )
            return [
                (row[columns[0]], row[columns[1]] or "", row[columns[2]] or "") for row in reader
            ]
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: not a regular file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})"
        ) from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a CSV file ({exc})") from None


def relate_rows(
    rows: list[Row], weights: WordWeights | None = None, step: Step = no_step
) -> list[tuple[str, Judgement]]:
    """Each row's id with the relation of its text b to its text a.

    Default weights: fitted on the rows' distinct b texts.
    """
    if weights is None:
        weights = WordWeights.fit(sorted({b for _, _, b in rows}))
    advance = step("relating", len(rows))
    judged = []
    for row_id, a, b in rows:
        judged.append((row_id, relate_texts(a, b, weights)))
        advance()
    return judged


def relate_csv(
    path: Path,
    columns: tuple[str, str, str],
    weights: WordWeights | None = None,
    step: Step = no_step,
) -> list[tuple[str, Judgement]]:
    """The rows of a CSV file (``columns``: id, text a, text b), each with its relation."""
    return relate_rows(read_pairs(path, columns), weights, step)
