"""Which paper an entry names, and the key arXiv's answers are kept by."""

from __future__ import annotations

from listlint.analysis.arxiv_papers import paper_key
from listlint.rulekit.arxiv_metadata import named_paper
from listlint.syntax.document import Document


def test_paper_key() -> None:
    assert paper_key("2301.00101") == "2301.00101"
    assert paper_key("math.GT/0309136") == "math/0309136"
    assert paper_key("HEP-TH/9901001") == "hep-th/9901001"


def test_the_id_field_else_the_arxiv_link() -> None:
    text = (
        "<details>\n<summary><b>A</b></summary>\n\n* **arXiv ID:** 2301.00101\n"
        "* **Links:** [[Paper]](https://arxiv.org/abs/2301.00999)\n</details>\n\n---\n\n"
        "<details>\n<summary><b>B</b></summary>\n\n* **Authors:** Ada\n"
        "* **Links:** [[Code]](https://github.com/a/b) | [[Paper]](https://arxiv.org/abs/2301.00102v3)\n</details>\n\n---\n\n"
        "<details>\n<summary><b>C</b></summary>\n\n* **Authors:** Ada\n</details>\n"
    )
    doc = Document(text, "README.md")
    named = [named_paper(entry) for entry in doc.entries]
    assert [paper.key if paper else None for paper in named] == ["2301.00101", "2301.00102", None]
    # Without an ID field the ID is read from the paper link: the span is the ID in its URL.
    assert named[1] is not None and doc.text[named[1].span.start : named[1].span.end] == "2301.00102"
    assert doc.text.rfind("[[Paper]](", 0, named[1].span.start) > doc.text.find("<summary><b>B")
