"""The public Python API (``import provenance``): the same results as the commands."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import provenance
from provenance.cli import main
from provenance.report.formats import write_json

from .conftest import ROOT, SEEDS
from .test_evaluation import TEXT, corpus, gold_line

SEED_003 = "seeds/003_bcaab3bcf559171c.txt"


def cli_lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    """stdout lines of a command that exits 0."""
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


def test_extract_file_is_provenance_extract(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``extract_file`` gives exactly the claims ``provenance extract`` prints for seed 003."""
    monkeypatch.chdir(ROOT)
    expected = cli_lines(capsys, "extract", "--format", "jsonl", SEED_003)
    got = [
        json.dumps(provenance.claim_record(c), ensure_ascii=False)
        for c in provenance.extract_file(SEED_003)
    ]
    assert got == expected and len(got) > 0


def test_extract_text_on_a_text_read_without_newline_translation() -> None:
    """``extract_text`` on the file's text (utf-8, newline="") equals ``extract_file``."""
    path = ROOT / SEED_003
    with path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert provenance.extract_text(text, name=SEED_003) == provenance.extract_file(
        path, name=SEED_003
    )


def test_extract_records_is_provenance_extract(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``extract_records((name, text))`` gives the records ``provenance extract`` prints for
    the file, a leading byte-order mark dropped as the command drops it."""
    monkeypatch.chdir(ROOT)
    expected = cli_lines(capsys, "extract", "--format", "jsonl", SEED_003)
    text = (ROOT / SEED_003).read_bytes().decode("utf-8")
    for given in (text, "\ufeff" + text):
        records = provenance.extract_records((SEED_003, given))
        assert [json.dumps(r, ensure_ascii=False) for r in records] == expected


def printed(code: str) -> str:
    """What ``python -c CODE`` prints, run from the repository root, stripped."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()


def test_the_cluster_path_needs_no_dask_until_used() -> None:
    """``extract_records`` runs without importing Dask; only ``documents_bag`` imports it."""
    code = (
        "import sys, provenance; provenance.extract_records(('a.txt', 'Smith said so.'));"
        " print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    assert printed(code) == "[]"


def test_documents_bag_without_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra, ``documents_bag`` is one line naming it, not an ImportError."""
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(provenance.ProvenanceError, match=r"pip install 'provenance\[dask\]'"):
        provenance.documents_bag(["seeds/a.txt"])


def test_extract_file_refuses_a_missing_file(tmp_path: Path) -> None:
    """A file that cannot be read raises the one-line InputError the command prints."""
    with pytest.raises(provenance.InputError, match="no such file"):
        provenance.extract_file(tmp_path / "nothing.txt")


def seed_pairs() -> list[tuple[str, str]]:
    """Pairs of seed claim contents, and claims against a whole seed article (a long body)."""
    claims = [c for path in sorted(SEEDS.glob("*.txt")) for c in provenance.extract_file(path)]
    texts = [c.content_text for c in claims][:12]
    body = (ROOT / SEED_003).read_text(encoding="utf-8")
    return [(a, b) for a in texts[:6] for b in texts[6:]] + [(a, body) for a in texts[:4]]


def test_relating_in_batches_with_fitted_weights_gives_the_same_results() -> None:
    """With weights fitted once, one batch or two batches of pairs give identical judgements."""
    pairs = seed_pairs()
    weights = provenance.WordWeights.fit(sorted({b for _, b in pairs}))
    whole = provenance.relate_pairs(pairs, weights)
    half = len(pairs) // 2
    split = provenance.relate_pairs(pairs[:half], weights) + provenance.relate_pairs(
        pairs[half:], weights
    )
    assert split == whole
    assert [provenance.relate_texts(a, b, weights=weights) for a, b in pairs] == whole


def test_relate_pairs_defaults_to_weights_over_its_b_texts() -> None:
    """Without weights, ``relate_pairs`` fits them on the distinct b texts (what the CLI does)."""
    pairs = seed_pairs()
    weights = provenance.WordWeights.fit(sorted({b for _, b in pairs}))
    assert provenance.relate_pairs(pairs) == provenance.relate_pairs(pairs, weights)


def test_relate_claims_with_corpus_weights_is_independent_of_the_batch() -> None:
    """A relation found in a batch of two claims equals the one found among all of them."""
    claims = [c for path in sorted(SEEDS.glob("*.txt")) for c in provenance.extract_file(path)]
    weights = provenance.WordWeights.fit([c.content_text for c in claims if c.content])
    every = provenance.relate_claims(claims, weights=weights)
    by_id = {c.id: c for c in claims}
    assert every, "the seeds hold related claims"
    for relation in every[:10]:
        pair = [by_id[relation.a], by_id[relation.b]]
        again = provenance.relate_claims(pair, weights=weights)
        assert relation in again


def test_word_weights_count_each_text_once() -> None:
    """A word in every text weighs least; a word the corpus lacks weighs most."""
    weights = provenance.WordWeights.fit(["taxes will rise", "taxes will fall", "taxes stay"])
    idf = weights.idf
    assert weights.documents == 3
    assert min(idf.values()) == idf["tax"] < idf["rise"] == idf["fall"] < idf[""]


def test_build_report_is_provenance_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``build_report`` on the opened claims.toml renders what ``report --format json`` prints."""
    ledger_path = ROOT / "claims.toml"
    expected = cli_lines(capsys, "report", "--ledger", str(ledger_path), "--format", "json")
    report = provenance.build_report(provenance.open_ledger(ledger_path), root=ROOT)
    out = io.StringIO()
    write_json(report, out, None)
    assert out.getvalue().splitlines() == expected


def test_build_report_filters() -> None:
    """Filters select the claims of the report."""
    ledger = provenance.open_ledger(ROOT / "claims.toml")
    report = provenance.build_report(ledger, filters=provenance.Filters(docs=(SEED_003,)))
    days = report.timeline
    assert days and all(e.claim.doc == SEED_003 for day in days for e in day.entries)


def test_sync_then_check(tmp_path: Path) -> None:
    """``sync`` creates and fills a claims.toml; ``check`` then finds it clean."""
    shutil.copytree(SEEDS, tmp_path / "news")
    ledger = tmp_path / "claims.toml"
    done = provenance.sync(ledger, ["news"], create=True)
    assert done.written and not done.failures
    assert len(provenance.open_ledger(ledger).documents) == 5
    result = provenance.check(ledger)
    assert isinstance(result, provenance.CheckResult) and result.documents == 5
    assert not provenance.sync(ledger).written  # nothing changed since


def test_evaluate_polnear_is_provenance_eval_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``evaluate_polnear`` returns the record ``eval --format json`` prints."""
    folder = corpus(tmp_path, TEXT, gold_line("1", "Smith", "said", "Taxes will rise"))
    expected = json.loads(
        cli_lines(capsys, "eval", "--polnear", str(folder), "--format", "json")[0]
    )
    assert provenance.evaluate_polnear(folder) == expected


def test_every_public_name_resolves() -> None:
    """Each name of ``__all__`` imports, and ``dir`` lists it."""
    for name in provenance.__all__:
        assert getattr(provenance, name) is not None
        assert name in dir(provenance)
    with pytest.raises(AttributeError):
        _ = provenance.no_such_name


def test_import_provenance_imports_no_stage() -> None:
    """``import provenance`` stays cheap: no stage, rich or rapidfuzz until a name is used."""
    code = (
        "import sys, provenance; print(sorted(m for m in sys.modules"
        " if m.startswith(('provenance.', 'rich', 'rapidfuzz'))))"
    )
    assert printed(code) == "[]"
