"""Suppression comments with every rule running (the fixtures run unused-suppression alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clitools import run_cli
from listlint.api import check_text, fix_text
from listlint.rulekit.settings import Settings

MESSY = """\
<details>
<summary><b>Qux: Quantised Unicorn Experts</b></summary>

*   **Authors:**   Mira Ghost
* **arXiv ID:** 2203.01234
</details>

---
"""

CLEAN = """\
<details>
<summary><b>Zed: Zero-Shot Elephant Detection</b></summary>

* **Authors:** Ana Field
* **arXiv ID:** 2104.04321
</details>

---
"""


# Only the rules under test: the invented cards break others (missing fields).
ONLY = Settings(select=("LL001", "LL901"))


def codes(text: str, settings: Settings = ONLY) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in check_text(text, "README.md", settings=settings)]


def test_the_messy_card_fires_without_suppressions() -> None:
    assert codes(MESSY) == [("LL901", 4)]


def test_disable_next_entry_silences_only_the_next_card() -> None:
    text = "<!-- listlint-disable-next-entry LL901 -->\n" + MESSY + "\n" + MESSY
    assert codes(text) == [("LL901", 14)]


def test_disable_next_entry_accepts_the_rule_name() -> None:
    assert codes("<!-- listlint-disable-next-entry non-canonical-card -->\n" + MESSY) == []


def test_range_ends_at_enable() -> None:
    text = (
        "<!-- listlint-disable non-canonical-card -->\n"
        + MESSY
        + "<!-- listlint-enable -->\n\n"
        + MESSY
    )
    assert codes(text) == [("LL901", 15)]


def test_enable_of_another_rule_keeps_the_range_open() -> None:
    text = "<!-- listlint-disable LL901 -->\n" + MESSY + "<!-- listlint-enable LL001 -->\n" + MESSY
    assert [c for c, _ in codes(text)] == ["LL001"]  # the enable closes nothing; LL901 stays off


def test_disable_file_and_bare_disable_silence_everything() -> None:
    assert codes(MESSY + "\n<!-- listlint-disable-file LL901 -->\n") == []
    assert codes("<!-- listlint-disable -->\n" + MESSY) == []


def test_an_unused_suppression_is_reported_and_removed_safely() -> None:
    text = "# List\n\n<!-- listlint-disable-next-entry LL901 -->\n" + CLEAN
    findings = check_text(text, "README.md", settings=ONLY)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("LL001", 3, "Suppression of `LL901` suppresses nothing")
    ]
    assert findings[0].fixable
    outcome = fix_text(text, "README.md", settings=ONLY)
    assert outcome.text == "# List\n\n" + CLEAN
    assert fix_text(outcome.text, "README.md", settings=ONLY).text == outcome.text


def test_a_suppressed_finding_is_not_fixed() -> None:
    text = "<!-- listlint-disable-next-entry LL901 -->\n" + MESSY
    assert fix_text(text, "README.md", settings=ONLY).text == text
    # Once the card is formatted by hand, the suppression is stale.
    formatted = fix_text(MESSY, "README.md", settings=ONLY).text
    assert codes("<!-- listlint-disable-next-entry LL901 -->\n" + formatted) == [("LL001", 1)]


def test_only_unused_names_are_removed_from_a_comment() -> None:
    text = "<!-- listlint-disable-file non-canonical-card, no-such-rule -->\n" + MESSY
    findings = check_text(text, "README.md", settings=ONLY)
    assert [(f.code, f.message) for f in findings] == [("LL001", "`no-such-rule` is not a rule")]
    fixed = fix_text(text, "README.md", settings=ONLY).text
    assert fixed == "<!-- listlint-disable-file non-canonical-card -->\n" + MESSY


def test_a_suppression_of_a_rule_that_did_not_run_is_not_judged() -> None:
    text = "<!-- listlint-disable-next-entry LL901 -->\n" + CLEAN
    assert codes(text, Settings(select=("LL001",))) == []
    assert codes(text, Settings(select=("LL901",))) == []


def test_unused_suppression_can_itself_be_suppressed() -> None:
    text = "<!-- listlint-disable-file unused-suppression -->\n<!-- listlint-enable -->\n" + CLEAN
    assert codes(text) == []


def test_directives_in_code_and_inline_are_examples() -> None:
    fenced = "```markdown\n<!-- listlint-disable-file LL901 -->\n```\n\n" + MESSY
    assert codes(fenced) == [("LL901", 8)]
    inline = "Write `<!-- listlint-disable-file LL901 -->` to silence it.\n\n" + MESSY
    assert codes(inline) == [("LL901", 6)]


def test_comment_removal_keeps_crlf_lines_whole() -> None:
    text = ("# List\n\n<!-- listlint-enable -->\n" + CLEAN).replace("\n", "\r\n")
    assert fix_text(text, "README.md", settings=ONLY).text == ("# List\n\n" + CLEAN).replace("\n", "\r\n")


def test_a_comment_sharing_its_line_is_cut_out_alone() -> None:
    text = "<!-- listlint-enable --> kept text\n" + CLEAN
    assert fix_text(text, "README.md", settings=ONLY).text == " kept text\n" + CLEAN


# missing-field (LL401) has no fix: the fix passes never run it.
WITH_UNFIXABLE = Settings(select=("LL001", "LL401", "LL901"))


def test_fix_keeps_a_bare_suppression_that_hides_a_rule_without_a_fix() -> None:
    text = "# List\n\n<!-- listlint-disable-next-entry -->\n" + CLEAN
    assert codes(text, WITH_UNFIXABLE) == []
    assert fix_text(text, "README.md", settings=WITH_UNFIXABLE).text == text


def test_fix_keeps_a_named_suppression_of_a_rule_without_a_fix() -> None:
    text = "# List\n\n<!-- listlint-disable-next-entry missing-field -->\n" + CLEAN
    assert codes(text, WITH_UNFIXABLE) == []
    assert fix_text(text, "README.md", settings=WITH_UNFIXABLE).text == text


def test_fix_removes_a_bare_suppression_that_no_rule_uses() -> None:
    # Judged against every rule at the end, so `fix` still removes what is stale.
    complete = CLEAN.replace(
        "* **arXiv ID:** 2104.04321\n",
        "* **arXiv ID:** 2104.04321\n* **One-liner:** Finds elephants.\n"
        "* **Published in:** CVPR 2021\n* **Links:** [[Paper]](https://arxiv.org/abs/2104.04321)\n",
    )
    assert codes(complete, WITH_UNFIXABLE) == []
    text = "# List\n\n<!-- listlint-disable-next-entry -->\n" + complete
    assert codes(text, WITH_UNFIXABLE) == [("LL001", 3)]
    fixed = fix_text(text, "README.md", settings=WITH_UNFIXABLE).text
    assert fixed == "# List\n\n" + complete
    named = "# List\n\n<!-- listlint-disable-next-entry missing-field -->\n" + complete
    assert fix_text(named, "README.md", settings=WITH_UNFIXABLE).text == "# List\n\n" + complete


def test_the_fix_command_keeps_a_bare_suppression_of_a_rule_without_a_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command fixes files without their final lint (run.fix_items), then lints them all.
    (tmp_path / "listlint.toml").write_text('select = ["LL001", "LL401", "LL901"]\n')
    text = "# List\n\n<!-- listlint-disable-next-entry -->\n" + CLEAN
    (tmp_path / "README.md").write_text(text)
    ran = run_cli(["fix", str(tmp_path / "README.md")], capsys, monkeypatch)
    assert (tmp_path / "README.md").read_text() == text
    assert ran.code == 0, ran.err
