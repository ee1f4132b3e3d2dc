"""What listlint writes (`new`, `convert`) passes its own arXiv ID and link checks."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from listlint.api import check_text
from listlint.convert.daily_to_cards import convert_document
from listlint.convert.new_card import new_card
from listlint.syntax.document import Document

# invalid-arxiv-id, arxiv-link-mismatch, non-canonical-arxiv-url, truncated-url.
ARXIV_CODES = {"LL101", "LL104", "LL406", "LL408"}

# Every link form a digest writes: http, a version, `/pdf/`, `.pdf`, `www.`, an old-style ID.
DIGEST = """\
# Topic: Tiny Robots

## Foo: An Invented Entry
2024-01-31｜Example University｜⭐️

<u>http://arxiv.org/abs/2401.00001v3</u>
<u>https://github.com/ada/foo</u>
### 概述
Foo is invented.

## Bar: Another Invented Entry
2024-02-01｜Sample Institute｜⭐️

<u>https://www.arxiv.org/pdf/2402.00002v2.pdf</u>
<u>https://github.com/</u>
### 概述
Bar is invented.

## Baz: An Old Invented Entry
2003-09-01｜Old Institute｜⭐️

<u>https://arxiv.org/pdf/math.GT/0309136</u>
### 概述
Baz is invented.
"""


def _arxiv_findings(text: str, path: str) -> list[str]:
    return [f"{f.code} {f.message}" for f in check_text(text, path) if f.code in ARXIV_CODES]


@pytest.mark.parametrize(
    "given",
    ["2101.00001", "2101.00001v4", "https://arxiv.org/pdf/2101.00001v2.pdf", "http://www.arxiv.org/abs/2101.00001", "hep-th/9901001v2"],
)
@pytest.mark.parametrize("path", ["README.md", "README_zh.md"])
def test_new_card_passes_the_arxiv_checks(given: str, path: str) -> None:
    text = new_card(given, "zh" if path.endswith("_zh.md") else "en")
    assert _arxiv_findings(text, path) == []


@pytest.mark.parametrize("digest", [DIGEST, (FIXTURES / "daily" / "digest_zh.md").read_text(encoding="utf-8")])
def test_converted_digest_passes_the_arxiv_checks(digest: str) -> None:
    result = convert_document(Document(digest, "digest_zh.md"))
    assert result.cards >= 3
    assert _arxiv_findings(result.text, "README_zh.md") == []


def test_converted_links_are_the_canonical_arxiv_urls() -> None:
    cards = Document(convert_document(Document(DIGEST, "digest_zh.md")).text, "README_zh.md").cards
    assert [[link.url.value for link in card.links] for card in cards] == [
        ["https://arxiv.org/abs/2401.00001", "https://arxiv.org/pdf/2401.00001", "https://github.com/ada/foo"],
        ["https://arxiv.org/abs/2402.00002", "https://arxiv.org/pdf/2402.00002"],
        ["https://arxiv.org/abs/math.GT/0309136", "https://arxiv.org/pdf/math.GT/0309136"],
    ]
