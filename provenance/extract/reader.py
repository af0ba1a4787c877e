"""The document reader: the only stage that reads article files.

``read_document`` does the I/O and refuses bad input with one clear line;
``parse_document`` is pure: it finds boilerplate, repeated blocks and the
provenance the text carries (see ``extract.boilerplate`` and ``extract.meta``).
"""

from __future__ import annotations

from pathlib import Path

from provenance import errors, tables
from provenance.extract import boilerplate, meta
from provenance.model import Document


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text of ``raw`` (a BOM is kept as text so offsets stay raw), or an InputError."""
    if b"\x00" in raw:
        raise errors.binary(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.not_utf8(path, exc.start) from None


def read_text(path: Path, name: str | None = None) -> str:
    """The file's text, decoded strictly, with no newline translation."""
    shown = name or str(path)
    if not path.exists():
        raise errors.missing(shown)
    if not path.is_file():
        raise errors.not_a_file(shown)
    limit = int(tables.load("extract/limits")["max_document_bytes"])
    size = path.stat().st_size
    if size > limit:
        raise errors.too_large(shown, size, limit)
    text = decode(shown, path.read_bytes())
    if not text.strip():
        raise errors.empty(shown)
    return text


def read_document(path: Path, name: str | None = None) -> Document:
    """Read and parse one article; ``name`` is the path recorded in claims (default: as given)."""
    shown = name or path.as_posix()
    return parse_document(shown, read_text(path, shown))


def parse_document(name: str, text: str) -> Document:
    """A Document with boilerplate and repeats marked and its provenance read from the text."""
    excluded = boilerplate.excluded_regions(text)
    return Document(path=name, text=text, meta=meta.read_meta(text, excluded), excluded=excluded)
