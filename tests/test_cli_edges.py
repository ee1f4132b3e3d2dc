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
from test_cli import assert_one_line_error, run

import listlint.workspace.writer
from clitools import Ran, run_cli
from conftest import ROOT, RULE_FIXTURES

MESSY = (RULE_FIXTURES / "non-canonical-card" / "messy.md").read_text(encoding="utf-8")
CANONICAL = (RULE_FIXTURES / "non-canonical-card" / "canonical.md").read_text(encoding="utf-8")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX shells, FIFOs and file names")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


# Root ignores file permissions; `setpriv` drops that override for one command, so the
# permission cases run under root too (as in containers) where it is installed.
NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]
CAN_DROP = not ROOT_USER or (shutil.which("setpriv") is not None and subprocess.run(
    [*NO_OVERRIDE, "true"], capture_output=True, check=False
).returncode == 0)
PERMISSIONS = pytest.mark.skipif(os.name != "posix" or not CAN_DROP, reason="needs file permissions that apply")


def run_limited(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`run`, with file permissions applying even to root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    prefix = NO_OVERRIDE if ROOT_USER else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "listlint", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


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
    (tmp_path / "README.md").write_text(MESSY.replace("Tao Lin", "Tao L\u00e9n\u2026 \U0001f600"), encoding="utf-8")

    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "listlint", "check", "README.md", *args],
            cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "ascii"},
        )

    escaped = check()
    assert escaped.returncode == 1
    assert "Traceback" not in escaped.stderr and "internal error" not in escaped.stderr
    assert "\\u2026" in escaped.stdout
    for output_format in ("json", "sarif"):  # still JSON, with `\u` escapes
        assert json.loads(check("--output-format", output_format).stdout)


@POSIX
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_a_c_locale_keeps_a_file_name_s_own_bytes_in_a_diff(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.md"), "w", encoding="utf-8") as handle:
        handle.write(MESSY)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LC_ALL": "C.UTF-8"}
    env.pop("PYTHONIOENCODING", None)
    diff = subprocess.run(
        [sys.executable, "-m", "listlint", "fix", "--diff", "."],
        cwd=tmp_path, capture_output=True, timeout=120, env=env, check=False,
    )
    assert diff.returncode == 1
    assert diff.stdout.startswith(b"--- a/bad\xff.md\n+++ b/bad\xff.md\n")


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


def test_the_file_named_by_stdin_filename_is_linted_from_stdin_only(tmp_path: Path) -> None:
    """An editor's buffer stands for its file: the copy on disk is not linted beside it
    (twice, every finding would show twice, and each card be "already listed")."""
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    alone = run("check", "--output-format", "json", "-", "--stdin-filename", "README.md",
                cwd=tmp_path, stdin=MESSY.encode())
    for args in (("README.md", "-"), ("-", "."), ("-", "./README.md")):
        both = run("check", "--output-format", "json", *args, "--stdin-filename", "README.md",
                   cwd=tmp_path, stdin=MESSY.encode())
        assert json.loads(both.stdout) == json.loads(alone.stdout), args
    assert alone.returncode == 1 and "duplicate-arxiv-id" not in alone.stdout


@PERMISSIONS
def test_an_unreadable_folder_in_a_walk_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    sub = tmp_path / "list" / "sub"
    sub.mkdir(parents=True)
    (tmp_path / "list" / "README.md").write_text(MESSY, encoding="utf-8")
    sub.chmod(0)
    try:
        result = run_limited("check", "list", "--output-format", "concise", cwd=tmp_path)
    finally:
        sub.chmod(0o700)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["list/sub: cannot read folder: Permission denied"]
    assert "list/README.md:" in result.stdout and "LL901" in result.stdout


@PERMISSIONS
def test_a_folder_that_cannot_be_searched_is_named_not_called_output(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    listed = tmp_path / "list"
    (listed / "rx").mkdir(parents=True)
    (listed / "README.md").write_text(CANONICAL, encoding="utf-8")
    (listed / "rx" / "x.md").write_text(CANONICAL.replace("2203", "2204"), encoding="utf-8")
    (listed / "rx").chmod(0o444)  # its names can be listed; nothing in it can be opened
    try:
        single = run_limited("check", "list/README.md", cwd=tmp_path)  # rx/x.md is context only
        walked = run_limited("check", "list", cwd=tmp_path)
    finally:
        (listed / "rx").chmod(0o755)
    assert single.returncode == 0, single.stderr
    assert walked.returncode == 2 and "list/rx/x.md: permission denied" in walked.stderr
    assert "cannot write output" not in walked.stderr + single.stderr


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


@PERMISSIONS
def test_an_unreadable_pyproject_of_someone_else_does_not_stop_the_run(tmp_path: Path) -> None:
    # Another user's pyproject.toml in a parent folder is not known to be ours.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").chmod(0)
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "README.md").write_text(CANONICAL, encoding="utf-8")
    try:
        result = run_limited("check", "README.md", cwd=tmp_path / "proj")
    finally:
        (tmp_path / "pyproject.toml").chmod(0o600)
    assert result.returncode == 0, result.stderr


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


@PERMISSIONS
def test_an_unwritable_folder_is_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "README.md").write_text(MESSY, encoding="utf-8")
    folder.chmod(0o500)
    try:
        assert_one_line_error(run_limited("fix", "ro/README.md", cwd=tmp_path), "cannot write")
    finally:
        folder.chmod(0o700)
    assert (folder / "README.md").read_text(encoding="utf-8") == MESSY


@POSIX
def test_fix_leaves_a_read_only_file_alone(tmp_path: Path) -> None:
    # Not even root replaces a file without a write bit: its owner said so.
    path = tmp_path / "README.md"
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o444)
    assert_one_line_error(run("fix", "README.md", cwd=tmp_path), "README.md: cannot write: Permission denied")
    assert path.read_text(encoding="utf-8") == MESSY


def test_one_file_that_cannot_be_written_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_lists(tmp_path)
    original = listlint.workspace.writer.write_atomic

    def refuse_a(path: str, text: str, bom: bool, **kwargs: object) -> None:
        if path == "a.md":
            raise listlint.workspace.writer.InputError("cannot write: Read-only file system", path)
        original(path, text, bom, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(listlint.workspace.writer, "write_atomic", refuse_a)
    ran = _fix_both_but_a(tmp_path, capsys, monkeypatch)
    assert "a.md: cannot write: Read-only file system" in ran.err
    assert "1 file fixed" in ran.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") != (tmp_path / "b.md").read_text(encoding="utf-8")


def _two_lists(tmp_path: Path) -> None:
    for name, arxiv in (("a.md", "2203.01235"), ("b.md", "2203.01236")):
        (tmp_path / name).write_text(MESSY.replace("2203.01234", arxiv), encoding="utf-8")


def _fix_both_but_a(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Ran:
    """`fix a.md b.md` where a.md is not written: b.md is written all the same, and the run exits 2."""
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["fix", "a.md", "b.md", "--output-format", "concise"], capsys, monkeypatch)
    assert ran.code == 2
    assert "Fixing b.md" in ran.err and "Fixing a.md" not in ran.err
    assert run("fix", "--check", "b.md", cwd=tmp_path).returncode == 0
    return ran


def test_an_edit_saved_while_fix_runs_is_kept_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import listlint.lint.run

    _two_lists(tmp_path)
    edited = MESSY.replace("2203.01234", "2203.01235").replace("Tao Lin", "Tao Lin, Ada Byron")
    original = listlint.lint.run.fix_items

    def fix_while_someone_saves(*args: object, **kwargs: object) -> object:
        fixed = original(*args, **kwargs)  # type: ignore[arg-type]
        (tmp_path / "a.md").write_text(edited, encoding="utf-8")  # the editor saves now
        return fixed

    monkeypatch.setattr(listlint.lint.run, "fix_items", fix_while_someone_saves)
    ran = _fix_both_but_a(tmp_path, capsys, monkeypatch)
    assert "a.md: changed on disk while fixing; not written\n" in ran.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("command", ["check", "fix"])
def test_sarif_says_which_files_were_not_checked(tmp_path: Path, command: str) -> None:
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"# T\n\nbad \xff byte\n")
    result = run(command, "--output-format", "sarif", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.md:3: not valid UTF-8" in result.stderr
    (invocation,) = json.loads(result.stdout)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    where = notification["locations"][0]["physicalLocation"]
    assert (where["artifactLocation"]["uri"], where["region"]["startLine"]) == ("bad.md", 3)


def test_a_file_fixed_elsewhere_keeps_its_error_s_place() -> None:
    import pickle

    from listlint.base.errors import UnsafeFixError

    error = pickle.loads(pickle.dumps(UnsafeFixError("formatting would change a field value", "a.md", 7)))
    assert type(error) is UnsafeFixError
    assert (error.message, error.path, error.line) == ("formatting would change a field value", "a.md", 7)
    assert str(error) == "a.md:7: formatting would change a field value"


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_fix_prints_an_empty_report_for_machines(tmp_path: Path, output_format: str) -> None:
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    result = run("fix", "--output-format", output_format, "README.md", cwd=tmp_path)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report == [] if output_format == "json" else report["runs"][0]["results"] == []


@pytest.mark.parametrize("data", [b"# T\n\nbad \xff byte\n", "# T\n".encode("utf-16")], ids=["not-utf8", "utf16"])
def test_fix_on_stdin_gives_back_what_it_cannot_read(tmp_path: Path, data: bytes) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "listlint", "fix", "-", "--stdin-filename", "README.md"],
        cwd=tmp_path, input=data, capture_output=True, timeout=120, env=env, check=False,
    )
    assert result.returncode == 2
    assert result.stdout == data


def test_fix_on_stdin_gives_the_text_back_when_it_refuses(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import listlint.lint.fixer
    import listlint.lint.run
    from fake_rules import oscillating
    from listlint.lint import engine

    def only_oscillating(settings: object, only: object = None) -> tuple[object, ...]:
        return tuple(only) if only is not None else (oscillating,)  # type: ignore[call-overload]

    monkeypatch.setattr(engine, "rules_for", only_oscillating)
    monkeypatch.setattr(listlint.lint.fixer, "rules_for", only_oscillating)
    monkeypatch.setattr(listlint.lint.run, "read_stdin", lambda: b"ping\n")
    ran = run_cli(["fix", "-", "--stdin-filename", "README.md"], capsys, monkeypatch)
    assert ran.code == 2 and "nothing was written" in ran.err
    assert ran.out == "ping\n"


def test_fix_on_stdin_gives_the_rest_fixed_when_it_leaves_a_card(tmp_path: Path) -> None:
    # On GitHub `**Authors:**` glued to a U+2028 is not bold; the space formatting
    # puts after a label would make it bold, so that card is left as written.
    glued = MESSY.replace("**Authors:**   ", "**Authors:**\u2028")
    result = run("fix", "-", "--stdin-filename", "README.md", cwd=tmp_path, stdin=glued.encode("utf-8"))
    assert result.returncode == 1
    assert "README.md:8: non-canonical-card: fix not applied: formatting would change the rendered HTML; " \
        "card `Qux: Quantised Unicorn Experts` left as written" in result.stderr
    assert "**Authors:**\u2028" in result.stdout and result.stdout != glued


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_named(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "README.md").write_bytes(("\ufeff" + CANONICAL).encode(encoding))  # with its BOM
    name = encoding[:6].upper()
    assert_one_line_error(run("check", "README.md", cwd=tmp_path), f"README.md:1: {name} text; listlint reads UTF-8")


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


def test_a_one_shot_run_keeps_its_documents_to_the_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`main` exits without tearing the run down: the documents must still be alive when
    `_run` returns (freeing them one by one is the work the fast exit skips); a run
    that is not kept (in tests, an editor's library use) frees them as usual."""
    import gc
    import weakref

    import listlint.cli.main
    import listlint.syntax.document

    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    made: list[weakref.ref[listlint.syntax.document.Document]] = []
    init = listlint.syntax.document.Document.__init__

    def recording(self: listlint.syntax.document.Document, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(self))

    monkeypatch.setattr(listlint.syntax.document.Document, "__init__", recording)
    monkeypatch.setattr(sys, "argv", ["listlint", "check", str(tmp_path)])
    kept: list[BaseException] = []
    try:
        assert listlint.cli.main._run(keep=kept) == 1
        gc.collect()
        assert made and all(ref() is not None for ref in made)
        kept.clear()
        gc.collect()
        assert all(ref() is None for ref in made)
        made.clear()
        assert listlint.cli.main._run() == 1
        gc.collect()
        assert made and all(ref() is None for ref in made)
    finally:
        gc.enable()
    capsys.readouterr()
