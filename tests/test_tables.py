"""The data tables are checked when loaded: each broken copy names file, key and problem."""

from __future__ import annotations

import copy
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from provenance import tables, tables_schema
from provenance.errors import FileSyntaxError, ProvenanceError, TableError
from provenance.model import ReasonCode

Table = dict[str, Any]


def _rule(data: Table, rule_id: str) -> Table:
    """The row of the rule ``rule_id`` in a copy of rules.toml."""
    return next(row for row in data["rule"] if row["id"] == rule_id)


def _first_rule_id() -> str:
    return str(tables.load("extract/rules")["rule"][0]["id"])


FIRST = _first_rule_id()

# (table, how to break a copy of it, the one-line message expected)
BROKEN: list[tuple[str, Callable[[Table], None], str]] = [
    (
        "extract/cues",
        lambda t: t["verb"]["say"].update(forms=[]),
        "cues.toml: verb.say.forms: must not be an empty list",
    ),
    (
        "extract/cues",
        lambda t: t["verb"]["say"]["forms"].append(""),
        f"cues.toml: verb.say.forms[{len(tables.load('extract/cues')['verb']['say']['forms'])}]: "
        "must not be empty",
    ),
    (
        "extract/cues",
        lambda t: t["verb"]["say"].pop("class"),
        "cues.toml: verb.say.class: is missing",
    ),
    (
        "extract/cues",
        lambda t: t["verb"]["say"].update({"class": "shouting"}),
        "cues.toml: verb.say.class: 'shouting' is not a class "
        "(speech, thought, evidence, act, frame)",
    ),
    (
        "extract/rules",
        lambda t: _rule(t, FIRST).update(pattern=_rule(t, FIRST)["pattern"] + "{spech}"),
        f"rules.toml: rule[{FIRST}].pattern: {{spech}} names no macro",
    ),
    (
        "extract/rules",
        lambda t: _rule(t, FIRST).update(needs_cues=["speach"]),
        f"rules.toml: rule[{FIRST}].needs_cues: 'speach' is not a cue word macro",
    ),
    (
        "extract/rules",
        lambda t: _rule(t, FIRST).update(need_words=["x"]),
        f"rules.toml: rule[{FIRST}].need_words: is not a key this table has",
    ),
    (
        "extract/rules",
        lambda t: t["macros"].update(broken="{nothing_here}"),
        "rules.toml: macros.broken: {nothing_here} names no macro",
    ),
    (
        "extract/rules",
        lambda t: t["rule"].append(copy.deepcopy(t["rule"][0])),
        f"rules.toml: rule[{FIRST}].id: another rule has this id",
    ),
    (
        "relate/relate",
        lambda t: t["names"].update(aliases=[]),
        "relate.toml: names.aliases: must not be an empty list",
    ),
    (
        "relate/relate",
        lambda t: t["names"]["aliases"].append([]),
        f"relate.toml: names.aliases[{len(tables.load('relate/relate')['names']['aliases'])}]: "
        "must not be an empty list",
    ),
    (
        "relate/relate",
        lambda t: t["claims"].update(same=1.5),
        "relate.toml: claims.same: 1.5 is out of range: keep it within 0 … 1",
    ),
    (
        "relate/relate",
        lambda t: t["claims"].update(same="0.5"),
        "relate.toml: claims.same: must be a number, not a string",
    ),
    (
        "relate/relate",
        lambda t: t["names"].update(variant_ratio=180),
        "relate.toml: names.variant_ratio: 180 is out of range: keep it within 0 … 100",
    ),
    (
        "relate/body",
        lambda t: t["reasons"]["refuting"].__setitem__(0, "refutted"),
        "body.toml: reasons.refuting[0]: 'refutted' is not a reason code",
    ),
    (
        "report/report",
        lambda t: t["shared_reason_codes"].append("shared-names"),
        "report.toml: shared_reason_codes[2]: 'shared-names' is not a reason code",
    ),
    (
        "report/report",
        lambda t: t.update(diff_min_similarity=-0.1),
        "report.toml: diff_min_similarity: -0.1 is out of range: keep it within 0 … 1",
    ),
    (
        "ledger/ledger",
        lambda t: t.update(progress_min_documents=True),
        "ledger.toml: progress_min_documents: must be a whole number, not true or false",
    ),
    (
        "extract/stance",
        lambda t: t["order"].append("doubts"),
        "stance.toml: order[6]: 'doubts' is not a stance with a table here",
    ),
    (
        "lang/en/words",
        lambda t: t["months"].append([]),
        "words.toml: months[12]: must not be an empty list",
    ),
]


def _broken(name: str, breaks: Callable[[Table], None]) -> Table:
    """A deep copy of the shipped table ``name``, broken by ``breaks``."""
    data = copy.deepcopy(tables.load(name))
    breaks(data)
    return data


@pytest.mark.parametrize(("name", "breaks", "message"), BROKEN)
def test_broken_table_is_named(name: str, breaks: Callable[[Table], None], message: str) -> None:
    """A broken copy of a real table fails with file, dotted key and plain words."""
    with pytest.raises(TableError) as caught:
        tables.check(name, _broken(name, breaks))
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(tables_schema.SCHEMAS))
def test_shipped_tables_pass(name: str) -> None:
    """Every shipped table passes its schema and semantic checks."""
    tables.check(name, copy.deepcopy(tables.load(name)))


def test_every_shipped_table_has_a_schema() -> None:
    """A new table file needs a schema: every data/*.toml of the package has one."""
    root = resources.files("provenance")
    found = set()
    for stage in ("extract", "relate", "ledger", "report", "lang/en"):
        folder = root.joinpath(*stage.split("/"), "data")
        found |= {f"{stage}/{f.name[:-5]}" for f in folder.iterdir() if f.name.endswith(".toml")}
    assert found == set(tables_schema.SCHEMAS)


def test_table_error_fields() -> None:
    """A TableError is a ProvenanceError with its file, key and problem as fields."""
    error = TableError("cues.toml", "verb.say.forms", "must not be an empty list")
    assert isinstance(error, ProvenanceError)
    assert (error.file, error.key, error.problem) == ("cues.toml", "verb.say.forms", error.problem)
    assert str(error) == "cues.toml: verb.say.forms: must not be an empty list"


def test_reason_codes_of_tables_are_members() -> None:
    """The codes report.toml and body.toml name are ReasonCode members."""
    shared = tables.load("report/report")["shared_reason_codes"]
    codes = [*shared, *(row[0] for row in tables.load("relate/body")["reasons"].values())]
    assert all(isinstance(ReasonCode(code), ReasonCode) for code in codes)


@pytest.mark.parametrize(
    "error",
    [
        TableError("rules.toml", "verb.say.forms", "an empty list"),
        TableError("rules.toml", "", "not a table"),
        FileSyntaxError("claims.toml", "a bad key", 3, 7),
        FileSyntaxError("claims.toml", "not UTF-8"),
    ],
)
def test_errors_with_fields_survive_pickling(error: Exception) -> None:
    """A worker process (``--jobs``, Dask) sends its error back pickled: message and fields
    arrive whole instead of failing to unpickle."""
    import pickle

    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert vars(back) == vars(error)


def _fresh_load(name: str) -> Table:
    """``tables.load`` as a new process runs it (its in-process memo emptied)."""
    tables.load.cache_clear()
    tables._schema_digest.cache_clear()
    try:
        return tables.load(name)
    finally:
        tables.load.cache_clear()
        tables._schema_digest.cache_clear()


def test_a_parsed_table_is_read_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first load writes the parsed table; the next reads it back, the same data;
    a damaged cache file is parsed again, and one kept for other text is not used."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path))
    parsed = _fresh_load("extract/limits")
    (kept,) = tmp_path.glob("table-extract-limits.marshal")
    assert _fresh_load("extract/limits") == parsed
    kept.write_bytes(b"damaged")
    assert _fresh_load("extract/limits") == parsed
    assert kept.read_bytes() != b"damaged"
    monkeypatch.setattr(tables, "_FORMAT", -1)  # another version's key: not this one's
    stale = kept.read_bytes()
    assert _fresh_load("extract/limits") == parsed
    assert kept.read_bytes() != stale


def test_no_table_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty PROVENANCE_CACHE_DIR parses every table and writes nothing."""
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert _fresh_load("extract/limits")["max_document_bytes"] > 0
    assert not list(tmp_path.iterdir())
