"""What reading a claims.toml found, kept on disk outside it, keyed by its hash.

Parsing a large claims.toml and placing every claim in its document takes most of a
report's, a check's and a no-change sync's time. The result is kept in one file per
ledger (and per kind of result) under the cache directory ``regexes.cache_dir`` names
(``PROVENANCE_CACHE_DIR``; an empty value turns caching off). A file holds plain data
(``marshal``: no code is run on load), a format number, a stamp of this program's code
and tables, and the key its user chose (the sha256 of claims.toml first). A file that
is missing, stale, damaged or unwritable is ignored and rebuilt: the cache can only
make a command faster, never change what it says.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from provenance.regexes import cache_dir

FORMAT = 1  # bump when what a kind of cache holds changes shape
PACKAGE = Path(__file__).resolve().parents[1]


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
    where = location(ledger, kind)
    if where is None:
        return None
    try:
        stored = marshal.loads(where.read_bytes())
        version, code, stored_key, payload = stored
    except Exception:  # any damage means: compute it again
        return None
    if (version, code, stored_key) != (FORMAT, stamp(), key):
        return None
    return payload


def keep(ledger: Path, kind: str, key: str, payload: Any) -> None:
    """Store ``payload`` (plain data) atomically; a cache that cannot be written is skipped."""
    where = location(ledger, kind)
    if where is None:
        return
    temporary = None
    try:
        data = marshal.dumps((FORMAT, stamp(), key, payload))
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, where)
        temporary = None
    except (OSError, ValueError):
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
