"""The house style: which files the home list's conventions judge, and how another list is judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.api import check_text, fix_text, format_text
from listlint.base.errors import ConfigError
from listlint.rulekit.house import card_style, house_form
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.workspace.config import parse_settings

HOUSE_RULES = {
    "non-canonical-card",
    "field-order",
    "missing-separator",
    "missing-field",
    "unknown-field",
    "malformed-summary",
    "title-prefix-redundant",
    "venue-format",
    "truncated-author-list",
    "html-in-field",
    "heading-spacing",
}


def foreign_card(number: int, fields: list[tuple[str, str]] | None = None, separator: bool = False) -> str:
    """A card of an invented list that writes its cards its own way: `<strong>` titles,
    `- **Label:**` fields of its own, no quote."""
    fields = fields if fields is not None else [
        ("TLDR", f"Paper {number} does a thing."),
        ("Method", "A method."),
        ("Venue & Year", "NeurIPS'21"),
        ("Link", f"[paper](https://arxiv.org/abs/2101.{number:05d})"),
    ]
    lines = [
        "<details>",
        f"<summary><strong>{number}. Gadget Paper Number {number}</strong></summary>",
        "",
        *(f"- **{label}:** {value}" for label, value in fields),
        "",
        "</details>",
        "",
    ]
    if separator:
        lines += ["---", ""]
    return "\n".join(lines) + "\n"


def foreign_list(cards: list[str]) -> str:
    return "# Invented Gadget Papers\n\n" + "".join(cards)


HOUSE_CARD = """<details>
<summary><b>Foo: A Tiny Example of a Card</b></summary>

* **Authors:** Ada Lovelace, Alan Turing
* **arXiv ID:** 2101.00001
* **One-liner:** Shows a tiny card.
* **Published in:** CVPR 2021
* **Links:** [[Paper]](https://arxiv.org/abs/2101.00001)

> **Core Innovation**  
> Shows a card.
</details>

---
"""


def names(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [finding.name for finding in findings]


def test_a_foreign_card_list_gets_no_house_style_findings() -> None:
    cards = [foreign_card(n) for n in range(1, 7)]
    # Another list's habits: a field of its own order, `et al.`, an anchor, a bare heading.
    cards[2] = foreign_card(3, [("TLDR", "A thing."), ("Authors", "Ada Lovelace et al."), ("Link", '<a href="https://example.org/p">paper</a>')])
    text = foreign_list(cards) + "## Trailing heading  \nText\n## Glued heading\n"
    found = [f for f in check_text(text, "README.md") if f.name in HOUSE_RULES]
    assert found == []


def test_fix_leaves_a_foreign_card_list_as_it_is() -> None:
    text = foreign_list([foreign_card(n) for n in range(1, 5)])
    assert format_text(text, "README.md") == text
    assert fix_text(text, "README.md", unsafe=True).text == text


def test_a_house_card_list_is_judged_by_the_house_style() -> None:
    text = HOUSE_CARD.replace("* **Authors:**", "-   **Authors:**") + HOUSE_CARD.replace("---\n", "")
    found = names(check_text(text, "README.md"))
    assert "non-canonical-card" in found
    style = card_style(Document(text, "README.md"), Settings())
    assert style.house and style.describe() == "house style (2 of 2 cards in the house form)"


def test_a_card_is_in_the_house_form_by_two_of_three_signs() -> None:
    house = Document(HOUSE_CARD).cards[0]
    assert house_form(house, HOUSE_CARD)
    strong = HOUSE_CARD.replace("<b>", "<strong>").replace("</b>", "</strong>")
    assert house_form(Document(strong).cards[0], strong), "house labels and the quote are enough"
    foreign = foreign_card(1)
    assert not house_form(Document(foreign).cards[0], foreign)
    style = card_style(Document(foreign_list([foreign])), Settings())
    assert not style.house and style.describe() == "own style (0 of 1 cards in the house form)"


def test_style_house_adopts_the_house_conventions_on_purpose() -> None:
    text = foreign_list([foreign_card(n) for n in range(1, 4)])
    settings = Settings(style=(("**", "house"),))
    found = set(names(check_text(text, "README.md", settings=settings)))
    assert {"non-canonical-card", "missing-field", "unknown-field", "malformed-summary", "missing-separator"} <= found
    assert fix_text(text, "README.md", settings=settings).text != text, "asked, fix restyles the cards"


def test_style_own_judges_a_house_list_by_its_own_majority() -> None:
    text = HOUSE_CARD.replace("* **Authors:**", "-   **Authors:**") * 2
    settings = Settings(style=(("README.md", "own"),))
    assert "non-canonical-card" not in names(check_text(text, "README.md", settings=settings))


def test_missing_separator_follows_the_files_own_majority() -> None:
    cards = [foreign_card(n, separator=n != 3) for n in range(1, 6)]
    found = [f for f in check_text(foreign_list(cards), "README.md") if f.name == "missing-separator"]
    assert [f.message for f in found] == [
        "Card `3. Gadget Paper Number 3` is not followed by a `---` separator, "
        "as 3 of the 4 cards followed by another are"
    ]
    fixed = fix_text(foreign_list(cards), "README.md").text
    assert fixed.count("\n---\n") == 5
    # Most cards without one: the file has no separators by choice.
    cards = [foreign_card(n, separator=n == 3) for n in range(1, 6)]
    assert "missing-separator" not in names(check_text(foreign_list(cards), "README.md"))


def test_missing_separator_required_option() -> None:
    cards = [foreign_card(n) for n in range(1, 4)]
    settings = Settings(rule_options={"missing-separator": {"required": True}})
    assert names(check_text(foreign_list(cards), "README.md", settings=settings)).count("missing-separator") == 2
    settings = Settings(rule_options={"missing-separator": {"required": False}})
    assert "missing-separator" not in names(check_text(HOUSE_CARD.replace("---\n", "") * 2, "README.md", settings=settings))


def test_missing_field_requires_what_nearly_all_of_the_files_cards_carry() -> None:
    cards = [foreign_card(n) for n in range(1, 11)]
    cards[4] = foreign_card(5, [("TLDR", "A thing."), ("Venue & Year", "ICML'22"), ("Link", "[paper](https://example.org)")])
    found = [f for f in check_text(foreign_list(cards), "README.md") if f.name == "missing-field"]
    assert [f.message for f in found] == [
        "Card `5. Gadget Paper Number 5` has no `Method` field, which 9 of the 10 cards in this file have"
    ]
    # A field most, not nearly all, cards carry is not required.
    assert "missing-field" not in names(check_text(foreign_list(cards[:5]), "README.md"))


def test_missing_field_required_option() -> None:
    cards = [foreign_card(n) for n in range(1, 3)]
    settings = Settings(rule_options={"missing-field": {"required": ["TLDR", "Code"]}})
    found = [f.message for f in check_text(foreign_list(cards), "README.md", settings=settings) if f.name == "missing-field"]
    assert found == [
        "Card `1. Gadget Paper Number 1` has no `Code` field",
        "Card `2. Gadget Paper Number 2` has no `Code` field",
    ]


def test_field_order_follows_the_files_own_majority() -> None:
    cards = [foreign_card(n) for n in range(1, 6)]
    cards[1] = foreign_card(2, [("Method", "A method."), ("TLDR", "A thing."), ("Venue & Year", "ICML'22"), ("Link", "[p](https://example.org)")])
    text = foreign_list(cards)
    found = [f for f in check_text(text, "README.md") if f.name == "field-order"]
    assert [f.message for f in found] == [
        "Field `TLDR` of card `2. Gadget Paper Number 2` comes after `Method`; "
        "4 cards of this file write `TLDR` before `Method`"
    ]
    fixed = fix_text(text, "README.md").text
    assert "- **TLDR:** A thing.\n- **Method:** A method." in fixed


def test_field_order_option_sets_the_lists_order() -> None:
    text = foreign_list([foreign_card(1)])
    settings = Settings(rule_options={"field-order": {"order": ["Link", "TLDR"]}})
    found = [f.message for f in check_text(text, "README.md", settings=settings) if f.name == "field-order"]
    assert found == [
        "Field `Link` of card `1. Gadget Paper Number 1` comes after `TLDR`; "
        "the order is Link, TLDR, then other fields"
    ]


def test_unknown_field_flags_only_a_slip_from_the_files_own_labels() -> None:
    cards = [foreign_card(n) for n in range(1, 5)]
    cards[3] = foreign_card(4, [("TLDR", "A thing."), ("Mehtod", "A method."), ("Venue & Year", "ICML'22"), ("Link", "[p](https://example.org)")])
    found = [f for f in check_text(foreign_list(cards), "README.md") if f.name == "unknown-field"]
    assert [f.message for f in found] == [
        "Field `Mehtod` is not a label of this file; did you mean `Method`, which 3 of its 4 cards write?"
    ]
    assert found[0].fix is not None and found[0].fix.applicability.value == "unsafe"


def test_truncated_author_list_in_a_list_that_names_everyone() -> None:
    cards = [foreign_card(n, [("TLDR", "A thing."), ("Authors", f"Ada Lovelace, Alan Turing{' et al.' if n == 2 else ''}")]) for n in range(1, 5)]
    found = [f.message for f in check_text(foreign_list(cards), "README.md") if f.name == "truncated-author-list"]
    assert found == [
        "Author list of `2. Gadget Paper Number 2` ends in `et al.`; list every author, "
        "where 3 of the 4 cards in this file name every author"
    ]


def test_malformed_summary_still_flags_what_is_broken_in_any_list() -> None:
    cards = [foreign_card(n) for n in range(1, 4)]
    cards[1] = cards[1].replace("</summary>", "")
    found = [f.message for f in check_text(foreign_list(cards), "README.md") if f.name == "malformed-summary"]
    assert len(found) == 1 and "is not closed with `</summary>`" in found[0]


def test_heading_swallowed_by_an_html_block_is_flagged_in_any_list() -> None:
    text = foreign_list([foreign_card(n) for n in range(1, 3)]) + "<div>\n## Swallowed\n</div>\n\n<!-- note -->\n## After a comment\n"
    found = [f.message for f in check_text(text, "README.md") if f.name == "heading-spacing"]
    assert found == ["Heading `## Swallowed` is glued to the text above it (no blank line before it)"]


def test_style_setting_is_read_as_a_string_or_a_table() -> None:
    path = Path("listlint.toml")
    assert parse_settings({"style": "house"}, path).style_for("a/README.md") == "house"
    table = parse_settings({"style": {"lists/*.md": "own"}}, path)
    assert table.style_for("lists/a.md") == "own" and table.style_for("README.md") == "auto"
    with pytest.raises(ConfigError, match="`style` must be one of auto, house, own, not `home`"):
        parse_settings({"style": "home"}, path)
    with pytest.raises(ConfigError, match="`style.x.md` must be one of"):
        parse_settings({"style": {"x.md": "mine"}}, path)


def topic_list(topics: dict[str, list[int]]) -> str:
    """An invented bullet list sorted into topics, paper `n` being arXiv 2101.0000n."""
    lines = ["# Invented Gadget Papers", ""]
    for topic, papers in topics.items():
        lines += [f"## {topic}", ""]
        lines += [f"- [Gadget Paper Number {n}](https://arxiv.org/abs/2101.{n:05d}), Ada Lovelace, CVPR 2021" for n in papers]
        lines.append("")
    return "\n".join(lines)


def test_another_list_sorting_a_paper_under_two_topics_is_no_duplicate() -> None:
    text = topic_list({"Vision": [1, 2, 3], "Robotics": [4, 2, 5, 4]})
    found = [f for f in check_text(text, "README.md") if f.name == "duplicate-arxiv-id"]
    # Paper 2 under Vision and Robotics is the list's way; paper 4 twice under Robotics is a slip.
    assert [(f.line, f.message.split("`")[1]) for f in found] == [(14, "2101.00004")]
    house = Settings(style=(("**", "house"),))
    assert len([f for f in check_text(text, "README.md", settings=house) if f.name == "duplicate-arxiv-id"]) == 2


def test_another_lists_arxiv_links_are_its_own_unless_they_open_nothing() -> None:
    text = topic_list({"Vision": [1, 2]})
    text = text.replace("https://arxiv.org/abs/2101.00001", "http://arxiv.org/abs/2101.00001v1")
    text = text.replace("https://arxiv.org/abs/2101.00002", "https://arxiv.org/abs/２１０１.００００２")
    found = [f for f in check_text(text, "README.md") if f.name == "non-canonical-arxiv-url"]
    assert [f.line for f in found] == [6], "only the full-width ID, which no arXiv page has"
    house = Settings(style=(("**", "house"),))
    assert [f.line for f in check_text(text, "README.md", settings=house) if f.name == "non-canonical-arxiv-url"] == [5, 6]


def test_style_house_keeps_the_house_rules_on_the_house_list() -> None:
    text = HOUSE_CARD.replace("CVPR 2021", "cvpr'21")
    found = set(names(check_text(text, "README.md")))
    assert "venue-format" in found
    assert "venue-format" in set(names(check_text(text, "README.md", settings=Settings(style=(("**", "house"),)))))


def test_another_lists_summary_left_open_is_reported() -> None:
    card = '<details>\n<summary><a href="https://example.org/{n}">Gadget Tool {n}</a> - a tool{close}\n\n> What it does.\n</details>\n\n'
    text = "# Tools\n\n" + card.format(n=1, close="</summary>") + card.format(n=2, close="")
    found = [f for f in check_text(text, "README.md") if f.name == "malformed-summary"]
    assert [(f.line, f.message.endswith("is not closed with `</summary>`")) for f in found] == [(10, True)]
    # A title that wraps onto a second line closes there.
    wrapped = "# Tools\n\n" + card.format(n=1, close="</summary>").replace("Gadget Tool 1", "Gadget\nTool 1")
    assert [f for f in check_text(wrapped, "README.md") if f.name == "malformed-summary"] == []
