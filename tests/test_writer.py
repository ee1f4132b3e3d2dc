"""Atomic writes keep the BOM and the file mode, and never leave half a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from listlint.base.errors import InputError
from listlint.workspace.writer import encode, write_atomic


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
