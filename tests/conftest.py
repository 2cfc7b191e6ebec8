"""Shared fixtures: the shipped pipeline (loaded once) and the NorNE folder (skipped where absent)."""

from __future__ import annotations

import gc
import tempfile
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
NORNE = ROOT.parent / "shared" / "datasets" / "norne"

# Four sentences we wrote ourselves, in NorNE's two file formats, for the tests of reading, scoring and training.
# Kept here and written to a temporary folder, so that no .conll/.conllu file is tracked (only model weights
# derived from NorNE may be committed, and CI fails on any such file).
TINY = {
    "tiny.conll": """1	Ola	Ola	subst	subst	prop	3	SUBJ	_	name=B-PER
2	Hansen	Hansen	subst	subst	prop	1	FLAT	_	name=I-PER
3	leder	lede	verb	verb	pres	0	FINV	_	name=O
4	to	to	det	det	kvant	5	DET	_	name=O
5	utvalg	utvalg	subst	subst	appell|nøyt|ub|fl	3	DOBJ	_	name=O
6	i	i	prep	prep	_	5	ATR	_	name=O
7	Tromsø	Tromsø	subst	subst	prop	6	PUTFYLL	_	name=B-GPE_LOC
8	(	$(	<parentes-beg>	<parentes-beg>	_	9	IK	_	name=O
9	Ap	Ap	subst	subst	prop	1	APP	_	name=B-ORG
10	)	$)	<parentes-slutt>	<parentes-slutt>	_	9	IK	_	name=O
11	.	$.	clb	clb	<punkt>	3	IP	_	name=O

1	Det	det	pron	pron	nøyt|ent|pers|3	2	DOBJ	_	name=O
2	har	ha	verb	verb	pres	0	FINV	_	name=O
3	han	han	pron	pron	ent|hum|mask|nom|pers|3	2	SUBJ	_	name=O
4	sagt	si	verb	verb	perf-part	2	INFV	_	name=O
5	.	$.	clb	clb	<punkt>	2	IP	_	name=O

""",
    "tiny.conllu": """# text = Kari Nordmann besøkte Bergen i går.
1	Kari	Kari	PROPN	_	_	3	nsubj	_	name=B-PER
2	Nordmann	Nordmann	PROPN	_	_	1	flat:name	_	name=I-PER
3	besøkte	besøke	VERB	_	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	name=O
4	Bergen	Bergen	PROPN	_	_	3	obj	_	name=B-GPE_LOC
5	i	i	ADP	_	_	6	case	_	name=O
6	går	går	NOUN	_	_	3	obl	_	SpaceAfter=No|name=O
7	.	$.	PUNCT	_	_	3	punct	_	name=O

# text = Hun jobber for Statens vegvesen.
1	Hun	hun	PRON	_	Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	name=O
2	jobber	jobbe	VERB	_	Mood=Ind|Tense=Pres|VerbForm=Fin	0	root	_	name=O
3	for	for	ADP	_	_	5	case	_	name=O
4	Statens	stat	PROPN	_	_	5	nmod	_	name=B-ORG
5	vegvesen	vegvesen	PROPN	_	_	2	obl	_	SpaceAfter=No|name=I-ORG
6	.	$.	PUNCT	_	_	2	punct	_	name=O

""",
}


@cache
def tiny(name: str) -> Path:
    """The path of one of the TINY files (`tiny.conll`, `tiny.conllu`), written once per session."""
    path = Path(tempfile.mkdtemp(prefix="kg-tiny-")) / name
    path.write_text(TINY[name], encoding="utf-8")
    return path


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


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread():
    """pyoxigraph's query results may only be freed on the thread that made them: collect what a test leaves in
    reference cycles (a traceback holding its frames) here, not in a later test's worker thread, where freeing
    it raises an unraisable RuntimeError."""
    yield
    gc.collect()
