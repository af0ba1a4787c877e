"""The claims store: reads and writes claims.toml safely, and finds the corpus files.

Reads never guess: a file that does not parse names its line and column; a schema
problem names its table. Writes go to a temporary file renamed over claims.toml, under
a lock beside it, so a killed or concurrent sync loses nothing.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import stat
import tempfile
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from provenance.errors import (
    FileSyntaxError,
    InputError,
    ProvenanceError,
    UsageError,
    cannot_write,
)
from provenance.extract import reader
from provenance.ledger import quicktoml, schema, tomltext, words, write
from provenance.ledger.schema import Problem
from provenance.model import Claim, Ledger

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
LEDGER = "claims.toml"
BOM = "\ufeff"
_AT_END = " (at end of document)"
_AT = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S)
_BAD_DATE = re.compile(r"=\s*\d{4}-\d{1,2}-\d{1,2}\b")
_YES_NO = re.compile(r"=\s*(yes|no|True|False|TRUE|FALSE|on|off)\s*(#.*)?$")


class UnsafePath(InputError):
    """A path in claims.toml that would leave the repository."""


class ChangedWhileSyncing(ProvenanceError):
    """claims.toml was saved by someone else between our read and our write."""


@attrs.frozen
class Source:
    """claims.toml as read: its text (LF line ends, no BOM), how to write it back, its hash."""

    text: str
    sha256: str
    newline: str = "\n"
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """``text`` with the file's own line ends and BOM, as bytes."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((BOM if self.bom else "") + text).encode("utf-8")


def source_of(raw: bytes, path: Path) -> Source:
    """The Source of the bytes of ``path``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start})") from None
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    return Source(text, hashlib.sha256(raw).hexdigest(), "\r\n" if crlf else "\n", bom)


def read_source(path: Path) -> Source:
    """claims.toml as read, or a usage error that says how to create one."""
    return source_of(read_regular(path), path)


def read_regular(path: Path) -> bytes:
    """The bytes of claims.toml, opened without following a symlink and only when regular.

    A symlinked claims.toml is refused, never read or written through: in a pull request
    it could point at a file outside the repository whose lines an error would show.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; run `provenance init FOLDER` first") from None
    except OSError as exc:
        raise _os_error(path, exc, "read") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{path}: not a regular file; claims.toml must be a plain file")
        return file.read()


def _os_error(path: Path, exc: OSError, doing: str) -> InputError:
    """What the system refused, and what would fix it, in one line."""
    if exc.errno == errno.ELOOP or (exc.errno == errno.EMLINK and path.is_symlink()):
        return InputError(
            f"{path}: a symlink; refused (provenance never follows a symlinked claims.toml "
            "or lock): replace it by a plain file"
        )
    advice = _ADVICE.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    if doing == "write":
        return cannot_write(str(path), f"{advice}; the old file is unchanged")
    return InputError(f"{path}: cannot {doing} ({advice})")


_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space and run it again",
    errno.EDQUOT: "over the disk quota: free some space and run it again",
    errno.EROFS: "read-only file system: run it where the repository can be written",
    errno.EACCES: "permission denied: run it as a user who may write the folder",
    errno.EPERM: "operation not permitted: run it as a user who may write the folder",
}


def read_ledger_text(path: Path) -> str:
    """The text of claims.toml (LF line ends, no BOM)."""
    return read_source(path).text


def parse(text: str, name: str = LEDGER) -> tuple[dict[str, Any], schema.Parsed]:
    """The TOML data and what it says; a syntax error raises ``name:line:col: …`` in plain words."""
    body = text.removeprefix(BOM)
    try:
        data = quicktoml.loads(body)  # sync's own subset, fast; None: ask tomllib
        if data is None:
            data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(name, text, exc) from None
    return data, schema.parse_data(data)


def parse_ledger(text: str, name: str = LEDGER) -> tuple[Ledger, list[Problem]]:
    """The Ledger (claims unanchored) and its schema problems."""
    parsed = parse(text, name)[1]
    return parsed.ledger, parsed.problems


def syntax_error(name: str, text: str, exc: tomllib.TOMLDecodeError) -> FileSyntaxError:
    """Where and what, in plain words: ``claims.toml:12:5: published = 2016-10-32: not a…``."""
    message = str(exc)  # tomllib gives no fields: its message is the only source
    found = _AT.match(message)
    if found is not None:
        line, col = int(found["line"]), int(found["col"])
        return FileSyntaxError(name, plain(text, line, found["msg"]), line, col)
    if message.endswith(_AT_END):
        line, col = text.count("\n") + 1, len(text) - text.rfind("\n")
        problem = f"{message.removesuffix(_AT_END)} at the end of the file"
        return FileSyntaxError(name, plain(text, line, problem), line, col)
    return FileSyntaxError(name, message)


def plain(text: str, line: int, message: str) -> str:
    """The parser's message said for a person, for the common mistakes on ``line``."""
    lines = text.splitlines()
    here = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    if _BAD_DATE.search(here):
        return f"{here}: not a real date; write YYYY-MM-DD, e.g. 2017-06-23 (no quotes)"
    yes = _YES_NO.search(here)
    if yes:
        return f"{here}: write true or false (lower case, no quotes), not {yes[1]}"
    if here.count('"') % 2 or (here.count("'") % 2 and "=" in here and '"' not in here):
        return f"{here}: a string is not closed; end it with the same quote it opens with"
    if "=" not in here and here and not here.startswith(("[", "#")):
        return f"{here}: expected `key = value` (or a [table] header) on this line"
    return message


def open_ledger(path: Path) -> Ledger:
    """The Ledger in ``path``, its claims placed in their documents' texts (offsets computed)."""
    loaded = load(path)
    ledger, _ = anchor_all(path.parent, loaded.parsed)
    return ledger


@attrs.frozen
class Loaded:
    """claims.toml read: its source, TOML data, what it says, and warnings."""

    source: Source
    data: dict[str, Any]
    parsed: schema.Parsed
    warnings: list[str]


def load(path: Path, source: Source | None = None) -> Loaded:
    """Read ``path`` (``source``: as already read); any schema problem but an unknown key is
    an error naming its line."""
    source = source or read_source(path)
    data, parsed = parse(source.text, path.name)
    return Loaded(source, data, parsed, warnings_of(path.name, source.text, parsed.problems))


def warnings_of(name: str, text: str, problems: list[Problem]) -> list[str]:
    """A warning per problem (an unknown key); any other problem raises, naming its line."""
    fatal = [p for p in problems if not p.unknown_key]
    if fatal:
        first = fatal[0]
        more = f" (and {len(fatal) - 1} more; run `provenance check`)" if len(fatal) > 1 else ""
        raise InputError(f"{located(name, text, first)}{more}")
    return [located(name, text, p) for p in problems]


def read(path: Path) -> tuple[str, Ledger, list[str]]:
    """The text, the Ledger (claims placed in their documents), and warnings of ``path``."""
    loaded = load(path)
    ledger, _ = anchor_all(path.parent, loaded.parsed)
    return loaded.source.text, ledger, loaded.warnings


def document_texts(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The texts of the documents that are present and readable (others left out)."""
    texts: dict[str, str] = {}
    for name in sorted(set(paths)):
        file = present(root, name)
        if file is None:
            continue
        try:
            texts[name] = reader.read_text(file, name)
        except ProvenanceError:
            continue
    return texts


def anchor_all(
    root: Path, parsed: schema.Parsed, texts: Mapping[str, str] | None = None
) -> tuple[Ledger, dict[str, words.Outcome]]:
    """The ledger with every claim placed in its document's text, and how each went."""
    ledger = parsed.ledger
    if texts is None:
        texts = document_texts(root, (claim.doc for claim in ledger.claims))
    placed: list[Claim] = []
    outcomes: dict[str, words.Outcome] = {}
    for claim in ledger.claims:
        text = texts.get(claim.doc)
        if text is None:
            placed.append(claim)
            continue
        moved, outcome = words.anchor(claim, text, parsed.hints.get(claim.id, ("", "")))
        outcomes[claim.id] = outcome
        placed.append(moved if outcome is words.Outcome.FOUND else claim)
    return attrs.evolve(ledger, claims=tuple(placed)), outcomes


def located(name: str, text: str, problem: Problem) -> str:
    """``claims.toml:12: [claims.c-1] stance = 'x': use one of …``."""
    return f"{name}:{line_of(text, problem)}: {describe(problem)}"


def describe(problem: Problem) -> str:
    """``[claims.c-1] stance = 'x': use one of …``."""
    if not problem.section:
        return problem.message
    return f"[{problem.section}.{problem.key}] {problem.message}"


def dumps(ledger: Ledger, texts: Mapping[str, str] | None = None) -> str:
    """The claims.toml text of ``ledger`` as a new file (deterministic)."""
    return write.dump(ledger, texts)


def save(path: Path, ledger: Ledger, texts: Mapping[str, str] | None = None) -> None:
    """Write ``ledger`` to ``path`` atomically, changing only what differs in the file there."""
    if not path.exists():
        atomic_write(path, dumps(ledger, texts))
        return
    loaded = load(path)
    text = write.write(
        loaded.source.text,
        loaded.data,
        ledger,
        texts or {},
        upgrade=loaded.parsed.schema != schema.SCHEMA,
    )
    if text != loaded.source.text:
        replace(path, loaded.source, text)


def replace(path: Path, source: Source, text: str) -> None:
    """Write ``text`` over ``path`` in the file's own line ends, unless it changed since read."""
    atomic_write(path, source.encode(text), expect=source.sha256)


def atomic_write(path: Path, text: str | bytes, expect: str | None = None) -> None:
    """Replace ``path`` by ``text`` so a reader sees the old or the new file, never half.

    With ``expect`` (the sha256 of the file as it was read), a file that changed since
    is never replaced: ChangedWhileSyncing says so and nothing is overwritten.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.is_symlink():
        raise _os_error(path, OSError(errno.ELOOP, "symlink"), "write")
    try:
        _write_replace(path, data, expect)
    except OSError as exc:  # disk full, read-only, permission denied: one line, file intact
        raise _os_error(path, exc, "write") from None


def _write_replace(path: Path, data: bytes, expect: str | None) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode(path))
        if expect is not None and _sha256(path) != expect:
            raise ChangedWhileSyncing(
                f"{path}: changed while sync ran (an edit was saved); nothing was "
                "overwritten, your edit is kept: run `provenance sync` again"
            )
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


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
        try:  # never through a symlink: a committed lock link must not create its target
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as exc:
            raise _os_error(lock, exc, "write") from None
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
    if "\x00" in name:
        raise UnsafePath(f"{name}: a NUL character in a path; refused")
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if not name or posix.is_absolute() or windows.drive or windows.root:
        raise UnsafePath(f"{name}: absolute path refused; paths are relative to {root}")
    if ".." in posix.parts or "\\" in name:
        raise UnsafePath(f"{name}: path leaves the repository (`..` or `\\`); refused")
    real_root = _real(str(root.absolute()))
    target = _realpath(os.path.join(root, name))
    inside = real_root if real_root.endswith(os.sep) else real_root + os.sep
    if target != real_root and not target.startswith(inside):
        raise UnsafePath(f"{name}: a symlink leads outside the repository; refused")
    return Path(target)


def _realpath(path: str) -> str:
    """``Path(path).resolve()`` as a string, without pathlib's cost: a symlink loop
    raises RuntimeError as it does there."""
    target = os.path.realpath(path)
    try:
        os.stat(target)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise RuntimeError(f"Symlink loop from {exc.filename!r}") from None
    return target


@functools.lru_cache(maxsize=16)
def _real(root: str) -> str:
    """``root`` resolved (once a run: every document path is checked against it)."""
    return os.path.realpath(root)


def corpus_files(
    root: Path, folders: tuple[str, ...], articles: tuple[str, ...] = schema.ARTICLES
) -> tuple[list[str], list[str]]:
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
        for name in _walk(root, folder, articles):
            try:
                resolve(root, name)
                found.add(name)
            except UnsafePath as exc:
                refused.append(str(exc))
    return sorted(found), refused


def _walk(root: Path, folder: str, articles: tuple[str, ...], wanted: bool = True) -> Iterator[str]:
    """Files under ``folder`` that are articles (``wanted``), or that are not."""
    start = root / folder
    for here, dirs, files in os.walk(start):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(here).relative_to(start)
        for file in sorted(files):
            if file.startswith(".") or is_article(file, articles) != wanted:
                continue
            yield (PurePosixPath(folder) / PurePosixPath(rel.as_posix()) / file).as_posix()


def is_article(name: str, articles: tuple[str, ...]) -> bool:
    """The file name matches one of the ``articles`` patterns (case matters: *.TXT is not *.txt)."""
    return any(fnmatchcase(name, pattern) for pattern in articles)


def other_files(root: Path, folders: tuple[str, ...], articles: tuple[str, ...]) -> list[str]:
    """Files in the corpus folders that are not read as articles (named in a warning)."""
    found: set[str] = set()
    for folder in folders:
        try:
            base = resolve(root, folder)
        except UnsafePath:
            continue
        if base.is_dir():
            found.update(_walk(root, folder, articles, wanted=False))
    return sorted(found)


def present(root: Path, name: str) -> Path | None:
    """The file of a ledger path when it is safe and exists, else None (never read unsafe)."""
    try:
        path = resolve(root, name)
    except UnsafePath:
        return None
    return path if path.is_file() else None


def special(root: Path, name: str) -> bool:
    """Whether a safe ledger path names something that is there but not a regular file."""
    try:
        path = resolve(root, name)
    except UnsafePath:
        return False
    return path.exists() and not path.is_file()


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
        bracketed = [number for number, line in enumerate(self.lines, 1) if "[" in line]
        for number in bracketed:  # a header holds a bracket (most lines do not: skipped fast)
            stripped = self.lines[number - 1].strip()
            if stripped.startswith("[") and not stripped.startswith("[["):
                self._index(stripped, number)

    def _index(self, header: str, number: int) -> None:
        simple = tomltext.table_header(header)
        if simple is not None:
            self.headers.setdefault(simple, number)
            return
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
            found = self._field(header, field) or header
            return found or (self._defined(field) if not section else 0) or 1
        return header or 1

    def _defined(self, name: str) -> int:
        """The first line that defines top-level ``name`` some other way: ``[[name]]``,
        ``[name]``, ``[name.…]`` or a dotted ``name.… =`` (where a schema error lies)."""
        pattern = re.compile(
            rf'^\s*(?:\[\[?\s*("?){re.escape(name)}\1\s*[\].]|("?){re.escape(name)}\2\s*[.=])'
        )
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                return number
        return 0

    def _field(self, header: int, field: str) -> int:
        pattern = re.compile(rf'^\s*("?){re.escape(field)}\1\s*=')
        for number in range(header + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.lstrip().startswith("["):
                return 0
            if pattern.match(line):
                return number
        return 0
