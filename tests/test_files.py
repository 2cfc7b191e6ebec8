"""Atomic writes: the whole file or the old one, with ordinary permissions."""

import os
import stat

import pytest

from kg.errors import OutputError
from kg.files import write_text_atomic


def test_written_file_has_the_permissions_of_a_plain_write(tmp_path):
    out = tmp_path / "graph.html"
    old = os.umask(0o022)
    try:
        write_text_atomic(out, "<p>æøå</p>")
    finally:
        os.umask(old)
    assert out.read_text(encoding="utf-8") == "<p>æøå</p>"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "graph.trig"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_text_atomic(out, "\ud800")  # a lone surrogate cannot be encoded
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "none" / "graph.trig", "x")
