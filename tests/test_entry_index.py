"""Entry identity: arXiv ID first, else the normalised title; set on findings by the engine."""

from __future__ import annotations

from listlint.api import check_text, parse_text
from listlint.entry_index import EntryLocator, arxiv_key, entry_key, normalise_title

CARD = """\
<details>
<summary><b>Qux: Quantised   Unicorn-Experts</b></summary>

*   **Authors:** Mira Ghost
{arxiv}
</details>

---
"""


def test_arxiv_ids_lose_prefix_and_version() -> None:
    assert arxiv_key("arXiv:2203.01234v3") == "2203.01234"
    assert arxiv_key("[2203.01234](https://arxiv.org/abs/2203.01234)") == "2203.01234"
    assert arxiv_key("hep-th/9901001v2") == "hep-th/9901001"
    assert arxiv_key("N/A") is None
    assert arxiv_key("12203.012345") is None


def test_titles_fold_case_punctuation_and_width() -> None:
    assert normalise_title("Qux: Quantised   Unicorn-Experts") == "qux quantised unicorn experts"
    assert normalise_title("<i>Ｑux</i>: quantised unicorn experts!") == "qux quantised unicorn experts"


def test_entry_key_prefers_the_arxiv_id() -> None:
    with_id = parse_text(CARD.format(arxiv="* **arXiv ID:** 2203.01234v2")).entries[0]
    without = parse_text(CARD.format(arxiv="* **arXiv ID:** N/A")).entries[0]
    assert entry_key(with_id) == "arxiv:2203.01234"
    assert entry_key(without) == "title:qux quantised unicorn experts"


def test_locator_finds_the_entry_around_an_offset() -> None:
    text = "# Title\n\n" + CARD.format(arxiv="") + "\nprose\n"
    doc = parse_text(text)
    locator = EntryLocator(doc.entries)
    assert locator.entry_at(0) is None
    assert locator.entry_at(text.index("Mira")) is doc.entries[0]
    assert locator.entry_at(text.index("prose")) is None


def test_the_engine_keys_findings_by_their_entry() -> None:
    findings = check_text(CARD.format(arxiv="* **arXiv ID:** 2203.01234"), "README.md")
    assert [(f.code, f.entry_key) for f in findings] == [("LL901", "arxiv:2203.01234")]
    outside = check_text("<!-- listlint-enable -->\n", "README.md")
    assert [(f.code, f.entry_key) for f in outside] == [("LL001", None)]
