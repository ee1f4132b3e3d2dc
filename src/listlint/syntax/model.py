"""The entry model: what a list file is made of, every part with its span."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from functools import cached_property
from typing import Literal, Protocol

from listlint.base.spans import Line, Span
from listlint.base.values import value
from listlint.syntax.fields import normalise_label


class Source(Protocol):
    """The file an entry was read from, as its entries point back to it (`entry.doc`).

    `syntax.document.Document` is the one implementation; the model names only what
    it needs, so that it does not depend on the parser that builds it.
    """

    path: str
    text: str
    bom: bool

    def lines_in(self, start: int, end: int) -> list[Line]: ...

    def position(self, offset: int) -> tuple[int, int]: ...

SegmentKind = Literal[
    "card", "heading-entry", "heading-card", "bullet-entry", "paragraph-entry", "table-row", "verbatim"
]
"""`card`: a `<details>` card; `heading-entry`: a paper of the daily layout; `heading-card`,
`bullet-entry`, `paragraph-entry`, `table-row`: a `PaperEntry` of that layout."""


@value(slots=True)
class Segment:
    """A run of the file; the segments of a document join back to its text."""

    kind: SegmentKind
    span: Span
    """Half-open character offsets into the decoded text."""


@value(slots=True)
class Text:
    """A piece of text and where it stands."""

    span: Span
    """Half-open offsets of the text in the document."""
    value: str
    """The text as written between those offsets (entities not decoded)."""


@value(slots=True)
class Link:
    """One Markdown link of a Links field or a link line."""

    span: Span
    """The whole link, `[[Paper]](url)` included."""
    label: Text
    """The label as written, without the brackets: `Paper`."""
    url: Text
    """The destination as written."""


@value(slots=True)
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

    @property
    def name(self) -> str:
        """The label's own key, known or not: folded for lookup (`Key Contribution` -> `keycontribution`)."""
        return normalise_label(self.label.value)


@value(slots=True)
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


@value(slots=True)
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
    """For a body that is one list (bullets or numbers), the text of each item, marker
    removed, the lines that continue it included."""

    @property
    def body_text(self) -> str:
        if self.items:
            # One line an item: an item's continuation lines join it with a space.
            return "\n".join(" ".join(item.value.split()) if "\n" in item.value else item.value for item in self.items)
        return " ".join(line.strip() for line in self.body.value.splitlines() if line.strip())


@value(slots=True)
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
    link: Link | None = None
    """The `<a href>` the title is written in (`<a href="URL"><strong>Title</strong></a>`):
    its label is the title, its URL the href's value."""
    description: Text | None = None
    """What the summary says after the title (`<b>Name</b> - what it does`), stripped."""


@value(slots=True)
class Block:
    """A run of lines inside a card, classified; the blocks of a card tile its lines."""

    kind: Literal[
        "open", "summary", "fields", "quote", "section", "close", "blank", "unknown"
    ]
    span: Span
    """From the first line's start to the last line's end, line ending excluded."""


@value(slots=True)
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
    link_id: Text | None = None
    """For a card without an arXiv ID field: the ID inside its first paper link's URL
    (the summary's link first), `2101.00001` of `https://arxiv.org/abs/2101.00001v2`."""
    layout: Literal["card"] = "card"
    doc: Source | None = field(default=None, compare=False, repr=False)

    @property
    def title(self) -> Text | None:
        return self.summary.title if self.summary else None

    @property
    def house_form(self) -> bool:
        """Whether the card is written as the home list writes its cards: a bold title in
        its summary (`<summary><b>Title</b></summary>`), not another list's link or
        description (`<summary><a href="URL">Title</a> - ...</summary>`)."""
        return self.summary is not None and self.summary.bold

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
        if found is None:
            return self.link_id
        return found.value if found.value.value else None

    @property
    def authors(self) -> Text | None:
        found = self.field("authors")
        return found.value if found and found.value.value else None

    @property
    def links(self) -> tuple[Link, ...]:
        """The Links field's links; a card without one (another list's) gives every link
        it has, its summary's first."""
        found = self.field("links")
        if found is not None:
            return found.links
        own = (self.summary.link,) if self.summary is not None and self.summary.link is not None else ()
        return own + tuple(link for item in self.fields for link in item.links)

    def section(self, key: str) -> Section | None:
        for item in self.sections:
            if item.key == key:
                return item
        return None

    @property
    def abstract(self) -> Section | None:
        """The Abstract section, else an `Abstract:` field (other lists write it so)."""
        found = self.section("abstract")
        if found is not None:
            return found
        for item in self.fields:
            if item.key is None and item.name in ABSTRACT_LABELS and item.value.value:
                return field_section(item)
        return None

    @property
    def key_points(self) -> Section | None:
        return self.section("key_points")

    @property
    def one_liner(self) -> Text | None:
        """The One-liner field, else what the summary says after the title (other lists'
        `<a href="URL">Title</a> - what it does`)."""
        found = self.field("one_liner")
        if found is not None:
            return found.value if found.value.value else None
        return self.summary.description if self.summary is not None else None


@value
class Image:
    """A Markdown image `![alt](url)` inside an entry."""

    span: Span
    """The whole image, `![` to `)`."""
    alt: Text
    url: Text
    """The destination as written."""


@value
class DailySection(Section):
    """A `### 概述` section of a paper-daily entry: heading, images and prose.

    A Section (so rules comparing abstracts read it the same way) whose
    `body_text` is the prose only: image lines are not text.
    """

    images: tuple[Image, ...] = ()

    @property
    def body_text(self) -> str:
        image_spans = [image.span for image in self.images]
        start = self.body.span.start
        kept = []
        for line in self.body.value.splitlines():
            line_span = Span(start, start + len(line))
            start += len(line) + 1
            stripped = line.strip()
            if not stripped or (
                stripped.startswith("![") and any(line_span.contains(s) for s in image_spans)
            ):
                continue
            kept.append(stripped)
        return " ".join(kept)


@value
class DailyEntry:
    """A paper of the "paper daily" layout: a `## Title` heading and what follows it.

    `## Title`, a `date｜affiliations｜rating` line (some digests add the venue:
    `date｜affiliations｜venue｜rating`), `<u>url</u>` link lines,
    then `### 概述` / `### 方法` / ... sections. Parts the layout does not
    write (authors, one-liner) are None.
    """

    span: Span
    """The heading-entry segment: the `## ` line up to the next `#`/`##` heading."""
    heading: Span
    """The `## Title` line, line ending excluded."""
    title: Text | None
    """The heading text, `## ` and trailing white space excluded."""
    topic: Text | None
    """The text of the `# Topic: ...` heading the entry falls under (after `Topic:`)."""
    meta: Span | None
    """The `date｜affiliations｜rating` line, line ending excluded."""
    date: Text | None
    affiliations: Text | None
    """Every field between date and rating but the venue, separators included."""
    rating: Text | None
    links: tuple[Link, ...]
    """The link lines in order; a `<u>url</u>` link's label is inferred (`arXiv`,
    `Code`, `Project Page`) and has an empty span at the URL's start."""
    sections: tuple[DailySection, ...]
    images: tuple[Image, ...]
    """Every image of the entry, in order."""
    arxiv_id: Text | None
    """The bare ID inside the arXiv link's URL: `2101.00001` of `.../abs/2101.00001v2`."""
    arxiv_version: Text | None
    """The version suffix of that URL (`v2`), kept apart from the ID."""
    unknown: tuple[Span, ...] = ()
    """Lines of the head (before the first section) that are none of the known parts."""
    link_block: Text | None = None
    """The link lines as written, from the first link to the last."""
    venue: Text | None = None
    """The meta line's venue field (`CVPR 2025`), when it has one."""
    layout: Literal["daily"] = "daily"
    doc: Source | None = field(default=None, compare=False, repr=False)

    @property
    def short_name(self) -> Text | None:
        if self.title is None:
            return None
        colon = self.title.value.find(": ")
        if colon <= 0:
            return None
        value = self.title.value[:colon].rstrip()
        return Text(Span(self.title.span.start, self.title.span.start + len(value)), value)

    @property
    def authors(self) -> Text | None:
        return None

    @property
    def one_liner(self) -> Text | None:
        return None

    def section(self, key: str) -> DailySection | None:
        for item in self.sections:
            if item.key == key:
                return item
        return None

    @property
    def abstract(self) -> DailySection | None:
        return self.section("abstract")

    @property
    def key_points(self) -> Section | None:
        return None

    def field(self, key: str) -> Field | None:
        """The entry's parts as card fields; the label is implied by position,
        so it has an empty span and the canonical English label as its value."""
        from listlint.syntax.fields import ENGLISH_LABEL

        value: Text | None
        links: tuple[Link, ...] = ()
        if key == "affiliations":
            value = self.affiliations
        elif key == "published_in":
            value = self.venue
        elif key == "arxiv_id":
            value = self.arxiv_id
        elif key == "links" and self.links:
            links = self.links
            value = self.link_block
        else:
            return None
        if value is None:
            return None
        start = value.span.start
        label = Text(Span(start, start), ENGLISH_LABEL.get(key, key))
        return Field(span=value.span, label=label, key=key, value=value, links=links)


ABSTRACT_LABELS = frozenset({"abstract", "摘要"})
"""Folded labels of a field that holds the abstract (`- **Abstract:** ...`)."""


def field_section(item: Field) -> Section:
    """A labelled field read as a section: `- **Abstract:** text` as the Abstract."""
    return Section(
        span=item.span, name=item.label, key="abstract", body=item.value, markdown_mode=False
    )


PaperLayout = Literal["heading", "bullet", "paragraph", "table-row"]


@value
class EntryParts:
    """What the reader of a `PaperEntry` finds in its lines."""

    title: Text | None
    """The title as written, without link brackets, bold markers, a number or a venue tag."""
    fields: tuple[Field, ...]
    """The labelled parts in order; a part told by its place has a label with an empty span
    whose value is the canonical English label (`Authors`)."""
    links: tuple[Link, ...]
    """Every link of the entry in order, the title's first."""
    sections: tuple[Section, ...] = ()
    """`<details>` folds (the Abstract), and an Abstract field or cell read as one."""
    title_link: Link | None = None
    """The link the title is written in (`[Title](url)`), when it is one."""
    arxiv_id: Text | None = None
    """The arXiv ID field's value, else the bare ID inside the first paper link's URL."""
    arxiv_version: Text | None = None
    """The version after a linked ID (`v2`), kept apart from it."""


@value
class PaperEntry:
    """A paper written as a heading card, a list item, a paragraph or a table row.

    A heading card reads `### 3. [CVPR'24] Title`, an author line, an Abstract fold and a
    link line; a bullet `- [Title](url), Authors, CVPR 2023 | [code](url)`; a paragraph
    `**Title** \\` / `*Authors* \\` / `CVPR 2023. [[Paper](url)]`; a table row one cell per
    column its header names. Each part a layout writes is read into `fields`, whether a
    label names it (`**Authors:** ...`) or its place does (the Authors column, the
    italic line); a part it does not write is absent.

    Which lines are an entry is decided when the file is read; what they say (`parts`)
    is read on first use, so that a list of thousands is read no slower than cards are.
    """

    span: Span
    """The entry's segment: its first line's start to its last line's end, line ending included."""
    layout: PaperLayout
    head: Span
    """The line that opens the entry (the heading, the bullet's first line, the row), line ending excluded."""
    reader: Callable[[], EntryParts] = field(compare=False, repr=False)
    """Reads the parts from the entry's lines."""
    doc: Source | None = field(default=None, compare=False, repr=False)

    @cached_property
    def parts(self) -> EntryParts:
        return self.reader()

    @cached_property
    def title(self) -> Text | None:
        return self.parts.title

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        return self.parts.fields

    @cached_property
    def links(self) -> tuple[Link, ...]:
        return self.parts.links

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        return self.parts.sections

    @cached_property
    def title_link(self) -> Link | None:
        return self.parts.title_link

    @cached_property
    def arxiv_id(self) -> Text | None:
        return self.parts.arxiv_id

    @cached_property
    def arxiv_version(self) -> Text | None:
        return self.parts.arxiv_version

    @cached_property
    def short_name(self) -> Text | None:
        if self.title is None:
            return None
        colon = self.title.value.find(": ")
        if colon <= 0:
            return None
        value = self.title.value[:colon].rstrip()
        return Text(Span(self.title.span.start, self.title.span.start + len(value)), value)

    def field(self, key: str) -> Field | None:
        """The first field of a canonical key (`authors`), or of a label's own key (`metrics`)."""
        for item in self.fields:
            if item.key == key:
                return item
        for item in self.fields:
            if item.key is None and item.name == key:
                return item
        return None

    def _value(self, key: str) -> Text | None:
        found = self.field(key)
        return found.value if found is not None and found.value.value else None

    @cached_property
    def authors(self) -> Text | None:
        return self._value("authors")

    @cached_property
    def one_liner(self) -> Text | None:
        return self._value("one_liner")

    def section(self, key: str) -> Section | None:
        for item in self.sections:
            if item.key == key:
                return item
        return None

    @cached_property
    def abstract(self) -> Section | None:
        return self.section("abstract")

    @property
    def key_points(self) -> Section | None:
        return None


class Entry(Protocol):
    """What every layout's entry offers to rules: a card, a daily entry, a `PaperEntry`."""

    span: Span
    layout: str
    doc: Source | None

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
