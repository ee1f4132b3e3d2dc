"""Copied parts and described-elsewhere one-liners on the seeds, and paper identity."""

from __future__ import annotations

from conftest import shared_path
from harness import lint_files
from listlint.rulekit.copies import same_paper
from listlint.rulekit.identity import arxiv_key
from listlint.rules.copied_abstract import copied_abstract
from listlint.rules.copied_innovation import copied_innovation
from listlint.rules.copied_key_points import copied_key_points
from listlint.rules.one_liner_mismatch import one_liner_mismatch
from listlint.syntax.document import Document

CONTENT_RULES = [copied_abstract, copied_key_points, copied_innovation, one_liner_mismatch]
LVDM = "Latent Video Diffusion Models for High-Fidelity Long Video Generation"


def _findings_by_card(name: str, text: str) -> set[tuple[str, str, str]]:
    """(rule name, title of the card the finding is on, first related line's text)."""
    findings = lint_files({name: text}, CONTENT_RULES)
    doc = findings[0].doc if findings else Document(text, name)
    out = set()
    for finding in findings:
        card = next(e for e in doc.entries if e.span.contains(finding.span))
        assert card.title is not None
        out.add((finding.name, card.title.value, finding.related[0].message))
    return out


def test_seed_002_copied_abstract_and_one_liner_describing_another_paper() -> None:
    text = shared_path("seeds", "002_762a647fe149189f.txt").read_text(encoding="utf-8")
    found = _findings_by_card("README_zh.md", text)
    tridet = "TriDet: Temporal Action Detection with Relative Boundary Modeling"
    actionformer = "ActionFormer: Localizing Moments of Actions with Transformers"
    # TriDet's abstract was pasted from the LVDM card; ActionFormer's card is
    # LVDM's almost throughout, its English one-liner included.
    assert found == {
        ("copied-abstract", tridet, f"the abstract of `{LVDM}`"),
        ("copied-abstract", actionformer, f"the abstract of `{LVDM}`"),
        ("copied-key-points", actionformer, f"the key points of `{LVDM}`"),
        ("copied-innovation", actionformer, f"the core innovation of `{LVDM}`"),
        ("one-liner-mismatch", actionformer, f"the one-liner of `{LVDM}`"),
    }


def test_seed_002_one_liner_finding_points_at_the_lvdm_one_liner() -> None:
    text = shared_path("seeds", "002_762a647fe149189f.txt").read_text(encoding="utf-8")
    [finding] = lint_files({"README_zh.md": text}, [one_liner_mismatch])
    doc = finding.doc
    assert doc.text[finding.span.start : finding.span.end].startswith("This work introduces Latent Video Diffusion")
    assert finding.message == f"One-liner describes another paper: it repeats the one-liner of `{LVDM}`"
    lvdm = next(e for e in doc.entries if e.title and e.title.value == LVDM)
    assert lvdm.one_liner is not None
    assert finding.related[0].location.line == doc.position(lvdm.one_liner.span.start)[0]


def test_seed_000_has_no_copied_content() -> None:
    # Its duplicated arXiv IDs sit on cards with their own, different texts.
    text = shared_path("seeds", "000_eb257555294f68a2.txt").read_text(encoding="utf-8")
    assert lint_files({"README_zh.md": text}, CONTENT_RULES) == []


def _card(title: str, arxiv: str | None) -> str:
    field = f"* **arXiv ID:** {arxiv}\n" if arxiv else ""
    return f"<details>\n<summary><b>{title}</b></summary>\n\n{field}* **Authors:** A\n</details>\n\n---\n"


def test_same_paper_by_arxiv_id_else_by_title() -> None:
    doc = Document(
        _card("Foo: One", "arXiv:2101.00001v2")
        + _card("Foo: One, revised", "2101.00001")
        + _card("Foo: One", None)
        + _card("Bar: Two", "2101.00002")
        + _card("foo:  ONE", "2101.00003")
    )
    first, revised, no_id, other, renamed = doc.entries
    assert arxiv_key(first) == "arxiv:2101.00001"
    assert same_paper(first, revised)
    assert same_paper(first, no_id)  # no ID on one side: the titles decide
    assert not same_paper(first, other)
    assert not same_paper(first, renamed)  # both IDs given and different
