"""The command line at its edges: closed streams, odd files, bad configuration and baselines,
links, read-only files. Each case gets one line naming what is wrong and exit 2, or the
right result; never a traceback, never a file of the user's lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import run_cli
from conftest import ROOT, RULE_FIXTURES
from test_cli import assert_one_line_error, run

import listlint.writer

MESSY = (RULE_FIXTURES / "non-canonical-card" / "messy.md").read_text(encoding="utf-8")
CANONICAL = (RULE_FIXTURES / "non-canonical-card" / "canonical.md").read_text(encoding="utf-8")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX shells, FIFOs and file names")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`listlint` run by `sh`, for redirections Python's subprocess cannot express (`>&-`)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        ["sh", "-c", f'exec "$0" -m listlint {command}', sys.executable],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


@POSIX
@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("check README.md >&-", "listlint: standard output is closed"),
        ("rules >&-", "listlint: standard output is closed"),
        ("check - <&-", "-: standard input is closed"),
        ("check README.md >/dev/full", "listlint: cannot write output: No space left on device"),
    ],
)
def test_closed_or_full_streams_are_one_line_errors(tmp_path: Path, command: str, message: str) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    result = shell(command, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == message


@POSIX
def test_an_output_encoding_without_a_character_escapes_it(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(MESSY.replace("Tao Lin", "Tao Lin\u2026"), encoding="utf-8")
    escaped = subprocess.run(
        [sys.executable, "-m", "listlint", "check", "README.md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "ascii"},
    )
    assert escaped.returncode == 1
    assert "Traceback" not in escaped.stderr and "internal error" not in escaped.stderr
    assert "\\u2026" in escaped.stdout


@POSIX
def test_a_fifo_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "list"
    folder.mkdir()
    (folder / "README.md").write_text(CANONICAL, encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    walked = run("check", "list", cwd=tmp_path)  # would block forever on the FIFO
    assert walked.returncode == 0, walked.stderr
    assert_one_line_error(run("check", "list/pipe.md", cwd=tmp_path), "list/pipe.md: not a regular file")


def test_a_file_named_twice_is_linted_once(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    once = run("check", "--output-format", "json", "README.md", cwd=tmp_path)
    twice = run("check", "--output-format", "json", "README.md", "./README.md", ".", cwd=tmp_path)
    assert json.loads(twice.stdout) == json.loads(once.stdout)
    assert "duplicate-arxiv-id" not in twice.stdout


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root reads every folder")
def test_an_unreadable_folder_in_a_walk_is_an_error(tmp_path: Path) -> None:
    sub = tmp_path / "list" / "sub"
    sub.mkdir(parents=True)
    (tmp_path / "list" / "README.md").write_text(CANONICAL, encoding="utf-8")
    sub.chmod(0)
    try:
        assert_one_line_error(run("check", "list", cwd=tmp_path), "list/sub: cannot read folder")
    finally:
        sub.chmod(0o700)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('exclude = ["[z-a]"]', "`exclude`: invalid pattern `[z-a]`"),
        ('extend-exclude = ["!"]', "`extend-exclude`: invalid pattern `!`"),
        ('exclude = ["\\\\"]', "`exclude`: invalid pattern `\\`"),
        ('[per-file-ignores]\n"[z-a]" = ["LL101"]', "`per-file-ignores`: invalid pattern `[z-a]`"),
        ('[languages]\n"!" = "en"', "`languages`: invalid pattern `!`"),
        ('[layout]\n"[z-a]" = "cards"', "`layout`: invalid pattern `[z-a]`"),
        (
            '[rules.mixed-language-field]\nlanguages = {"[z-a]" = {one-liner = "en"}}',
            "`rules.mixed-language-field.languages`: invalid pattern `[z-a]`",
        ),
    ],
)
def test_a_pattern_that_cannot_match_is_a_config_error(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "listlint.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    assert_one_line_error(run("check", "README.md", cwd=tmp_path), "listlint.toml: " + message)


@pytest.mark.parametrize(
    "pyproject",
    ['[tool]\nlistlint = 5', '[[tool.listlint]]\nselect = ["LL1"]', '[tool]\nlistlint = "x"', "[tool]\nlistlint = []"],
)
def test_tool_listlint_must_be_a_table(tmp_path: Path, pyproject: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject + "\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    assert_one_line_error(run("check", "README.md", cwd=tmp_path), "pyproject.toml: `[tool.listlint]` must be a table")


def test_a_pyproject_whose_tool_is_not_a_table_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "listlint"\n', encoding="utf-8")
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    result = run("check", "README.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root reads every file")
def test_an_unreadable_pyproject_is_an_error_not_the_defaults(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.listlint]\nselect = ["LL407"]\n', encoding="utf-8")
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    pyproject.chmod(0)
    try:
        assert_one_line_error(run("check", "README.md", cwd=tmp_path), "cannot read configuration")
    finally:
        pyproject.chmod(0o600)


@pytest.mark.parametrize(
    ("baseline", "message"),
    [
        ('{"listlint-baseline": 1, "findings": 5}', "baseline `findings` must be a list"),
        ('{"listlint-baseline": 1, "findings": null}', "baseline `findings` must be a list"),
        (
            '{"listlint-baseline": 1, "findings": [{"fingerprint": "x", "count": "2"}]}',
            'baseline `count` must be a positive whole number, not `"2"`',
        ),
    ],
)
def test_a_malformed_baseline_is_one_line_error(tmp_path: Path, baseline: str, message: str) -> None:
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    (tmp_path / "bl.json").write_text(baseline, encoding="utf-8")
    assert_one_line_error(run("check", "README.md", "--baseline", "bl.json", cwd=tmp_path), f"bl.json: {message}")


@POSIX
def test_fix_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text(MESSY, encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    result = run("fix", "link.md", cwd=tmp_path)
    assert result.returncode in (0, 1) and "Fixing link.md" in result.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8") != MESSY
    assert run("fix", "--check", "real.md", cwd=tmp_path).returncode == 0


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root may write any file")
def test_fix_leaves_a_read_only_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o444)
    assert_one_line_error(run("fix", "README.md", cwd=tmp_path), "README.md: cannot write: Permission denied")
    assert path.read_text(encoding="utf-8") == MESSY


def test_one_file_that_cannot_be_written_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, arxiv in (("a.md", "2203.01235"), ("b.md", "2203.01236")):
        (tmp_path / name).write_text(MESSY.replace("2203.01234", arxiv), encoding="utf-8")
    original = listlint.writer.write_atomic

    def refuse_a(path: str, text: str, bom: bool) -> None:
        if path == "a.md":
            raise listlint.writer.InputError("cannot write: Read-only file system", path)
        original(path, text, bom)

    monkeypatch.setattr(listlint.writer, "write_atomic", refuse_a)
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["fix", "a.md", "b.md", "--output-format", "concise"], capsys, monkeypatch)
    assert ran.code == 2
    assert "a.md: cannot write: Read-only file system" in ran.err
    assert "Fixing b.md" in ran.err and "Fixing a.md" not in ran.err
    assert "1 file fixed" in ran.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") != (tmp_path / "b.md").read_text(encoding="utf-8")
    assert run("fix", "--check", "b.md", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_fix_prints_an_empty_report_for_machines(tmp_path: Path, output_format: str) -> None:
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    result = run("fix", "--output-format", output_format, "README.md", cwd=tmp_path)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report == [] if output_format == "json" else report["runs"][0]["results"] == []


def test_fix_on_stdin_gives_the_text_back_when_it_refuses(tmp_path: Path) -> None:
    # `\r\r\n` line ends: formatting would change the rendered HTML, so it is refused.
    text = MESSY.replace("\n", "\r\r\n").encode("utf-8")
    result = run("fix", "-", "--stdin-filename", "README.md", cwd=tmp_path, stdin=text)
    assert result.returncode == 2 and "nothing was written" in result.stderr
    assert result.stdout.encode("utf-8") == text


@POSIX
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_a_file_name_that_is_not_utf8_keeps_reports_valid(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.md"), "w", encoding="utf-8") as handle:
        handle.write(MESSY)
    found = json.loads(run("check", "--output-format", "json", ".", cwd=tmp_path).stdout)
    assert found and all(finding["path"].endswith("name.md") for finding in found)
    sarif = json.loads(run("check", "--output-format", "sarif", ".", cwd=tmp_path).stdout)
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"]
    }
    assert uris == {"bad%FFname.md"}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changed_since_an_old_version_that_was_not_text(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
            cwd=tmp_path, check=True, capture_output=True, timeout=60,
        )

    git("init", "-q")
    (tmp_path / "README.md").write_bytes(b"x\xff\n")
    git("add", "README.md")
    git("commit", "-qm", "binary once")
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    result = run("check", "README.md", "--changed-since", "HEAD", "--output-format", "concise", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "LL901 [non-canonical-card]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", ""], "'': an empty path names no file"),
        (["check", "README.md", "--select", ""], "Error: --select names no rule"),
        (["check", "README.md", "--ignore", ","], "Error: --ignore names no rule"),
        (
            ["check", "README.md", "--statistics", "--output-format", "sarif"],
            "Error: --statistics prints a table or JSON, not --output-format sarif",
        ),
    ],
)
def test_arguments_that_name_nothing_are_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.splitlines()


def test_utf16_is_named(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(CANONICAL.encode("utf-16"))
    assert_one_line_error(run("check", "README.md", cwd=tmp_path), "README.md:1: UTF-16 text; listlint reads UTF-8")


def test_a_rule_configured_by_code_and_by_name_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "listlint.toml").write_text(
        "[rules.LL204]\nthreshold = 0.9\n[rules.one-liner-mismatch]\nthreshold = 0.7\n", encoding="utf-8"
    )
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    assert_one_line_error(
        run("check", "README.md", cwd=tmp_path),
        "`rules.one-liner-mismatch`: rule `one-liner-mismatch` is configured twice",
    )


def test_lines_that_end_in_cr_alone_are_named(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(CANONICAL.replace("\n", "\r").encode("utf-8"))
    assert_one_line_error(run("check", "README.md", cwd=tmp_path), "README.md:1: lines end in CR alone")
