"""The disk cache of compiled patterns gives the patterns ``re.compile`` gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance import regexes

SOURCES = [r"(?P<speaker>\w+)\s+(?P<cue>said|told)", r"\b(?:a|an|the)\b", r"(?i)x+"]
TEXT = "Bush said that THE xX man told an aide"


def _same(found: list[re.Pattern[str]]) -> None:
    """Each pattern behaves as ``re.compile`` of its source."""
    for pattern, source in zip(found, SOURCES, strict=True):
        expected = re.compile(source)
        assert pattern.pattern == source
        assert pattern.flags == expected.flags
        assert pattern.groupindex == expected.groupindex
        assert [m.span() for m in pattern.finditer(TEXT)] == [
            m.span() for m in expected.finditer(TEXT)
        ]


def test_patterns_compiled_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first call writes one cache file; a second call reads it; both match as re does."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path))
    _same(regexes.compile_all(SOURCES))
    written = list(tmp_path.glob("regex-*.marshal"))
    assert len(written) == 1
    _same(regexes.compile_all(SOURCES))
    assert list(tmp_path.iterdir()) == written


def test_a_damaged_cache_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache file that does not load is replaced, never trusted."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path))
    regexes.compile_all(SOURCES)
    (written,) = tmp_path.glob("regex-*.marshal")
    written.write_bytes(b"not marshal")
    _same(regexes.compile_all(SOURCES))
    assert written.read_bytes() != b"not marshal"


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty PROVENANCE_CACHE_DIR compiles every time and writes nothing."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    _same(regexes.compile_all(SOURCES))
    assert regexes.cache_dir() is None
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_only_costs_the_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder that cannot be made (a file is in the way) is skipped."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(blocker / "cache"))
    _same(regexes.compile_all(SOURCES))


def test_old_rule_sets_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each version of the rules writes its own file; only the newest few stay."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path))
    for n in range(7):
        regexes.compile_all([*SOURCES, f"version{n}"])
    left = sorted(tmp_path.glob("regex-*.marshal"))
    assert len(left) == 4
    _same(regexes.compile_all([*SOURCES, "version6"])[:3])
    assert sorted(tmp_path.glob("regex-*.marshal")) == left
