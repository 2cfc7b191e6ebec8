"""`kg explain` and `kg review` on graphs built from extractions we wrote by hand (no model)."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.explain import explain, review
from kg.ingest import from_text
from kg.pipeline import write_dataset
from kg.query import open_graph
from kg.rdf import to_dataset
from kg.resolve import resolve_entities
from kg.types import Extraction, Mention

from .test_rdf import merged_spellings

runner = CliRunner()


def _graph(path: Path, extractions: list[Extraction]) -> Path:
    write_dataset(to_dataset(extractions, resolve_entities(extractions)), path)
    return path


@pytest.fixture
def merged(tmp_path) -> Path:
    return _graph(tmp_path / "merged.trig", merged_spellings())


@pytest.fixture
def apart(tmp_path) -> Path:
    people = ["Kari Nordmann", "Karin Nordmann", "Per Holm"]
    extractions = [Extraction(from_text(f"{name} talte i Bodø.", name), (
        Mention(f"person|{name.lower()}", "person", name, 0, len(name), name),), ()) for name in people]
    return _graph(tmp_path / "apart.trig", extractions)


def test_explain_gives_names_by_article_and_the_decisions_with_their_evidence(merged):
    (found,) = explain(open_graph(merged), "tkach")
    assert found.label == "Jurij Tkatsjenko" and found.kinds == ["Person"] and len(found.names) == 2
    rules = {(name, rule) for name, rule, _, _ in found.decisions}
    assert rules == {("Yuriy Tkachenko", "kg.merge.spelling.v1"), ("Tkachenko", "kg.merge.surname.v1")}
    assert all(evidence for _, _, evidence, _ in found.decisions)
    assert explain(open_graph(merged), "Nordmann") == []


def test_review_lists_close_pairs_kept_apart_with_the_reason(apart, merged):
    pairs = review(open_graph(apart))
    assert [(p.first, p.second, p.reason) for p in pairs] == [("Kari Nordmann", "Karin Nordmann",
                                                                 "different first names")]
    assert pairs[0].score > 90
    assert review(open_graph(merged)) == []  # one person: nothing kept apart


def test_explain_and_review_commands(merged, apart, tmp_path):
    result = runner.invoke(app, ["explain", "Tkachenko", str(merged)])
    assert result.exit_code == 0 and "kg.merge.surname.v1" in result.output and "Jurij Tkatsjenko" in result.output
    result = runner.invoke(app, ["review", str(apart)])
    assert result.exit_code == 0 and "different first names" in result.output and "1 pairs" in result.output
    for args in (["explain", "Ingen", str(merged)], ["explain", "X", str(tmp_path / "nope.trig")],
                 ["review", str(tmp_path / "nope.trig")]):
        result = runner.invoke(app, args)
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("kg: error:"), args
