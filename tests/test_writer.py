"""Atomic writes keep the BOM and the file mode, and never leave half a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from listlint.base.errors import InputError
from listlint.workspace.files import Snapshot, read_source
from listlint.workspace.writer import encode, write_atomic

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def test_encode_bom() -> None:
    assert encode("a", True) == b"\xef\xbb\xbfa"
    assert encode("a", False) == b"a"


def test_write_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o604)
    write_atomic(str(path), "new\r\n", bom=True)
    assert path.read_bytes() == b"\xef\xbb\xbfnew\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert os.listdir(tmp_path) == ["README.md"]


def test_failed_replace_leaves_the_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="cannot write: Permission denied"):
        write_atomic(str(path), "new", bom=False)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["README.md"]


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(str(tmp_path / "gone.md"), "x", bom=False)


def _read(path: Path) -> Snapshot:
    return Snapshot.of(*read_source(str(path)))


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    read = _read(path)
    path.write_text("an edit saved meanwhile", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        write_atomic(str(path), "fixed", bom=False, expected=read)
    assert str(raised.value) == f"{path}: changed on disk while fixing; not written"
    assert path.read_text(encoding="utf-8") == "an edit saved meanwhile"
    assert os.listdir(tmp_path) == ["README.md"]


def test_an_edit_of_the_same_size_within_the_same_tick_is_seen(tmp_path: Path) -> None:
    # Size and time alike (a coarse clock, or a tool that sets the time back): the content says.
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    read = _read(path)
    path.write_text("new", encoding="utf-8")
    os.utime(path, ns=(read.mtime_ns, read.mtime_ns))
    with pytest.raises(InputError, match="changed on disk while fixing"):
        write_atomic(str(path), "fixed", bom=False, expected=read)
    assert path.read_text(encoding="utf-8") == "new"


def test_a_file_as_it_was_read_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    write_atomic(str(path), "fixed", bom=False, expected=_read(path))
    assert path.read_text(encoding="utf-8") == "fixed"


@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_root_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    os.chown(path, 4321, 8765)
    path.chmod(0o664)
    write_atomic(str(path), "new", bom=False)
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (4321, 8765, 0o664)


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes are Linux's")
def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old", encoding="utf-8")
    try:
        os.setxattr(path, "user.listlint.origin", b"invented")
    except OSError as error:
        pytest.skip(f"no user extended attributes here: {error.strerror}")
    write_atomic(str(path), "new", bom=False)
    assert path.read_text(encoding="utf-8") == "new"
    assert os.getxattr(path, "user.listlint.origin") == b"invented"
