"""What reading a claims.toml found, kept on disk outside it, keyed by its hash.

Parsing a large claims.toml and placing every claim in its document takes most of a
report's, a check's and a no-change sync's time. The result is kept in one file per
ledger (and per kind of result) under the cache directory ``regexes.cache_dir`` names
(``PROVENANCE_CACHE_DIR``; an empty value turns caching off). A file holds plain data
(``marshal``: no code is run on load), a format number, a stamp of this program's code
and tables, and the key its user chose (the sha256 of claims.toml first). A file that
is missing, stale, damaged or unwritable is ignored and rebuilt: the cache can only
make a command faster, never change what it says.

A file is a series of frames, each its length (8 bytes) and one marshalled value: the
header, then the payload's parts. ``keep_parts`` writes a large payload a part at a time
(what reading a 143k-claim ledger found: 78 MB marshalled), so the whole of it is never
held in memory at once.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import struct
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from provenance.regexes import cache_dir

FORMAT = 2  # bump when what a kind of cache holds changes shape
PACKAGE = Path(__file__).resolve().parents[1]
_LENGTH = struct.Struct("<Q")  # a frame's length, before its bytes


@functools.lru_cache(maxsize=1)
def stamp() -> str:
    """A hash of this program's code and tables (names, sizes, times) and the Python."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for file in sorted(PACKAGE.rglob("*")):
        if file.suffix in (".py", ".toml") and "__pycache__" not in file.parts:
            info = file.stat()
            digest.update(
                f"{file.relative_to(PACKAGE)} {info.st_size} {info.st_mtime_ns}\n".encode()
            )
    return digest.hexdigest()[:32]


def location(ledger: Path, kind: str) -> Path | None:
    """The cache file of one kind for the claims.toml at ``ledger`` (None: caching is off)."""
    folder = cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(os.fsencode(ledger.resolve())).hexdigest()[:32]
    return folder / "ledgers" / f"{kind}-{name}.marshal"


def fetch(ledger: Path, kind: str, key: str) -> Any:
    """What ``keep`` stored for ``ledger`` under ``key``, or None (missing, stale, damaged)."""
    parts = fetch_parts(ledger, kind, key)
    return parts[0] if parts is not None and len(parts) == 1 else None


def fetch_parts(ledger: Path, kind: str, key: str) -> list[Any] | None:
    """The parts ``keep_parts`` stored for ``ledger`` under ``key``, or None."""
    where = location(ledger, kind)
    if where is None:
        return None
    try:
        frames = _frames(where.read_bytes())
        version, code, stored_key = marshal.loads(next(frames))
        if (version, code, stored_key) != (FORMAT, stamp(), key):
            return None
        return [marshal.loads(frame) for frame in frames]
    except Exception:  # any damage means: compute it again
        return None


def _frames(data: bytes) -> Iterator[memoryview]:
    """The frames of a cache file's bytes; a frame cut short raises ValueError."""
    view = memoryview(data)
    at = 0
    while at < len(view):
        (size,) = _LENGTH.unpack_from(view, at)
        at += _LENGTH.size
        if at + size > len(view):
            raise ValueError("a frame cut short")
        yield view[at : at + size]
        at += size


def keep(ledger: Path, kind: str, key: str, payload: Any) -> None:
    """Store ``payload`` (plain data) atomically; a cache that cannot be written is skipped."""
    keep_parts(ledger, kind, key, (payload,))


def keep_parts(ledger: Path, kind: str, key: str, parts: Iterable[Any]) -> None:
    """Store ``parts`` (plain data, made and written one at a time) atomically, as
    ``keep`` does; ``fetch_parts`` gives them back as a list."""
    where = location(ledger, kind)
    if where is None:
        return
    temporary = None
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            _write_frame(out, (FORMAT, stamp(), key))
            for part in parts:
                _write_frame(out, part)
        os.replace(temporary, where)
        temporary = None
    except (OSError, ValueError):
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _write_frame(out: BinaryIO, value: Any) -> None:
    """One value, marshalled, after its length."""
    data = marshal.dumps(value)
    out.write(_LENGTH.pack(len(data)))
    out.write(data)
