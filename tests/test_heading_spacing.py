"""heading-spacing's fix, checked against what GitHub shows (cmark-gfm)."""

from __future__ import annotations

import pytest

from gfm import github_html, shown_as_code
from harness import fix_files, lint_files
from listlint.rulekit.diagnostics import Applicability
from listlint.rules import RULES

RULE = next(rule for rule in RULES if rule.name == "heading-spacing")


def glued_heading_fix(text: str):  # type: ignore[no-untyped-def]
    (finding,) = [f for f in lint_files({"README.md": text}, [RULE]) if "glued" in f.message]
    return finding.fix


@pytest.mark.parametrize(
    "above",
    ["<!-- note -->", "Some text\n<!-- note -->", "<!-- a note\nover two lines -->"],
    ids=["comment", "text, then a comment", "two-line comment"],
)
def test_a_blank_line_after_a_complete_comment_is_safe(above: str) -> None:
    text = f"# List\n\n{above}\n## Heading\n\nText.\n"
    spaced = text.replace("\n## Heading", "\n\n## Heading")
    assert github_html(text) == github_html(spaced)  # the comment ended: the heading is one
    fix = glued_heading_fix(text)
    assert fix is not None and fix.applicability is Applicability.SAFE
    assert fix_files({"README.md": text}, [RULE], unsafe=False) == {"README.md": spaced}


def test_a_heading_inside_an_open_comment_is_no_heading() -> None:
    text = "# List\n\n<!-- a note\n## Not a heading\n-->\n\nText.\n"
    assert "<h2>" not in github_html(text)
    assert lint_files({"README.md": text}, [RULE]) == []


def test_a_heading_in_an_html_block_that_interrupts_a_paragraph_is_unsafe() -> None:
    # `<div>` interrupts the paragraph and swallows the heading below it as raw text.
    text = "# List\n\nSome text\n<div>\n## Heading\n</div>\n"
    spaced = text.replace("\n## Heading", "\n\n## Heading")
    assert "<h2>" not in github_html(text) and "<h2>" in github_html(spaced)
    fix = glued_heading_fix(text)
    assert fix is not None and fix.applicability is Applicability.UNSAFE


CARD_CUT_AT_A_HEADING = """\
Some text
<details>
<summary><b>Foo: A Card</b></summary>
## Usage
```
pip install foo
</details>

Text after the card.
"""


def test_no_fix_turns_the_rest_of_a_card_into_code() -> None:
    # In the HTML block the ``` line is raw text; once a blank line ends the block
    # above it, the fence opens and runs to the end, `</details>` included.
    spaced = CARD_CUT_AT_A_HEADING.replace("\n## Usage", "\n\n## Usage")
    assert shown_as_code(CARD_CUT_AT_A_HEADING, "</details>") == 0
    assert shown_as_code(spaced, "</details>") == 1
    assert glued_heading_fix(CARD_CUT_AT_A_HEADING) is None
    assert fix_files({"README.md": CARD_CUT_AT_A_HEADING}, [RULE]) == {"README.md": CARD_CUT_AT_A_HEADING}
