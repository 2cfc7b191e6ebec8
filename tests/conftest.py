"""Shared fixtures: the shipped pipeline (loaded once) and the NorNE folder (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
NORNE = ROOT.parent / "shared" / "datasets" / "norne"


@pytest.fixture(scope="session")
def nlp():
    """The shipped Norwegian pipeline."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def norne() -> Path:
    """The NorNE folder beside the repository; tests that need it skip on a user's machine."""
    if not (NORNE / "ndt" / "nob").is_dir():
        pytest.skip(f"NorNE is not at {NORNE} (present in CI; needed for corpus and accuracy tests)")
    return NORNE


@pytest.fixture(scope="session")
def norne_splits(norne: Path):
    """Every NorNE split as gold sentences (read once per session)."""
    from kg.nlp.corpus import build_splits

    return build_splits(norne)
