"""Write canonical card text from values (for `convert` and `new`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from listlint.analysis.arxiv import canonical_url
from listlint.canonical import card_lines
from listlint.syntax.fields import CANONICAL_FIELDS, QUOTE_LABELS


@dataclass
class CardValues:
    """What goes into a card; a field left None is not written, "" is written empty."""

    title: str
    fields: dict[str, str | None] = field(default_factory=dict)
    """Canonical key (`authors`, `arxiv_id`, ...) -> value as Markdown."""
    links: Sequence[tuple[str, str]] = ()
    """(label, url) pairs for the Links field."""
    quote: str | None = None
    """The Core Innovation text; None leaves the quote out, "" writes it empty."""
    abstract: str | None = None
    key_points: Sequence[str] | None = None


def arxiv_links(arxiv_id: str) -> list[tuple[str, str]]:
    """The Paper and PDF links every card of an arXiv paper carries."""
    return [("Paper", canonical_url("abs", arxiv_id)), ("PDF", canonical_url("pdf", arxiv_id))]


def render_card(values: CardValues, language: str = "en") -> str:
    """A card in the canonical layout (what `listlint fix` leaves unchanged), `---` included."""
    out = [card_lines.CARD_OPEN, card_lines.summary_line(values.title), ""]
    for key, label in CANONICAL_FIELDS:
        if key == "links":
            if values.links or "links" in values.fields:
                out.append(card_lines.field_line(f"**{label}:**", card_lines.links_value(values.links)))
            continue
        value = values.fields.get(key)
        if value is not None:
            out.append(card_lines.field_line(f"**{label}:**", value))
    if values.quote is not None:
        label = f"**{QUOTE_LABELS.get(language, QUOTE_LABELS['en'])}**"
        # The label line breaks (two spaces) only where a line of the quote follows.
        out += ["", card_lines.quote_line(f"{label}  " if values.quote else label)]
        if values.quote:
            out.append(card_lines.quote_line(values.quote))
    if values.abstract is not None:
        out += ["", *card_lines.section_lines("Abstract", [values.abstract] if values.abstract else [])]
    if values.key_points is not None:
        out += ["", *card_lines.section_lines("Key points", [f"* {item}" for item in values.key_points])]
    out += [card_lines.CARD_CLOSE, "", card_lines.SEPARATOR, ""]
    return "\n".join(out)
