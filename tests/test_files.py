"""Finding the files of a list: the same file however its path is typed, and what the
configuration excludes, on disk or on standard input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import MESSY, run

from clitools import run_cli
from conftest import RULE_FIXTURES
from listlint.rulekit.settings import Settings
from listlint.workspace.files import list_path

PARITY = RULE_FIXTURES / "translation-parity" / "differences"
CHINESE_WITH_ENGLISH = RULE_FIXTURES / "mixed-language-field" / "english-one-liners_zh.md"


def check_json(args: list[str], cwd: Path, capsys, monkeypatch) -> tuple[int, list[dict]]:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(cwd)
    ran = run_cli(["check", "--output-format", "json", *args], capsys, monkeypatch)
    assert ran.code in (0, 1), ran.err
    return ran.code, json.loads(ran.out)


def test_the_translation_alone_is_paired_from_its_folder_and_from_above(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit names `README_zh.md` alone; its `README.md` is loaded as context from the
    repository's root, and the two must still be compared."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(PARITY, tmp_path / "list")
    seen = {}
    for cwd, typed in ((tmp_path / "list", "README_zh.md"), (tmp_path, "list/README_zh.md")):
        code, findings = check_json(["--select", "translation-parity", typed], cwd, capsys, monkeypatch)
        assert code == 1
        assert {finding["path"] for finding in findings} == {typed}, "the path is kept as typed"
        seen[typed] = [(f["line"], f["message"]) for f in findings]
    assert seen["README_zh.md"] == seen["list/README_zh.md"]
    assert len(seen["README_zh.md"]) == 5  # the findings on README_zh.md of the rule's fixture


@pytest.mark.parametrize("repository", [True, False], ids=["in-a-repository", "no-repository"])
def test_a_chinese_readme_in_a_zh_folder_is_chinese_from_its_folder_and_from_above(
    tmp_path: Path, repository: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if repository:
        (tmp_path / ".git").mkdir()
    (tmp_path / "zh").mkdir()
    shutil.copy(CHINESE_WITH_ENGLISH, tmp_path / "zh" / "README.md")
    seen = {}
    for cwd, typed in ((tmp_path / "zh", "README.md"), (tmp_path, "zh/README.md")):
        _, findings = check_json(["--select", "mixed-language-field", typed], cwd, capsys, monkeypatch)
        seen[typed] = [(f["line"], f["message"]) for f in findings]
    assert seen["README.md"] == seen["zh/README.md"]
    assert seen["README.md"], "its English one-liners are found"
    assert all("but this file wants Chinese" in message for _, message in seen["README.md"])


def test_list_path_is_below_the_list_root_however_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zh").mkdir()
    settings = Settings(root=tmp_path)
    monkeypatch.chdir(tmp_path / "zh")
    assert list_path("README.md", settings) == "zh/README.md"
    assert list_path("../zh/./README.md", settings) == "zh/README.md"
    assert list_path(str(tmp_path / "zh" / "README.md"), settings) == "zh/README.md"
    assert list_path("-", settings) == "-"
    outside = tmp_path.parent / "elsewhere.md"
    assert list_path(str(outside), settings) == outside.resolve().as_posix()


def test_a_stdin_filename_that_exclude_names_is_not_linted(tmp_path: Path) -> None:
    """As ruff treats it: the file on disk would not be linted, so its buffer is not either;
    `fix -` gives the text back as it came, and no report is mixed into it."""
    (tmp_path / "listlint.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    data = MESSY.encode()
    linted = run("check", "--output-format", "json", "--stdin-filename", "README.md", "-", cwd=tmp_path, stdin=data)
    assert linted.returncode == 1 and json.loads(linted.stdout), "the same text is linted where not excluded"
    checked = run("check", "--output-format", "json", "--stdin-filename", "drafts/x.md", "-", cwd=tmp_path, stdin=data)
    assert (checked.returncode, json.loads(checked.stdout), checked.stderr) == (0, [], "")
    fixed = run("fix", "--output-format", "json", "--stdin-filename", "drafts/x.md", "-", cwd=tmp_path, stdin=data)
    assert (fixed.returncode, fixed.stdout) == (0, MESSY)
