"""Nyhetsgraf: one knowledge graph from many Norwegian news articles."""

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"


_CODE = frozenset({".py", ".yaml", ".tsv"})


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of this package's code and data (its `.py`, `.yaml` and `.tsv` files; not the model, which only
    the parse reads): what a store made by other code holds (its index, its article graphs) is made again, since
    resolution and the graph may have changed with it."""
    root = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()
