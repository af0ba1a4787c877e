"""Property: random realistic hand edits of claims.toml, then two syncs, lose nothing.

Edits are made to the file's text, as in an editor: statuses, speakers, stances, notes,
content trims, manual claims, unknown keys, comments, reordered tables, CRLF. Then
sync runs twice: no traceback, every edit of a claim that is not ``auto`` is still
there, a file that does not parse is never rewritten, and the second sync is a no-op.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.errors import ProvenanceError

from .test_sync import Repo

SENTENCES = [f"Speaker{n} said fact number {n} holds today." for n in range(5)]
STATUSES = ["confirmed", "edited", "rejected", "manual"]
EDIT = st.tuples(
    st.sampled_from(
        [
            "status",
            "speaker",
            "stance",
            "note",
            "trim",
            "manual",
            "unknown",
            "comment",
            "reorder",
            "crlf",
            "break",
            "article",
        ]
    ),
    st.integers(0, 20),
    st.sampled_from(STATUSES),
)


def tables(text: str) -> list[str]:
    """The file cut before each table header."""
    parts = text.split("\n[")
    return [parts[0]] + ["[" + part for part in parts[1:]]


def claim_tables(parts: list[str]) -> list[int]:
    """Indexes of the claim tables."""
    return [i for i, part in enumerate(parts) if part.startswith("[claims.")]


def hand_edit(text: str, op: str, at: int, status: str) -> tuple[str, dict[str, dict[str, str]]]:
    """One edit of claims.toml's text; the fields it set, by claim id (to check later)."""
    parts = tables(text)
    claims = claim_tables(parts)
    if not claims:
        return text, {}
    index = claims[at % len(claims)]
    part = parts[index]
    cid = part.split("]", 1)[0].removeprefix("[claims.")
    want: dict[str, str] = {}
    if op == "status":
        part, want = _set(part, "status", status), {"status": status}
    elif op == "speaker":
        part = _set(_set(part, "speaker", f"Person {at}"), "status", "edited")
        want = {"speaker": f"Person {at}", "status": "edited"}
    elif op == "stance":
        part, want = (
            _set(_set(part, "stance", "hedges"), "status", "confirmed"),
            {"stance": "hedges"},
        )
    elif op == "note":
        part, want = _set(part, "note", f"checked {at}"), {}
    elif op == "trim":
        part = part.replace("fact number", "fact\u00a0number").replace(" today", "")
    elif op == "manual" and f"[claims.m-{at}]" not in text:
        parts.append(
            f'\n[claims.m-{at}]\ndoc = "news/a.txt"\nspeaker = "Desk"\ncue = "wrote"\n'
            f'content = "fact number {at % 5}"\nkind = "indirect"\nstance = "asserts"\n'
            f'status = "manual"\ntag = "x{at}"\n'
        )
        return "\n".join(parts), {f"m-{at}": {"speaker": "Desk", "tag": f"x{at}"}}
    elif op == "unknown":
        part, want = _set(part, "our_key", f"k{at}"), {"our_key": f"k{at}"}
    elif op == "comment":
        part = f"# looked at {at}\n" + part
    elif op == "reorder" and len(claims) > 1:
        other = claims[(at + 1) % len(claims)]
        parts[index], parts[other] = parts[other], parts[index]
        return "\n".join(parts), {}
    parts[index] = part
    return "\n".join(parts), {cid: want} if want else {}


def _set(part: str, field: str, value: str) -> str:
    lines = part.splitlines()
    for number, line in enumerate(lines):
        if line.startswith(f"{field} ="):
            lines[number] = f'{field} = "{value}"'
            return "\n".join(lines) + "\n"
    return part.rstrip("\n") + f'\n{field} = "{value}"\n'


def values(text: str) -> dict[str, dict[str, object]]:
    """The claims of a claims.toml text."""
    claims: dict[str, dict[str, object]] = tomllib.loads(text.replace("\r\n", "\n"))["claims"]
    return claims


@settings(max_examples=100, deadline=None)
@given(st.lists(EDIT, min_size=1, max_size=8))
def test_hand_edits_survive_two_syncs(edits: list[tuple[str, int, str]]) -> None:
    """No person's edit lost, no traceback, refused files kept, the second sync a no-op."""
    with tempfile.TemporaryDirectory() as folder:
        repo = Repo(Path(folder))
        (repo.root / "news").mkdir()
        repo.write("a.txt", " ".join(SENTENCES))
        repo.sync(folders=("news",))
        wanted: dict[str, dict[str, str]] = {}
        broken = False
        for op, at, status in edits:
            text = repo.ledger_path.read_bytes().decode("utf-8")
            crlf = "\r\n" in text
            text = text.replace("\r\n", "\n")
            if op == "crlf":
                crlf = True
            elif op == "break":
                text, broken = text.replace("schema = 2", "schema = ", 1), True
            elif op == "article":
                repo.write("a.txt", f"Lead {at}. " + " ".join(SENTENCES))
            else:
                text, want = hand_edit(text, op, at, status)
                for cid, fields in want.items():
                    wanted.setdefault(cid, {}).update(fields)
            repo.ledger_path.write_bytes(
                (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
            )
        before = repo.ledger_path.read_bytes()
        if broken:
            try:
                repo.sync()
            except ProvenanceError:
                assert repo.ledger_path.read_bytes() == before  # refused, never rewritten
                return
        repo.sync()
        first = repo.ledger_path.read_bytes()
        assert not repo.sync().written
        assert repo.ledger_path.read_bytes() == first
        claims = values(first.decode("utf-8"))
        for cid, fields in wanted.items():
            table = claims[cid]
            if table.get("status") == "auto":
                continue  # handed back to the machine by a later edit
            for field, value in fields.items():
                if field == "status" and value != table.get("status"):
                    assert value == "edited" or table["status"] != "auto"
                    continue
                assert table.get(field) == value, (cid, field)
        if b"\r\n" in before:
            assert b"\n" not in first.replace(b"\r\n", b"")
