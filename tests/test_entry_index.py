"""Entry identity on findings: the engine keys each by the entry it is in."""

from __future__ import annotations

from listlint.api import check_text, parse_text
from listlint.lint.entry_index import EntryLocator
from listlint.rulekit.identity import entry_key
from listlint.rulekit.settings import Settings

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


def test_with_entry_key_is_replace_of_that_field() -> None:
    import dataclasses

    from listlint.base.spans import Span
    from listlint.rulekit.diagnostics import Finding, Location, Severity
    from listlint.syntax.document import Document

    doc = Document("x\n", "README.md")
    finding = Finding("LL999", "a-rule", "m", Severity.ERROR, Location("README.md", 1, 1, 1, 2), Span(0, 1), doc)
    keyed = finding.with_entry_key("arxiv:2101.00001")
    assert keyed == dataclasses.replace(finding, entry_key="arxiv:2101.00001")
    assert keyed.doc is doc and finding.entry_key is None
    assert {f.name: getattr(keyed, f.name) for f in dataclasses.fields(Finding) if f.name != "entry_key"} == {
        f.name: getattr(finding, f.name) for f in dataclasses.fields(Finding) if f.name != "entry_key"
    }
