"""The lines of a canonical card: the one writer behind both the formatter (`card_format`,
a parsed card's white space) and a card written from values (`card_text`).

A canonical card, every piece of which is written here (the quote's label line ends in
two spaces, a hard break, when the quote has a body):

    <details>
    <summary><b>Foo: A Title</b></summary>

    * **Authors:** Ada Lovelace
    * **Links:** [[Paper]](https://arxiv.org/abs/2101.00001) | [[PDF]](...)

    > **Core Innovation**
    > What is new.

    <details>
        <summary>Abstract</summary>
        The abstract, each line indented (an HTML-mode section).
    </details>
    </details>

    ---
"""

from __future__ import annotations

from collections.abc import Sequence

CARD_OPEN = "<details>"
CARD_CLOSE = "</details>"
"""Also how a nested section opens and closes."""
SEPARATOR = "---"
"""The line after the blank line that follows a card's `</details>`."""
SECTION_INDENT = "    "
"""Before a section's summary, and before each line of an HTML-mode section's body."""
LINK_SEPARATOR = " | "
LAYOUT = " \t"
"""The white space a card's layout is made of, which writing may move: ASCII spaces and
tabs only. `str.strip()` would also take a full-width space (U+3000), a no-break space
(U+00A0), a form feed or U+2028, which GitHub shows (cmark-gfm reads them as text)."""


def summary_line(title: str) -> str:
    """`<summary><b>Foo: A Title</b></summary>`."""
    return f"<summary><b>{title}</b></summary>"


def field_line(bold: str, value: str, bullet: str = "*") -> str:
    """`* **Label:** value`: one space after the bullet and after the label, none at the end.

    `bold` is the label in its `**`, with its colon (`**Label:**`); the value is written
    as given but for white space at its end.
    """
    return f"{bullet} {bold} {value}".rstrip(LAYOUT) if value else f"{bullet} {bold}"


def links_value(links: Sequence[tuple[str, str]]) -> str:
    """A Links field's value from (label, url) pairs: `[[Paper]](url) | [[PDF]](url)`."""
    return LINK_SEPARATOR.join(f"[[{name}]]({url})" for name, url in links)


def quote_line(content: str) -> str:
    """A line of the Core Innovation quote: `> content`, or `>` alone for an empty one."""
    return f"> {content}" if content else ">"


def section_lines(name: str, body: Sequence[str], *, markdown: bool = False, attrs: str = "") -> list[str]:
    """A nested `<details>` section named `name` around the lines of `body`; `attrs`
    are its opening tag's attributes as written (` open`), kept.

    HTML mode (the default) indents each body line by SECTION_INDENT (indentation does
    not render in raw HTML text); Markdown mode sets the body off by blank lines and
    leaves it as it is, as indentation carries meaning there.
    """
    head = [f"<details{attrs}>", f"{SECTION_INDENT}<summary>{name}</summary>"]
    if markdown:
        return [*head, "", *body, "", CARD_CLOSE]
    return [*head, *(SECTION_INDENT + line for line in body), CARD_CLOSE]
