"""README pair detection and entry matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.rulekit.pairs import file_pairs, match_entries
from listlint.syntax.document import Document


def _card(title: str, arxiv: str) -> str:
    return (
        f"<details>\n<summary><b>{title}</b></summary>\n\n* **Authors:** A B\n"
        f"* **arXiv ID:** {arxiv}\n\n</details>\n\n---\n\n"
    )


def test_file_pairs_by_folder_and_suffix() -> None:
    docs = [
        Document("", "a/README.md"),
        Document("", "a/README_zh.md"),
        Document("", "b/README_zh.md"),  # no original in b
        Document("", "c/list.md"),
        Document("", "c/list-CN.md"),
        Document("", "c/README.md"),
    ]
    pairs = [(p.original.path, p.translation.path) for p in file_pairs(docs)]
    assert pairs == [("a/README.md", "a/README_zh.md"), ("c/list.md", "c/list-CN.md")]


def test_file_pairs_however_the_paths_were_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As pre-commit names the file and as context loading finds its original."""
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    docs = [Document("", "README_zh.md"), Document("", str(tmp_path / "a" / "README.md"))]
    assert [(p.translation.path, p.original.path) for p in file_pairs(docs)] == [
        ("README_zh.md", str(tmp_path / "a" / "README.md"))
    ]
    assert file_pairs([Document("", "../a/README.md"), Document("", "./README_zh.md")])


def test_match_repeated_ids_in_order_and_titles_second() -> None:
    original = Document(
        _card("A: One", "2101.00001") + _card("A: One", "2101.00001") + _card("C: Three", "2101.00003"),
        "README.md",
    )
    translation = Document(_card("A: One", "2101.00001") + _card("C: Three", "2101.00033"), "README_zh.md")
    [pair] = file_pairs([original, translation])
    match = match_entries(pair)
    assert [(p.original.span, p.translation.span) for p in match.pairs] == [
        (original.entries[0].span, translation.entries[0].span),
        (original.entries[2].span, translation.entries[1].span),
    ]
    assert match.only_original == (original.entries[1],)
    assert match.only_translation == ()


def test_titles_pair_as_every_rule_compares_them() -> None:
    original = Document(_card("Foo &amp; Bar: Not on arXiv", "N/A"), "README.md")
    translation = Document(_card("Foo & Bar: Not on arXiv", "N/A"), "README_zh.md")
    [pair] = file_pairs([original, translation])
    match = match_entries(pair)
    assert [(p.original, p.translation) for p in match.pairs] == [(original.entries[0], translation.entries[0])]
