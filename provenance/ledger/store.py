"""The claims store: reads and writes claims.toml safely, and finds the corpus files.

Reads never guess: a file that does not parse names its line and column; a schema
problem names its table. Writes go to a temporary file renamed over claims.toml, under
a lock beside it, so a killed or concurrent sync loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from provenance.errors import FileSyntaxError, InputError, ProvenanceError, UsageError
from provenance.ledger import schema, write
from provenance.ledger.schema import Problem
from provenance.model import Ledger

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

LEDGER = "claims.toml"
DOCUMENT_SUFFIXES = (".txt",)
_AT_END = " (at end of document)"
_AT = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S)


class UnsafePath(InputError):
    """A path in claims.toml that would leave the repository."""


def read_ledger_text(path: Path) -> str:
    """The text of claims.toml, or a usage error that says how to create one."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; run `provenance init FOLDER` first") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start})") from None


def parse_ledger(text: str, name: str = LEDGER) -> tuple[Ledger, list[Problem]]:
    """The Ledger and its schema problems; a TOML syntax error raises ``name:line:col: …``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(name, text, exc) from None
    return schema.ledger_from_data(data)


def syntax_error(name: str, text: str, exc: tomllib.TOMLDecodeError) -> FileSyntaxError:
    """Where and what: ``claims.toml:12:5: Expected '=' after a key``."""
    message = str(exc)  # tomllib gives no fields: its message is the only source
    found = _AT.match(message)
    if found is not None:
        return FileSyntaxError(name, found["msg"], int(found["line"]), int(found["col"]))
    if message.endswith(_AT_END):
        line, col = text.count("\n") + 1, len(text) - text.rfind("\n")
        problem = f"{message.removesuffix(_AT_END)} at the end of the file"
        return FileSyntaxError(name, problem, line, col)
    return FileSyntaxError(name, message)


def open_ledger(path: Path) -> Ledger:
    """The Ledger in ``path``; any schema problem but an unknown key is an error naming its line."""
    return read(path)[1]


def read(path: Path) -> tuple[str, Ledger, list[str]]:
    """The text, the Ledger, and warnings (``claims.toml:12: unknown key …``) of ``path``."""
    text = read_ledger_text(path)
    ledger, problems = parse_ledger(text, path.name)
    fatal = [p for p in problems if not p.unknown_key]
    if fatal:
        first = fatal[0]
        more = f" (and {len(fatal) - 1} more; run `provenance check`)" if len(fatal) > 1 else ""
        raise InputError(f"{located(path.name, text, first)}{more}")
    return text, ledger, [located(path.name, text, p) for p in problems]


def located(name: str, text: str, problem: Problem) -> str:
    """``claims.toml:12: [claims.c-1] stance = 'x': use one of …``."""
    return f"{name}:{line_of(text, problem)}: {describe(problem)}"


def describe(problem: Problem) -> str:
    """``[claims.c-1] stance = 'x': use one of …``."""
    if not problem.section:
        return problem.message
    return f"[{problem.section}.{problem.key}] {problem.message}"


def dumps(ledger: Ledger) -> str:
    """The claims.toml text (deterministic)."""
    return write.dump(ledger)


def save(path: Path, ledger: Ledger) -> None:
    """Write ``ledger`` to ``path`` atomically (temporary file + rename)."""
    atomic_write(path, dumps(ledger))


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` so a reader sees the old or the new file, never half."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _mode(path: Path) -> int:
    """The mode of the file being replaced; for a new file, 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files of a write that was killed before its rename."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def remove_leftovers(path: Path) -> list[Path]:
    """Delete what a killed write left behind (call under the lock: no write is running)."""
    leftovers = leftover_temporaries(path)
    for leftover in leftovers:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    return leftovers


@contextlib.contextmanager
def locked(path: Path, timeout: float = 60.0) -> Iterator[None]:
    """Hold ``claims.toml.lock`` beside ``path``; wait up to ``timeout`` seconds for it."""
    lock = path.with_name(path.name + ".lock")
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = _acquire(lock, time.monotonic() + timeout)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock)
        os.close(fd)


def _acquire(lock: Path, deadline: float) -> int:
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise ProvenanceError(f"{lock}: another sync holds the lock; try again") from None
            time.sleep(0.05)
            continue
        if _same_file(fd, lock):
            return fd
        os.close(fd)  # the holder removed it on release; lock the new one


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def resolve(root: Path, name: str) -> Path:
    """``root/name`` for a relative POSIX path that stays inside ``root``; else UnsafePath."""
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if not name or posix.is_absolute() or windows.drive or windows.root:
        raise UnsafePath(f"{name}: absolute path refused; paths are relative to {root}")
    if ".." in posix.parts or "\\" in name:
        raise UnsafePath(f"{name}: path leaves the repository (`..` or `\\`); refused")
    real_root = root.resolve()
    target = (root / name).resolve()
    if target != real_root and real_root not in target.parents:
        raise UnsafePath(f"{name}: a symlink leads outside the repository; refused")
    return target


def corpus_files(root: Path, folders: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Document paths (relative, POSIX, sorted) under the corpus folders, and refusals."""
    found: set[str] = set()
    refused: list[str] = []
    for folder in folders:
        try:
            base = resolve(root, folder)
        except UnsafePath as exc:
            refused.append(str(exc))
            continue
        if not base.is_dir():
            refused.append(f"{folder}: corpus folder not found")
            continue
        for name in _walk(root, folder):
            try:
                resolve(root, name)
                found.add(name)
            except UnsafePath as exc:
                refused.append(str(exc))
    return sorted(found), refused


def _walk(root: Path, folder: str) -> Iterator[str]:
    start = root / folder
    for here, dirs, files in os.walk(start):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(here).relative_to(start)
        for file in sorted(files):
            if file.endswith(DOCUMENT_SUFFIXES) and not file.startswith("."):
                yield (PurePosixPath(folder) / PurePosixPath(rel.as_posix()) / file).as_posix()


def present(root: Path, name: str) -> Path | None:
    """The file of a ledger path when it is safe and exists, else None (never read unsafe)."""
    try:
        path = resolve(root, name)
    except UnsafePath:
        return None
    return path if path.is_file() else None


def file_sha256(path: Path) -> str:
    """Hex sha256 of the file's bytes (the same as ``Document.sha256`` for UTF-8 text)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def line_of(text: str, problem: Problem) -> int:
    """The claims.toml line a problem is about (its field, else its table header, else 1)."""
    return Lines(text).of(problem.section, problem.key, problem.field)


class Lines:
    """Where each table and field of a claims.toml text is (1-based lines), indexed once."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: dict[tuple[str, str], int] = {}
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped.startswith("[") and not stripped.startswith("[["):
                self._index(stripped, number)

    def _index(self, header: str, number: int) -> None:
        try:
            table = tomllib.loads(header + "\n")
        except tomllib.TOMLDecodeError:
            return
        for section, keys in table.items():
            for key in keys if isinstance(keys, dict) else ():
                self.headers.setdefault((section, key), number)

    def of(self, section: str, key: str, field: str = "") -> int:
        """The line of ``[section.key]`` ``field`` (or of the header; 1 when not found)."""
        header = self.headers.get((section, key), 0) if section else 0
        if field:
            return self._field(header, field) or header or 1
        return header or 1

    def _field(self, header: int, field: str) -> int:
        pattern = re.compile(rf'^\s*("?){re.escape(field)}\1\s*=')
        for number in range(header + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.lstrip().startswith("["):
                return 0
            if pattern.match(line):
                return number
        return 0
