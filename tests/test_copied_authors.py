"""copied-authors' near copies: how a message names the difference, and which card it blames."""

from __future__ import annotations

from harness import lint_files
from listlint.rulekit.settings import Settings
from listlint.rules.copied_authors import copied_authors

TWELVE = [f"{given} {family}" for given, family in zip("Ada Alan Grace Mira Tao Ines Kofi Lena Ravi Sofia Yuki Omar".split(),
                                                       "Lovelace Turing Hopper Ghost Lin Okafor Mensah Brandt Iyer Duarte Tanabe Haddad".split())]


def _card(title: str, arxiv_id: str, authors: list[str]) -> str:
    return (
        f"<details>\n<summary><b>{title}</b></summary>\n\n* **Authors:** {', '.join(authors)}\n"
        f"* **arXiv ID:** {arxiv_id}\n\n> **Core Innovation**  \n> An invented contribution.\n</details>\n\n---\n\n"
    )


def _messages(*cards: str, settings: Settings | None = None) -> list[str]:
    return [f.message for f in lint_files({"README.md": "# Invented\n\n" + "".join(cards)}, [copied_authors], settings)]


def test_names_are_shown_as_written_without_footnote_marks() -> None:
    marked = [*TWELVE[:3], "Hedda Voss*†", *TWELVE[4:]]
    [message] = _messages(_card("Zorblat: Socks", "2301.00001", TWELVE), _card("Quibbix: Pebbles", "2301.00002", marked))
    assert message.endswith("but for one name: `Hedda Voss` in place of `Mira Ghost`")


def test_the_card_whose_id_has_another_list_elsewhere_is_the_copy_and_the_difference_is_told_from_it() -> None:
    # 2301.00001 is listed twice with two lists: its first card, though earlier, holds the copy.
    longer = [*TWELVE, "Hedda Voss"]
    messages = _messages(
        _card("Zorblat: Socks", "2301.00001", longer),
        _card("Quibbix: Pebbles", "2301.00002", TWELVE),
        _card("Zorblat: Socks", "2301.00001", TWELVE[::-1]),
    )
    assert messages == ["The author list is that of `Quibbix: Pebbles` (arXiv `2301.00002`) but for one name: `Hedda Voss` added"]


def test_near_copy_minimum_is_an_option() -> None:
    cards = (_card("Zorblat: Socks", "2301.00001", TWELVE), _card("Quibbix: Pebbles", "2301.00002", TWELVE[:11]))
    assert len(_messages(*cards)) == 1
    strict = Settings(rule_options={"copied-authors": {"group-min-authors": 12}})
    assert _messages(*cards, settings=strict) == []


def _cards(lists: list[str]) -> str:
    return "".join(
        f"<details>\n<summary><b>Paper{n}: Invented Paper Number {n}</b></summary>\n\n"
        f"* **Authors:** {authors}\n* **arXiv ID:** 2101.{n:05d}\n\n> **Core Innovation**  \n> Paper {n}.\n</details>\n\n---\n\n"
        for n, authors in enumerate(lists, start=1)
    )


def test_an_exact_copy_is_the_neighbours_or_a_long_list_far_away() -> None:
    group = "Ada Lovelace, Alan Turing, Grace Hopper"
    others = [f"Author {chr(65 + n)} One, Author {chr(65 + n)} Two, Author {chr(65 + n)} Three" for n in range(6)]
    # A card copied to make the next one: reported.
    beside = lint_files({"README.md": _cards([group, group, *others])}, [copied_authors])
    assert [f.line for f in beside] == [16], "the second card's author line"
    # The same three people on two papers far apart: a group's work, not reported.
    apart = _cards([group, *others, group])
    assert lint_files({"README.md": apart}, [copied_authors]) == []
    # Ten names on two papers far apart: not a group's habit, reported.
    ten = ", ".join(f"Person {chr(65 + n)} Example" for n in range(10))
    [far] = lint_files({"README.md": _cards([ten, *others, ten])}, [copied_authors])
    assert "Paper1" in far.message
    # The minimum is the rule's option.
    strict = Settings(rule_options={"copied-authors": {"group-min-authors": 3}})
    assert len(lint_files({"README.md": apart}, [copied_authors], strict)) == 1


def test_a_consortiums_list_is_compared_whole_only() -> None:
    from listlint.rules.copied_authors import NEAR_COPY_MAX_NAMES

    many = [f"Member {n} Consortium" for n in range(NEAR_COPY_MAX_NAMES + 1)]
    one_more = ", ".join([*many, "Late Joiner"])
    # One name added to a list of more than NEAR_COPY_MAX_NAMES: not filed under its variants.
    assert lint_files({"README.md": _cards([", ".join(many), one_more])}, [copied_authors]) == []
    # The same list whole is still a copy.
    assert len(lint_files({"README.md": _cards([", ".join(many)] * 2)}, [copied_authors])) == 1
