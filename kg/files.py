"""Writing outputs safely: to a temporary file beside the target, renamed over it only when complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError


def write_text_atomic(out: Path, text: str) -> None:
    """Write `text` to `out` so that a failure leaves any existing `out` as it was; raises OutputError.
    The file gets the permissions a plain `open(out, "w")` would give (mkstemp's are owner-only)."""
    folder = _folder_of(out)
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


def check_writable(out: Path) -> None:
    """Fail early, before any work, when `out` cannot be written; raises OutputError."""
    folder = _folder_of(out)
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise OutputError(f"{out}: not writable")


def _folder_of(out: Path) -> Path:
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{out}: the folder {folder} does not exist")
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
