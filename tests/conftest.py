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


def make_doc(tokens: str, sent_starts: list[int] | None = None, ents: list[tuple[int, int, str]] = ()):
    """A parsed Norwegian sentence built by hand, with no model: one line per token,
    `word lemma POS DEP HEAD [FEATS]` (HEAD a 0-based index; a root points at itself; FEATS as in CoNLL-U);
    entities as (start, end, label).
    """
    import spacy
    from spacy.tokens import Doc, Span

    rows = [line.split() for line in tokens.strip().splitlines()]
    heads = [int(r[4]) for r in rows]
    for start in range(len(rows)):  # a cycle would crash spaCy when a rule walks the tree
        seen, i = set(), start
        while heads[i] != i:
            if i in seen or not 0 <= heads[i] < len(rows):
                raise ValueError(f"make_doc: token {start} ({rows[start][0]}) never reaches a root")
            seen.add(i)
            i = heads[i]
    words = [r[0] for r in rows]
    spaces = [not (i + 1 < len(words) and words[i + 1] in {",", ".", ")", ":", "?", "!"}) and words[i] != "("
              for i in range(len(words))]
    doc = Doc(spacy.blank("nb").vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows],
              morphs=[r[5] if len(r) > 5 else "" for r in rows])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc
