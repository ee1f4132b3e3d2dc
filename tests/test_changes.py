"""Baseline and --changed-since on a scripted git history: cards moved, reformatted, added."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import listlint.rules
from clitools import run_cli
from fake_rules import repeated_arxiv, todo_one_liner

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not on PATH")


def card(short: str, arxiv: str, one_liner: str, bullet: str = "*", gap: str = " ") -> str:
    return (
        "<details>\n"
        f"<summary><b>{short}: An Invented Paper About {short}</b></summary>\n\n"
        f"{bullet} **Authors:**{gap}Ana Field\n"
        f"{bullet} **arXiv ID:**{gap}{arxiv}\n"
        f"{bullet} **One-liner:**{gap}{one_liner}\n"
        "</details>\n\n---\n\n"
    )


A = card("Alp", "2101.00001", "TODO write this")
B = card("Bex", "2101.00002", "TODO as well")
C = card("Cor", "2101.00003", "Counts corals.")
D = card("Dun", "2101.00009", "TODO again")
E = card("Eel", "2101.00009", "Electric eels.")
B_REFORMATTED = card("Bex", "2101.00002", "TODO as well", bullet="-", gap="   ")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def commit(repo: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(listlint.rules, "RULES", (*listlint.rules.RULES, todo_one_liner, repeated_arxiv))
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    # The config makes the folder one list, so LIST.md is context for README.md.
    commit(
        tmp_path,
        {
            "listlint.toml": 'select = ["LL8"]\n',
            "README.md": "# Invented list\n\n" + A + B + C,
            "LIST.md": "# Other list\n\n" + E,
        },
        "first",
    )
    return tmp_path


def found(out: str) -> list[str]:
    """`code card` pairs from concise output: which finding is on which card."""
    pairs = []
    for line in out.splitlines():
        path, line_no = line.split(":")[:2]
        text = Path(path).read_text(encoding="utf-8").splitlines()[: int(line_no)]
        title = next(t for t in reversed(text) if "<summary>" in t)
        pairs.append(f"{line.split()[1]} {title.split('<b>')[1][:3]}")
    return sorted(pairs)


def second_commit(repo: Path) -> None:
    """A moved below C, B reformatted, D added (repeating E's arXiv ID from LIST.md)."""
    commit(repo, {"README.md": "# Invented list\n\n" + C + A + B_REFORMATTED + D}, "second")


def test_baseline_hides_moved_and_reformatted_cards_but_not_new_ones(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wrote = run_cli(["check", "README.md", "--write-baseline", "baseline.json"], capsys, monkeypatch)
    assert wrote.code == 0, wrote.err
    assert "Wrote 2 findings" in wrote.err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["listlint-baseline"] == 1
    assert [(row["code"], row["entry"], row["count"]) for row in data["findings"]] == [
        ("LL801", "arxiv:2101.00001", 1),
        ("LL801", "arxiv:2101.00002", 1),
    ]

    second_commit(repo)
    ran = run_cli(
        ["check", "README.md", "--baseline", "baseline.json", "--output-format", "concise"],
        capsys,
        monkeypatch,
    )
    assert ran.code == 1
    assert found(ran.out) == ["LL801 Dun", "LL802 Dun"]

    # B moves to another file: still the same paper, still baselined.
    commit(
        repo,
        {
            "README.md": "# Invented list\n\n" + C + A + D,
            "LIST.md": "# Other list\n\n" + E + B_REFORMATTED,
        },
        "third",
    )
    ran = run_cli(
        ["check", "README.md", "LIST.md", "--baseline", "baseline.json", "--output-format", "concise"],
        capsys,
        monkeypatch,
    )
    assert found(ran.out) == ["LL801 Dun", "LL802 Dun"]


def test_editing_the_offending_field_makes_a_new_finding(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run_cli(["check", "README.md", "--write-baseline", "baseline.json"], capsys, monkeypatch)
    edited = A.replace("TODO write this", "TODO write this soon")
    commit(repo, {"README.md": "# Invented list\n\n" + edited + B + C}, "edit")
    ran = run_cli(["check", "README.md", "--baseline", "baseline.json", "--output-format", "concise"], capsys, monkeypatch)
    assert found(ran.out) == ["LL801 Alp"]


def test_fixed_findings_are_counted_as_stale(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run_cli(["check", "README.md", "--write-baseline", "baseline.json"], capsys, monkeypatch)
    commit(repo, {"README.md": "# Invented list\n\n" + A + C}, "B removed")
    ran = run_cli(["check", "README.md", "--baseline", "baseline.json"], capsys, monkeypatch)
    assert ran.code == 0
    assert "1 in the baseline not shown." in ran.out
    assert "1 baseline finding is gone" in ran.out


def test_changed_since_reports_edited_and_new_entries_only(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    second_commit(repo)
    ran = run_cli(
        ["check", "README.md", "--changed-since", "HEAD~1", "--output-format", "concise"],
        capsys,
        monkeypatch,
    )
    assert ran.code == 1
    # A only moved: hidden. B was reformatted: its text changed. D is new, and
    # the cross-file rule still saw LIST.md, which was not even linted.
    assert found(ran.out) == ["LL801 Bex", "LL801 Dun", "LL802 Dun"]
    assert "LIST.md" not in ran.out.split("LL802")[0]


def test_changed_since_and_baseline_combine(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run_cli(["check", "README.md", "--write-baseline", "baseline.json"], capsys, monkeypatch)
    second_commit(repo)
    ran = run_cli(
        ["check", "README.md", "--changed-since", "HEAD~1", "--baseline", "baseline.json", "--output-format", "concise"],
        capsys,
        monkeypatch,
    )
    assert found(ran.out) == ["LL801 Dun", "LL802 Dun"]


def test_changed_since_an_unchanged_file_reports_nothing(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "README.md", "--changed-since", "HEAD"], capsys, monkeypatch)
    assert ran.code == 0
    assert "2 on entries unchanged since HEAD not shown." in ran.out


def test_a_copied_card_is_new_in_its_file(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    commit(repo, {"README.md": "# Invented list\n\n" + A + B + C + A}, "copy A")
    ran = run_cli(["check", "README.md", "--changed-since", "HEAD~1", "--output-format", "concise"], capsys, monkeypatch)
    # The later copy is the new one, where the duplicate is reported.
    assert found(ran.out) == ["LL801 Alp", "LL802 Alp"]
    assert all(int(line.split(":")[1]) > 30 for line in ran.out.splitlines())


def test_bad_ref_and_bad_baseline_are_one_line_errors(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "README.md", "--changed-since", "no-such-ref"], capsys, monkeypatch)
    assert ran.code == 2
    assert "`no-such-ref` is not a commit" in ran.err and "Traceback" not in ran.err
    ran = run_cli(["check", "README.md", "--baseline", "missing.json"], capsys, monkeypatch)
    assert (ran.code, ran.err.strip()) == (2, "missing.json: baseline file not found (write one with --write-baseline)")
    (repo / "bad.json").write_text("{not json", encoding="utf-8")
    ran = run_cli(["check", "README.md", "--baseline", "bad.json"], capsys, monkeypatch)
    assert (ran.code, ran.err.strip()) == (2, "bad.json:1: baseline is not valid JSON")


def test_changed_since_outside_git_is_an_error(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "README.md").write_text("# List\n", encoding="utf-8")
    ran = run_cli(["check", "README.md", "--changed-since", "HEAD"], capsys, monkeypatch)
    assert ran.code == 2
    assert "not inside a git repository" in ran.err


def test_changed_since_reads_the_old_version_in_the_layout_the_config_forces(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Headings with no meta line are entries only where the config says `daily`: the
    old version must be read so too, or every entry of it looks new."""
    notes = "# Notes\n\n## Alp: An Invented Note\nhttp://arxiv.org/abs/2101.00042\n\n"
    notes += "## Bex: Another Invented Note\nhttp://arxiv.org/abs/2101.00042\n\n"
    config = 'select = ["LL8"]\nlayout = { "NOTES.md" = "daily" }\n'
    commit(repo, {"listlint.toml": config, "NOTES.md": notes}, "notes")
    added = notes + "## Cor: A New Invented Note\nhttp://arxiv.org/abs/2101.00043\n\n"
    commit(repo, {"NOTES.md": added}, "a new note")
    args = ["check", "NOTES.md", "--output-format", "concise"]
    assert "LL802" in run_cli(args, capsys, monkeypatch).out  # the old repeat of Alp's ID
    ran = run_cli([*args, "--changed-since", "HEAD~1"], capsys, monkeypatch)
    assert (ran.code, ran.out) == (0, "")


def test_a_new_card_above_an_untouched_one_with_its_id_is_reported(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The new card comes first, so the conflict lands on the untouched C; it must not pass."""
    new = card("Neo", "2101.00003", "Names a new coral.")
    commit(repo, {"README.md": "# Invented list\n\n" + A + new + B + C}, "insert above C")
    ran = run_cli(
        ["check", "README.md", "--select", "arxiv-id-conflict", "--changed-since", "HEAD~1",
         "--output-format", "json"],
        capsys,
        monkeypatch,
    )
    assert ran.code == 1, ran.err
    [finding] = json.loads(ran.out)
    assert finding["name"] == "arxiv-id-conflict" and finding["entry"] == "arxiv:2101.00003"
    assert finding["line"] > finding["related"][0]["line"], "on the untouched C, pointing at the new card"


def test_a_finding_pointing_into_a_changed_context_file_is_reported(repo: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """LIST.md gets a card with A's ID; only README.md is checked, and the finding is on its
    untouched A (the context file is walked first), pointing at the new card in LIST.md."""
    commit(repo, {"LIST.md": "# Other list\n\n" + E + card("Alt", "2101.00001", "Another A.")}, "A again")
    args = ["check", "README.md", "--select", "arxiv-id-conflict", "--output-format", "json"]
    ran = run_cli([*args, "--changed-since", "HEAD~1"], capsys, monkeypatch)
    assert ran.code == 1, ran.err
    [finding] = json.loads(ran.out)
    assert finding["path"] == "README.md" and finding["related"][0]["path"].endswith("LIST.md")
    ran = run_cli([*args, "--changed-since", "HEAD"], capsys, monkeypatch)
    assert (ran.code, json.loads(ran.out)) == (0, [])
