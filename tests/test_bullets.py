"""Bullet entries: one list item per paper, read with a span on every part."""

from __future__ import annotations

from layout_checks import assert_spans_hold, at, layout_doc

from listlint.syntax.document import Document
from listlint.syntax.model import PaperEntry


def _by_title(doc: Document) -> dict[str, PaperEntry]:
    return {entry.title.value: entry for entry in doc.entries if isinstance(entry, PaperEntry)}


def test_every_bullet_variant_is_read_and_nothing_else() -> None:
    doc = layout_doc("bullets.md")
    assert_spans_hold(doc)
    assert {entry.layout for entry in doc.entries} == {"bullet"}
    assert [entry.title.value for entry in doc.entries] == [
        "Alpha: Learning Alphas",
        "Beta Fields for Beta Scenes",
        "Gamma: Gamma Rays of Thought",
        "Delta: Small Steps for Large Models",
        "Epsilon Tricks",
        "Zeta: Zero-shot Everything",
        "Eta: A Paper Lost Its Link",
        "Theta: Theory of Everything",
        "Iota: Tiny Models",
        "Kappa: Kappa Scores Revisited",
    ]


def test_a_linked_title_then_authors_venue_and_links() -> None:
    doc = layout_doc("bullets.md")
    alpha = _by_title(doc)["Alpha: Learning Alphas"]
    assert alpha.title_link.url.value == "https://arxiv.org/abs/2102.00001"
    assert alpha.arxiv_id.value == "2102.00001" and at(doc, alpha.arxiv_id) == "2102.00001"
    assert alpha.authors.value == "Ada Lovelace et al."
    assert alpha.field("published_in").value.value == "CVPR 2023"
    assert [link.label.value for link in alpha.links] == ["Alpha: Learning Alphas", "github", "bibtex"]
    beta = _by_title(doc)["Beta Fields for Beta Scenes"]
    # A project page is no paper link, and the bibkey comment is no text of the entry.
    assert beta.arxiv_id is None and beta.one_liner is None
    assert beta.authors.value == "Turing et al."


def test_venue_tags_inserted_venues_and_plain_titles() -> None:
    bullets = _by_title(layout_doc("bullets.md"))
    assert bullets["Gamma: Gamma Rays of Thought"].field("published_in").value.value == "CVPR 2023"
    delta = bullets["Delta: Small Steps for Large Models"]
    assert delta.field("published_in").value.value == "NeurIPS, 2023"
    assert delta.arxiv_id.value == "2102.00004"
    assert [link.label.value for link in delta.links] == ["Paper", "Code"]
    # Listed as the papers around it are, with no paper link: an entry all the same.
    assert bullets["Epsilon Tricks"].links[0].url.value == "https://blog.example.com/epsilon"


def test_br_separated_links_a_lost_link_and_a_description_below() -> None:
    bullets = _by_title(layout_doc("bullets.md"))
    zeta = bullets["Zeta: Zero-shot Everything"]
    assert (zeta.arxiv_id.value, zeta.arxiv_version.value) == ("2102.00006", "v2")
    assert [link.label.value for link in zeta.links] == ["Zeta: Zero-shot Everything", "code", "project"]
    assert bullets["Eta: A Paper Lost Its Link"].links == ()
    theta = bullets["Theta: Theory of Everything"]
    assert theta.authors.value == "Barbara Liskov, Niklaus Wirth"
    assert theta.one_liner.value == "Theta explains everything it can, in one short line."


def test_nested_items_under_a_label_are_entries_and_the_label_is_not() -> None:
    doc = layout_doc("bullets.md")
    iota = _by_title(doc)["Iota: Tiny Models"]
    assert doc.text[iota.span.start : iota.span.end] == "  * [Iota: Tiny Models](https://arxiv.org/abs/2102.00009)\n"
    assert "Compression" not in _by_title(doc)


def test_tools_tables_of_contents_and_labelled_lines_are_no_entries() -> None:
    assert layout_doc("not-papers.md").entries == ()
    text = "- [Survey](#survey)\n- [Papers](#papers)\n\n* [A tool](https://tool.example.com/)\n\n- **Aug-27-2025**: Add [x](https://arxiv.org/abs/2101.00001)\n"
    assert Document(text).entries == ()
