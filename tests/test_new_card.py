"""`listlint new`: a canonical empty card for an arXiv ID, in the target file's language."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from listlint.api import check_text, format_text
from listlint.base.errors import ListlintError
from listlint.cli.main import cli
from listlint.convert.new_card import new_card, parse_arxiv_id
from listlint.syntax.document import Document


@pytest.mark.parametrize(
    ("given", "bare"),
    [
        ("2101.00001", "2101.00001"),
        ("2101.00001v2", "2101.00001"),
        ("https://arxiv.org/abs/2101.00001v2", "2101.00001"),
        ("http://arxiv.org/pdf/2101.00001.pdf", "2101.00001"),
        ("hep-th/9901001", "hep-th/9901001"),
    ],
)
def test_parse_arxiv_id(given: str, bare: str) -> None:
    assert parse_arxiv_id(given) == bare


@pytest.mark.parametrize("bad", ["", "bogus", "2101.1", "https://example.com/2101.00001"])
def test_bad_ids_are_refused(bad: str) -> None:
    with pytest.raises(ListlintError):
        parse_arxiv_id(bad)


@pytest.mark.parametrize(("language", "label"), [("en", "Core Innovation"), ("zh", "核心创新")])
def test_card_is_canonical_and_parses(language: str, label: str) -> None:
    text = new_card("2101.00001v4", language)
    path = "README_zh.md" if language == "zh" else "README.md"
    card = Document(text, path).cards[0]
    assert card.arxiv_id.value == "2101.00001"
    assert [l.url.value for l in card.links] == [
        "https://arxiv.org/abs/2101.00001",
        "https://arxiv.org/pdf/2101.00001",
    ]
    assert card.quote.label.value == label
    assert [f.key for f in card.fields] == ["authors", "arxiv_id", "one_liner", "published_in", "links"]
    assert format_text(text, path) == text
    # Only what is left for the contributor to complete (the fields, the empty
    # title) may be reported.
    assert {f.name for f in check_text(text, path)} <= {"empty-field", "missing-field", "malformed-summary"}


def test_cli_language_from_target_file() -> None:
    runner = CliRunner()
    zh = runner.invoke(cli, ["new", "2101.00001", "--offline", "--for", "lists/README_zh.md"])
    en = runner.invoke(cli, ["new", "2101.00001", "--offline"])
    assert zh.exit_code == 0 and "> **核心创新**" in zh.output
    assert en.exit_code == 0 and "> **Core Innovation**" in en.output
    forced = runner.invoke(cli, ["new", "2101.00001", "--offline", "--lang", "zh", "--for", "README.md"])
    assert "> **核心创新**" in forced.output


def test_cli_bad_id_exits_2() -> None:
    import os
    import subprocess
    import sys

    from conftest import ROOT

    run = subprocess.run(
        [sys.executable, "-m", "listlint", "new", "not-an-id"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert run.returncode == 2 and run.stderr.strip() == "`not-an-id` is not an arXiv ID (expected e.g. `2101.00001`)"
    assert "Traceback" not in run.stderr
