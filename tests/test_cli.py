"""Every CLI command end to end, good input and bad."""

import json

from typer.testing import CliRunner

from kg.cli import app

from .conftest import DATA

runner = CliRunner()


def test_model_evaluate_prints_a_table():
    result = runner.invoke(app, ["model", "evaluate", str(DATA / "tiny.conll")])
    assert result.exit_code == 0, result.output
    assert "NER label" in result.output and "LAS" in result.output


def test_model_evaluate_json():
    result = runner.invoke(app, ["model", "evaluate", str(DATA / "tiny.conllu"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["sentences"] == 2 and scores["dep_las"] is None


def test_model_evaluate_missing_file_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["model", "evaluate", str(tmp_path / "nope.conllu")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:") and "nope.conllu" in lines[0]
