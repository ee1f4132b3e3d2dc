"""mixed-language-field on a real Chinese list and with its options."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RULE_FIXTURES, shared_path
from listlint.base.errors import ConfigError
from listlint.lint.engine import lint
from listlint.rulekit.settings import Settings
from listlint.rules.mixed_language_field import mixed_language_field
from listlint.syntax.document import Document
from listlint.workspace.config import parse_settings


def _findings(doc: Document, settings: Settings | None = None):  # type: ignore[no-untyped-def]
    return lint([doc], settings or Settings(), rules=[mixed_language_field])


def test_seed_english_one_liners_in_the_chinese_file_are_reported() -> None:
    text = shared_path("seeds", "002_762a647fe149189f.txt").read_text(encoding="utf-8")
    doc = Document(text, "README_zh.md")
    findings = _findings(doc)
    english = [
        card for card in doc.cards
        if card.one_liner and card.one_liner.value.startswith(("This work", "VideoGen", "BasicTAD"))
    ]
    assert len(english) == 17
    assert [f.span for f in findings] == [card.one_liner.span for card in english]  # type: ignore[union-attr]
    assert all(f.message.startswith("One-liner is in English") for f in findings)
    assert "(17 of 22 One-liners in this file are English)" in findings[0].message
    assert "of 22" not in findings[1].message
    # The five Chinese cards at the top (English model names and all) are clean.
    first_line = findings[0].line
    assert first_line > doc.position(doc.cards[4].span.end)[0]


def test_corpus_english_files_have_no_findings() -> None:
    folder = shared_path("corpus", "consisency-paper")
    docs = [Document(p.read_text(encoding="utf-8"), str(p)) for p in sorted(folder.rglob("README.md"))]
    assert docs
    assert not lint(docs, Settings(), rules=[mixed_language_field])


def test_languages_option_turns_a_field_off_per_glob(tmp_path: Path) -> None:
    case = RULE_FIXTURES / "mixed-language-field" / "english-one-liners_zh.md"
    doc = Document(case.read_text(encoding="utf-8"), "english-one-liners_zh.md")
    settings = parse_settings(
        {"rules": {"mixed-language-field": {"languages": {"*_zh.md": {"one-liner": "any"}}}}},
        tmp_path / "listlint.toml",
    )
    messages = [f.message for f in _findings(doc, settings)]
    assert len(messages) == 1 and messages[0].startswith("Core Innovation")


def test_languages_option_can_require_english_in_a_chinese_file(tmp_path: Path) -> None:
    case = RULE_FIXTURES / "mixed-language-field" / "clean_zh.md"
    doc = Document(case.read_text(encoding="utf-8"), "clean_zh.md")
    settings = parse_settings(
        {"rules": {"mixed-language-field": {"languages": {"clean_zh.md": {"one-liner": "en"}}}}},
        tmp_path / "listlint.toml",
    )
    assert [f.message.split(":")[0] for f in _findings(doc, settings)] == [
        "One-liner is in Chinese, but this file wants English"
    ]


@pytest.mark.parametrize(
    "languages",
    [{"*_zh.md": {"title": "en"}}, {"*_zh.md": {"one-liner": "fr"}}, {"*_zh.md": "zh"}],
)
def test_bad_languages_option_is_a_config_error(tmp_path: Path, languages: object) -> None:
    with pytest.raises(ConfigError):
        parse_settings({"rules": {"mixed-language-field": {"languages": languages}}}, tmp_path / "x.toml")


def test_the_count_names_each_kind_in_the_plural() -> None:
    card = (
        "<details>\n<summary><b>Foo {n}: An Invented Paper</b></summary>\n\n"
        "* **Authors:** Ada Lovelace\n* **arXiv ID:** 2101.0000{n}\n\n"
        "> **Core Innovation**\n> 提出一种新的视频生成方法，并在多个基准上取得更好的效果。\n\n"
        "<details>\n<summary>Key points</summary>\n\n* 引入一种新的时空注意力结构，可以同时建模空间和时间。\n\n</details>\n"
        "</details>\n\n---\n\n"
    )
    # English by configuration: by its content alone the file would be Chinese.
    doc = Document("".join(card.format(n=n) for n in (1, 2)), "README.md", language="en")
    messages = [f.message for f in _findings(doc)]
    assert len(messages) == 4
    assert "(2 of 2 Core Innovations in this file are Chinese)" in messages[0]
    assert "(2 of 2 Key points sections in this file are Chinese)" in messages[1]


def _chinese_card(number: int, one_liner: str) -> str:
    return (
        f"<details>\n<summary><b>Foo{number}: 折纸鹤</b></summary>\n\n"
        f"* **Authors:** Ada Lovelace\n* **One-liner:** {one_liner}\n\n"
        f"> **Core Innovation**  \n> 本文提出一种折纸鹤的新方法，在多个数据集上取得了更好的结果。\n</details>\n\n---\n\n"
    )


def test_a_chinese_list_named_readme_is_judged_as_chinese_and_says_why() -> None:
    cards = [_chinese_card(n, "一种折纸鹤的新方法，效果更好。") for n in range(1, 6)]
    cards[2] = _chinese_card(3, "A new way to fold paper cranes that works better.")
    findings = _findings(Document("".join(cards), "README.md"))
    assert len(findings) == 1
    assert findings[0].message.startswith("One-liner is in English, but this file wants Chinese")
    assert findings[0].message.endswith(
        "; the file is read as Chinese from its content; `languages` in the configuration sets a file's language"
    )


def test_the_help_names_the_rule_option_when_it_decides() -> None:
    cards = [_chinese_card(n, "A new way to fold paper cranes that works better.") for n in range(1, 3)]
    settings = Settings(rule_options={"mixed-language-field": {"languages": {"*.md": {"one-liner": "zh"}}}})
    findings = [f for f in _findings(Document("".join(cards), "README.md", language="en"), settings) if f.message.startswith("One-liner")]
    assert findings and findings[0].message.endswith("; this rule's `languages` option sets what each field must be in")
    assert "languages" not in findings[1].message


def test_configuration_can_declare_a_file_korean(tmp_path: Path) -> None:
    """`languages` names a Korean file; its English and Chinese fields are then flagged."""
    from listlint.rulekit.settings import document

    settings = parse_settings({"languages": {"lists/*.md": "ko"}}, tmp_path / "listlint.toml")
    card = (
        "<details>\n<summary><b>Rho: An Invented Paper</b></summary>\n\n"
        "* **Authors:** Ada Lovelace\n* **arXiv ID:** 2102.00018\n"
        "* **One-liner:** {one_liner}\n</details>\n\n---\n\n"
    )
    text = "".join(
        card.format(one_liner=line)
        for line in (
            "단일 이미지에서 고품질 3D 메시를 빠르게 복원하는 방법.",
            "A transformer that restores a mesh from one image.",
            "提出一种由单张图像快速重建三维网格的方法。",
        )
    )
    doc = document(text, str(tmp_path / "lists" / "papers.md"), settings)
    assert doc.language == "ko"
    messages = [f.message.split(":")[0] for f in _findings(doc, settings)]
    assert messages == [
        "One-liner is in English, but this file wants Korean",
        "One-liner is in Chinese, but this file wants Korean",
    ]
