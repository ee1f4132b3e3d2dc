"""Whose conventions a file's cards are judged by: the home list's (the house style) or the file's own.

The house-style rules (canonical form, the house's fields and their order, `---`
separators, `<summary><b>Title</b></summary>`, `VENUE YEAR`) were written for the
cards of the home list. Another list writes its cards its own way: `- **TLDR:**`
fields, `<strong>` titles, no separators. There those rules judge consistency with
the file's own majority, as markdownlint's "consistent" styles do, or stay silent;
`style = "house"` in the configuration asks for the house's conventions on purpose.
"""

from __future__ import annotations

import re
from typing import Any
from weakref import WeakKeyDictionary

from listlint.analysis.papers import paper_evidence
from listlint.base.values import value
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.syntax.fields import ENGLISH_LABEL, KNOWN_EXTRA_LABELS, field_key, normalise_label
from listlint.syntax.model import Card, Entry, Field

CHINESE_LABEL = {
    "authors": "作者",
    "affiliations": "机构",
    "one_liner": "一句话总结",
    "published_in": "发表于",
    "links": "链接",
}
"""The labels the house's Chinese cards write, where they do not write the English ones."""

HOUSE_LABELS = frozenset(
    normalise_label(label) for label in (*ENGLISH_LABEL.values(), *CHINESE_LABEL.values())
) | KNOWN_EXTRA_LABELS
"""The house's labels, folded: `Authors`, `arXiv ID`, `One-liner`, ... and `作者`, ...
(an alias listlint reads, `TLDR` or `Venue`, is another list's label, not the house's)."""

HOUSE_QUOTE_LABELS = frozenset({"core innovation", "核心创新"})

HOUSE_LABEL_SHARE = 2 / 3
"""A card writes the house's labels when at least this share of its fields do: one
misspelt label among six is still a house card, `TLDR`, `Venue` and `Link` among four
other labels are not."""

_B_SUMMARY = re.compile(r"<(?ai:summary)\b[^>]*>\s*<(?ai:b)>")


def label_id(item: Field) -> str:
    """What a field is across the cards of a file: its key, else its folded label
    (`TLDR` and `tl;dr` are one field, `Methodology` is `methodology`)."""
    return item.key or normalise_label(item.label.value)


def written_label_id(label: str) -> str:
    """`label_id` of a label as the configuration writes it (`"Authors"`, `"TLDR"`)."""
    return field_key(label) or normalise_label(label)


def check_labels(value: Any) -> str | None:
    """What is wrong with a rule option that lists field labels, or None."""
    if not all(isinstance(label, str) and label.strip() for label in value):
        return "must be a list of field labels"
    return None


def house_form(card: Card, text: str) -> bool:
    """Whether a card is written in the house form: two of its title in `<b>`, the
    house's labels, and a `> **Core Innovation**` quote."""
    title_in_b = card.summary is not None and _B_SUMMARY.search(text, card.summary.span.start, card.summary.span.end) is not None
    house = [normalise_label(item.label.value) in HOUSE_LABELS for item in card.fields]
    labels = any(house) and sum(house) >= HOUSE_LABEL_SHARE * len(house)
    quote = card.quote is not None and card.quote.label.value.strip().casefold() in HOUSE_QUOTE_LABELS
    return title_in_b + labels + quote >= 2


@value
class CardStyle:
    """How the cards of one file are judged."""

    house: bool
    """The house-style rules apply as written; otherwise they judge the file's own majority."""
    cards: int
    """Cards in the file."""
    house_cards: int
    """Of them, cards in the house form (`house_form`)."""
    setting: str
    """The `style` setting that applied: `auto` (read from the cards), `house` or `own`."""

    def describe(self) -> str:
        """`house style (24 of 25 cards in the house form)`, for `--show-layout`."""
        name = "house style" if self.house else "own style"
        if self.setting != "auto":
            return f"{name} (`style = \"{self.setting}\"`)"
        return f"{name} ({self.house_cards} of {self.cards} cards in the house form)"


_STYLES: WeakKeyDictionary[Document, CardStyle] = WeakKeyDictionary()


def card_style(doc: Document, settings: Settings) -> CardStyle:
    """The style of a file's cards: as `style` sets it, else the house's when at least
    half of them are in the house form (a file without cards has nothing of its own)."""
    setting = settings.style_for(doc.path)
    known = _STYLES.get(doc)
    if known is not None and known.setting == setting:
        return known
    cards = doc.cards
    house_cards = sum(house_form(card, doc.text) for card in cards)
    house = setting == "house" or (setting == "auto" and 2 * house_cards >= len(cards))
    style = _STYLES[doc] = CardStyle(house, len(cards), house_cards, setting)
    return style


def judged_as_house(entry: Entry, style: CardStyle) -> bool:
    """Whether the house's conventions apply to an entry: a daily entry is the home
    list's own other layout, a card follows its file's style, and another layout's
    entry only when the list asks for the house style (`style` decides for all)."""
    if style.setting != "auto":
        return style.house
    if entry.layout == "daily":
        return True
    if entry.layout == "card":
        return style.house
    return False


def house_file(doc: Document, settings: Settings) -> bool:
    """Whether the house's conventions apply to what a file writes between its entries
    (its headings): in a file of mostly house entries, or of none unless it is a list of
    papers listlint could not read (another list's), or as `style` says."""
    style = card_style(doc, settings)
    if style.setting != "auto":
        return style.setting == "house"
    entries = doc.entries
    if not entries:
        return not paper_evidence(doc.text).paper_like
    return 2 * sum(judged_as_house(entry, style) for entry in entries) >= len(entries)
