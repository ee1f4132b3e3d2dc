"""What was read: notices for lists read as no list, `--show-layout`, the statistics line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clitools import run_cli
from listlint.analysis.papers import paper_evidence
from listlint.lint.reading import Notice, read, statistics_line
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document

ROOT = Path(__file__).resolve().parent.parent
JSON_SCHEMA = json.loads((ROOT / "docs" / "json-output.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# An invented list in a layout listlint does not read (one paper a line, no bullets).
UNREAD = """# Invented Crane Papers

Folding Paper Cranes. Ada Lovelace. [pdf](https://arxiv.org/pdf/2101.00001)
Unfolding Them Again. Alan Turing. [pdf](https://openreview.net/forum?id=abc)
Cranes In The Wild. Grace Hopper. [doi](https://doi.org/10.1000/xyz)
"""
TOOL = "# A Tool\n\nCite our paper: [arXiv](https://arxiv.org/abs/2101.00001).\n"
CARD = """<details>
<summary><b>Foo: A Card</b></summary>

* **Authors:** Ada Lovelace
* **arXiv ID:** 2101.00001

> **Core Innovation**  
> Shows a card.
</details>

---
"""


def test_paper_evidence_counts_paper_links_and_author_lines() -> None:
    assert paper_evidence(UNREAD).links == 3 and paper_evidence(UNREAD).paper_like
    assert not paper_evidence(TOOL).paper_like, "a tool citing its own paper is no list"
    authors = "**Authors:** A\n- **Authors**: B\n* **作者：** C\n"
    assert paper_evidence(authors).author_lines == 3 and paper_evidence(authors).paper_like
    assert paper_evidence(UNREAD).describe() == "3 paper links"


def test_a_list_read_as_no_list_gets_a_notice() -> None:
    reading = read(Document(UNREAD, "README.md"), Settings())
    assert reading.notice == Notice("README.md", "no paper entries recognised (layout not known)")
    assert reading.lines() == ["README.md: no paper entries recognised (layout not known): 3 paper links, English (by default)"]
    assert read(Document(TOOL, "tool.md"), Settings()).notice is None
    assert read(Document(CARD, "cards.md"), Settings()).notice is None


def test_reading_names_the_layout_entries_and_card_style() -> None:
    reading = read(Document(CARD * 2, "README.md"), Settings())
    assert reading.lines() == ["README.md: card 2 entries, house style (2 of 2 cards in the house form), English (by default)"]
    assert reading.as_dict()["layouts"] == {"card": 2}
    assert read(Document("# Notes\n", "notes.md"), Settings()).lines() == ["notes.md: no entries"]


def test_the_statistics_line_sums_what_was_read() -> None:
    readings = [read(Document(CARD, "a.md"), Settings()), read(Document(UNREAD, "b.md"), Settings())]
    assert statistics_line(readings) == (
        "Read 2 files: card 1 entry; 1 with no paper entries recognised (layout not known)."
    )


@pytest.fixture
def unread(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_text(UNREAD, encoding="utf-8")
    return path


def test_check_never_says_all_checks_passed_of_a_list_it_did_not_read(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", str(unread)], capsys, monkeypatch)
    assert ran.code == 0
    assert f"{unread}: no paper entries recognised (layout not known)" in ran.err
    assert "All checks passed" not in ran.out
    assert "1 read as no list" in ran.out


def test_the_notice_is_in_the_json_after_the_findings(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "--output-format", "json", str(unread)], capsys, monkeypatch)
    rows = json.loads(ran.out)
    assert rows[-1] == {
        "kind": "notice",
        "level": "note",
        "path": str(unread),
        "message": "no paper entries recognised (layout not known)",
    }
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(rows)


def test_the_notice_is_a_sarif_note_and_the_run_succeeds(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "--output-format", "sarif", str(unread)], capsys, monkeypatch)
    log = json.loads(ran.out)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "note"
    assert note["message"]["text"] == "no paper entries recognised (layout not known)"


def test_the_notice_is_a_github_annotation(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "--output-format", "github", str(unread)], capsys, monkeypatch)
    assert ran.out.startswith("::notice file=")
    assert ran.out.rstrip().endswith("::no paper entries recognised (layout not known)")


def test_show_layout_says_how_each_file_was_read(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cards = unread.with_name("cards.md")
    cards.write_text(CARD, encoding="utf-8")
    ran = run_cli(["check", "--show-layout", str(cards), str(unread)], capsys, monkeypatch)
    assert ran.code == 0
    assert ran.out.splitlines() == [
        f"{cards}: card 1 entry, house style (1 of 1 cards in the house form), English (by default)",
        f"{unread}: no paper entries recognised (layout not known): 3 paper links, English (by default)",
    ]
    ran = run_cli(["check", "--show-layout", "--output-format", "json", str(cards)], capsys, monkeypatch)
    assert json.loads(ran.out)[0]["entries"] == 1


def test_statistics_end_with_what_was_read(unread: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "--statistics", str(unread)], capsys, monkeypatch)
    assert "Read 1 file: no entries; 1 with no paper entries recognised (layout not known)." in ran.out
