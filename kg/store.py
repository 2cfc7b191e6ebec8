"""An on-disk graph store: a pyoxigraph store of the merged dataset plus the extraction of every article in it,
so that a later build resolves old and new articles together. Written beside the old one and swapped in only
when complete: a failed build leaves the previous store as it was.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path

from rdflib import Dataset

from kg.errors import StoreError
from kg.types import Article, Evidence, Extraction, Fact, Mention

EXTRACTIONS = "extractions.jsonl"
OXIGRAPH = "oxigraph"


def is_store(path: Path) -> bool:
    """True when `path` is a folder written by `write_store`."""
    return (path / EXTRACTIONS).is_file() and (path / OXIGRAPH).is_dir()


def read_extractions(path: Path) -> list[Extraction]:
    """The extractions kept in a store (none for a folder that does not exist yet); raises StoreError."""
    if not path.exists():
        return []
    if not is_store(path):
        raise StoreError(f"{path}: exists but is not a Nyhetsgraf store (no {EXTRACTIONS} and {OXIGRAPH}/)")
    try:
        with (path / EXTRACTIONS).open(encoding="utf-8") as lines:
            return [_from_json(json.loads(line)) for line in lines if line.strip()]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StoreError(f"{path}: cannot read {EXTRACTIONS}: {err}") from err


def write_store(path: Path, extractions: list[Extraction], dataset: Dataset) -> None:
    """Replace the store at `path` by one holding `extractions` and `dataset`; raises StoreError."""
    import pyoxigraph

    tmp = path.with_name(f".{path.name}.building")
    old = path.with_name(f".{path.name}.old")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        with (tmp / EXTRACTIONS).open("w", encoding="utf-8") as out:
            for ex in extractions:
                out.write(json.dumps(_to_json(ex), ensure_ascii=False, sort_keys=True) + "\n")
        from kg.query import merge_default_graph

        store = pyoxigraph.Store(str(tmp / OXIGRAPH))
        store.bulk_load(dataset.serialize(format="nquads").encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
        merge_default_graph(store)
        store.flush()
        del store
        shutil.rmtree(old, ignore_errors=True)
        if path.exists():
            path.replace(old)
        tmp.replace(path)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"{path}: cannot write the store: {err.strerror or err}") from err


def _to_json(ex: Extraction) -> dict:
    data = asdict(ex)
    data["article"]["published"] = ex.article.published.isoformat() if ex.article.published else None
    data["dates"] = {k: v.isoformat() for k, v in ex.dates.items()}
    return data


def _from_json(data: dict) -> Extraction:
    art = data["article"]
    article = Article(
        text=art["text"], source=art["source"], headline=art["headline"],
        published=date.fromisoformat(art["published"]) if art["published"] else None, url=art["url"],
        authors=tuple(art["authors"]), captions=tuple(tuple(c) for c in art["captions"]),  # type: ignore[misc]
        byline=tuple(art["byline"]) if art["byline"] else None,  # type: ignore[arg-type]
    )
    facts = tuple(Fact(**{**f, "evidence": Evidence(**f["evidence"])}) for f in data["facts"])
    return Extraction(article, tuple(Mention(**m) for m in data["mentions"]), facts, data["descriptions"],
                      {k: date.fromisoformat(v) for k, v in data["dates"].items()})
