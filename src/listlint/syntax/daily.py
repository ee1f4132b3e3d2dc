"""Parse the "paper daily" layout: `## Title` heading entries with a meta line and sections.

A digest reads:

    # Topic: Some Topic
    ## Short: A Paper Title
    2025-01-31｜Some University, A Lab｜⭐️⭐️
    <u>http://arxiv.org/abs/2101.00001v1</u>
    <u>https://example.github.io/short/</u>
    ### 概述
    ![](https://host/figure.jpg)
    Prose...

Some digests give the venue too: `2025-01-31｜Some University｜CVPR 2025｜⭐️`.

Each `## ` heading opens a heading-entry segment that runs to the next `#` or
`##` heading; everything else is verbatim, so the segments tile the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from listlint.analysis.arxiv import narrow_width, parse_url
from listlint.analysis.venues import parse_venue
from listlint.base.spans import Line, Span, split_lines
from listlint.syntax.links import parse_links
from listlint.syntax.model import DailyEntry, DailySection, Image, Link, Segment, Source, Text
from listlint.syntax.parts import strip_span as _text
from listlint.syntax.scanner import CARD_SUMMARY, FENCE_OPEN, _fence_closes

TOP_HEADING = re.compile(r"^ {0,3}#[ \t]+(?P<text>.*?)[ \t]*$")
ENTRY_HEADING = re.compile(r"^ {0,3}##[ \t]+(?P<text>.*?)[ \t]*$")
SECTION_HEADING = re.compile(r"^ {0,3}###[ \t]+(?P<text>.*?)[ \t]*$")
TOPIC_PREFIX = re.compile(r"^(?:Topic|主题)\s*[:：]\s*", re.IGNORECASE)
META_LINE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*[｜|]")
META_SEPARATOR = re.compile(r"[｜|]")
DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
U_LINK = re.compile(r"<(?ai:u)>[ \t]*(?P<url>[^<>\s]+)[ \t]*</(?ai:u)>")
U_LINK_LINE = re.compile(r"^\s*<(?ai:u)>[ \t]*(?ai:https?)://")
BARE_URL_LINE = re.compile(r"^\s*(?P<url>https?://\S+?)\s*$")
MARKDOWN_LINK_LINE = re.compile(r"^\s*\[[^\]\n]*\]\(")
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:[ \t]+\"[^\"\n]*\")?\)")

SECTION_KEYS = {
    "概述": "abstract",
    "摘要": "abstract",
    "abstract": "abstract",
    "overview": "abstract",
    "方法": "method",
    "method": "method",
    "实验": "experiments",
    "experiments": "experiments",
    "通俗易懂": "plain_language",
    "inplainwords": "plain_language",
}


def link_label(url: str) -> str:
    """The label a card would give this URL: `arXiv`, `Code` or `Project Page`."""
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    if host.endswith("arxiv.org"):
        return "arXiv"
    if host in ("github.com", "www.github.com", "gitlab.com"):
        return "Code"
    return "Project Page"


def _heading_level(text: str) -> int:
    """1 or 2 for a `#`/`##` heading (what ends an entry), 0 otherwise."""
    if text.lstrip()[:1] != "#":
        return 0
    if ENTRY_HEADING.match(text):
        return 2
    if TOP_HEADING.match(text):
        return 1
    return 0


def outside_fences(lines: Sequence[Line], source: str | None = None) -> list[bool]:
    """For each line, whether it is outside fenced code (fence lines count as inside).

    `source`, the text the lines were split from, answers at once when it
    holds no fence marker at all (most documents).
    """
    if source is not None and "```" not in source and "~~~" not in source:
        return [True] * len(lines)
    flags = []
    fence: str | None = None
    for line in lines:
        if fence is not None:
            flags.append(False)
            if _fence_closes(line.text, fence):
                fence = None
            continue
        opened = FENCE_OPEN.match(line.text) if line.text.lstrip()[:1] in ("`", "~") else None
        if opened:
            fence = opened.group("fence")
            flags.append(False)
            continue
        flags.append(True)
    return flags


def _next_content(lines: Sequence[Line], index: int, stop: int) -> Line | None:
    while index < stop and lines[index].blank:
        index += 1
    return lines[index] if index < stop else None


def _looks_like_entry(lines: Sequence[Line], heading: int, stop: int) -> bool:
    """A `## ` heading followed by a meta line, a `<u>` link line or a `### ` section."""
    nxt = _next_content(lines, heading + 1, stop)
    if nxt is None:
        return False
    return bool(META_LINE.match(nxt.text) or U_LINK_LINE.match(nxt.text) or SECTION_HEADING.match(nxt.text))


def is_daily(text: str, lines: list[Line] | None = None) -> bool:
    """Whether a file is written in the paper-daily layout (and holds no cards).

    `lines` are `split_lines(text)` when the caller has them already.
    """
    # A card file is told by its first card, near the top; the marks below are absent
    # from most card files, and each test of one reads the whole file (~2 ms a MB).
    if "##" not in text or CARD_SUMMARY.search(text):
        return False
    # `"<u>" in text.lower()` without lowering the whole file: only "U" lowers to "u".
    if "｜" not in text and "<u>" not in text and "<U>" not in text:
        return False
    if lines is None:
        lines = split_lines(text)
    outside = outside_fences(lines)
    for index, line in enumerate(lines):
        if outside[index] and ENTRY_HEADING.match(line.text) and _looks_like_entry(lines, index, len(lines)):
            return True
    return False


def _joined(line: Line, parts: Sequence[Text]) -> Text | None:
    """The text from the first of `parts` to the last, separators included, or None."""
    if not parts:
        return None
    start, end = parts[0].span.start, parts[-1].span.end
    return Text(Span(start, end), line.text[start - line.start : end - line.start])


def _is_venue(part: Text) -> bool:
    venue = parse_venue(part.value)
    return venue is not None and venue.known


def _parse_meta(line: Line) -> tuple[Text | None, Text | None, Text | None, Text | None]:
    """Date, affiliations, venue and rating of a `date｜affiliations｜rating` line.

    A line of four fields also names the venue, before or after the affiliations
    (`date｜affiliations｜CVPR 2025｜rating`); it is told by being a venue that
    `parse_venue` knows. With one field between date and rating, that field is
    the affiliations, as the layout says.
    """
    cuts = [match.start() for match in META_SEPARATOR.finditer(line.text)]
    bounds = list(zip([0] + [c + 1 for c in cuts], cuts + [len(line.text)]))
    parts = [_text(line, start, end) for start, end in bounds]
    date = rating = venue = None
    if parts and DATE.match(parts[0].value):
        date = parts.pop(0)
    if len(parts) >= 2 and parts[-1].value and not any(ch.isalnum() for ch in parts[-1].value):
        rating = parts.pop()
    parts = [part for part in parts if part.value]
    if len(parts) >= 2:
        if _is_venue(parts[-1]):
            venue = parts.pop()
        elif _is_venue(parts[0]):
            venue = parts.pop(0)
    return date, _joined(line, parts), venue, rating


def _parse_link_line(line: Line) -> tuple[Link, ...]:
    found = []
    for match in U_LINK.finditer(line.text):
        url_start = line.start + match.start("url")
        url = match.group("url")
        found.append(
            Link(
                span=Span(line.start + match.start(), line.start + match.end()),
                label=Text(Span(url_start, url_start), link_label(url)),
                url=Text(Span(url_start, url_start + len(url)), url),
            )
        )
    if found:
        return tuple(found)
    bare = BARE_URL_LINE.match(line.text)
    if bare:
        start = line.start + bare.start("url")
        url = bare.group("url")
        return (Link(Span(start, start + len(url)), Text(Span(start, start), link_label(url)), Text(Span(start, start + len(url)), url)),)
    if MARKDOWN_LINK_LINE.match(line.text):
        return parse_links(line.text, line.start)
    return ()


def _images(line: Line) -> list[Image]:
    if "![" not in line.text:
        return []
    images = []
    for match in IMAGE.finditer(line.text):
        alt_start, url_start = line.start + match.start("alt"), line.start + match.start("url")
        images.append(
            Image(
                span=Span(line.start + match.start(), line.start + match.end()),
                alt=Text(Span(alt_start, alt_start + len(match.group("alt"))), match.group("alt")),
                url=Text(Span(url_start, url_start + len(match.group("url"))), match.group("url")),
            )
        )
    return images


def _parse_section(lines: Sequence[Line]) -> DailySection:
    heading = lines[0]
    match = SECTION_HEADING.match(heading.text)
    assert match is not None
    name = _text(heading, match.start("text"), match.end("text"))
    body_lines = list(lines[1:])
    while body_lines and body_lines[-1].blank:
        body_lines.pop()
    if body_lines:
        body = Text(Span(body_lines[0].start, body_lines[-1].end), "\n".join(line.text for line in body_lines))
    else:
        body = Text(Span(heading.end, heading.end), "")
    images = tuple(image for line in body_lines for image in _images(line))
    return DailySection(
        span=Span(heading.start, body_lines[-1].end if body_lines else heading.end),
        name=name,
        key=SECTION_KEYS.get("".join(name.value.split()).casefold()),
        body=body,
        markdown_mode=True,
        images=images,
    )


def parse_entry(
    lines: Sequence[Line], segment: Span, topic: Text | None, doc: Source | None = None
) -> DailyEntry:
    """Parse the lines of one heading entry: lines[0] is its `## ` heading."""
    heading = lines[0]
    match = ENTRY_HEADING.match(heading.text)
    assert match is not None
    title = _text(heading, match.start("text"), match.end("text"))
    outside = outside_fences(lines)
    starts = [i for i in range(1, len(lines)) if outside[i] and SECTION_HEADING.match(lines[i].text)]
    head_end = starts[0] if starts else len(lines)
    meta = date = affiliations = venue = rating = None
    links: list[Link] = []
    unknown: list[Span] = []
    images: list[Image] = []
    for line in lines[1:head_end]:
        if line.blank:
            continue
        if meta is None and not links and META_LINE.match(line.text):
            meta = line.span
            date, affiliations, venue, rating = _parse_meta(line)
            continue
        found = _parse_link_line(line)
        if found:
            links.extend(found)
            continue
        images.extend(_images(line))
        unknown.append(line.span)
    sections = tuple(
        _parse_section(lines[start:stop]) for start, stop in zip(starts, starts[1:] + [len(lines)])
    )
    images.extend(image for section in sections for image in section.images)
    arxiv_id = version = None
    for link in links:
        found = parse_url(link.url.value)
        if found:
            # The ID is written in the URL as parsed: its first occurrence, the version right
            # after. Full-width digits parse as their ASCII forms, one character for one.
            offset = narrow_width(link.url.value).index(found.arxiv_id)
            start = link.url.span.start + offset
            stop = start + len(found.arxiv_id)
            arxiv_id = Text(Span(start, stop), link.url.value[offset : offset + len(found.arxiv_id)])
            if found.version is not None:
                after = offset + len(found.arxiv_id)
                written = link.url.value[after : after + len(f"v{found.version}")]
                version = Text(Span(stop, stop + len(written)), written)
            break
    link_block = None
    if links:
        first = next(line for line in lines if line.start <= links[0].span.start < line.stop)
        last = next(line for line in lines if line.start <= links[-1].span.start < line.stop)
        link_block = Text(
            Span(first.start, last.end), "\n".join(l.text for l in lines if first.start <= l.start <= last.start)
        )
    return DailyEntry(
        span=segment,
        heading=heading.span,
        title=title if title.value else None,
        topic=topic,
        meta=meta,
        date=date,
        affiliations=affiliations,
        rating=rating,
        venue=venue,
        links=tuple(links),
        sections=sections,
        images=tuple(images),
        arxiv_id=arxiv_id,
        arxiv_version=version,
        unknown=tuple(unknown),
        link_block=link_block,
        doc=doc,
    )


def scan_daily(
    text: str,
    forced: bool = False,
    doc: Source | None = None,
    lines: list[Line] | None = None,
) -> tuple[list[Segment], list[DailyEntry]]:
    """Tile `text` into heading-entry and verbatim segments.

    Detected (not `forced`), a `## ` heading opens an entry only when a meta
    line, a `<u>` link line or a `### ` section follows it, so a `## Contents`
    heading stays verbatim; forced, every `## ` heading does. The entries
    point back to `doc`; `lines` are `split_lines(text)` when the caller has them.
    """
    if lines is None:
        lines = split_lines(text)
    outside = outside_fences(lines)
    levels = [_heading_level(line.text) if outside[i] else 0 for i, line in enumerate(lines)]
    breaks = [i for i, level in enumerate(levels) if level]
    segments: list[Segment] = []
    entries: list[DailyEntry] = []
    verbatim_start = 0
    topic: Text | None = None
    for position, index in enumerate(breaks):
        line = lines[index]
        stop = breaks[position + 1] if position + 1 < len(breaks) else len(lines)
        if levels[index] == 1:
            match = TOP_HEADING.match(line.text)
            assert match is not None
            whole = _text(line, match.start("text"), match.end("text"))
            prefix = TOPIC_PREFIX.match(whole.value)
            cut = prefix.end() if prefix else 0
            topic = Text(Span(whole.span.start + cut, whole.span.end), whole.value[cut:])
            continue
        if not forced and not _looks_like_entry(lines, index, stop):
            continue
        end = lines[stop].start if stop < len(lines) else len(text)
        if line.start > verbatim_start:
            segments.append(Segment("verbatim", Span(verbatim_start, line.start)))
        span = Span(line.start, end)
        segments.append(Segment("heading-entry", span))
        entries.append(parse_entry(lines[index:stop], span, topic, doc))
        verbatim_start = end
    if verbatim_start < len(text):
        segments.append(Segment("verbatim", Span(verbatim_start, len(text))))
    return segments, entries
