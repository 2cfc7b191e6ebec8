"""Our Norwegian spaCy pipeline, trained on NorNE and shipped inside the package.

`load_pipeline()` is the only way the rest of Nyhetsgraf gets a model; nothing here touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.ingest import DATELINE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.api import Model, NumpyOps, Ops

MODEL_DIR = Path(__file__).parent / "model"
ROW_SCALE = "kg_row_scale"  # the thinc attribute that holds an int8 table's row scales


def load_pipeline(path: Path | None = None) -> Language:
    """Load the shipped Norwegian pipeline (or one at `path`); raises ModelError when it is missing or broken."""
    import spacy  # heavy: imported only when a pipeline is really wanted

    import kg.nlp.decode  # noqa: F401  (registers the kg_decoder factory the pipeline's config names)
    from kg.nlp.lines import LINE_STARTS

    path = path or MODEL_DIR
    if not (path / "meta.json").is_file():
        raise ModelError(f"{path}: no trained pipeline here (meta.json missing); run `kg model train`")
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(f"{path}: cannot load the pipeline: {err}") from err
    widen_tables(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_STARTS, before="parser")
    return set_ops(nlp, numpy_blas_ops())


def numpy_blas_ops() -> NumpyOps:
    """thinc's CPU ops with matrix products done by numpy's BLAS (the OpenBLAS inside numpy's wheels) instead of
    thinc's default blis, which is three times slower at our layer shapes on the machine we measured
    (docs/model.md). Only the speed changes: the annotations are the same."""
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=False)


def set_ops(nlp: Language, ops: Ops) -> Language:
    """Give every model of `nlp`'s components, disabled ones included (a decoder's members), `ops`; returns
    `nlp`."""
    for node in _nodes(nlp):
        node.ops = ops
    return nlp


def hash_tables(nlp: Language) -> list[Model]:
    """Every hash-embedding layer of the pipeline's models: the bulk of its weights."""
    return [node for node in _nodes(nlp) if node.name.startswith("hashembed") and node.has_param("E")]


def narrow_tables(nlp: Language) -> None:
    """Store every hash-embedding table as int8, one scale per row (the row's largest magnitude / 127), which
    quarters the size of the pipeline's bulk; `widen_tables` restores float32 rows when it is loaded. Measured
    on the NER: the same F1 to a tenth of a point (docs/model.md)."""
    import numpy

    for node in hash_tables(nlp):
        table = node.get_param("E")
        scale = numpy.abs(table).max(axis=1) / 127
        scale[scale == 0] = 1.0
        node.set_param("E", numpy.rint(table / scale[:, None]).astype("int8"))
        node.attrs[ROW_SCALE] = scale.astype("float32")


def widen_tables(nlp: Language) -> None:
    """Undo `narrow_tables` once loaded: thinc computes in float32."""
    for node in hash_tables(nlp):
        if ROW_SCALE in node.attrs:
            node.set_param("E", node.get_param("E").astype("float32") * node.attrs.pop(ROW_SCALE)[:, None])


def _nodes(nlp: Language) -> Iterator[Model]:
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            yield from model.walk()


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The paragraphs of an article text (separated by blank lines) with their character offsets; a dateline
    (`LILLEHAMMER (VG) –`) is a paragraph of its own, so that the parser reads the sentence after it as one."""
    found, offset = [], 0
    for i, block in enumerate(re.split(r"(\n[^\S\n]*\n\s*)", text)):  # odd items are the separators
        if i % 2 == 0 and block.strip():
            start, para = offset + len(block) - len(block.lstrip()), block.strip()
            dateline = DATELINE.match(para)
            if dateline and para[dateline.end():].strip():  # `LILLEHAMMER (VG) – Berit Kjøll ble valgt ...`
                found.append((start, dateline[0]))
                rest = para[dateline.end():]
                start, para = start + dateline.end() + len(rest) - len(rest.lstrip()), rest.lstrip()
            found.append((start, para))
        offset += len(block)
    return found


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 64,
          workers: int = 1) -> Iterator[list[tuple[int, Doc]]]:
    """Parse each article text paragraph by paragraph; yields, per text, (offset, Doc) for every paragraph,
    with the names made consistent across the whole text (`kg.nlp.context`).

    Paragraphs are parsed apart because our parser learnt sentence boundaries within running text only, and a
    sentence never crosses a paragraph break. `workers` > 1 parses in that many processes (spaCy's `n_process`),
    giving the same Docs in the same order.
    """
    from kg.nlp.context import consistent_names

    spans = [paragraphs(text) for text in texts]
    flat = ((para, (n, offset)) for n, parts in enumerate(spans) for offset, para in parts)
    docs: list[list[tuple[int, Doc]]] = [[] for _ in spans]
    done = 0

    def finish(n: int) -> list[tuple[int, Doc]]:
        article, docs[n] = docs[n], []
        consistent_names([doc for _, doc in article])
        return article

    for doc, (n, offset) in nlp.pipe(flat, as_tuples=True, batch_size=batch_size, n_process=workers):
        while done < n:
            yield finish(done)
            done += 1
        docs[n].append((offset, doc))
    while done < len(spans):
        yield finish(done)
        done += 1
