"""`.gitignore` files, honoured in folder walks and in the rest of a list loaded for comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_files import PARITY, check_json


def _list_with_an_ignored_copy(tmp_path: Path) -> None:
    """A list whose build copy (`build/README.md`, ignored) repeats every card."""
    (tmp_path / ".git").mkdir()
    shutil.copy(PARITY / "README.md", tmp_path / "README.md")
    for copy in ("build", "docs/build", "docs/site"):
        (tmp_path / copy).mkdir(parents=True)
        shutil.copy(PARITY / "README.md", tmp_path / copy / "README.md")
    # A line that is no pattern is dropped, as git drops it; the others still count.
    (tmp_path / ".gitignore").write_text("# copies\n[z-a]\nbuild/\n", encoding="utf-8")
    (tmp_path / "docs" / ".gitignore").write_text("site/\n", encoding="utf-8")


def test_gitignored_copies_are_not_loaded_for_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _list_with_an_ignored_copy(tmp_path)
    _, findings = check_json(["--select", "duplicate-arxiv-id", "README.md"], tmp_path, capsys, monkeypatch)
    assert findings == []
    (tmp_path / "docs" / ".gitignore").write_text("site/\n!build/\n", encoding="utf-8")  # the deeper file decides
    _, findings = check_json(["--select", "duplicate-arxiv-id", "README.md"], tmp_path, capsys, monkeypatch)
    assert {f["related"][0]["path"] for f in findings} == {str(tmp_path / "docs" / "build" / "README.md")}


def test_a_folder_walk_skips_what_git_ignores_but_a_named_one_is_walked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _list_with_an_ignored_copy(tmp_path)
    _, findings = check_json(["--select", "non-canonical-arxiv-url", "."], tmp_path, capsys, monkeypatch)
    assert {f["path"] for f in findings} == {"README.md"}
    shutil.copy(PARITY / "README.md", tmp_path / "docs" / "guide.md")
    _, findings = check_json(["--select", "non-canonical-arxiv-url", "docs"], tmp_path, capsys, monkeypatch)
    assert {f["path"] for f in findings} == {"docs/guide.md"}, "docs/build is ignored by the root's `build/`"
    _, findings = check_json(["--select", "non-canonical-arxiv-url", "build"], tmp_path, capsys, monkeypatch)
    assert {f["path"] for f in findings} == {"build/README.md"}
