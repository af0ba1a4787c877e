"""Large regular expressions compiled once per machine: the compiled form is kept on disk.

The claim rules expand to several hundred kilobytes of regex source (each inlines the
cue-word tries), and ``re`` parses and compiles source in pure Python: about half a
second at every start. ``compile_all`` keeps what the compiler produces (the opcode
list ``_sre`` runs) in one file under the user cache directory, named by a hash of
the sources and the Python build, and builds the patterns from it on the next start.
A pattern built so is the pattern ``re.compile`` returns; a cache that is missing,
stale, unreadable or unwritable only costs the compile. ``PROVENANCE_CACHE_DIR``
moves the cache; setting it to an empty string turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:  # CPython's regex engine and compiler; without them every pattern is compiled
    import _sre  # type: ignore[import-not-found]  # CPython's engine: no stubs
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private: no stubs
except ImportError:  # pragma: no cover - other Pythons
    _sre = None

_FORMAT = 1  # bump when the layout of the cache file changes


def cache_dir() -> Path | None:
    """Where compiled patterns are kept (None: nowhere)."""
    chosen = os.environ.get("PROVENANCE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance"


def compile_all(sources: Sequence[str], flags: int = 0) -> list[re.Pattern[str]]:
    """``re.compile`` of each source (same order), from the disk cache when it has them."""
    folder = cache_dir()
    if _sre is None or folder is None:
        return [re.compile(source, flags) for source in sources]
    path = folder / f"regex-{_key(sources, flags)}.marshal"
    patterns = _load(path, sources, flags)
    if patterns is None:
        codes = [_code(source, flags) for source in sources]
        patterns = [_build(source, code) for source, code in zip(sources, codes, strict=True)]
        _store(path, codes)
    return patterns


def _key(sources: Sequence[str], flags: int) -> str:
    """A hash of the sources, the flags and everything the compiled form depends on."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version} {_sre.MAGIC} {flags}".encode())
    for source in sources:
        digest.update(hashlib.sha256(source.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()[:32]


def _code(source: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``source``."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # named ints: plain
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup)


def _build(source: str, code: tuple[Any, ...]) -> re.Pattern[str]:
    """The pattern of ``source`` from its compiled ``code``."""
    flags, opcodes, groups, groupindex, indexgroup = code
    pattern: re.Pattern[str] = _sre.compile(
        source, flags, opcodes, groups, groupindex, tuple(indexgroup)
    )
    return pattern


def _load(path: Path, sources: Sequence[str], flags: int) -> list[re.Pattern[str]] | None:
    """The patterns of ``sources`` from the cache file, or None when it cannot serve."""
    try:
        codes = marshal.loads(path.read_bytes())
        patterns = [_build(source, code) for source, code in zip(sources, codes, strict=True)]
    except Exception:  # any damage to the cache means: compile again
        return None
    return patterns


def _store(path: Path, codes: list[tuple[Any, ...]]) -> None:
    """Write the compiled codes atomically; a cache that cannot be written is skipped."""
    if write_marshal(path, codes):
        _prune(path)


def write_marshal(path: Path, value: Any) -> bool:
    """Write ``value`` (plain data) marshalled to ``path`` atomically, making its folder;
    False when it cannot be written (no room, no right, a value marshal cannot write)."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp"
        )
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(value))
        os.replace(temporary, path)
    except (OSError, ValueError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True


_KEPT = 4  # compiled rule sets kept (each ~13 MB): a few versions side by side


def _prune(written: Path) -> None:
    """Remove all but the ``_KEPT`` newest cache files (``written`` among them): each
    version of the rules (an upgrade, an edited table) writes its own, and the folder
    must not grow with them."""
    try:
        found = [
            (p.stat().st_mtime_ns, p.name, p)
            for p in written.parent.glob("regex-*.marshal")
            if p.name != written.name
        ]
    except OSError:
        return
    for *_, stale in sorted(found, reverse=True)[_KEPT - 1 :]:
        with contextlib.suppress(OSError):  # another process took it, a read-only folder
            stale.unlink()
