"""Writing outputs safely: to a temporary file beside the target, renamed over it only when complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError


def write_text_atomic(out: Path, text: str) -> None:
    """Write `text` to `out` so that a failure leaves any existing `out` as it was; raises OutputError.
    The file gets the permissions a plain `open(out, "w")` would give (mkstemp's are owner-only)."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{out}: the folder {folder} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except (OSError, UnicodeError) as err:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write: {getattr(err, 'strerror', None) or err}") from err


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
