"""Hypothesis strategies: card-like text, and valid-but-messy cards with their true values."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# Lines that look like parts of a card, mixed with noise, so random text
# reaches the scanner's and parser's interesting paths.
CARD_LIKE_LINES = (
    "<details>",
    "<details open>",
    "</details>",
    "<details><summary><b>X: Y</b></summary>",
    "<summary><b>Foo: Bar baz</b></summary>",
    "<summary>Abstract</summary>",
    "    <summary>Key points</summary>",
    "* **Authors:** A, B",
    "- **arXiv ID:** 2401.00001",
    "* **Links:** [[Paper]](https://arxiv.org/abs/2401.00001) | [[Code]](https://x.org/a)",
    "* **作者：** 张三",
    "> **Core Innovation**",
    "> **核心创新**",
    "> some quote",
    "---",
    "***",
    "```",
    "~~~",
    "<!--",
    "-->",
    "# Heading",
    "## Title",
    "",
    "   ",
    "\t",
    "text with `code` and [link](u)",
    "* item",
    "  * nested",
    # Tags in capitals, IDs typed full-width, look-alike hosts: paths that once crashed.
    "<DETAILS>",
    "</Details>",
    "<SUMMARY><b>Foo: Bar</B></SUMMARY>",
    "<summary><b>Foo: Bar</B></summary>",
    "<summary> <STRONG>X: Y</strong></Summary>",
    "* **arXiv ID:** ２４０１.００００１",
    "* **arXiv ID:** ａｒＸｉｖ：２４０１.００００１ｖ２",
    "- **arXiv ID:** 1412.698¹",
    "* **Links:** [[Paper]](https://arxiv.org/abs/２４０１.００００１ｖ２) | [[PDF]](https://arxıv.org/pdf/2401.00001)",
    "<u>https://arxiv.org/abs/２４０１.００００１ｖ２</u>",
    "2025-01-31｜Some University｜⭐️⭐️",
    "### 概述",
)

line_endings = st.sampled_from(["\n", "\r\n", "\r", ""])
card_like_line = st.one_of(
    st.sampled_from(CARD_LIKE_LINES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
card_like_text = st.lists(st.tuples(card_like_line, line_endings), max_size=40).map(
    lambda pairs: "".join(line + end for line, end in pairs)
)
"""Arbitrary text built from card-like lines and noise, with mixed line endings."""

any_text = st.one_of(st.text(max_size=200), card_like_text)

# Words with no Markdown meaning, so a value's rendering depends on layout only.
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_zh_word = st.text(alphabet="模型视频生成一致性世界时空", min_size=1, max_size=6)
_phrase = st.lists(st.one_of(_word, _zh_word), min_size=1, max_size=6).map(" ".join)
_spaces = st.sampled_from(["", " ", "  ", "   ", "\t"])
_pad = st.sampled_from([" ", "  ", "   "])
_bullet = st.sampled_from(["*", "-", "+"])


@dataclass(frozen=True)
class GeneratedCard:
    text: str
    """The messy card text, separator and final line ending included."""
    title: str
    fields: tuple[tuple[str, str], ...]
    """(label, value) as the parser should read them."""
    quote: str
    abstract: str
    key_points: tuple[str, ...]


@st.composite
def messy_cards(draw: st.DrawFn) -> GeneratedCard:
    """A valid card written with random white space, one bullet style, maybe CRLF."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bullet = draw(_bullet)
    title = f"{draw(_word).capitalize()}: {draw(_phrase)}"
    labels = ["Authors", "Affiliations", "arXiv ID", "One-liner", "Published in"]
    values = [draw(_phrase) for _ in labels]
    arxiv = f"{draw(st.integers(2001, 2512))}.{draw(st.integers(10000, 99999))}"
    values[2] = arxiv
    link_count = draw(st.integers(1, 3))
    links = [f"[[L{i}]](https://example.org/{draw(_word)}/{i})" for i in range(link_count)]
    separator = draw(st.sampled_from(["|", " | ", "  |   ", " |"]))
    labels.append("Links")
    values.append(separator.join(links))
    quote = draw(_phrase)
    abstract = draw(_phrase)
    points = tuple(draw(st.lists(_phrase, min_size=1, max_size=3)))

    # HTML reads tag names in any ASCII case; lists write them so now and then.
    details, summary = draw(st.sampled_from([("details", "summary"), ("DETAILS", "SUMMARY"), ("Details", "summary")]))
    bold_open, bold_close = draw(st.sampled_from([("b", "b"), ("B", "B"), ("b", "B")]))
    lines = [draw(_spaces).replace("\t", "") + f"<{details}>" + draw(_spaces)]
    lines.append(
        f"<{summary}>{draw(_spaces)}<{bold_open}>{draw(_spaces)}{title}{draw(_spaces)}</{bold_close}>"
        f"{draw(_spaces)}</{summary}>{draw(_spaces)}"
    )
    lines.append("")
    for label, value in zip(labels, values):
        lines.append(f"{bullet}{draw(_pad)}**{label}:**{draw(_pad)}{value}{draw(_spaces)}")
    lines.append("")
    lines.append(f">{draw(_spaces)}**Core Innovation**{draw(_spaces)}")
    lines.append(f">{draw(_pad)}{quote}{draw(_spaces)}")
    lines.append("")
    indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
    lines += ["<details>", f"{indent}<summary>Abstract</summary>", f"{indent}{abstract}{draw(_spaces)}", "</details>"]
    lines.append("")
    lines += ["<details>", f"{indent}<summary>Key points</summary>"]
    lines += [f"{indent}* {point}{draw(_spaces)}" for point in points]
    lines += ["</details>", f"</{details}>" + draw(_spaces), "", "-" * draw(st.integers(3, 6)), ""]
    return GeneratedCard(
        text=newline.join(lines),
        title=title,
        fields=tuple(zip(labels, values)),
        quote=quote,
        abstract=abstract,
        key_points=points,
    )
