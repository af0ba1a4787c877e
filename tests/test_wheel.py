"""The built wheel ships every data table, and ``provenance report`` runs from it.

The wheel is built from a copy of the source (the worktree gets no build/ folder),
installed with no index into a fresh venv that sees none of this checkout; its
dependencies come from this environment through a .pth file listing only their files.
Skipped when no wheel can be built here (no build backend, no local package index).
"""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

SOURCES = ("pyproject.toml", "README.md", "provenance")


def pip(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """``python -m pip ARGS`` quietly, its output kept."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def can_build_in_place() -> bool:
    """Whether setuptools here builds wheels without an isolated build environment."""
    if importlib.util.find_spec("wheel") is not None:
        return True
    version = metadata.version("setuptools").split(".")
    return (int(version[0]), int(version[1])) >= (70, 1)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the source tree."""
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("no setuptools: cannot build a wheel")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name)
    shutil.rmtree(source / "provenance.egg-info", ignore_errors=True)
    isolation = ["--no-build-isolation", "--no-index"] if can_build_in_place() else []
    built = pip("wheel", "--no-deps", *isolation, "-w", str(work / "dist"), str(source))
    if built.returncode != 0:
        wanting = re.search(r"No matching distribution|Could not find a version", built.stdout)
        if wanting or "Could not find a version" in built.stderr:
            pytest.skip("the build backend is not installable offline here")
        pytest.fail(f"pip wheel failed:\n{built.stdout[-2000:]}\n{built.stderr[-2000:]}")
    (found,) = (work / "dist").glob("provenance-*.whl")
    return found


def dependency_files() -> Iterator[Path]:
    """The top-level files and folders of provenance's installed dependencies (recursively)."""
    seen: set[str] = set()
    todo = ["provenance"]
    while todo:
        name = todo.pop()
        for requirement in metadata.requires(name) or []:
            if "extra ==" in requirement:
                continue
            dependency = re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0]
            key = dependency.lower().replace("_", "-")
            if key not in seen:
                seen.add(key)
                todo.append(dependency)
    for name in sorted(seen):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency only older Pythons need
        tops = {Path(str(f)).parts[0] for f in dist.files or []}
        for top in sorted(tops):
            path = Path(str(dist.locate_file(top)))
            if top != ".." and path.exists() and not top.endswith(".pth"):
                yield path


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no pip, no site-packages of this one) with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    done = pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    assert done.returncode == 0, done.stderr
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    deps = venv / "deps"
    deps.mkdir()
    for path in dependency_files():
        (deps / path.name).symlink_to(path)
    (site / "dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    return venv


def test_every_data_table_is_in_the_wheel(wheel: Path) -> None:
    """Each ``provenance/**/data/*`` file of the source tree, and py.typed, is in the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    tables = sorted(ROOT.glob("provenance/**/data/*.toml"))
    assert tables, "the source tree has data tables"
    wanted = [p.relative_to(ROOT).as_posix() for p in tables]
    wanted += [p.relative_to(ROOT).as_posix() for p in ROOT.glob("provenance/**/data/*.md")]
    assert [name for name in wanted if name not in names] == []
    assert "provenance/py.typed" in names


def test_the_installed_wheel_reports(installed: Path, tmp_path: Path) -> None:
    """``provenance report`` from the wheel, outside the source tree, prints the golden report."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy2(ROOT / "claims.toml", tmp_path / "claims.toml")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "PYTHONNOUSERSITE": "1",
    }
    where = subprocess.run(
        [installed / "bin" / "python", "-c", "import provenance; print(provenance.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert Path(where).is_relative_to(installed), "the wheel, not this checkout, is imported"
    done = subprocess.run(
        [installed / "bin" / "provenance", "report"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    golden = ROOT / "tests" / "golden" / "report" / "seeds.txt"
    assert done.stdout == golden.read_text(encoding="utf-8")
