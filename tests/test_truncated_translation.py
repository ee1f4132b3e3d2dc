"""truncated-translation: the length measure across languages and the ratio option."""

from __future__ import annotations

from pathlib import Path

from conftest import RULE_FIXTURES, shared_path
from harness import case_files, documents
from listlint.lint.engine import lint
from listlint.rulekit.settings import Settings
from listlint.rules.truncated_translation import _sentences, truncated_translation
from listlint.syntax.document import Document
from listlint.workspace.config import parse_settings


def test_sentences_in_both_languages() -> None:
    assert _sentences("We do A. We do B, at 3.5 fps! Then C") == 3
    assert _sentences("我们提出 Foo。它很快！") == 2
    assert _sentences("") == 0


def test_min_ratio_option(tmp_path: Path) -> None:
    files = case_files(RULE_FIXTURES / "truncated-translation" / "cut")
    strict = Settings()
    loose = parse_settings({"rules": {"truncated-translation": {"min-ratio": 0.1}}}, tmp_path / "l.toml")
    assert len(lint(documents(files), strict, rules=[truncated_translation])) == 1
    assert not lint(documents(files), loose, rules=[truncated_translation])


def test_corpus_reports_only_one_or_two_sentence_translations() -> None:
    folder = shared_path("corpus", "consisency-paper")
    docs = [Document(p.read_text(encoding="utf-8"), str(p)) for p in sorted(folder.rglob("README*.md"))]
    findings = lint(docs, Settings(), rules=[truncated_translation])
    assert len(findings) == 44
    assert all(f.path.endswith("README_zh.md") for f in findings)
    assert all("(1 sentence against" in f.message or "(2 sentences against" in f.message for f in findings)
