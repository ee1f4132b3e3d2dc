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
    "github_link", "Video_URL", "homepage_link", "dataset_url", "your_link_here", "YOUR_CODE", "url_here",
    "your_lınk_here", "xxxx.xxxxx", "2401.XXXXX",
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


def _card(one_liner: str = "Folds cranes.", links: str = "[[Paper]](https://arxiv.org/abs/2101.00001)", arxiv_id: str = "2101.00001") -> str:
    return (
        "<details>\n<summary><b>Quill: Folding Paper Cranes</b></summary>\n\n"
        f"* **Authors:** Ada Lovelace\n* **arXiv ID:** {arxiv_id}\n* **One-liner:** {one_liner}\n"
        f"* **Links:** {links}\n\n</details>\n"
    )


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ("[[Code]](your_link_here)", "`Code` link has the placeholder destination `your_link_here`"),
        ("[[Paper]](xxxx.xxxxx)", "`Paper` link has the placeholder destination `xxxx.xxxxx`"),
        ("[[Code]](TBD)", "`Code` link has the placeholder destination `TBD`"),
        (
            "[[Project]](https://quill.github.io/TODO)",
            "`Project` link ends in the placeholder `TODO`: `https://quill.github.io/TODO`",
        ),
        ("[[Code]](code_link)", "Placeholder text `code_link` left in the card"),
    ],
)
def test_a_template_word_as_a_destination_is_reported(links: str, message: str) -> None:
    found = lint_files({"README.md": _card(links=links)}, [placeholder_text])
    assert [f.message for f in found] == [message]


@pytest.mark.parametrize("value", ["TODO", "TBD", "tbd.", "xxx", "TODO: write the one-liner"])
def test_a_value_that_is_only_a_to_do_is_reported(value: str) -> None:
    found = lint_files({"README.md": _card(one_liner=value)}, [placeholder_text])
    assert [f.message for f in found] == [f"Placeholder text `{value}` left in the card"]


@pytest.mark.parametrize(
    ("one_liner", "links"),
    [
        # Words with underscores that name something in a URL: a repository, a page, a file.
        ("Folds cranes.", "[[Code]](https://github.com/ada/paper_link) | [[Data]](https://quill.org/data_url/list)"),
        ("See https://quill.org/link_to_code_page for more.", "[[Code]](https://github.com/ada/link_to_code)"),
        # A repository named `todo` is a name; a page that merely holds the word is a page.
        ("Folds cranes.", "[[Code]](https://github.com/ada/todo) | [[Project]](https://quill.org/todo-list)"),
        # Identifiers and names that only look like template words.
        ("Beats code_link_prediction and Your-Motion, a TODO-list planner.", "[[Paper]](https://arxiv.org/abs/2101.00001)"),
        ("Todo-Net folds cranes in 2401.12345 steps.", "[[Paper]](https://arxiv.org/abs/2101.00001)"),
        ("TODO-Net folds cranes.", "[[Paper]](https://arxiv.org/abs/2101.00001)"),
    ],
)
def test_near_misses_are_not_placeholders(one_liner: str, links: str) -> None:
    assert lint_files({"README.md": _card(one_liner, links)}, [placeholder_text]) == []


def test_an_arxiv_id_template_in_the_id_field_or_an_arxiv_url_is_another_rules() -> None:
    # invalid-arxiv-id names the field's, truncated-url the URL's: one defect, one finding.
    card = _card(links="[[Paper]](https://arxiv.org/abs/xxxx.xxxxx)", arxiv_id="xxxx.xxxxx")
    assert lint_files({"README.md": card}, [placeholder_text]) == []
