"""nested-link: what it reads as a link in a link, and what GitHub's renderer makes of its fixes."""

from __future__ import annotations

import pytest

from harness import fix_files, lint_files
from listlint.analysis.render import render
from listlint.rules.nested_link import nested_link
from listlint.syntax.links import destination_link, enclosing_link, parse_links

def _card(links: str) -> str:
    return (
        "<details>\n<summary><b>Quill: Folding Paper Cranes</b></summary>\n\n"
        f"* **Authors:** Ada Lovelace\n* **Links:** {links}\n\n"
        "> **Core Innovation**  \n> Folds cranes.\n</details>\n\n---\n"
    )


def test_a_link_as_a_destination_is_read_with_its_spans() -> None:
    value = "[[Paper]]([paper_link](https://arxiv.org/abs/2101.00001))"
    (link,) = parse_links(value, 10)
    inner = destination_link(link)
    assert inner is not None
    assert (inner.label.value, inner.url.value) == ("paper_link", "https://arxiv.org/abs/2101.00001")
    assert value[inner.url.span.start - 10 : inner.url.span.end - 10] == inner.url.value
    assert value[inner.label.span.start - 10 : inner.label.span.end - 10] == "paper_link"
    # A URL with balanced parentheses is one URL, not a link.
    (plain,) = parse_links("[[Docs]](https://en.example.org/wiki/Foo_(model))", 0)
    assert destination_link(plain) is None


def test_a_link_in_a_label_is_found_and_a_badge_is_not() -> None:
    text = "[[Paper](https://a.org/x)](https://b.org/y) and [![stars](https://img.example/b)](https://c.org/z)"
    inner, badge = parse_links(text, 0)
    outer = enclosing_link(text, inner)
    assert outer is not None
    assert text[outer.span.start : outer.span.end] == "[[Paper](https://a.org/x)](https://b.org/y)"
    assert outer.url.value == "https://b.org/y"
    assert outer.label.span == inner.span
    assert enclosing_link(text, badge) is None
    # Brackets closed before the link, and a bracketed link with no `(` after it.
    for plain in ("[2021] [Project](https://a.org/x)", "[[Paper](https://a.org/x)] [[Code](https://b.org/y)]"):
        assert all(enclosing_link(plain, link) is None for link in parse_links(plain, 0))


@pytest.mark.parametrize(
    ("links", "fixed", "href"),
    [
        (
            "[[Paper]]([paper_link](https://arxiv.org/abs/2101.00001))",
            "[[Paper]](https://arxiv.org/abs/2101.00001)",
            "https://arxiv.org/abs/2101.00001",
        ),
        (
            "[[Code]]([https://github.com/ada/quill](https://github.com/ada/quill))",
            "[[Code]](https://github.com/ada/quill)",
            "https://github.com/ada/quill",
        ),
        (
            "[[Paper](https://arxiv.org/abs/2101.00001)](https://arxiv.org/abs/2101.00001)",
            "[[Paper]](https://arxiv.org/abs/2101.00001)",
            "https://arxiv.org/abs/2101.00001",
        ),
    ],
)
def test_a_safe_fix_renders_the_link_github_never_showed(links: str, fixed: str, href: str) -> None:
    card = _card(links)
    (finding,) = lint_files({"README.md": card}, [nested_link])
    assert finding.fix is not None and finding.fix.applicability.value == "safe"
    after = fix_files({"README.md": card}, [nested_link], unsafe=False)["README.md"]
    assert after == card.replace(links, fixed)
    # GitHub's renderer: before, no `[Paper]` link goes to the URL (the link goes to
    # `%5Bpaper_link%5D(...)`, or shows as `[Paper](...)`); after, it does.
    assert f'<a href="{href}">[' not in render(card)
    assert f'<a href="{href}">[' in render(after)
    assert "%5B" not in render(after) and "](" not in render(after)
    assert lint_files({"README.md": after}, [nested_link]) == []


@pytest.mark.parametrize(
    ("links", "applicability"),
    [
        # Two URLs: which one was meant only a human can tell.
        ("[[PDF]]([https://arxiv.org/pdf/2101.00009](https://arxiv.org/pdf/2101.00001))", "unsafe"),
        # No URL to link to: the inner link goes to a template word.
        ("[[Code]]([code](link_to_code_if_available))", None),
        ("[[Code]]([code](https://github))", None),
        # A link inside other text, or to another URL.
        ("[see [Code](https://github.com/ada/quill) here](https://github.com/ada/quill)", None),
        ("[[Code](https://github.com/ada/quill)](https://github.com/ada/other)", None),
    ],
)
def test_an_uncertain_intent_has_an_unsafe_fix_or_none(links: str, applicability: str | None) -> None:
    (finding,) = lint_files({"README.md": _card(links)}, [nested_link])
    assert (finding.fix.applicability.value if finding.fix else None) == applicability
    assert fix_files({"README.md": _card(links)}, [nested_link], unsafe=False)["README.md"] == _card(links)
