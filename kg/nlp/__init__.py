"""Our Norwegian spaCy pipeline, trained on NorNE and shipped inside the package.

`load_pipeline()` is the only way the rest of Nyhetsgraf gets a model; nothing here touches the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).parent / "model"


def load_pipeline(path: Path | None = None) -> Language:
    """Load the shipped Norwegian pipeline (or one at `path`); raises ModelError when it is missing or broken."""
    import spacy  # heavy: imported only when a pipeline is really wanted

    path = path or MODEL_DIR
    if not (path / "meta.json").is_file():
        raise ModelError(f"{path}: no trained pipeline here (meta.json missing); run `kg model train`")
    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(f"{path}: cannot load the pipeline: {err}") from err
