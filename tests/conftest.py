"""Shared fixtures: the repository root, the bundled seeds, ../shared when present, golden files."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

from provenance.model import Claim, DateBasis, Flag, Kind, Side, Span, Stance, Status

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# a claim with every field set (none at its default), placed
EVERY_FIELD = Claim(
    "c-2",
    "b/ü.txt",
    Span(0, 3, "Ann"),
    Span(4, 8, "said"),
    (Span(9, 12, "one"), Span(20, 23, "two")),
    Kind.MIXED,
    Stance.HEDGES,
    dt.date(2017, 6, 23),
    DateBasis.EXPLICIT,
    "rule-x",
    "say",
    "Ann Lee",
    Status.EDITED,
    "a note",
    Flag.REANCHORED,
    "c-1",
    Side.AGAINST,
)


def pytest_configure(config: pytest.Config) -> None:
    """The compiled-rule cache of this run (and of its subprocesses) lives in a temporary
    folder, never in the user's ~/.cache: the suite is hermetic."""
    os.environ["PROVENANCE_CACHE_DIR"] = tempfile.mkdtemp(prefix="provenance-test-cache-")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output (review the diff before committing)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; the test is skipped on a clone without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def seed_paths() -> list[Path]:
    """The five bundled seed articles."""
    return sorted(SEEDS.glob("*.txt"))
