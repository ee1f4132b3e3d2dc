"""Parse one `<details>` block into a Card, or decide it is not a paper card."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from listlint.base.spans import Line, Span
from listlint.syntax.fields import field_key
from listlint.syntax.links import parse_links
from listlint.syntax.model import Block, Card, Field, Link, Quote, Section, Source, Summary, Text
from listlint.syntax.parts import arxiv_of, strip_span

# HTML reads tag names in any ASCII case (`<DETAILS>`), and only so: `(?ai:...)`, not
# IGNORECASE, which also takes `ſ` for `s` and `ı` or `İ` for `i` (`<ſummary>` is text
# to a browser).
DETAILS_TAG = re.compile(r"<(/?)(?ai:details)\b[^>]*>")
DETAILS_OPEN_LINE = re.compile(r"^ {0,3}<(?ai:details)\b[^>]*>")
DETAILS_CLOSE_LINE = re.compile(r"^\s*</(?ai:details)\s*>")
SUMMARY = re.compile(r"<(?ai:summary)\b[^>]*>(?P<inner>.*?)</(?ai:summary)\s*>")
BOLD_TITLE = re.compile(r"^(?P<lead>\s*)<(?P<tag>(?ai:b|strong))>(?P<title>.*?)</(?ai:(?P=tag))>\s*$")
# `* **Authors:** value`, `- **作者：** value`, `* **Authors**: value`.
# A value ends at its last non-space (`(?:.*\S)?`): the same group as a lazy
# `.*?\s*$`, without retrying the end of the line at every character.
FIELD_LINE = re.compile(
    r"^(?P<indent>[ \t]{0,3})(?P<bullet>[*+-])[ \t]+\*\*(?P<label>[^*\n]+?)\*\*"
    r"(?P<colon>[ \t]*[:：])?(?P<gap>[ \t]*)(?P<value>(?:.*\S)?)\s*$"
)
# Other lists write fields without a bullet: `**Label:** value` on a line of its own.
BARE_FIELD_LINE = re.compile(
    r"^(?P<indent>[ \t]{0,3})(?P<bullet>)\*\*(?P<label>[^*\n]+?)\*\*"
    r"(?P<colon>[ \t]*[:：])?(?P<gap>[ \t]*)(?P<value>(?:.*\S)?)\s*$"
)
QUOTE_LINE = re.compile(r"^ {0,3}>")
QUOTE_LABEL = re.compile(
    r"^ {0,3}>[ \t]*\*\*(?P<label>[^*\n]+?)\*\*[ \t]*(?P<rest>(?:.*\S)?)\s*$"
)
# A section's list item: a bullet, or a number as CommonMark reads one (one to nine
# digits, then `.` or `)`), then a space or a tab: `1. text`, `2) text`.
SECTION_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])[ \t]+(?P<item>(?:.*\S)?)\s*$")
# A line that starts a new block, so it cannot continue a field's value.
BLOCK_START = re.compile(r"^\s*(?:[*+-][ \t]|>|<|#|\||\d+[.)][ \t]|```|~~~|$)")

SECTION_KEYS = {
    "abstract": "abstract",
    "摘要": "abstract",
    "keypoints": "key_points",
    "要点": "key_points",
    "关键点": "key_points",
}


def continues_field(line: str) -> bool:
    """Whether a line after a field line continues its value (a lazy continuation)."""
    stripped = line.lstrip()
    lead = stripped[:1]
    if not lead:
        return False
    if lead == "*" and stripped[1:2] == "*" and field_line(line) is not None:
        return False
    if lead in "*+-" and stripped[1:2] in (" ", "\t"):
        # The next field or list item, the usual case: BLOCK_START would match.
        return False
    if lead in "*+->#<|`~" or lead.isdigit():
        return BLOCK_START.match(line) is None
    return True


def field_line(line: str) -> re.Match[str] | None:
    """The FIELD_LINE (or BARE_FIELD_LINE) match of a card field, whose bold label ends
    with a colon or is followed by one, else None."""
    stripped = line.lstrip()
    if stripped[:1] not in ("*", "-", "+"):
        return None
    match = FIELD_LINE.match(line)
    if match is None and stripped[:2] == "**":
        match = BARE_FIELD_LINE.match(line)
    if match and (match.group("colon") or match.group("label").rstrip().endswith((":", "："))):
        return match
    return None


def may_make_card(line: str) -> bool:
    """Whether a line is of the kinds that make a block a card with fields (`parse_card`):
    a field line, or a quote line with a bold label. A block none of whose lines is one
    is no such card, wherever they stand in it (see `may_link_title` for the others)."""
    lead = line.lstrip()[:1]
    if lead == ">":
        label = QUOTE_LABEL.match(line)
        return label is not None and bool(label.group("label").strip())
    return lead in ("*", "-", "+") and field_line(line) is not None


def may_link_title(lines: Sequence[Line], start: int, stop: int) -> bool:
    """Whether the block of lines[start:stop] may have a summary whose title links a page,
    which makes a card of another list (`_linked_card`): a line its summary can be on
    (the opening line, or the first after blank lines, and the two a wrapped one takes)
    holds an anchor."""
    if "<a" in lines[start].text.lower():
        return True
    index = start + 1
    while index < stop and lines[index].blank:
        index += 1
    return any("<a" in line.text.lower() for line in lines[index : min(index + 3, stop)])


def may_find_fields(
    text: str,
    lines: Sequence[Line],
    start: int,
    stop: int,
    closed: bool,
    section_stop: Callable[[int, int], int],
) -> bool:
    """Whether `parse_card` of the block lines[start:stop] may find a field or a labelled
    quote: a line that `may_make_card` among those it reads at the block's top level.

    The walk is `parse_card`'s, without building anything: past the summary, and over
    each nested `<details>` it reads as a section; `section_stop(index, last)` is the
    index after that section (`parse_card` counts its tags to `last`, fences or not).
    Given by a caller that knows them all, it makes N folds nested around one field line
    N short walks, where parsing each of them would read its whole inside.
    """
    index = start + 1
    if not summary_match(lines[start].text):
        while index < stop and lines[index].blank:
            index += 1
        if index < stop:
            # The lines a wrapped summary may take, within the block as `parse_card` has it.
            summary_line, taken = _summary_lines(text, lines[index : min(index + 3, stop)], 0)
            if summary_match(summary_line.text):
                index += taken
    last = stop - 1 if closed else stop
    while index < last:
        line = lines[index].text
        stripped = line.lstrip()
        if stripped[:1] == "<" and stripped[:8].lower() == "<details":
            index = section_stop(index, last)
        elif may_make_card(line):
            return True
        else:
            index += 1
    return False


def may_hold_details(line: str) -> bool:
    """Whether a line may hold a `<details>` tag (in any case): cheap, before DETAILS_TAG."""
    return "<" in line and "details" in line.lower()


def count_details(line: str) -> tuple[int, int]:
    """Number of `<details>` opened and closed on a line."""
    if not may_hold_details(line):
        return 0, 0
    # Most tag lines are a bare tag: no regex needed to count it.
    bare = line.strip()
    if bare == "<details>":
        return 1, 0
    if bare == "</details>":
        return 0, 1
    opened = closed = 0
    for match in DETAILS_TAG.finditer(line):
        if match.group(1):
            closed += 1
        else:
            opened += 1
    return opened, closed


# Other lists' summaries hold the title in a link or a wrapper, after a tag, before a
# description: `<a href="URL" target="_blank"><strong>3. Title</strong></a>`,
# `<u><strong>Title</strong></u>`, `[2025] <b>Title</b>`, `<b>Name</b> what it does`,
# `<a href='URL'>Title</a> - a description <code>NLP</code>`.
_ANCHOR_OPEN = re.compile(
    r"<(?ai:a)\b[^>]*?\b(?ai:href)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))[^>]*>"
)
_ANCHOR_CLOSE = re.compile(r"</(?ai:a)\s*>")
_WRAPPER_OPEN = re.compile(r"<(?P<tag>(?ai:b|strong|u|em|i|ins))>")
_WRAPPER_CLOSE = {tag: re.compile(rf"</(?ai:{tag})\s*>") for tag in ("b", "strong", "u", "em", "i", "ins")}
_TITLE_PREFIX = re.compile(r"\s*(?:\[(?:19|20)\d{2}\]\s*|\d{1,4}[.)]\s+)*")
_DESCRIPTION_LEAD = re.compile(r"\s*(?:[-–—:：|]\s*)?")
# A summary left open, whose title is a link: `<summary><a href="URL">Title</a>` and no `</summary>`.
_OPEN_LINKED_SUMMARY = re.compile(r"<(?ai:summary)\b[^>]*>(?P<inner>\s*<(?ai:a)\b.*?)\s*$")


_WRAPPED_SUMMARY = re.compile(SUMMARY.pattern, re.DOTALL)


def summary_match(text: str) -> re.Match[str] | None:
    """SUMMARY's match in a line (or in the lines of a wrapped summary), or, for a summary
    never closed whose title is a link, the match of its open part (to the line's end)."""
    found = (_WRAPPED_SUMMARY if "\n" in text else SUMMARY).search(text)
    if found is None and "<a" in text and "</summary" not in text.lower():
        found = _OPEN_LINKED_SUMMARY.search(text)
    return found


def _variant(line: Line, start: int, end: int) -> tuple[Text, Link | None, Text | None] | None:
    """Title, title link and description of a summary's inner text `line.text[start:end]`
    led by a link or a wrapper tag; None when it holds neither (a plain title)."""
    text = line.text
    limit = end
    start = _TITLE_PREFIX.match(text, start).end()  # type: ignore[union-attr]
    described = -1
    link: tuple[int, int, int, int] | None = None
    for _ in range(4):
        anchor = _ANCHOR_OPEN.match(text, start, end)
        if anchor is not None:
            close = _ANCHOR_CLOSE.search(text, anchor.end(), end)
            if close is None:
                break
            group = next(name for name in ("dq", "sq", "bare") if anchor.group(name) is not None)
            if link is None:
                link = (anchor.start(), close.end(), anchor.start(group), anchor.end(group))
            described = close.end() if described < 0 else described
            start, end = anchor.end(), close.start()
        else:
            wrapper = _WRAPPER_OPEN.match(text, start, end)
            close = _WRAPPER_CLOSE[wrapper.group("tag").lower()].search(text, wrapper.end(), end) if wrapper else None
            if wrapper is None or close is None:
                break
            described = close.end() if described < 0 else described
            start, end = wrapper.end(), close.start()
        start = _TITLE_PREFIX.match(text, start).end()  # type: ignore[union-attr]
    if described < 0:
        return None
    title = strip_span(line, start, end)
    found_link = None
    if link is not None:
        url = Text(Span(line.start + link[2], line.start + link[3]), text[link[2] : link[3]])
        found_link = Link(Span(line.start + link[0], line.start + link[1]), title, url)
    rest = _DESCRIPTION_LEAD.match(text, described, limit).end()  # type: ignore[union-attr]
    description = strip_span(line, rest, limit)
    return title, found_link, description if description.value else None


def parse_summary(line: Line, match: re.Match[str] | None = None) -> Summary | None:
    """The summary of a line; `match` is `summary_match(line.text)` when the caller has it."""
    if match is None:
        match = summary_match(line.text)
    if not match:
        return None
    inner_start, inner_end = match.span("inner")
    inner = match.group("inner")
    bold = BOLD_TITLE.match(inner)
    link = description = None
    if bold:
        title = strip_span(line, inner_start + bold.start("title"), inner_start + bold.end("title"))
    else:
        variant = _variant(line, inner_start, inner_end)
        if variant is None:
            title = strip_span(line, inner_start, inner_end)
        else:
            title, link, description = variant
    short = None
    if title.value:
        colon = title.value.find(": ")
        if colon > 0:
            short_value = title.value[:colon].rstrip()
            short = Text(Span(title.span.start, title.span.start + len(short_value)), short_value)
    return Summary(
        span=line.span,
        title=title if title.value else None,
        short_name=short,
        bold=bold is not None,
        link=link,
        description=description,
    )


_TAG = re.compile(r"<[^<>\n]*>")


@lru_cache(maxsize=256)
def section_key(name: str) -> str | None:
    """`abstract`, `key_points` or None for a section's summary text (`<b>Abstract</b>` too)."""
    if "<" in name:
        name = _TAG.sub("", name)
    return SECTION_KEYS.get("".join(html.unescape(name).split()).casefold())


def parse_section(lines: Sequence[Line]) -> Section:
    """A nested `<details>` section: lines[0] opens it, lines[-1] closes it (if closed)."""
    first = lines[0]
    summary_line_index = 0
    match = SUMMARY.search(first.text)
    if not match and len(lines) > 1:
        match = SUMMARY.search(lines[1].text)
        summary_line_index = 1 if match else 0
    summary_line = lines[summary_line_index]
    if match:
        name = strip_span(summary_line, match.start("inner"), match.end("inner"))
        body_begin = summary_line_index + 1
    else:
        name = Text(Span(first.end, first.end), "")
        body_begin = 1
    closed = len(lines) > 1 and DETAILS_CLOSE_LINE.match(lines[-1].text) is not None
    body_lines = list(lines[body_begin : len(lines) - 1 if closed else len(lines)])
    if body_lines:
        body = Text(
            Span(body_lines[0].start, body_lines[-1].end),
            "\n".join([line.text for line in body_lines]),
        )
    else:
        point = lines[-1].start if closed else lines[-1].end
        body = Text(Span(point, point), "")
    markdown_mode = bool(body_lines) and body_lines[0].blank
    return Section(
        span=Span(first.start, lines[-1].end),
        name=name,
        key=section_key(name.value),
        body=body,
        markdown_mode=markdown_mode,
        items=section_items(body_lines),
    )


def section_items(body_lines: Sequence[Line]) -> tuple[Text, ...]:
    """The list items of a section's body, or () when the body is not all one list.

    An item is a bullet or a numbered line with the lines that continue it: an
    indented one, a lazy one right below it (a paragraph goes on), or an indented
    one after a blank line. Its text runs from after the marker to the end of its
    last line, line breaks and indentation as written: `1. First\n   line` ->
    `First\n   line`. A body that holds anything else (prose before the first
    item, an unindented line after a blank) has no items.
    """
    items: list[Text] = []
    head = -1  # index of the line the item being read starts on
    column = 0  # where its text starts on that line
    last = -1  # index of its last non-blank line
    for index, line in enumerate(body_lines):
        if line.blank:
            continue
        lead = line.text.lstrip()[:1]
        item = SECTION_ITEM.match(line.text) if lead in "*+-" or lead.isdigit() else None
        if item is not None:
            if head >= 0:
                items.append(_item_text(body_lines[head : last + 1], column))
            head = last = index
            column = item.start("item")
            continue
        if head < 0 or (last < index - 1 and not line.text[:1].isspace()):
            return ()
        last = index
    if head >= 0:
        items.append(_item_text(body_lines[head : last + 1], column))
    return tuple(items)


def _item_text(lines: Sequence[Line], column: int) -> Text:
    """The text of an item on `lines`, from `column` of the first to the last non-space
    of the last, verbatim: the lines' texts with the endings between them ("\r\n"
    where a line's ending is two characters, as `split_lines` leaves "\r" out of the
    text but inside [end, stop))."""
    first = lines[0]
    if len(lines) == 1:
        return strip_span(first, column, len(first.text))
    pieces = [first.text[column:]]
    for before, line in zip(lines, lines[1:]):
        pieces.append("\r\n" if before.stop - before.end == 2 else "\n")
        pieces.append(line.text)
    # `pieces` rebuild the document from `column` on, so offsets into them are offsets there.
    joined = "".join(pieces)
    value = joined.strip()
    start = first.start + column + len(joined) - len(joined.lstrip())
    return Text(Span(start, start + len(value)), value)


def _parse_quote(text: str, lines: Sequence[Line]) -> Quote:
    first = lines[0]
    label_match = QUOTE_LABEL.match(first.text)
    pieces: list[str] = []
    if label_match:
        label = strip_span(first, label_match.start("label"), label_match.end("label"))
        rest = label_match.group("rest")
        if rest:
            pieces.append(rest)
            body_start = first.start + label_match.start("rest")
        else:
            body_start = lines[1].start if len(lines) > 1 else first.end
    else:
        label = Text(Span(first.start, first.start), "")
        body_start = first.start
    for line in lines[1:] if label_match else lines:
        stripped = line.text.lstrip()
        if stripped.startswith(">"):
            stripped = stripped[1:]
        if stripped.strip():
            pieces.append(stripped.strip())
    body_end = lines[-1].end
    if body_start > body_end:
        body_start = body_end
    return Quote(
        span=Span(first.start, lines[-1].end),
        label=label,
        body=Text(Span(body_start, body_end), text[body_start:body_end]),
        body_text=" ".join(pieces),
    )


def parse_card(
    text: str,
    lines: Sequence[Line],
    closed: bool,
    separator: Line | None,
    segment_end: int,
    doc: Source | None = None,
) -> Card | None:
    """Parse the lines of one `<details>` block; None when it is not a paper card.

    `lines` run from the opening `<details>` line to the line that closes it
    (or to where an unclosed block was cut off). A block is a card only when
    it carries at least one card field or a labelled quote at its top level.
    """
    blocks: list[Block] = []
    fields: list[Field] = []
    sections: list[Section] = []
    unknown: list[Span] = []
    quote: Quote | None = None
    summary: Summary | None = None
    close: Span | None = None
    quotes = 0  # unlabelled block quotes, among `unknown`

    open_line = lines[0]
    blocks.append(Block("open", open_line.span))
    index = 1
    # The summary may share the opening line: `<details><summary>...`.
    found_summary = summary_match(open_line.text)
    if found_summary:
        summary = parse_summary(open_line, found_summary)
    else:
        while index < len(lines) and lines[index].blank:
            blocks.append(Block("blank", lines[index].span))
            index += 1
        if index < len(lines):
            summary_line, taken = _summary_lines(text, lines, index)
            found_summary = summary_match(summary_line.text)
            if found_summary:
                summary = parse_summary(summary_line, found_summary)
                blocks.append(Block("summary", summary_line.span))
                index += taken

    last = len(lines) - 1 if closed else len(lines)
    while index < last:
        line = lines[index]
        stripped = line.text.lstrip()
        if not stripped:
            blocks.append(Block("blank", Span(line.start, line.end)))
            index += 1
            continue
        lead = stripped[0]
        field_match = field_line(line.text) if lead in "*-+" else None
        if field_match:
            # A run of fields is one block: read field after field while they follow.
            while field_match:
                start = index
                index += 1
                while index < last and continues_field(lines[index].text):
                    index += 1
                fields.append(make_field(text, lines[start:index], field_match))
                field_match = field_line(lines[index].text) if index < last else None
            blocks.append(Block("fields", Span(line.start, lines[index - 1].end)))
            continue
        if lead == ">" and QUOTE_LINE.match(line.text):
            start = index
            while index < last and QUOTE_LINE.match(lines[index].text):
                index += 1
            found = _parse_quote(text, lines[start:index])
            if quote is None and found.label.value:
                quote = found
                blocks.append(Block("quote", found.span))
            else:
                quotes += 1
                unknown.append(found.span)
                blocks.append(Block("unknown", found.span))
            continue
        if lead == "<" and stripped[:8].lower() == "<details":
            start = index
            depth = 0
            while index < last:
                body = lines[index].text
                if may_hold_details(body):
                    opened, closed_count = count_details(body)
                    depth += opened - closed_count
                index += 1
                if depth <= 0:
                    break
            section = parse_section(lines[start:index])
            sections.append(section)
            blocks.append(Block("section", section.span))
            continue
        unknown.append(line.span)
        blocks.append(Block("unknown", line.span))
        index += 1

    if closed:
        close = lines[-1].span
        blocks.append(Block("close", close))

    # A block with fields but no summary line is still a card (a malformed one). One
    # with neither is a card of another list when its title links a page and its body
    # is at most a quote and a line or two: a fold of a topic's list is not.
    if not fields and quote is None and not _linked_card(summary, len(unknown) - quotes):
        return None
    link_id = None
    if not any(item.key == "arxiv_id" for item in fields):
        own = (summary.link,) if summary is not None and summary.link is not None else ()
        link_id, _ = arxiv_of(own + tuple(link for item in fields for link in item.links))
    end_line = lines[-1]
    return Card(
        span=Span(open_line.start, segment_end),
        body_span=Span(open_line.start, end_line.end),
        open=open_line.span,
        summary=summary,
        fields=tuple(fields),
        quote=quote,
        sections=tuple(sections),
        close=close,
        separator=separator.span if separator else None,
        blocks=tuple(blocks),
        unknown=tuple(unknown),
        link_id=link_id,
        doc=doc,
    )


def _summary_lines(text: str, lines: Sequence[Line], index: int) -> tuple[Line, int]:
    """The summary starting at lines[index], and how many lines it takes: one, or up to
    three when a linked title wraps (`<summary><a href="URL">A long` / `title</a></summary>`)."""
    line = lines[index]
    if "<a" not in line.text or "</summary" in line.text.lower() or "<summary" not in line.text.lower():
        return line, 1
    for last in range(index + 1, min(index + 3, len(lines))):
        if "</summary" in lines[last].text.lower():
            end = lines[last]
            return Line(line.start, end.end, end.stop, text[line.start : end.end]), last - index + 1
    return line, 1


def _linked_card(summary: Summary | None, other_lines: int) -> bool:
    """Whether a block without fields is a card whose summary title links a web page."""
    if summary is None or summary.link is None or other_lines > 2:
        return False
    return summary.link.url.value.strip().lower().startswith(("http://", "https://"))


def make_field(text: str, lines: Sequence[Line], match: re.Match[str]) -> Field:
    first = lines[0]
    label_text = match.group("label")
    label_start = first.start + match.start("label")
    # `**Authors:**` keeps its colon inside the bold; the label excludes it.
    stripped_label = label_text.rstrip().rstrip(":：").rstrip()
    label = Text(Span(label_start, label_start + len(stripped_label)), stripped_label)
    value_start = first.start + match.start("value")
    value_end = lines[-1].end
    raw_value = text[value_start:value_end]
    trimmed = raw_value.rstrip()
    value = Text(Span(value_start, value_start + len(trimmed)), trimmed)
    return Field(
        span=Span(first.start + match.start("indent"), lines[-1].start + len(lines[-1].text.rstrip())),
        label=label,
        key=field_key(stripped_label),
        value=value,
        links=parse_links(trimmed, value_start),
    )
