"""Every error a user can cause, in one place: each is one line that names the input."""

from __future__ import annotations


class ProvenanceError(Exception):
    """A user-facing error: printed as one line, never as a traceback."""

    exit_code = 1


class UsageError(ProvenanceError):
    """The command line asked for something impossible."""

    exit_code = 2


class InputError(ProvenanceError):
    """A file the user gave us cannot be used (not UTF-8, binary, too large, missing)."""


class FileSyntaxError(InputError):
    """A file that does not parse: where (line and column when known) and what is wrong."""

    def __init__(self, file: str, problem: str, line: int | None = None, column: int = 0) -> None:
        self.file = file
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__(
            f"{file}:{line}:{column}: {problem}" if line is not None else f"{file}: {problem}"
        )

    def __reduce__(self) -> tuple[type[FileSyntaxError], tuple[str, str, int | None, int]]:
        """Pickled by its fields: raised in a ``--jobs`` or Dask worker, it arrives whole."""
        return (type(self), (self.file, self.problem, self.line, self.column))


class TableError(ProvenanceError):
    """A shipped data table (``<stage>/data/*.toml``) that the code cannot use.

    ``file`` is the table's file name, ``key`` the dotted path of the bad value
    (``verb.say.forms``) and ``problem`` what is wrong, in plain words.
    """

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")

    def __reduce__(self) -> tuple[type[TableError], tuple[str, str, str]]:
        """Pickled by its fields, as :class:`FileSyntaxError`."""
        return (type(self), (self.file, self.key, self.problem))


class ProvenanceWarning(UserWarning):
    """Something a user should know about their input that stops nothing: one line."""


class LongSentenceWarning(ProvenanceWarning):
    """A document held a "sentence" too long to be one; it was read in pieces."""


def long_sentences(path: str, count: int, longest: int) -> LongSentenceWarning:
    return LongSentenceWarning(
        f"{path}: {count:,} passage(s) over {longest:,} characters without a sentence end "
        "were read in pieces; a claim across a cut may be missed"
    )


def not_utf8(path: str, position: int) -> InputError:
    return InputError(
        f"{path}: not UTF-8 text (undecodable byte at offset {position}); "
        "convert it to UTF-8, or move it out of the corpus"
    )


def binary(path: str) -> InputError:
    return InputError(
        f"{path}: looks binary (contains NUL bytes); give a text file, or move it out of the corpus"
    )


def utf16(path: str) -> InputError:
    return InputError(f"{path}: UTF-16: convert it to UTF-8")


def too_large(path: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{path}: {size:,} bytes is over the {limit:,}-byte limit for one document; "
        "split it into several articles, or move it out of the corpus"
    )


def missing(path: str) -> InputError:
    return InputError(f"{path}: no such file")


def not_a_file(path: str) -> InputError:
    return InputError(
        f"{path}: not a regular file (a FIFO, device or socket is never read); "
        "replace it by a text file, or move it out of the corpus"
    )


def bad_annotation(where: str, reason: str) -> InputError:
    return InputError(f"{where}: {reason}")


def cannot_write(path: str, reason: str) -> InputError:
    return InputError(f"{path}: cannot write ({reason})")


def empty(path: str) -> InputError:
    return InputError(f"{path}: empty (no text to read)")


def bad_document_line(where: str, reason: str) -> InputError:
    return InputError(f'{where}: {reason}; each line is {{"doc": NAME, "text": TEXT}}')


def needs_extra(extra: str, what: str) -> ProvenanceError:
    return ProvenanceError(f"{what} needs the {extra} extra: pip install 'provenance[{extra}]'")
