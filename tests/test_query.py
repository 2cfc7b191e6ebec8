"""Saved queries on golden graphs: both engines give the same answers; parameters are bound, not pasted."""

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, QueryError
from kg.query import as_table, open_graph, run, saved_queries, saved_query

from .conftest import DATA

runner = CliRunner()


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "golden.nq"
    path.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((DATA / "golden").glob("*.nq"))),
                    encoding="utf-8")
    return path


def _rdflib_rows(path: Path, text: str, params: dict[str, str]) -> set[tuple[str, ...]]:
    dataset = Dataset(default_union=True)
    dataset.parse(data=path.read_text(encoding="utf-8"), format="nquads")
    result = dataset.query(text, initBindings={k: Literal(v) for k, v in params.items()})
    return {tuple("" if v is None else str(v) for v in row) for row in result}


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_query_gives_the_same_answers_in_both_engines(graph, name):
    params = {"name": "berg"} if name == "entity" else {}
    results = run(open_graph(graph), saved_query(name), params)
    ours = {tuple(row) for row in _full_rows(results)}
    assert ours == _rdflib_rows(graph, saved_query(name), params)


def _full_rows(results):
    columns = [v.value for v in results.variables]
    return [["" if row[c] is None else row[c].value for c in columns] for row in results]


def test_saved_queries_answer_the_questions(graph):
    delegations = as_table(run(open_graph(graph), saved_query("delegations"))).rows
    assert ["delegasjon fra Sverige", "Sverige", "Anna Berg", ""] in delegations
    attendance = as_table(run(open_graph(graph), saved_query("attendance"))).rows
    assert ["Danmark", "forhandling i Genève", "Genève", ""] in attendance  # the article says `forhandlingene`


def test_everything_about_an_entity_includes_its_other_spellings(graph):
    rows = as_table(run(open_graph(graph), saved_query("entity"), {"name": "Genève"})).rows
    talks = {(r[4], r[5]) for r in rows if r[2] == "forhandling i Genève"}
    assert ("schema:alternateName", "forhandling") in talks


def test_parameter_is_a_literal_not_query_text(graph):
    hostile = '"))} } SELECT * WHERE { ?s ?p ?o } #'
    assert as_table(run(open_graph(graph), saved_query("entity"), {"name": hostile})).rows == []


def test_errors(graph, tmp_path):
    with pytest.raises(QueryError, match=r"malformed SPARQL: error at 1:\d+") as err:
        run(open_graph(graph), "SELECT * WHERE { ?s ?p }")
    assert "\n" not in str(err.value) and len(str(err.value)) < 200
    with pytest.raises(QueryError, match="no saved query"):
        saved_query("../etc/passwd")
    with pytest.raises(InputError, match="no such graph"):
        open_graph(tmp_path / "none.trig")
    (tmp_path / "bad.trig").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the graph"):
        open_graph(tmp_path / "bad.trig")


def test_query_command_end_to_end(graph, tmp_path):
    listed = runner.invoke(app, ["query", str(graph), "--list"])
    assert listed.exit_code == 0 and "delegations" in listed.stdout
    table = runner.invoke(app, ["query", str(graph), "--saved", "people"])
    assert table.exit_code == 0 and "Anna Berg" in table.stdout
    as_json = runner.invoke(app, ["query", str(graph), "--saved", "people", "--format", "json"])
    assert json.loads(as_json.stdout)["head"]["vars"] == ["person", "name", "title", "affiliation"]
    as_csv = runner.invoke(app, ["query", str(graph), "SELECT ?s WHERE { ?s a <https://schema.org/Person> }",
                                 "--format", "csv"])
    assert as_csv.stdout.splitlines()[0].strip() == "s"
    query_file = tmp_path / "q.rq"
    query_file.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert "true" in runner.invoke(app, ["query", str(graph), "--file", str(query_file)]).stdout
    bad = runner.invoke(app, ["query", str(graph), "SELECT * WHERE { ?s ?p }"])
    assert bad.exit_code == 1 and len(bad.stderr.strip().splitlines()) == 1 and "error at 1:" in bad.stderr


def test_list_needs_no_graph_and_a_saved_query_says_which_parameter_it_needs(graph):
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0 and "entity" in result.stdout and "merges" in result.stdout
    result = runner.invoke(app, ["query", str(graph), "--saved", "entity"])
    assert result.exit_code == 1 and "--param name=VALUE" in result.stderr
    result = runner.invoke(app, ["query"])
    assert result.exit_code == 1 and result.stderr.startswith("kg: error:")


@pytest.mark.parametrize("update", ["DROP ALL", "PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }",
                                    "# a comment\nDELETE WHERE { ?s ?p ?o }"])
def test_an_update_is_refused_as_an_update(graph, update):
    with pytest.raises(QueryError, match="update"):
        run(open_graph(graph), update)
