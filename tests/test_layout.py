"""The one direction of imports: cli ─► stages ─► model, lang; rich only in report and cli."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "provenance"
STAGES = ("extract", "relate", "ledger", "report", "evaluate")
BASE = (
    "model.py", "errors.py", "tables.py", "tables_schema.py", "progress.py", "regexes.py",
    "display.py", "forked.py",
)  # fmt: skip


def module_name(path: Path) -> str:
    """``provenance.relate.engine`` for ``provenance/relate/engine.py``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports (``from a import b`` gives ``a`` and ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(*folders: str) -> list[Path]:
    """The modules under ``provenance/<folder>`` for each folder (or file)."""
    paths: list[Path] = []
    for folder in folders:
        where = PACKAGE / folder
        paths += [where] if where.is_file() else sorted(where.rglob("*.py"))
    return paths


def within(name: str, *packages: str) -> bool:
    """Whether module ``name`` is one of ``packages`` or under one."""
    return any(name == p or name.startswith(f"{p}.") for p in packages)


@pytest.mark.parametrize("path", modules(*STAGES, "lang"), ids=module_name)
def test_no_stage_imports_the_cli(path: Path) -> None:
    """A stage never imports the command line."""
    assert not [m for m in imports(path) if within(m, "provenance.cli")]


@pytest.mark.parametrize("path", modules(*BASE, "lang"), ids=module_name)
def test_the_base_imports_no_stage(path: Path) -> None:
    """The model, errors, tables, progress and lang/ import no stage and not the CLI."""
    stages = [f"provenance.{stage}" for stage in (*STAGES, "cli", "api")]
    assert not [m for m in imports(path) if within(m, *stages)]


NOT_REPORT = [stage for stage in STAGES if stage != "report"]


@pytest.mark.parametrize("path", modules(*NOT_REPORT, "lang", *BASE, "api.py"), ids=module_name)
def test_only_report_and_cli_import_rich(path: Path) -> None:
    """rich is the report's and the CLI's; every other stage returns model objects."""
    assert not [m for m in imports(path) if within(m, "rich")]


def test_the_check_sees_rich_where_it_is() -> None:
    """The import scan finds rich in the report's terminal module (the test can fail)."""
    assert "rich.console" in imports(PACKAGE / "report" / "terminal.py")


def test_every_module_is_checked() -> None:
    """Each module of the package lies in a stage, the CLI, lang/ or the base."""
    checked = set(modules(*STAGES, "lang", *BASE, "cli", "__init__.py", "__main__.py", "api.py"))
    assert set(PACKAGE.rglob("*.py")) == checked


def test_the_schema_knows_the_macros_the_rules_build() -> None:
    """The cue macro names the table schema accepts are those extract.rules builds."""
    from provenance import tables_schema
    from provenance.extract import rules

    assert set(rules.macro_forms()) == tables_schema.cue_macro_names()
    assert set(rules.language_macros()) == set(tables_schema.LANGUAGE_MACROS)
