"""Every CLI command end to end, good input and bad."""

import json

from typer.testing import CliRunner

from kg.cli import app

from .conftest import DATA, tiny

runner = CliRunner()


def test_model_evaluate_prints_a_table():
    result = runner.invoke(app, ["model", "evaluate", str(tiny("tiny.conll"))])
    assert result.exit_code == 0, result.output
    assert "NER label" in result.output and "LAS" in result.output


def test_model_evaluate_json():
    result = runner.invoke(app, ["model", "evaluate", str(tiny("tiny.conllu")), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["sentences"] == 2 and scores["dep_las"] is None


def test_model_evaluate_missing_file_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["model", "evaluate", str(tmp_path / "nope.conllu")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:") and "nope.conllu" in lines[0]


ARTICLE = """Regjeringen la fram budsjettet

Finansminister Kari Lunde la tirsdag fram statsbudsjettet for Stortinget, skriver NTB.

Av Ola Berg

Publisert: 08.10.2024 kl. 10:00

Den svenske delegasjonen, ledet av utenriksminister Anna Holm, deltok i samtalene i Stockholm.
"""


def _write(tmp_path, name="budsjett.txt", text=ARTICLE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_build_writes_every_format_and_a_summary(tmp_path):
    source = _write(tmp_path)
    for suffix in (".trig", ".nq", ".ttl", ".jsonld"):
        out_path = tmp_path / f"graph{suffix}"
        result = runner.invoke(app, ["build", str(source), "--out", str(out_path)])
        assert result.exit_code == 0, result.output
        assert "1 articles" in result.stdout and out_path.stat().st_size > 0


def test_build_into_a_store_is_incremental_and_idempotent(tmp_path):
    store = tmp_path / "store"
    first = runner.invoke(app, ["build", str(_write(tmp_path)), "--store", str(store)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["build", str(tmp_path / "budsjett.txt"), "--store", str(store)])
    assert "1 articles (0 new)" in again.stdout
    other = _write(tmp_path, "annen.txt", "Ordfører Per Moe i Tromsø gikk av onsdag.\n\nHan sa det på et møte.")
    more = runner.invoke(app, ["build", str(other), "--store", str(store)])
    assert "2 articles (1 new)" in more.stdout, more.output
    people = runner.invoke(app, ["query", str(store), "--saved", "people", "--format", "csv"])
    assert people.exit_code == 0 and "Anna Holm" in people.stdout, people.output


def test_build_on_a_local_dask_cluster(tmp_path):
    result = runner.invoke(app, ["build", str(_write(tmp_path)), "--out", str(tmp_path / "g.nq"), "--cluster", "local"])
    assert result.exit_code == 0, result.output
    assert "1 articles (1 new)" in result.stdout and (tmp_path / "g.nq").stat().st_size > 0


def test_latin1_input_builds_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Bjørn Ødegård ble valgt til ordfører i Ålesund.".encode("cp1252"))
    result = runner.invoke(app, ["build", str(path), "--out", str(tmp_path / "g.trig")])
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in result.stderr


def test_bad_inputs_give_one_error_line_and_leave_the_output(tmp_path):
    out_path = tmp_path / "graph.trig"
    out_path.write_text("previous graph", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "bad.jsonl").write_text('{"text": "Hei."}\nnot json\n', encoding="utf-8")
    cases = {"empty.txt": "empty file", "binary.txt": "binary", "bad.jsonl": "malformed JSON",
             "missing.txt": "no such file"}
    for name, message in cases.items():
        result = runner.invoke(app, ["build", str(tmp_path / name), "--out", str(out_path)])
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and message in lines[0] and name in lines[0], result.output
        assert out_path.read_text(encoding="utf-8") == "previous graph"


def test_unwritable_output_is_an_error(tmp_path):
    source = _write(tmp_path)
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path / "no" / "such" / "dir.trig")])
    assert result.exit_code == 1 and "does not exist" in result.stderr
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path / "graph.xml")])
    assert result.exit_code == 1 and "unknown output format" in result.stderr


def test_view_and_bad_focus(tmp_path):
    graph = tmp_path / "g.trig"
    assert runner.invoke(app, ["build", str(_write(tmp_path)), "--out", str(graph)]).exit_code == 0
    result = runner.invoke(app, ["view", str(graph), "--out", str(tmp_path / "g.html")])
    assert result.exit_code == 0 and (tmp_path / "g.html").stat().st_size > 10_000, result.output
    bad = runner.invoke(app, ["view", str(graph), "--out", str(tmp_path / "h.html"), "--focus", "Ingen Slik"])
    assert bad.exit_code == 1 and "no entity" in bad.stderr and not (tmp_path / "h.html").exists()


def test_store_refuses_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["build", str(_write(tmp_path)), "--store", str(folder)])
    assert result.exit_code == 1 and "not a Nyhetsgraf store" in result.stderr
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_evaluate_prints_tables_and_errors():
    result = runner.invoke(app, ["evaluate", str(DATA / "gold"), "--show", "errors"])
    assert result.exit_code == 0, result.output
    for part in ("Relations", "Per article", "traps hit", "gold entities found", "false merges", "missed"):
        assert part in result.output


def test_evaluate_json():
    result = runner.invoke(app, ["evaluate", str(DATA / "gold"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 2 and report["relations"]["core"] == 20 and report["errors"] == []
    assert set(report["per_type"]) >= {"attended", "reportedBy"} and set(report["per_article"]) == {"01", "02"}


def test_evaluate_scores_the_graph_a_minimum_confidence_gives():
    def extracted(*args):
        result = runner.invoke(app, ["evaluate", str(DATA / "gold"), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        return report["relations"]["correct"] + report["relations"]["wrong"], report["reliability"]

    everything, bands = extracted()
    assert extracted("--min-confidence", "1.0")[0] < everything and all(b["statements"] for b in bands)


def test_evaluate_bad_gold_is_one_error_line(tmp_path):
    (tmp_path / "gold.yaml").write_text("articles: [\n", encoding="utf-8")
    for args in ([str(tmp_path)], [str(tmp_path / "nope")], [str(DATA / "gold"), "--format", "xml"]):
        result = runner.invoke(app, ["evaluate", *args])
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("kg: error:"), result.output


def test_build_reports_progress_as_plain_lines_where_stderr_is_no_terminal(tmp_path):
    result = runner.invoke(app, ["build", str(DATA / "gold"), "--out", str(tmp_path / "g.trig")])
    assert result.exit_code == 0, result.output
    assert "kg: extracted 2/2 articles" in result.stderr and not result.stderr.startswith("\n")
    assert result.stdout.count("\n") == 1  # the summary, on one line however long


def test_evaluate_calibrates_and_build_leaves_out_facts_below_a_confidence(tmp_path):
    table = tmp_path / "confidence.yaml"
    result = runner.invoke(app, ["evaluate", str(DATA / "gold"), "--calibrate", str(table)])
    assert result.exit_code == 0 and "kg.jobTitle.v1:" in table.read_text(encoding="utf-8")
    counts = []
    for threshold in ("0", "0.99"):
        result = runner.invoke(app, ["build", str(DATA / "gold"), "--out", str(tmp_path / f"{threshold}.trig"),
                                     "--min-confidence", threshold])
        assert result.exit_code == 0, result.output
        counts.append(int(result.stdout.split(" relations")[0].rsplit(" ", 1)[1]))
    assert counts[0] > counts[1]


def test_build_skips_an_overlong_article_with_a_warning_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Fiskere i Bodø\n\nKari Lie talte i Bodø.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Langt\n\n" + "Lang tekst. " * 100, encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "g.trig"), "--max-article-chars",
                                 "500"])
    assert result.exit_code == 0 and "b.txt: longer than the 500 characters" in result.stderr
    assert result.stdout.startswith("1 articles")
