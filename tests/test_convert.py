"""`listlint convert`: daily entries become canonical cards; what cannot map is reported."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES, ROOT, shared_path
from listlint.api import check_text, format_text
from listlint.convert.daily_to_cards import convert_document, truncated
from listlint.syntax.document import Document

DIGEST = (FIXTURES / "daily" / "digest_zh.md").read_text(encoding="utf-8")


def test_cards_carry_what_maps() -> None:
    result = convert_document(Document(DIGEST, "digest_zh.md"))
    assert result.cards == 3
    cards = Document(result.text, "README_zh.md").cards
    assert [c.title.value for c in cards] == [
        "Foo: A Tiny Example of a Digest Entry",
        "Bar & Baz: Another {Tiny} Entry_with $pecial chars",
        "Qux: An Entry Without Links",
    ]
    foo = cards[0]
    assert foo.arxiv_id.value == "2401.00001"
    assert foo.field("affiliations").value.value == "Example University, Sample Lab"
    assert foo.field("published_in").value.value == "arXiv 2024"
    assert [(l.label.value, l.url.value) for l in foo.links] == [
        ("Paper", "https://arxiv.org/abs/2401.00001"),
        ("PDF", "https://arxiv.org/pdf/2401.00001"),
        ("Project Page", "https://foo-example.github.io/foo/"),
        ("Code", "https://github.com/ada/foo"),
    ]
    assert foo.abstract.body_text == "Foo shows how a tiny entry is written. It has two lines of prose."
    assert "## Tiny Robots" in result.text and "## Tiny Planes" in result.text


def test_a_venue_on_the_meta_line_becomes_published_in() -> None:
    digest = (
        "## Zap: An Invented Paper\n"
        "2025-02-03｜Example University, Sample Lab｜Cvpr 2025｜⭐️⭐️\n"
        "<u>http://arxiv.org/abs/2502.00003v1</u>\n"
        "### 概述\nZap is invented.\n"
    )
    card = Document(convert_document(Document(digest, "digest_zh.md")).text, "README_zh.md").cards[0]
    assert card.field("affiliations").value.value == "Example University, Sample Lab"
    # Written in the canonical form venue-format asks for.
    assert card.field("published_in").value.value == "CVPR 2025"


def test_unmapped_parts_are_reported_where_they_are() -> None:
    doc = Document(DIGEST, "digest_zh.md")
    notes = [(doc.position(n.span.start)[0], n.message) for n in convert_document(doc).notes]
    assert (27, "link `https://github` looks truncated; not carried over") in notes
    assert (8, "rating `⭐️⭐️` has no card field; not carried over") in notes
    assert (20, "section `方法` has no card field; not carried over") in notes
    assert (13, "1 image of `概述` not carried over") in notes
    assert any(line == 37 and "no arXiv link" in message for line, message in notes)
    assert "https://github)" not in convert_document(doc).text


# "Passes check structurally": no finding about how the cards are built
# (structure LL5xx, layout LL9xx, field labels and order). Content the digest
# does not have (authors, a Chinese abstract) is the maintainer's to add.
STRUCTURAL_FIELD_RULES = {"unknown-field", "duplicate-field", "field-order"}


def _structural(findings):  # type: ignore[no-untyped-def]
    return [
        f for f in findings if f.code[:3] in ("LL5", "LL9") or f.name in STRUCTURAL_FIELD_RULES
    ]


def test_overview_can_become_the_one_liner() -> None:
    result = convert_document(Document(DIGEST, "digest_zh.md"), abstract_to="one-liner")
    foo = Document(result.text, "README_zh.md").cards[0]
    assert foo.one_liner.value.startswith("Foo shows how") and foo.abstract is None


def test_output_is_canonical_and_clean() -> None:
    text = convert_document(Document(DIGEST, "digest_zh.md")).text
    assert _structural(check_text(text, "README_zh.md")) == []
    assert format_text(text, "README_zh.md") == text


def test_truncated() -> None:
    assert truncated("https://github") and truncated("http://")
    assert not truncated("https://github.com/a/b") and not truncated("https://a.io:8080/x")


def test_seed_004_converts_to_structurally_clean_cards() -> None:
    path = shared_path("seeds", "004_3b224275edd2a8f4.txt")
    result = convert_document(Document(path.read_text(encoding="utf-8"), "README_zh.md"))
    cards = Document(result.text, "README_zh.md").cards
    assert len(cards) == 6 and all(c.close is not None and c.summary for c in cards)
    assert [c.arxiv_id.value for c in cards][-1] == "2503.08307"
    assert _structural(check_text(result.text, "README_zh.md")) == []


def test_cli_convert_writes_cards_and_notes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "digest_zh.md"
    source.write_text(DIGEST, encoding="utf-8")
    out = tmp_path / "cards_zh.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "listlint", "convert", str(source), "-o", str(out)],
        capture_output=True, text=True, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert f"{source}:27:1: link `https://github` looks truncated" in run.stderr
    assert "Converted 3 entries to cards." in run.stderr
    check = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(out)], capture_output=True, text=True, env=env
    )
    assert "LL5" not in check.stdout and "LL9" not in check.stdout, check.stdout
    cards_only = tmp_path / "cards.md"
    cards_only.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    again = subprocess.run(
        [sys.executable, "-m", "listlint", "convert", str(cards_only)], capture_output=True, text=True, env=env
    )
    assert again.returncode == 2 and f"{cards_only}: no paper-daily entries" in again.stderr
