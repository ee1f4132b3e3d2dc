"""Write a fixed file atomically, keeping its newline style, BOM, mode, owner and extended attributes."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

from listlint.base.errors import InputError
from listlint.syntax.document import BOM
from listlint.workspace.files import Snapshot

# A file system without extended attributes (or without this one's namespace).
_NO_ATTRIBUTES = {errno.ENOTSUP, errno.EOPNOTSUPP, getattr(errno, "ENODATA", errno.ENOENT)}


def encode(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str, text: str, bom: bool, expected: Snapshot | None = None) -> None:
    """Replace `path` with `text` through a temporary file in the same folder.

    The rename is atomic on one file system, so a reader (or a crash) sees the
    old file or the new one, never half of each. A symbolic link is written through;
    a file with other hard links gets a new inode, which those links do not see.
    With `expected` (the file as it was read), a file that has changed since, an
    edit saved while `fix` ran, is not replaced.
    """
    data = encode(text, bom)
    # Through a symbolic link, to the file it names: replacing the link would leave
    # that file as it was and turn the link into a copy.
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        status = os.stat(target)
        mode = stat.S_IMODE(status.st_mode)
        # The rename needs only the folder's permission; a file its owner made
        # read-only is not ours to replace, not even as root (no write bit at all).
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        handle, temp = tempfile.mkstemp(prefix=".listlint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path) from None
    replaced = False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_owner(temp, status)
        _copy_attributes(target, temp)
        os.chmod(temp, mode)  # after chown, which may clear set-id bits
        # Checked last, so that the time in which an edit could still be lost is short.
        if expected is not None and not expected.matches(target):
            raise InputError("changed on disk while fixing; not written", path)
        os.replace(temp, target)
        replaced = True
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path) from None
    finally:
        if not replaced:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _keep_owner(temp: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group.

    The temporary file belongs to whoever runs `fix`: as root, every file it
    fixed would become root's. Root can always give it back, so a failure
    then stops the write; another user may change only the group, to one of
    theirs, and keeps the file as before when it cannot.
    """
    if not hasattr(os, "chown"):  # pragma: no cover - Windows has no owners to keep
        return
    mine = os.stat(temp)
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return
    try:
        os.chown(temp, status.st_uid, status.st_gid)
    except PermissionError:
        if os.geteuid() == 0:
            raise


def _copy_attributes(target: str, temp: str) -> None:
    """Copy the old file's extended attributes (user.*, ACLs, labels) to the new one."""
    if not hasattr(os, "listxattr"):  # pragma: no cover - Linux only
        return
    try:
        names = os.listxattr(target)
    except OSError as error:
        if error.errno in _NO_ATTRIBUTES:
            return
        raise
    for name in names:
        try:
            os.setxattr(temp, name, os.getxattr(target, name))
        except OSError as error:
            # Not kept where the file system takes no such attribute, or (as
            # another user than root) one that only root may set.
            if error.errno in _NO_ATTRIBUTES or (error.errno in (errno.EPERM, errno.EACCES) and os.geteuid() != 0):
                continue
            raise
