"""The reader: hostile input refused in one line; parse_document pure, total and complete."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import errors, tables
from provenance.extract.pipeline import extract
from provenance.extract.reader import decode, parse_document, read_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _limit() -> int:
    return int(tables.load("extract/limits")["max_document_bytes"])


HOSTILE = [
    ("latin1.txt", "Caf\xe9 society".encode("latin-1"), "not UTF-8"),
    ("nul.txt", b"text\x00more", "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\r\n", "empty"),
]


@pytest.mark.parametrize(("name", "raw", "words"), HOSTILE)
def test_hostile_bytes(tmp_path: Path, name: str, raw: bytes, words: str) -> None:
    """Undecodable, binary and empty files are refused with one line naming the file."""
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(errors.InputError) as caught:
        read_document(path, name)
    message = str(caught.value)
    assert message.startswith(f"{name}:") and words in message and "\n" not in message


def test_huge_file(tmp_path: Path) -> None:
    """A file over the limit of extract/data/limits.toml is refused before it is read."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(_limit() + 1)
    with pytest.raises(errors.InputError, match=r"huge\.txt: .* over the .*-byte limit"):
        read_document(path, "huge.txt")


def test_directory(tmp_path: Path) -> None:
    """A directory is not a document."""
    with pytest.raises(errors.InputError, match="not a regular file"):
        read_document(tmp_path, "folder")


def test_missing(tmp_path: Path) -> None:
    """A missing file is named."""
    with pytest.raises(errors.InputError, match=r"gone\.txt: no such file"):
        read_document(tmp_path / "gone.txt", "gone.txt")


def test_crlf_kept_and_bom_dropped(tmp_path: Path) -> None:
    """No newline translation; a leading BOM is not text: offsets index the text after it."""
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffTitle of the story\r\n\r\nHe said it.\r\n".encode())
    document = read_document(path, "crlf.txt")
    assert document.text == "Title of the story\r\n\r\nHe said it.\r\n"
    assert document.meta.title == "Title of the story"


def test_bom_never_cuts_the_first_speaker(tmp_path: Path) -> None:
    """A BOM before "Smith said …" leaves the speaker whole and its offsets exact."""
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffSmith said the bridge would reopen on Monday.\n".encode())
    document = read_document(path, "bom.txt")
    claims = extract(document)
    assert claims and claims[0].speaker is not None
    assert claims[0].speaker.text == "Smith"
    span = claims[0].speaker
    assert document.text[span.start : span.end] == span.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named(tmp_path: Path, encoding: str) -> None:
    """A UTF-16 article (with or without its BOM) is called UTF-16, not binary."""
    path = tmp_path / "wide.txt"
    path.write_bytes("The mayor said the bridge would reopen.\n".encode(encoding))
    with pytest.raises(errors.InputError, match="UTF-16: convert it to UTF-8"):
        read_document(path, "wide.txt")


def test_decode_names_the_offset() -> None:
    """The undecodable byte's offset is in the message."""
    with pytest.raises(errors.InputError, match="offset 3"):
        decode("x.txt", b"abc\xff")


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seeds_parse(seed: str) -> None:
    """Every seed reads, keeps its path as given and gets a title."""
    document = read_document(SEEDS / seed, f"seeds/{seed}")
    assert document.path == f"seeds/{seed}"
    assert document.meta.title


@given(st.text())
def test_parse_document_total(text: str) -> None:
    """parse_document never raises; its regions lie in the text, sorted, apart."""
    document = parse_document("any.txt", text)
    regions = document.excluded
    assert all(0 <= r.start < r.end <= len(text) for r in regions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(regions))


def test_parse_document_is_pure() -> None:
    """The same text parses to an equal document every time."""
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    assert parse_document("a.txt", text) == parse_document("a.txt", text)
