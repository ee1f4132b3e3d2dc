"""What the readers of other lists' layouts share: located text, a paper's links and
their arXiv ID, labelled lines, and the shapes of an author list and a venue."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from listlint.analysis.arxiv import id_in_url
from listlint.analysis.urls import is_paper_url
from listlint.analysis.venues import parse_venue
from listlint.base.spans import Line, Span
from listlint.syntax.fields import ENGLISH_LABEL
from listlint.syntax.model import ABSTRACT_LABELS, EntryParts, Field, Link, Section, Text, field_section

FREE, HIDDEN, TAKEN = 0, 1, 2
"""What a line is to the readers: theirs to read; to look past (fenced code, an HTML
comment); to stop at (a line another entry holds)."""

# `**Authors:** v`, `**Authors**: v`, `**作者：** v`: a bold label and its colon, at `pos`.
LABEL = re.compile(r"\*\*(?P<label>[^*\n]{1,40}?)\*\*(?P<colon>[ \t]*[:：])?[ \t]*")
# A bullet's marker and the white space after it: `- `, `* `, `12. `.
BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[*+-]|\d{1,3}[.)])(?:[ \t]+|$)")
TAG = re.compile(r"<[^<>\n]*>")
# Where a title written as plain text ends: `Title, <ins>Venue</ins>`, `Title [[Paper](...)]`.
_YEAR = r"(?:19|20)\d{2}"
# `CVPR 2023`, `NeurIPS, 2023`, `Arxiv 2021`, `ICLR'24`: a venue and its year, inside text.
VENUE_YEAR = re.compile(
    rf"(?<![\w])(?P<venue>[A-Za-z][\w&.+-]*(?:[ \t][A-Z][\w&.+-]*){{0,3}})[ \t]*[, ]?[ \t]*'?(?P<year>{_YEAR}|\d{{2}})(?![\d])"
)
_VENUE_WORDS = frozenset({"arxiv", "preprint", "blog", "website", "workshop", "journal", "conference"})
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w'’.\-\u00c0-\u024f]*|[a-z]{1,3}|[\u4e00-\u9fff]{2,4}|[A-Z]\.)$")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,|，|、|;|\band\b|&)\s*")
_MARKS = re.compile(r"[*†‡§¶\d¹²³⁰-⁹]+$|<sup>[^<]*</sup>")
_ET_AL = re.compile(r"\bet\s+al\b\.?", re.IGNORECASE)


def strip_span(line: Line, start_col: int, end_col: int) -> Text:
    """The stripped text of line.text[start_col:end_col] with its document span."""
    raw = line.text[start_col:end_col]
    lead = len(raw) - len(raw.lstrip())
    value = raw.strip()
    start = line.start + start_col + lead
    return Text(Span(start, start + len(value)), value)


def located(text: str, start: int, end: int) -> Text:
    """text[start:end] stripped, with its span."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    value = raw.strip()
    return Text(Span(start + lead, start + lead + len(value)), value)


def implied_field(key: str, value: Text, links: tuple[Link, ...] = ()) -> Field:
    """A part its place names (the Authors column, an italic author line): the label has
    an empty span and the canonical English label as its value, as a daily entry's."""
    label = Text(Span(value.span.start, value.span.start), ENGLISH_LABEL.get(key, key))
    return Field(span=value.span, label=label, key=key, value=value, links=links)


def is_label(match: re.Match[str] | None) -> bool:
    """Whether a LABEL match is a label: a colon inside the bold or right after it."""
    return match is not None and bool(match.group("colon") or match.group("label").rstrip().endswith((":", "：")))


def arxiv_of(links: Iterable[Link]) -> tuple[Text | None, Text | None]:
    """The arXiv ID inside the first link that carries one, and its version, as written."""
    for link in links:
        found = id_in_url(link.url.value)
        if found is None:
            continue
        url = link.url
        start = url.span.start + found.start
        arxiv_id = Text(Span(start, url.span.start + found.end), url.value[found.start : found.end])
        version = None
        if found.arxiv_id.version is not None:
            written = f"v{found.arxiv_id.version}"
            if url.value.startswith(written, found.end):
                stop = url.span.start + found.end
                version = Text(Span(stop, stop + len(written)), written)
        return arxiv_id, version
    return None, None


def has_paper_link(links: Iterable[Link]) -> bool:
    return any(is_paper_url(link.url.value) for link in links)


_URL_IN_TEXT = re.compile(r"\]\((?P<url>[^\s()<>]+)")


def links_a_paper(text: str) -> bool:
    """Whether a line links a paper (arXiv, a DOI, a proceedings site), read without building its links."""
    if "](" not in text:
        return False
    return any(is_paper_url(url) for url in _URL_IN_TEXT.findall(text))


def plain(value: str) -> str:
    """Visible text, roughly: tags, bold and italic markers removed."""
    return TAG.sub(" ", value).replace("**", "").strip(" *_")


def looks_like_authors(value: str, *, single: bool = False) -> bool:
    """Whether a text reads as an author list: two names or more (`Ann Lee, Bo Chen`), or
    one and `et al.`, or with `single` one name alone; each name a few capitalised words,
    initials or a Chinese name."""
    text = plain(value)
    if not text or "://" in text or "](" in text or len(text) > 2000:
        return False
    truncated = _ET_AL.search(text) is not None
    if truncated:
        text = _ET_AL.sub("", text)
    names = [part for part in _AUTHOR_SEPARATOR.split(text) if part.strip()]
    if not names or (len(names) < 2 and not truncated and not single):
        return False
    good = 0
    for name in names:
        words = _MARKS.sub("", name.strip()).split()
        if 1 <= len(words) <= 5 and words[0][:1].isupper() and all(_NAME_WORD.match(word) for word in words):
            good += 1
        elif len(words) == 1 and "\u4e00" <= words[0][:1] <= "\u9fff" and len(words[0]) <= 4:
            good += 1
    if len(names) == 1 and not truncated:
        # One name alone: two to four words, as `Ben Mildenhall` (not `Blog` or `Tools`).
        return good == 1 and 2 <= len(names[0].split()) <= 4
    return good >= max(1, (len(names) * 3 + 3) // 4)


def find_venue(text: str) -> re.Match[str] | None:
    """The first `VENUE YEAR` in a text whose venue is a known one, arXiv, or a kind
    of venue (`Blog 2023`, `ICML Workshop, 2023`)."""
    if not any(ch.isdigit() for ch in text):
        return None
    for match in VENUE_YEAR.finditer(text):
        year = match.group("year")
        if len(year) == 2 and "'" not in text[match.start("venue") : match.start("year")]:
            continue
        venue = match.group("venue")
        words = venue.split()
        # The venue is the last few words before the year: `Mildenhall et al., ECCV 2020`.
        for size in range(1, len(words) + 1):
            name = " ".join(words[-size:])
            if name.casefold() in _VENUE_WORDS or name.split()[0].casefold() in _VENUE_WORDS:
                return match
            found = parse_venue(f"{name} {year if len(year) == 4 else '20' + year}")
            if found is not None and (found.known or found.kind != "unknown"):
                return match
    return None


def sections_of(fields: Sequence[Field]) -> tuple[Section, ...]:
    """The Abstract field read as a section (`- **Abstract:** text`), when there is one."""
    return tuple(
        field_section(item)
        for item in fields
        if item.key is None and item.name in ABSTRACT_LABELS and item.value.value
    )


class TitleAt(NamedTuple):
    """Where the title heading an entry's text stands, in columns of its line (no objects
    made: a list of thousands of items is judged from these before any is read)."""

    kind: str
    """`link` (`[Title](url)`), `bold` (`**Title**`), `plain` (the rest, when asked),
    `lost` (`[Title]` with no URL), or empty when no title leads the text."""
    start: int
    end: int
    """The title's text, markers excluded."""
    after: int
    """Just past the title, its link and markers included."""
    link: tuple[int, int, int, int] | None
    """The link's own start and end and its URL's, when the title is a link."""
    venue: tuple[int, int] | None
    """A `[CVPR 2023]` / `[NeurIPS'24]` tag before the title."""


# `3. `, `6 ` before a `[`, `[CVPR 2023] `: what may stand before a title.
_NUMBER = re.compile(r"\d{1,4}(?:[.)][ \t]*|[ \t]+(?=\[))")
_TAG_BEFORE = re.compile(r"\[(?P<tag>[^\[\]\n]{2,40})\](?!\()[ \t]*|\*\*\[(?P<btag>[^\[\]\n]{2,40})\]\*\*[ \t]*")
_EMOJI_LEAD = re.compile(r"(?:[^\w\s\[\]*_`<>(!]|:[a-z_]+:)+[ \t]*")
_LEAD_LINK = re.compile(r"\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^\s()<>]*)\)")
_LOST_LINK = re.compile(r"\[(?P<label>[^\[\]\n]+)\][ \t]*$")


def _unbold(text: str, start: int, end: int) -> tuple[int, int]:
    """start, end narrowed past white space and the `**`/`__`/`*` markers around them."""
    while True:
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        for marker in ("**", "__", "*", "_"):
            if end - start > 2 * len(marker) and text.startswith(marker, start) and text.endswith(marker, 0, end):
                start, end = start + len(marker), end - len(marker)
                break
        else:
            return start, end


def _lead(text: str, position: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Past a number, emoji and a `[VENUE YEAR]` tag that stand before a title."""
    venue = None
    for _ in range(3):
        if position >= end:
            break
        first = text[position]
        if first.isdigit():
            found = _NUMBER.match(text, position, end)
        elif first == "[" or first == "*":
            found = _TAG_BEFORE.match(text, position, end)
            if found is not None:
                group = "tag" if found.group("tag") is not None else "btag"
                tag = found.group(group)
                if not any(ch.isdigit() for ch in tag):
                    found = None  # `[Paper]`, `[Title]`: no venue
                else:
                    venue = found.span(group)
        elif not first.isalnum() and first not in " \t_`<>(!":
            found = _EMOJI_LEAD.match(text, position, end)
        else:
            found = None
        if found is None or found.end() == position:
            break
        position = found.end()
    return position, venue


def title_at(text: str, start: int, end: int, *, whole: bool) -> TitleAt:
    """The title that `text[start:end]` opens with.

    After a number, an emoji or a `[VENUE YEAR]` tag: a link (`[Title](url)`,
    `**[Title](url)**`, `[**Title**](url)`) gives its label; a bold run its text; a
    bracketed title with nothing after it is a link that lost its URL; else, when
    `whole`, the rest is the title (a heading's), and otherwise none is read.
    """
    position, venue = _lead(text, start, end)
    bold = text.startswith("**", position, end)
    head = position + 2 if bold else position
    if text.startswith("[", head, end):
        found = _LEAD_LINK.match(text, head, end)
        if found is not None:
            label_start, label_end = _unbold(text, *found.span("label"))
            after = found.end() + (2 if bold and text.startswith("**", found.end(), end) else 0)
            link = (found.start(), found.end(), *found.span("url"))
            return TitleAt("link", label_start, label_end, after, link, venue)
        lost = _LOST_LINK.match(text, head, end)
        if lost is not None and "](" not in text[head:end]:
            label_start, label_end = _unbold(text, *lost.span("label"))
            return TitleAt("lost", label_start, label_end, lost.end(), None, venue)
    if bold:
        close = text.find("**", head, end)
        if close > head:
            return TitleAt("bold", *_unbold(text, head, close), close + 2, None, venue)
    if whole:
        return TitleAt("plain", *_unbold(text, position, end), end, None, venue)
    return TitleAt("", position, position, position, None, venue)


def title_parts(line: Line, at: TitleAt) -> tuple[Text | None, Link | None, Text | None]:
    """The title, its link and the venue tag that `at` finds in `line`, as located texts."""
    title = strip_span(line, at.start, at.end) if at.kind else None
    link = None
    if at.link is not None and title is not None:
        link_start, link_end, url_start, url_end = at.link
        url = Text(Span(line.start + url_start, line.start + url_end), line.text[url_start:url_end])
        link = Link(Span(line.start + link_start, line.start + link_end), title, url)
    venue = strip_span(line, *at.venue) if at.venue is not None else None
    return (title if title is not None and title.value else None), link, venue


def is_paper_link(link: Link) -> bool:
    return is_paper_url(link.url.value)


# What may stand between the links of a link line: separators, brackets, emoji, `:star:`.
_LINK_LINE_RESIDUE = re.compile(r"(?::[a-z_]+:|<br\s*/?>|<[^<>\n]*>|[\W_])+")


def is_link_line(text: str, offset: int, links: Sequence[Link]) -> bool:
    """Whether a line is links and what separates them (`[📄 Paper](..) | [💻 Code](..)`)."""
    if not links:
        return False
    pieces = []
    cursor = offset
    for link in links:
        pieces.append(text[cursor - offset : link.span.start - offset])
        cursor = link.span.end
    pieces.append(text[cursor - offset :])
    residue = _LINK_LINE_RESIDUE.sub("", "".join(pieces))
    return len(residue) <= 12


_INSTITUTION = re.compile(
    r"\b(?:Universit\w*|Institut\w*|College|Lab(?:s|oratory)?|Research|Academy|School|Inc|Corp"
    r"|Google|Meta|Microsoft|Nvidia|NVIDIA|DeepMind|OpenAI|Alibaba|Tencent|ByteDance|Baidu|Huawei)\b"
    r"|大学|研究院|实验室|学院|研究所|公司"
)


def looks_like_affiliations(value: str) -> bool:
    """Whether a line reads as affiliations: institutions (`MIT, Stanford University`), or
    numbered ones (`<sup>1</sup>Some Lab`)."""
    return "<sup>" in value or _INSTITUTION.search(value) is not None


def linked_parts(
    title: Text | None, fields: Sequence[Field], links: Sequence[Link], title_link: Link | None, sections: Sequence[Section] = ()
) -> EntryParts:
    """The parts of an entry whose arXiv ID is the one its links carry (bullets, paragraphs, rows)."""
    arxiv_id, version = arxiv_of(links)
    return EntryParts(
        title=title,
        fields=tuple(fields),
        links=tuple(links),
        sections=tuple(sections),
        title_link=title_link,
        arxiv_id=arxiv_id,
        arxiv_version=version,
    )
