"""The cluster path (``provenance[dask]``): extraction mapped over a Dask bag on a local
cluster of two workers gives the claims one process gives, byte for byte.

Skipped when the extra is not installed. The cluster runs its workers as threads of this
process (``processes=False``): no port is opened and it starts in a fraction of a second;
the tasks still go through the distributed scheduler, as on a real cluster.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import provenance
from provenance.cli import main

from .conftest import ROOT, SEEDS

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

EVERY = 7  # the PolNeAR dev slice: every 7th article (12 of 84)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A distributed client of a local cluster with two single-threaded workers."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def serial_lines(capsys: pytest.CaptureFixture[str], files: Sequence[str]) -> list[str]:
    """What ``provenance extract --format jsonl --jobs 1 FILES`` prints, line by line."""
    assert main(["extract", "--format", "jsonl", "--jobs", "1", *files]) == 0
    return capsys.readouterr().out.splitlines()


def by_document(lines: list[str]) -> list[str]:
    """The lines in document order (a stable sort: text order within a document)."""
    return sorted(lines, key=lambda line: json.loads(line)["doc"])


def cluster_lines(documents: Any) -> list[str]:
    """The JSON lines of extraction mapped over a bag of documents, computed on the cluster."""
    claims = documents.map(provenance.extract_records).flatten()
    return list(claims.map(json.dumps, ensure_ascii=False).compute())


def seed_names() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in SEEDS.glob("*.txt"))


def test_seeds_on_the_cluster_are_the_serial_claims(
    client: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seed files read and extracted on two workers, three partitions: the serial JSON lines."""
    monkeypatch.chdir(ROOT)
    names = seed_names()
    expected = serial_lines(capsys, names)
    documents = provenance.documents_bag(names, partitions=3)
    assert documents.npartitions == 3
    got = cluster_lines(documents)
    assert by_document(got) == by_document(expected) and len(expected) > 10
    assert got == expected  # the bag keeps file order too


def test_a_polnear_dev_slice_on_the_cluster_is_the_serial_claims(
    client: Any, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A slice of PolNeAR dev, four partitions over two workers: the serial JSON lines."""
    texts = sorted((shared / "data" / "polnear" / "dev" / "text").glob("*.txt"))[::EVERY]
    files = [str(path) for path in texts]
    expected = serial_lines(capsys, files)
    got = cluster_lines(provenance.documents_bag(files, partitions=4))
    assert by_document(got) == by_document(expected) and len(expected) > 50


def test_a_jsonl_of_documents_gives_the_claims_of_the_files(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents given as JSON lines ``{"doc", "text"}`` (CRLF texts, a blank line, a BOM
    before the first line) give what the files give."""
    monkeypatch.chdir(ROOT)
    names = seed_names()
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes((ROOT / names[0]).read_bytes().replace(b"\n", b"\r\n"))
    files = [*((name, ROOT / name) for name in names), (str(crlf), crlf)]
    rows = [
        json.dumps({"doc": name, "text": path.read_bytes().decode("utf-8")}, ensure_ascii=False)
        for name, path in files
    ]
    jsonl = tmp_path / "documents.jsonl"
    jsonl.write_text("\ufeff" + "\n\n".join(rows) + "\n", encoding="utf-8")
    got = cluster_lines(provenance.documents_bag(jsonl=jsonl))
    assert got == serial_lines(capsys, [*names, str(crlf)])


def test_relations_with_weights_fitted_once_do_not_depend_on_partitions(client: Any) -> None:
    """Word weights fitted once on the whole corpus and shared with every task: relating
    pairs in 1 or 5 partitions gives the serial judgements."""
    records = provenance.documents_bag(sorted(SEEDS.glob("*.txt"))).map(provenance.extract_records)
    contents = records.flatten().map(lambda r: " … ".join(s["text"] for s in r["content"]))
    texts = sorted(contents.distinct().compute())
    weights = provenance.WordWeights.fit(texts)
    shared = client.scatter(weights, broadcast=True)
    pairs = [(a, b) for a in texts[:8] for b in texts[8:20]]
    serial = provenance.relate_pairs(pairs, weights)
    for partitions in (1, 5):
        bag = dask_bag.from_sequence(pairs, npartitions=partitions)
        judged = bag.starmap(provenance.relate_texts, weights=shared).compute()
        assert judged == serial
    assert {kind for kind, _, _ in serial} != {provenance.RelationKind.UNRELATED}


def test_the_readme_cluster_example_writes_the_serial_jsonl(
    client: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README's Dask lines, run on this cluster from a copy of the repository's seeds,
    write part files whose concatenation is what ``provenance extract`` prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a cluster", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, re.S)
    (tmp_path / "seeds").symlink_to(SEEDS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("dask.distributed.Client", lambda *args, **kwargs: client)
    exec(compile(block, "README.md", "exec"), {"__name__": "__main__"})
    parts = sorted((tmp_path / "claims").glob("*.jsonl"))
    assert len(parts) > 1
    written = "".join(part.read_text(encoding="utf-8") for part in parts)
    assert written.splitlines() == serial_lines(capsys, seed_names())
    assert written.endswith("\n")


def test_an_unreadable_file_is_one_line(client: Any, tmp_path: Path) -> None:
    """A missing article file raises the one-line InputError ``provenance extract`` gives."""
    documents = provenance.documents_bag([tmp_path / "gone.txt"])
    with pytest.raises(provenance.InputError, match=r"gone\.txt: no such file"):
        documents.compute()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"doc": "a.txt", "text": ', "not JSON"),
        ('["a.txt", "Smith said so."]', 'not an object with "doc" and "text" strings'),
        ('{"doc": "a.txt", "body": "Smith said so."}', 'not an object with "doc" and "text"'),
    ],
)
def test_a_bad_jsonl_line_is_one_line_naming_it(
    client: Any, tmp_path: Path, line: str, problem: str
) -> None:
    """A line that is not a document object raises an InputError naming file:line."""
    jsonl = tmp_path / "documents.jsonl"
    good = json.dumps({"doc": "ok.txt", "text": "The mayor said the bridge would reopen."})
    jsonl.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(provenance.InputError, match=rf"documents\.jsonl:2: {re.escape(problem)}"):
        provenance.documents_bag(jsonl=jsonl).compute()


def test_documents_bag_wants_files_or_jsonl(tmp_path: Path) -> None:
    """Neither or both sources is a usage error, raised at once."""
    with pytest.raises(provenance.UsageError, match="one of the two"):
        provenance.documents_bag()
    with pytest.raises(provenance.UsageError, match="one of the two"):
        provenance.documents_bag(["a.txt"], jsonl=tmp_path / "b.jsonl")
