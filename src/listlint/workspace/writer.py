"""Write a fixed file atomically, keeping its newline style, BOM and mode."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

from listlint.base.errors import InputError
from listlint.syntax.document import BOM


def encode(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str, text: str, bom: bool) -> None:
    """Replace `path` with `text` through a temporary file in the same folder.

    The rename is atomic on one file system, so a reader (or a crash) sees the
    old file or the new one, never half of each. A symbolic link is written through;
    a file with other hard links gets a new inode, which those links do not see.
    """
    data = encode(text, bom)
    # Through a symbolic link, to the file it names: replacing the link would leave
    # that file as it was and turn the link into a copy.
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        # The rename needs only the folder's permission; a file its owner made
        # read-only is not ours to replace, not even as root (no write bit at all).
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        handle, temp = tempfile.mkstemp(prefix=".listlint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise InputError(f"cannot write: {error.strerror}", path) from None
