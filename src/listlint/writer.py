"""Write a fixed file atomically, keeping its newline style, BOM and mode."""

from __future__ import annotations

import os
import stat
import tempfile

from listlint.document import BOM
from listlint.errors import InputError


def encode(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str, text: str, bom: bool) -> None:
    """Replace `path` with `text` through a temporary file in the same folder.

    The rename is atomic on one file system, so a reader (or a crash) sees the
    old file or the new one, never half of each.
    """
    data = encode(text, bom)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        handle, temp = tempfile.mkstemp(prefix=".listlint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise InputError(f"cannot write: {error.strerror}", path) from None
