r"""Read paragraph entries: a paper as one paragraph of short lines with hard breaks.

    **Foo: A Model of Foo** \
    *Ada Lovelace, Alan Turing* \
    CVPR 2023. [[Paper](https://arxiv.org/abs/2101.00001)] [[Github](https://github.com/ada/foo)] \
    17 Apr 2023

The breaks may be `\`, `<br>` or two trailing spaces. The paragraph opens with a bold
title alone on its line and says it is a paper's by a paper link, an italic author line
or a `VENUE YEAR`; `**Note:** ...` or a bold heading over prose is no entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from listlint.base.spans import Line, Span
from listlint.syntax.links import inline_links
from listlint.syntax.model import EntryParts, Field, Link, PaperEntry, Source, Text
from listlint.syntax.parts import (
    FREE,
    TAKEN,
    find_venue,
    implied_field,
    linked_parts,
    links_a_paper,
    strip_span,
    title_at,
    title_parts,
)

# `**Title** \`, `**Title**<br>`, `**[Title](url)**  `: a bold title alone, then a break.
_TITLE_LINE = re.compile(r"^ {0,3}\*\*(?!\*)(?P<inner>.*[^*\s])\*\*(?P<end>[ \t]*(?:\\|<br\s*/?>)?[ \t]*)$", re.IGNORECASE)
_BREAK_END = re.compile(r"[ \t]*(?:\\|<br\s*/?>)[ \t]*$|  +$", re.IGNORECASE)
_ITALIC = re.compile(r"^[ \t]*(?P<mark>[*_])(?P<inner>[^*_\s](?:.*[^*_\s])?)(?P=mark)[ \t]*$")
# `17 Apr 2023`, `2023-04-17`, `Apr 17, 2023`.
_DATE = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}|\d{4}-\d{1,2}-\d{1,2}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4})\.?[ \t]*$"
)
_BLOCK_START = re.compile(r"^[ \t]*(?:#|\||>|[*+-][ \t]|\d{1,3}[.)][ \t]|<(?ai:details|table|div)\b|```|~~~)")
MIN_SHARE = 0.5
"""Share of a section's bold-titled paragraphs with paper evidence from which look-alikes count too."""
_VENUE_END = re.compile(r"[\s.,;:|\[(]+$")


def _content(line: Line) -> int:
    """Where a line's text ends, its hard break excluded."""
    found = _BREAK_END.search(line.text)
    return found.start() if found else len(line.text.rstrip())


def _paragraph_end(lines: Sequence[Line], state: Sequence[int], first: int) -> int:
    """The index of the last line of the paragraph that starts at `first`."""
    last = first
    for index in range(first + 1, len(lines)):
        if state[index] != FREE or not lines[index].text.strip() or _BLOCK_START.match(lines[index].text):
            break
        last = index
    return last


def _evidence(lines: Sequence[Line], first: int, last: int) -> bool:
    for index in range(first + 1, last + 1):
        text = lines[index].text
        if _ITALIC.match(text[: _content(lines[index])]) or links_a_paper(text):
            return True
        if any(ch.isdigit() for ch in text) and find_venue(text) is not None:
            return True
    return links_a_paper(lines[first].text)


def read_paragraphs(
    text: str, lines: Sequence[Line], state: list[int], free: Sequence[int], doc: Source | None = None
) -> list[PaperEntry]:
    """The paragraph entries among the `free` lines (`state`: see `parts.FREE`); their lines are taken.

    In a section (the lines under one heading) most of whose bold-titled paragraphs say
    they are papers', one written the same way with a link is an entry too (a blog post).
    """
    found: list[tuple[int, int, int, bool]] = []  # section, first, last, evidence
    section = 0
    last = -1
    for index in free:
        if index <= last:
            continue
        line = lines[index]
        lead = line.text.lstrip()[:2]
        if lead[:1] == "#":
            section = index
            continue
        if lead != "**" or (index and lines[index - 1].text.strip() and state[index - 1] == FREE):
            continue  # a paragraph entry opens a paragraph
        if _TITLE_LINE.match(line.text) is None:
            continue
        end = _paragraph_end(lines, state, index)
        if end == index:
            continue
        last = end
        found.append((section, index, end, _evidence(lines, index, end)))
    sections: dict[int, list[bool]] = {}
    for section, _, _, evidence in found:
        sections.setdefault(section, []).append(evidence)
    entries = []
    for section, first, end, evidence in found:
        marks = sections[section]
        alike = sum(marks) >= MIN_SHARE * len(marks) and any("](" in lines[i].text for i in range(first, end + 1))
        if not (evidence or alike):
            continue
        entries.append(
            PaperEntry(
                span=Span(lines[first].start, lines[end].stop),
                layout="paragraph",
                head=lines[first].span,
                reader=partial(_parts, lines, first, end),
                doc=doc,
            )
        )
        for index in range(first, end + 1):
            state[index] = TAKEN
    return entries


def _parts(lines: Sequence[Line], first: int, last: int) -> EntryParts:
    head = lines[first]
    match = _TITLE_LINE.match(head.text)
    assert match is not None
    title, title_link, venue_tag = title_parts(head, title_at(head.text, match.start(), match.end("inner") + 2, whole=True))
    links: list[Link] = list(inline_links(head.text, head.start))
    fields: list[Field] = []
    if venue_tag is not None:
        fields.append(implied_field("published_in", venue_tag))
    for line in lines[first + 1 : last + 1]:
        end = _content(line)
        body = line.text[:end]
        italic = _ITALIC.match(body)
        if italic is not None and not any(item.key == "authors" for item in fields):
            fields.append(implied_field("authors", strip_span(line, *italic.span("inner"))))
            continue
        if _DATE.match(body):
            fields.append(_dated(strip_span(line, 0, end)))
            continue
        found = inline_links(body, line.start)
        if found:
            links.extend(found)
            lead = body[: found[0].span.start - line.start]
            venue = _VENUE_END.sub("", lead).strip()
            if venue and not any(item.key == "published_in" for item in fields):
                fields.append(implied_field("published_in", strip_span(line, body.index(venue), body.index(venue) + len(venue))))
            continue
        if not any(item.key == "one_liner" for item in fields):
            fields.append(implied_field("one_liner", strip_span(line, 0, end)))
    return linked_parts(title, fields, links, title_link)


def _dated(value: Text) -> Field:
    """The date line, a field of its own name (no canonical key: `field("date")` finds it)."""
    label = Text(Span(value.span.start, value.span.start), "Date")
    return Field(span=value.span, label=label, key=None, value=value)
