"""placeholder-text's substring pre-checks let through every placeholder its patterns know."""

from __future__ import annotations

import pytest

from harness import lint_files
from listlint.rules.placeholder_text import placeholder_text

# One example of each alternative of PLACEHOLDER and of URL_STUB, in odd case: the
# pre-checks are hand-written from the patterns, and must not drift apart from them.
STUBS = [
    "Link_To_Code_If_Available",
    "PAPER_LINK", "code_url", "Project_Page_Link", "pdf_url", "arxiv_link", "project_url",
    "[作者列表]", "[会议/期刊]", "[年份]", "[官方摘要]", "[要点列举主要贡献]", "[1-2句话概述]",
    "[1-2 句话概述]", "[论文标题]", "[arXiv编号]", "[ARXIV 编号, 如 2401.00001]",
    "[Author List]", "[authors]", "[VENUE]", "[Year]", "[Paper Title]", "[official abstract]", "[One-Liner]",
    "this https URL", "此 http URL",
    # `ı`, `İ` and `ſ` match `i` and `s` under IGNORECASE but do not lower to them.
    "lınk_to_code", "Lİnk_To_Demo", "paper_lınk", "PAPER_LİNK", "arxıv_url",
]


@pytest.mark.parametrize("stub", STUBS)
def test_every_placeholder_the_patterns_know_is_reported(stub: str) -> None:
    card = (
        "<details>\n<summary><b>Quill: Folding Paper Cranes</b></summary>\n\n"
        "* **Authors:** Ada Lovelace\n"
        f"* **One-liner:** A robot that folds cranes, see {stub} for more.\n\n"
        "</details>\n"
    )
    found = lint_files({"README.md": card}, [placeholder_text])
    assert [f.name for f in found] == ["placeholder-text"], stub
    assert stub in found[0].message


def test_entries_of_other_layouts_are_read_for_placeholders() -> None:
    files = {
        "README.md": (
            "- [Quill: Folding Paper Cranes](https://arxiv.org/abs/2101.00001), Ada Lovelace et al., CVPR 2023\n"
            "  A robot that folds cranes, see this https URL for more.\n\n"
            "| Title | Abstract |\n|---|---|\n| [Crane: Cranes](https://arxiv.org/abs/2101.00002) | [official abstract] |\n"
        )
    }
    found = lint_files(files, [placeholder_text])
    assert [(f.line, f.message) for f in found] == [
        (2, "Placeholder text `this https URL` left in the entry"),
        (6, "Placeholder text `[official abstract]` left in the entry"),
    ]
