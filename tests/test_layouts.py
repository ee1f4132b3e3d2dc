"""One file, many layouts: every reader's entries tile the file with the cards'."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from layout_checks import assert_spans_hold, layout_doc

from listlint.syntax.document import Document
from strategies import any_text, card_like_text

# Lines of every layout, so that random text reaches each reader's paths.
LAYOUT_LINES = (
    "### 1. [CVPR'24] Foo: A Title",
    "#### [Foo](https://arxiv.org/abs/2101.00001)",
    "**Authors:** Ada Lovelace, Alan Turing",
    "**Authors**: Ada Lovelace",
    "Ada Lovelace, Alan Turing",
    "<details span>",
    "<summary><b>Abstract</b></summary>",
    "</details>",
    "[📄 Paper](https://arxiv.org/abs/2101.00001) | [💻 Code](https://github.com/a/b)",
    "- **Metrics:** F1",
    "- [Foo](https://arxiv.org/abs/2101.00002), Lovelace et al., CVPR 2023 | [github](https://github.com/a/b)",
    "* [CVPR 2023] **Foo** [[Paper](https://arxiv.org/abs/2101.00003)]",
    "- Foo, <ins>NeurIPS, 2023</ins> [[Paper](https://arxiv.org/abs/2101.00004)]",
    "  * [Foo](http://arxiv.org/abs/2101.00005v2)<br>:star:[code](https://github.com/a/b)",
    "  indented description",
    "**Foo: A Title** \\",
    "*Ada Lovelace, Alan Turing* \\",
    "CVPR 2023. [[Paper](https://arxiv.org/abs/2101.00006)] \\",
    "17 Apr 2023",
    "**Foo**<br>",
    "| Title | Authors | Venue | Code |",
    "|---|---|:-:|---|",
    "| [Foo](https://arxiv.org/abs/2101.00007) | Ada Lovelace | CVPR 2023 | - |",
    "| Foo \\| Bar | <details><summary>Abstract</summary>An abstract.</details> | 2023 |",
    "<!-- a comment",
    "-->",
    "```",
    "<td>",
    "</td>",
    "1. ### Foo",
    "",
)
layout_line = st.one_of(st.sampled_from(LAYOUT_LINES), st.text(max_size=8))
layout_text = st.lists(st.tuples(layout_line, st.sampled_from(["\n", "\r\n", ""])), max_size=30).map(
    lambda parts: "".join(line + end for line, end in parts)
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(layout_text, any_text, card_like_text))
def test_entries_of_every_layout_tile_any_text(text: str) -> None:
    doc = Document(text)
    assert_spans_hold(doc)
    spans = [segment.span for segment in doc.segments]
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    kinds = {"card", "heading-entry", "heading-card", "bullet-entry", "paragraph-entry", "table-row"}
    assert [s.span for s in doc.segments if s.kind in kinds] == [e.span for e in doc.entries]


def test_one_file_mixes_layouts_and_says_which_it_read_where() -> None:
    doc = layout_doc("mixed.md")
    assert_spans_hold(doc)
    assert [(entry.layout, entry.arxiv_id.value) for entry in doc.entries] == [
        ("card", "2106.00001"),
        ("heading", "2106.00002"),
        ("bullet", "2106.00003"),
        ("bullet", "2106.00004"),
        ("paragraph", "2106.00005"),
        ("table-row", "2106.00006"),
    ]
    assert doc.layouts == {"card": 1, "heading": 1, "bullet": 2, "paragraph": 1, "table-row": 1}
    sections = doc.layout_sections()
    assert [(s.heading.value, s.counts) for s in sections] == [
        ("## Cards", (("card", 1),)),
        ("## Headings", (("heading", 1),)),
        ("## Bullets", (("bullet", 2),)),
        ("## Paragraphs", (("paragraph", 1),)),
        ("## Table", (("table-row", 1),)),
    ]
    assert all(s.span.contains(e.span) for s in sections for e in doc.entries if s.span.start <= e.span.start < s.span.end)
    assert Document("no entries here\n").layout_sections() == ()
