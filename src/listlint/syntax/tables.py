"""Read table rows: a paper per row of a table whose header names the columns.

    | Title | Authors | Venue | Date | Code | Abstract |
    |---|---|---|---|---|---|
    | [Foo: A Model](https://arxiv.org/abs/2101.00001) | Ada Lovelace, Alan Turing | CVPR | 2023-06-01 | [Github](https://github.com/ada/foo) | <details><summary>Abstract</summary>We ...</details> |

A table is a paper table when its header has a title column (Title, Paper, Name) and
another a paper has (Authors, Venue, Date, Code, Link, Abstract ...); a table of data sets
(`Name | Paper | Type`) names a resource, not a paper. A `-` cell is empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from listlint.base.spans import Line, Span
from listlint.syntax.cards import SUMMARY
from listlint.syntax.fields import field_key
from listlint.syntax.links import inline_links
from listlint.syntax.model import EntryParts, Field, Link, PaperEntry, Section, Source, Text
from listlint.syntax.parts import FREE, TAG, TAKEN, implied_field, linked_parts, strip_span, title_at, title_parts

_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_NOT_WORD = re.compile(r"[\W_]+")
# Header words, folded, to what a column holds.
_COLUMNS = {
    "title": "title", "papertitle": "title", "papername": "title", "标题": "title", "论文标题": "title",
    "paper": "paper", "papers": "paper", "论文": "paper",
    "name": "name", "名称": "name",
    "authors": "authors", "author": "authors", "作者": "authors",
    "venue": "published_in", "conference": "published_in", "conf": "published_in", "publication": "published_in",
    "published": "published_in", "publishedin": "published_in", "journal": "published_in", "会议": "published_in",
    "venueyear": "published_in",
    "date": "date", "year": "date", "time": "date", "日期": "date", "年份": "date",
    "code": "code", "github": "code", "repo": "code", "repository": "code", "代码": "code",
    "link": "link", "links": "link", "pdf": "link", "arxiv": "link", "url": "link", "链接": "link",
    "abstract": "abstract", "摘要": "abstract",
    "tldr": "one_liner", "summary": "one_liner", "description": "one_liner",
}
_PAPER_COLUMNS = frozenset({"authors", "published_in", "date", "code", "link", "abstract", "one_liner"})
_LEAD_MARKUP = re.compile(r"(?:!\[[^\]\n]*\]\([^)\n]*\)|<(?ai:br|img)\b[^>]*>|\s)+")
_DETAILS_CELL = re.compile(r"^\s*<(?ai:details)\b[^>]*>\s*(?P<summary><(?ai:summary)\b[^>]*>.*?</(?ai:summary)\s*>)?(?P<body>.*?)(?:</(?ai:details)\s*>)?\s*$")


def cells(text: str) -> list[tuple[int, int]]:
    """The columns of a table line as (start, end) of each cell's text, split at every
    `|` that no backslash escapes (as GitHub does, in code spans too)."""
    bounds = []
    start = 0
    stripped = text.strip()
    if not stripped:
        return []
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    position = lead + 1 if text.startswith("|", lead) else lead
    start = position
    while True:
        found = text.find("|", position, end)
        while found > 0 and text[found - 1] == "\\":
            found = text.find("|", found + 1, end)
        if found < 0:
            if start < end:
                bounds.append((start, end))
            return bounds
        bounds.append((start, found))
        start = position = found + 1


def _roles(header: Line) -> list[str | None] | None:
    """What each column holds, or None when the header is no paper table's."""
    names = [_NOT_WORD.sub("", TAG.sub("", header.text[a:b]).replace("**", "")).casefold() for a, b in cells(header.text)]
    roles = [_COLUMNS.get(name) for name in names]
    if "title" not in roles:
        if "paper" in roles and "name" not in roles:
            roles[roles.index("paper")] = "title"
        elif "name" in roles and "paper" not in roles:
            roles[roles.index("name")] = "title"
        else:
            return None
    elif "paper" in roles:
        roles = ["link" if role == "paper" else role for role in roles]
    if not _PAPER_COLUMNS.intersection(roles):
        return None
    return roles


def read_tables(
    text: str, lines: Sequence[Line], state: list[int], free: Sequence[int], doc: Source | None = None
) -> list[PaperEntry]:
    """The rows of paper tables among the `free` lines (`state`: see `parts.FREE`); their lines are taken."""
    entries = []
    count = len(lines)
    taken = -1
    for index in free:
        if index <= taken or index + 1 >= count or "|" not in lines[index].text:
            continue
        if state[index + 1] != FREE or not _DELIMITER.match(lines[index + 1].text) or "-" not in lines[index + 1].text:
            continue
        roles = _roles(lines[index])
        taken = index + 1
        if roles is None:
            continue
        header = [strip_span(lines[index], a, b) for a, b in cells(lines[index].text)]
        row = index + 2
        while row < count and state[row] == FREE and "|" in lines[row].text and lines[row].text.strip():
            line = lines[row]
            title_column = roles.index("title")
            bounds = cells(line.text)
            if title_column < len(bounds) and _cell(line, bounds[title_column]) not in ("", "-"):
                entries.append(
                    PaperEntry(
                        span=Span(line.start, line.stop),
                        layout="table-row",
                        head=line.span,
                        reader=partial(_parts, line, roles, header),
                        doc=doc,
                    )
                )
                state[row] = TAKEN
            taken = row
            row += 1
    return entries


def _cell(line: Line, bounds: tuple[int, int]) -> str:
    return line.text[bounds[0] : bounds[1]].strip()


def _parts(line: Line, roles: Sequence[str | None], header: Sequence[Text]) -> EntryParts:
    title = title_link = None
    fields: list[Field] = []
    links: list[Link] = []
    sections: list[Section] = []
    for column, (start, end) in enumerate(cells(line.text)):
        role = roles[column] if column < len(roles) else None
        value = strip_span(line, start, end)
        if value.value in ("", "-"):
            continue
        found = inline_links(value.value, value.span.start)
        if role == "title":
            lead = _LEAD_MARKUP.match(line.text, start, end)
            at = title_at(line.text, lead.end() if lead else start, end, whole=True)
            title, title_link, venue = title_parts(line, at)
            if venue is not None:
                fields.append(implied_field("published_in", venue))
            links[:0] = found
            continue
        links.extend(found)
        if role == "abstract":
            sections.append(_abstract(line, value, header[column] if column < len(header) else None))
        elif role in ("authors", "published_in", "one_liner"):
            fields.append(implied_field(role, value, found))
        elif column < len(header) and header[column].value:
            # A column of its own (Date, Code, Demo, Notes): a field under the header's name.
            label = Text(Span(value.span.start, value.span.start), TAG.sub("", header[column].value).strip("* "))
            fields.append(Field(span=value.span, label=label, key=field_key(label.value), value=value, links=found))
    return linked_parts(title, fields, links, title_link, sections)


def _abstract(line: Line, value: Text, header: Text | None) -> Section:
    """An Abstract cell: its text, or the body of a `<details><summary>Abstract</summary>` in it."""
    name = Text(Span(value.span.start, value.span.start), header.value if header else "Abstract")
    body = value
    folded = _DETAILS_CELL.match(value.value)
    if folded is not None:
        offset = value.span.start - line.start
        if folded.group("summary"):
            summary = SUMMARY.match(folded.group("summary"))
            if summary is not None:
                start = offset + folded.start("summary") + summary.start("inner")
                name = strip_span(line, start, start + len(summary.group("inner")))
        body = strip_span(line, offset + folded.start("body"), offset + folded.end("body"))
    return Section(span=value.span, name=name, key="abstract", body=body, markdown_mode=False)
