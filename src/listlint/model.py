"""The entry model: what a list file is made of, every part with its span."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from listlint.text import Span

if TYPE_CHECKING:
    from listlint.document import Document

SegmentKind = Literal["card", "heading-entry", "verbatim"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the file; the segments of a document join back to its text."""

    kind: SegmentKind
    span: Span
    """Half-open character offsets into the decoded text."""


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text and where it stands."""

    span: Span
    """Half-open offsets of the text in the document."""
    value: str
    """The text as written between those offsets (entities not decoded)."""


@dataclass(frozen=True, slots=True)
class Link:
    """One Markdown link of a Links field or a link line."""

    span: Span
    """The whole link, `[[Paper]](url)` included."""
    label: Text
    """The label as written, without the brackets: `Paper`."""
    url: Text
    """The destination as written."""


@dataclass(frozen=True, slots=True)
class Field:
    """A `* **Label:** value` line of a card (continuation lines included)."""

    span: Span
    """From the bullet to the end of the value, line ending excluded."""
    label: Text
    """The label without the bold markers and colon: `Authors`, `作者`."""
    key: str | None
    """The canonical key (`authors`, `arxiv_id`, ...) or None for a label we do not know."""
    value: Text
    """The value after the label, stripped of surrounding white space."""
    links: tuple[Link, ...] = ()
    """Links found in the value (parsed for every field, used for `links`)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """The `> **Core Innovation**` block quote of a card."""

    span: Span
    """The block quote lines, last line ending excluded."""
    label: Text
    """`Core Innovation` or `核心创新`."""
    body: Text
    """The quote's text after the label, `>` markers included when it spans lines."""
    body_text: str
    """The body with the `>` markers removed and lines joined by spaces."""


@dataclass(frozen=True, slots=True)
class Section:
    """A nested `<details>` section: Abstract, Key points, or another."""

    span: Span
    """From `<details>` to `</details>` inclusive, last line ending excluded."""
    name: Text
    """The summary text: `Abstract`, `Key points`."""
    key: str | None
    """`abstract`, `key_points`, or None."""
    body: Text
    """The lines between `</summary>` and `</details>`, verbatim."""
    markdown_mode: bool
    """True when a blank line follows `</summary>`, so GitHub renders the body as Markdown."""
    items: tuple[Text, ...] = ()
    """For a bulleted body, the text of each item (marker removed)."""

    @property
    def body_text(self) -> str:
        if self.items:
            return "\n".join(item.value for item in self.items)
        return " ".join(line.strip() for line in self.body.value.splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class Summary:
    """The `<summary><b>Short: Title</b></summary>` line of a card."""

    span: Span
    """The whole summary line, line ending excluded."""
    title: Text | None
    """The full title inside `<b>` (or inside `<summary>` when no `<b>`), stripped."""
    short_name: Text | None
    """The part of the title before the first `: `, when there is one."""
    bold: bool
    """Whether the title is wrapped in `<b>`."""


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines inside a card, classified; the blocks of a card tile its lines."""

    kind: Literal[
        "open", "summary", "fields", "quote", "section", "close", "blank", "unknown"
    ]
    span: Span
    """From the first line's start to the last line's end, line ending excluded."""


@dataclass(frozen=True, slots=True)
class Card:
    """A paper card: a `<details>` block that carries card fields."""

    span: Span
    """The card segment: `<details>` through its `</details>` and separator."""
    body_span: Span
    """From `<details>` through the closing `</details>`, line ending excluded."""
    open: Span
    """The opening `<details>` line."""
    summary: Summary | None
    fields: tuple[Field, ...]
    quote: Quote | None
    sections: tuple[Section, ...]
    close: Span | None
    """The closing `</details>` line, or None when the card is never closed."""
    separator: Span | None
    """The `---` line after the card, when there is one."""
    blocks: tuple[Block, ...]
    """Every line of `body_span`, classified, in order."""
    unknown: tuple[Span, ...] = ()
    """Lines inside the card that are none of the known parts (kept verbatim)."""
    layout: Literal["card"] = "card"
    doc: Document | None = field(default=None, compare=False, repr=False)

    @property
    def title(self) -> Text | None:
        return self.summary.title if self.summary else None

    @property
    def short_name(self) -> Text | None:
        return self.summary.short_name if self.summary else None

    def field(self, key: str) -> Field | None:
        for item in self.fields:
            if item.key == key:
                return item
        return None

    @property
    def arxiv_id(self) -> Text | None:
        found = self.field("arxiv_id")
        return found.value if found and found.value.value else None

    @property
    def authors(self) -> Text | None:
        found = self.field("authors")
        return found.value if found and found.value.value else None

    @property
    def links(self) -> tuple[Link, ...]:
        found = self.field("links")
        return found.links if found else ()

    def section(self, key: str) -> Section | None:
        for item in self.sections:
            if item.key == key:
                return item
        return None

    @property
    def abstract(self) -> Section | None:
        return self.section("abstract")

    @property
    def key_points(self) -> Section | None:
        return self.section("key_points")

    @property
    def one_liner(self) -> Text | None:
        found = self.field("one_liner")
        return found.value if found and found.value.value else None


class Entry(Protocol):
    """What a card and a heading entry (paper daily layout) both offer to rules."""

    span: Span
    layout: str
    doc: Document | None

    @property
    def title(self) -> Text | None: ...

    @property
    def short_name(self) -> Text | None: ...

    @property
    def arxiv_id(self) -> Text | None: ...

    @property
    def authors(self) -> Text | None: ...

    @property
    def links(self) -> tuple[Link, ...]: ...

    @property
    def one_liner(self) -> Text | None: ...

    @property
    def abstract(self) -> Section | None: ...

    @property
    def key_points(self) -> Section | None: ...

    def field(self, key: str) -> Field | None: ...
