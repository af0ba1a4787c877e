"""The README's Python API example runs as written."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


def test_python_api_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block of the README's "Python API" section runs from the root."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the Python API section shows an example"
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
