"""Shared fixtures: the repository root, the bundled seeds, ../shared when present, golden files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


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
