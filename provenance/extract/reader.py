"""The document reader: the only stage that reads article files.

``read_document`` does the I/O and refuses bad input with one clear line;
``parse_document`` is pure: it finds boilerplate, repeated blocks and the
provenance the text carries (see ``extract.boilerplate`` and ``extract.meta``).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from provenance import errors, tables
from provenance.extract import boilerplate, meta
from provenance.model import Document

BOM = "\ufeff"


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text of ``raw`` without a leading byte-order mark, or an InputError.

    The BOM says how the file is encoded, not what it says: offsets index the text
    after it (``text[start:end] == span`` holds on what this returns), and titles and
    speakers never begin with it.
    """
    if b"\x00" in raw:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_like(raw):
            raise errors.utf16(path)
        raise errors.binary(path)
    try:
        return raw.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        raise errors.not_utf8(path, exc.start) from None


def _utf16_like(raw: bytes) -> bool:
    """Text in UTF-16 without a BOM: most of its NULs at one parity, one byte in four or more."""
    head = raw[:4096]
    nuls = head.count(b"\x00")
    if nuls * 4 < len(head) or len(head) < 4:
        return False
    even = head[0::2].count(b"\x00")
    return max(even, nuls - even) >= nuls * 0.9


def read_text(path: Path, name: str | None = None) -> str:
    """The file's text, decoded strictly, with no newline translation."""
    shown = name or str(path)
    if not path.exists():
        raise errors.missing(shown)
    if not path.is_file():  # a FIFO, device or socket is never opened
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
