"""Files written whole or not at all: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from standpoint.errors import InputError


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(out: Path, write: Callable[[str], None], what: str = "the file") -> Path:
    """Call write(temporary path), then rename it to `out`; a failure leaves no partial file.

    The file gets the user's usual permissions (mkstemp alone would make it private).
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError("the folder to write into does not exist", str(out.parent))
    try:
        handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        os.close(handle)
    except OSError as err:
        raise InputError(f"cannot write {what}: {err.strerror or err}", str(out)) from err
    try:
        os.chmod(temp, 0o666 & ~_umask())
        write(temp)
        os.replace(temp, out)
    except OSError as err:
        raise InputError(f"cannot write {what}: {err.strerror or err}", str(out)) from err
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return out
