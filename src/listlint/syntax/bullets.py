"""Read bullet entries: one list item per paper.

    - [Title](https://arxiv.org/abs/2101.00001), Ada Lovelace et al., CVPR 2023 | [github](...)
    * [CVPR 2023] **Title** [[Paper](...)] [[Code](...)]
    - Title, <ins>NeurIPS, 2023</ins> [[Paper](...)] [[Code](...)]
    * [Title](https://arxiv.org/abs/2101.00001)<br>:star:[code](...)
      An optional description, indented below.

An item is a paper's when it says so: a paper link (arXiv, a DOI, a proceedings site), a
`VENUE YEAR`, an author list. In a list most of whose items say so, an item written the
same way is one too (a blog post listed like the papers around it). A table of contents
(`- [Survey](#survey)`), a list of tools and a category label (`* 聚类`) are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import NamedTuple

from listlint.base.spans import Line, Span
from listlint.base.values import value
from listlint.syntax.cards import field_line
from listlint.syntax.headings import heading_level
from listlint.syntax.links import inline_links
from listlint.syntax.model import EntryParts, Field, Link, PaperEntry, Source, Text
from listlint.syntax.parts import (
    BULLET,
    FREE,
    HIDDEN,
    TAKEN,
    TitleAt,
    find_venue,
    implied_field,
    linked_parts,
    links_a_paper,
    located,
    looks_like_authors,
    strip_span,
    title_at,
    title_parts,
)

_BREAK = re.compile(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# What a line inside an item may not start with: it begins a block of its own.
_BLOCK_START = re.compile(r"^[ \t]*(?:#|\||>|</?(?ai:details|summary|table|tr|td|div|p)\b|```|~~~)")
_INS = re.compile(r"<(?ai:ins)>(?P<venue>[^<>\n]*)</(?ai:ins)>")
# Where a title written as plain text ends: at a link, a tag, a ` | `, a `[[`.
_PLAIN_TITLE_ENDS = ("[[", "<", " | ", "\t| ", " ([", " - [")
_TRAILING_YEAR = re.compile(r"[ \t,;:.\-–]*(?:\b(?:19|20)\d{2}\b[ \t,;:.]*)?$")
_COMMENT = re.compile(r"<!--.*?-->")
_SHORTCODE = re.compile(r":[a-z_]+:")
_SEPARATORS = re.compile(r"^[\s,;:.|·\-–—]+|[\s,;:|·\-–—]+$")
_BARE_YEAR = re.compile(r"(?:^|[\s,;(])(?P<year>(?:19|20)\d{2})[\s,;.)]*$")
MIN_SHARE = 0.5
"""Share of a list's items with paper evidence from which its look-alike items count too."""


@value
class _Item:
    """A list item: its lines, and what its first line says."""

    first: int
    """Index of the bullet line."""
    last: int
    """Index of its last line (continuation lines included, nested items excluded)."""
    content: int
    """Column where the item's text starts (after the marker)."""


def _items(lines: Sequence[Line], state: Sequence[int], free: Sequence[int]) -> list[_Item]:
    items: list[_Item] = []
    count = len(lines)
    for index in free:
        if items and index <= items[-1].last:
            continue
        text = lines[index].text
        if text.lstrip()[:1] not in "*+-0123456789":
            continue
        match = BULLET.match(text)
        if match is None or match.end() == len(text) or _BREAK.match(text):
            continue
        content = match.end()
        last = index
        nxt = index + 1
        while nxt < count and state[nxt] == FREE:
            body = lines[nxt].text
            if not body.strip():
                ahead = nxt + 1
                while ahead < count and state[ahead] == FREE and not lines[ahead].text.strip():
                    ahead += 1
                if ahead < count and state[ahead] == FREE and _indent(lines[ahead].text) >= content and _continues(lines[ahead].text):
                    nxt = ahead
                    continue
                break
            if not _continues(body) or (
                _indent(body) < content and (not lines[nxt - 1].text.strip() or heading_level(body))
            ):
                break
            last = nxt
            nxt += 1
        items.append(_Item(index, last, content))
    return items


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _continues(text: str) -> bool:
    """Whether a line may continue an item's text (it starts no item or block of its own)."""
    stripped = text.lstrip()
    if stripped[:1] in "*+-0123456789" and BULLET.match(text):
        return False
    return _BLOCK_START.match(text) is None


class _Look(NamedTuple):
    """How an item's first line is written, in columns of it: enough to judge the item
    without reading it (`_parts` reads it when it is used)."""

    line: Line
    """The first line, an HTML comment in it blanked out."""
    title: TitleAt
    venue: tuple[int, int] | None
    authors: tuple[int, int] | None
    read: int
    """Column up to which the line was read as title, authors and venue."""
    evidence: bool
    shape: str
    """How the title is written and what follows it: `link,`, `plain<`, `bold[`..."""


def _look(lines: Sequence[Line], item: _Item) -> _Look | None:
    line = lines[item.first]
    body = line.text
    if _TABLE_OF_CONTENTS.match(body, item.content):
        return None  # `- [Survey](#survey)`
    if "<!--" in body:
        # A trailing `<!---bibkey-->` is no text of the entry.
        body = _COMMENT.sub(lambda found: " " * len(found.group()), body)
        line = Line(line.start, line.end, line.stop, body)
    if body.startswith("**", item.content) and field_line(body[item.content :]) is not None:
        return None  # `- **Note:** ...`: a labelled line, not a paper
    at = title_at(body, item.content, len(body), whole=False)
    after = at.after
    if not at.kind:
        # A plain title runs to the first link or tag, less a trailing `, 2024`.
        end = _plain_end(body, at.start)
        cut = body[at.start : end]
        trimmed = _TRAILING_YEAR.sub("", cut) if end < len(body) else cut.rstrip()
        title_end = at.start + len(trimmed.rstrip(" \t,;:-–—|"))
        if title_end <= at.start:
            return None
        at = TitleAt("plain", at.start, title_end, end, None, at.venue)
        after = end
    if at.link is not None and body.startswith("#", at.link[2]):
        return None  # a table of contents
    venue = at.venue
    ins = _INS.search(body, after) if "<ins" in body or "<INS" in body else None
    if venue is None and ins is not None:
        venue = ins.span("venue")
    # The run of text after the title, up to its first link or ` | `: `, Authors, CVPR 2023`.
    stop = _plain_end(body, after)
    middle = body[after:stop]
    found = find_venue(middle) if venue is None else None
    authors_end = stop
    if found is not None:
        venue = (after + found.start(), after + found.end())
        authors_end = after + found.start()
    elif ins is not None and ins.start() < stop:
        authors_end = ins.start()
    elif venue is None and middle:
        # `, Mildenhall et al., 2020`: a year alone dates the entry.
        year = _BARE_YEAR.search(middle)
        if year is not None:
            venue = (after + year.start("year"), after + year.end("year"))
            authors_end = after + year.start()
    written = body[after:authors_end]
    names = _SEPARATORS.sub("", written)
    authors = None
    if names and looks_like_authors(names, single=at.kind == "link"):
        offset = written.index(names) + after
        authors = (offset, offset + len(names))
    # A label's item (`* 聚类`) may hold its first paper's link below: a plain title
    # counts only the links of its own line.
    evidence = venue is not None or authors is not None or links_a_paper(body)
    if not evidence and at.kind != "plain":
        evidence = any(links_a_paper(lines[index].text) for index in range(item.first + 1, item.last + 1))
    follow = body[at.after : at.after + 8].lstrip(" *")[:1] or "$"
    shape = at.kind + _FOLLOW.get(follow, "~")
    return _Look(line, at, venue, authors, max(stop, authors_end), evidence, shape)


_TABLE_OF_CONTENTS = re.compile(r"\[[^\]\n]*\]\(#")
_FOLLOW = {",": ",", "，": ",", "<": "<", "[": "[", "|": "|", "$": "$"}
def _parts(text: str, lines: Sequence[Line], item: _Item, look: _Look) -> EntryParts:
    """What an item judged an entry says: title, links, venue, authors, a description."""
    line = look.line
    title, title_link, _ = title_parts(line, look.title)
    links = list(inline_links(line.text[item.content :], line.start + item.content))
    rest = [lines[index] for index in range(item.first + 1, item.last + 1) if lines[index].text.strip()]
    for extra in rest:
        links.extend(inline_links(extra.text, extra.start))
    fields: list[Field] = []
    if look.venue is not None:
        fields.append(implied_field("published_in", strip_span(line, *look.venue)))
    if look.authors is not None:
        fields.append(implied_field("authors", strip_span(line, *look.authors)))
    description = _description(text, line, links, rest, look.read)
    if description is not None:
        fields.append(implied_field("one_liner", description))
    return linked_parts(title, fields, links, title_link)


def _plain_end(body: str, start: int) -> int:
    """Where a plain title (or the text after a title) ends: its first link, tag or ` | `."""
    end = len(body.rstrip())
    for mark in _PLAIN_TITLE_ENDS:
        found = body.find(mark, start, end)
        if found >= 0:
            end = found
    link = body.find("](", start, end)
    if link >= 0:
        bracket = body.rfind("[", start, link)
        end = bracket if bracket >= 0 else end
    return end


def _description(text: str, line: Line, links: Sequence[Link], rest: Sequence[Line], read: int) -> Text | None:
    """The item's text below its first line, or the words after its last link (`...)一种新方法`);
    `read` is the column up to which the first line was read as title, authors and venue."""
    if rest:
        return located(text, rest[0].start, rest[-1].end)
    own = [link for link in links if line.start <= link.span.start < line.end]
    if not own or own[-1].span.end - line.start < read:
        return None
    tail_start = own[-1].span.end
    tail = line.text[tail_start - line.start :]
    if not _SEPARATORS.sub("", _SHORTCODE.sub("", tail)) or any(mark in tail for mark in ("|", "](")):
        return None
    if not any(ch.isalpha() for ch in tail):
        return None
    return strip_span(line, tail_start - line.start, len(line.text))


def read_bullets(
    text: str, lines: Sequence[Line], state: list[int], free: Sequence[int], doc: Source | None = None
) -> list[PaperEntry]:
    """The bullet entries among the `free` lines (`state`: see `parts.FREE`); their lines are taken."""
    items = _items(lines, state, free)
    if not items:
        return []
    entries = []
    for block in _blocks(lines, state, items):
        looks = [_look(lines, item) for item in block]
        judged = [look for look in looks if look is not None]
        strong = [look for look in judged if look.evidence]
        shapes = {look.shape for look in strong}
        if any(shape.startswith("link") for shape in shapes):
            shapes.add("lost$")
        alike = judged and len(strong) >= MIN_SHARE * len(judged)
        for item, look in zip(block, looks):
            if look is None or not (look.evidence or (alike and look.shape in shapes)):
                continue
            first, last = lines[item.first], lines[item.last]
            entries.append(
                PaperEntry(
                    span=Span(first.start, last.stop),
                    layout="bullet",
                    head=first.span,
                    reader=partial(_parts, text, lines, item, look),
                    doc=doc,
                )
            )
            for index in range(item.first, item.last + 1):
                state[index] = TAKEN
    return entries


def _blocks(lines: Sequence[Line], state: Sequence[int], items: Sequence[_Item]) -> list[list[_Item]]:
    """The items in runs that nothing but blank lines, nested items or comments separate: the lists."""
    blocks: list[list[_Item]] = []
    for item in items:
        if blocks:
            previous = blocks[-1][-1]
            if all(
                not lines[index].text.strip() or state[index] == HIDDEN for index in range(previous.last + 1, item.first)
            ):
                blocks[-1].append(item)
                continue
        blocks.append([item])
    return blocks
