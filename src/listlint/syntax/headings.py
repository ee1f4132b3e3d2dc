"""Read heading cards: a paper under a heading of its own, with an author line, an
affiliations line, an Abstract fold, a link line and labelled bullets.

    ### 3. [CVPR'24] Foo: A Model of Foo
    **Authors:** Ada Lovelace, Alan Turing
    <details span>
    <summary><b>Abstract</b></summary>
    We present Foo ...
    </details>

    [📄 Paper](https://arxiv.org/abs/2101.00001) | [💻 Code](https://github.com/ada/foo)

or `### [Title](url)` and `- **Metrics:** ...` bullets; the heading may open an ordered
list's item or an HTML table's cell. A heading is a paper's only when its block says so:
a paper link in the heading or a link line, an author part or an Abstract. `## Install`
followed by prose, or `### Quantization` followed by a list of papers, is a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from listlint.base.spans import Line, Span
from listlint.syntax.cards import (
    continues_field,
    count_details,
    field_line,
    make_field,
    may_hold_details,
    parse_section,
)
from listlint.syntax.links import inline_links
from listlint.syntax.model import EntryParts, Field, Link, PaperEntry, Section, Source, Text
from listlint.syntax.parts import (
    BULLET,
    FREE,
    TAKEN,
    arxiv_of,
    has_paper_link,
    implied_field,
    is_link_line,
    is_paper_link,
    looks_like_affiliations,
    looks_like_authors,
    sections_of,
    strip_span,
    title_at,
    title_parts,
)

# `### Title`, `1. #### Title`, `- ### Title`: levels 2 to 6 (a `#` title names the list).
HEADING = re.compile(
    r"^(?P<prefix>[ \t]*(?:(?:\d{1,3}[.)]|[*+-])[ \t]+)?)(?P<marks>#{2,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$"
)
ANY_HEADING = re.compile(r"^[ \t]*(?:(?:\d{1,3}[.)]|[*+-])[ \t]+)?#{1,6}(?:[ \t]|$)")
# `*Ada Lovelace, Alan Turing*`: an author line in italics.
_ITALIC_LINE = re.compile(r"^[*_](?P<inner>[^*_].*?)[*_][ \t]*(?:\\|<br\s*/?>)?[ \t]*$")
_IMAGE_LINE = re.compile(r"^(?:!\[[^\]\n]*\]\([^)\n]*\)[ \t]*|<img\b[^>]*>[ \t]*)+$", re.IGNORECASE)
# What ends a heading card's block: a closing tag of the HTML around it, a table, a break.
_OUTER_CLOSE = re.compile(r"^</?(?ai:td|tr|table|tbody|div)\b|^</(?ai:details)\s*>")
_BREAK = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# A line that is one bold title and nothing else: a paragraph entry begins, not a part.
_BOLD_ONLY = re.compile(r"^\*\*[^*\n]+\*\*[ \t]*(?:\\|<br\s*/?>)?[ \t]*$")
MIN_SIBLINGS = 2
"""Headings with paper evidence of the same level a title-link-and-fields heading needs."""


def heading_level(text: str) -> int:
    """The level of a heading line (any prefix our HEADING allows), 0 if it is none."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in "#0123456789*+-":
        return 0
    match = ANY_HEADING.match(text)
    if match is None:
        return 0
    return len(text[match.start() :].lstrip(" \t0123456789.)*+-").split(" ", 1)[0].split("\t", 1)[0])


class _Card:
    """A heading card being read: its parts, and what says it is a paper's."""

    def __init__(self, heading: int, level: int, title: Text, link: Link | None, venue: Text | None, links: list[Link]) -> None:
        self.heading = heading
        self.level = level
        self.title = title
        self.title_link = link
        self.venue = venue
        self.last = heading
        self.fields: list[Field] = []
        self.links: list[Link] = links
        self.sections: list[Section] = []
        self.strong = link is not None and is_paper_link(link)
        self.weak = False


def _dedented(line: Line) -> Line:
    indent = len(line.text) - len(line.text.lstrip(" \t"))
    return Line(line.start + indent, line.end, line.stop, line.text[indent:]) if indent else line


def _fold_end(lines: Sequence[Line], start: int, stop: int) -> int:
    """The index of the line that closes the `<details>` opened at `start` (or the last one read)."""
    depth = 0
    for index in range(start, stop):
        if may_hold_details(lines[index].text):
            opened, closed = count_details(lines[index].text)
            depth += opened - closed
        if depth <= 0:
            return index
    return stop - 1


def _read_card(text: str, lines: Sequence[Line], state: Sequence[int], heading: int, stop: int) -> _Card | None:
    line = lines[heading]
    match = HEADING.match(line.text)
    if match is None or not match.group("text"):
        return None
    title, link, venue = title_parts(line, title_at(line.text, match.start("text"), match.end("text"), whole=True))
    if title is None:
        return None
    links = list(inline_links(line.text[match.start("text") :], line.start + match.start("text")))
    card = _Card(heading, len(match.group("marks")), title, link, venue, links)
    content = 0  # content lines read so far, to know the first one
    authors_at = -1
    index = heading + 1
    while index < stop:
        line = lines[index]
        if state[index] != FREE:
            if state[index] == TAKEN:
                break  # a card of the house's layout: no part of this one
            index += 1
            continue
        raw = line.text.strip()
        if not raw:
            index += 1
            continue
        view = _dedented(line)
        body = view.text
        lead = body[0]
        if lead == "#" and ANY_HEADING.match(body):
            break
        if lead == "<":
            if _OUTER_CLOSE.match(body):
                break
            if body[:8].lower() == "<details":
                end = _fold_end(lines, index, stop)
                card.sections.append(parse_section(lines[index : end + 1]))
                card.strong = card.strong or card.sections[-1].key == "abstract"
                card.last = index = end
                index += 1
                content += 1
                continue
        if lead == "|" or (lead in "-*_" and _BREAK.match(body)):
            break
        found = field_line(body) if lead in "*-+" else None
        if found is not None:
            start = index
            index += 1
            # Only an indented line continues a field: the line under `**Authors:** ...`
            # is the next part (the affiliations), as GitHub shows it on a line of its own.
            indent = len(line.text) - len(body)
            while (
                index < stop
                and state[index] == FREE
                and len(lines[index].text) - len(lines[index].text.lstrip(" \t")) > indent
                and continues_field(lines[index].text)
            ):
                index += 1
            item = make_field(text, [view] + [_dedented(item) for item in lines[start + 1 : index]], found)
            card.fields.append(item)
            if item.key == "authors":
                authors_at = content
            card.links.extend(item.links)
            card.strong = card.strong or item.key in ("authors", "arxiv_id") or has_paper_link(item.links)
            card.weak = True
            card.last = index - 1
            content += 1
            continue
        if lead in "*+-0123456789" and BULLET.match(body):
            # A list item that is no labelled field: the papers of a section, not parts of one.
            break
        if _BOLD_ONLY.match(body):
            break
        links = inline_links(body, view.start)
        if links and is_link_line(body, view.start, links):
            card.links.extend(links)
            card.strong = card.strong or has_paper_link(links)
            card.last = index
            content += 1
            index += 1
            continue
        if _IMAGE_LINE.match(body):
            card.last = index
            index += 1
            continue
        italic = _ITALIC_LINE.match(body)
        if content == 0 and (italic or looks_like_authors(body)):
            inner = strip_span(view, italic.start("inner"), italic.end("inner")) if italic else strip_span(view, 0, len(body))
            card.fields.append(implied_field("authors", inner))
            card.strong = True
            authors_at = content
        elif authors_at >= 0 and content == authors_at + 1 and not links and looks_like_affiliations(body):
            card.fields.append(implied_field("affiliations", strip_span(view, 0, len(body))))
        elif not any(item.key == "one_liner" for item in card.fields):
            card.fields.append(implied_field("one_liner", strip_span(view, 0, len(body)), links))
            card.links.extend(links)
        elif not card.strong and lines[index - 1].blank:
            break  # a second paragraph of prose: the text of a section, not a card's parts
        else:
            card.links.extend(links)
        card.last = index
        content += 1
        index += 1
    return card


def read_headings(
    text: str, lines: Sequence[Line], state: list[int], free: Sequence[int], doc: Source | None = None
) -> list[PaperEntry]:
    """The heading cards among the `free` lines (`state`: see `parts.FREE`); their lines are taken."""
    starts = [
        index
        for index in free
        if lines[index].text.lstrip()[:1] in "#0123456789*+-" and HEADING.match(lines[index].text)
    ]
    if not starts:
        return []
    stops = [heading_stop(lines, state, start) for start in starts]
    cards = [_read_card(text, lines, state, start, stop) for start, stop in zip(starts, stops)]
    strong_levels: dict[int, int] = {}
    for card in cards:
        if card is not None and card.strong:
            strong_levels[card.level] = strong_levels.get(card.level, 0) + 1
    entries = []
    for card in cards:
        if card is None:
            continue
        # A linked title with labelled bullets is a paper's where its siblings are papers'.
        if not card.strong and not (
            card.weak and card.title_link is not None and strong_levels.get(card.level, 0) >= MIN_SIBLINGS
        ):
            continue
        entries.append(_entry(lines, card, doc))
        for index in range(card.heading, card.last + 1):
            state[index] = TAKEN
    return entries


def heading_stop(lines: Sequence[Line], state: Sequence[int], start: int) -> int:
    """The index of the next heading or taken line after `start` (or the end)."""
    for index in range(start + 1, len(lines)):
        if state[index] == TAKEN or (state[index] == FREE and heading_level(lines[index].text)):
            return index
    return len(lines)


def _entry(lines: Sequence[Line], card: _Card, doc: Source | None) -> PaperEntry:
    first, last = lines[card.heading], lines[card.last]
    fields = list(card.fields)
    if card.venue is not None and not any(item.key == "published_in" for item in fields):
        fields.insert(0, implied_field("published_in", card.venue))
    sections = list(card.sections)
    if not any(section.key == "abstract" for section in sections):
        sections.extend(sections_of(fields))
    id_field = next((item for item in fields if item.key == "arxiv_id" and item.value.value), None)
    arxiv_id, version = (id_field.value, None) if id_field is not None else arxiv_of(card.links)
    parts = EntryParts(
        title=card.title,
        fields=tuple(fields),
        links=tuple(card.links),
        sections=tuple(sections),
        title_link=card.title_link,
        arxiv_id=arxiv_id,
        arxiv_version=version,
    )
    # A heading card is read whole to be judged: its parts are ready.
    return PaperEntry(
        span=Span(first.start, last.stop),
        layout="heading",
        head=first.span,
        reader=partial(_ready, parts),
        doc=doc,
    )


def _ready(parts: EntryParts) -> EntryParts:
    return parts
