"""Entry identity on findings: the engine keys each by the entry it is in."""

from __future__ import annotations

from listlint.api import check_text, parse_text
from listlint.config import Settings
from listlint.entry_index import EntryLocator
from listlint.pairs import entry_key

CARD = """\
<details>
<summary><b>Qux: Quantised   Unicorn-Experts</b></summary>

*   **Authors:** Mira Ghost
{arxiv}
</details>

---
"""


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
    # Every finding on the card, whatever key its rule chose, carries the same one.
    assert {f.entry_key for f in findings} == {"arxiv:2203.01234"}
    assert "LL901" in {f.code for f in findings}
    outside = check_text("<!-- listlint-enable -->\n", "README.md", settings=Settings(select=("LL001",)))
    assert [(f.code, f.entry_key) for f in outside] == [("LL001", None)]
