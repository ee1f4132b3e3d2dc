"""The canonical text of a card: white space only, never a change of rendering.

The formatter keeps every block where it is and only rewrites the white space
(ASCII spaces and tabs, see LAYOUT) inside and between blocks. Whether two blocks are glued (no blank line) is
kept, because adding or removing a blank line next to raw HTML changes what
GitHub renders; rules of their own (missing-blank-line, markdown-in-html-block,
field-order) make those changes on purpose. See rules/non-canonical-card.md.
"""

from __future__ import annotations

import re

from listlint.base.spans import Line, split_lines
from listlint.canonical import card_lines
from listlint.syntax.cards import FIELD_LINE
from listlint.syntax.links import PLAIN_LINKS_VALUE
from listlint.syntax.model import Card

# The white space formatting may move: ASCII spaces and tabs only (see card_lines.LAYOUT).
LAYOUT = card_lines.LAYOUT
_SEPARATORS = re.compile(r"[ \t]*[|｜][ \t]*")
_OPEN = re.compile(r"^[ \t]*<(?ai:details)(?P<attrs>\b[^>]*)>[ \t]*$")
# A closing line that formatting writes `</details>`; any other (text before the
# tag, a U+2028 after it, four spaces that make it code) is kept as written.
_CLOSE = re.compile(r" {0,3}</(?ai:details)[ \t]*>[ \t]*")
_PLAIN_SUMMARY_LINE = re.compile(r"^[ \t]*<(?ai:summary)>(?P<name>[^<]*)</(?ai:summary)>[ \t]*$")
# A one-line field as formatting writes it: `* **Label:** value`, one space after
# the bullet and after the label, no white space at the end.
_CANONICAL_FIELD = re.compile(r"\* \*\*[^*\n]+?\*\*[:：]?(?: (?P<value>\S(?:.*\S)?))?")
_BULLET_ITEM = re.compile(r"^[*+-][ \t]+\S")
_BULLET_MARKER = re.compile(r"^[*+-][ \t]+")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
# FIELD_LINE without its value group, which always matches the rest of the line
# right-stripped (a line holds no "\n"): the same groups, without the lazy
# `.*?\s*$` that tries the end of the line at every character of the value.
_FIELD_HEAD = re.compile(FIELD_LINE.pattern.split("(?P<value>")[0])


# A card body (its `<details>` line to its `</details>` line) already in the
# canonical layout, for the usual shape only: a bare `<details>`, a summary line
# with no white space at its end, then single blank lines between canonical
# one-line fields, `> ` quote lines and HTML-mode sections (`    ` before each
# body line), then `</details>`. Each such line is one that formatting writes
# as it is, whichever block the parser puts it in: a field line is verbatim in
# a fields block (given _canonical_fields) and in an unknown one (no colon); a
# quote line keeps its two-space hard break only where the next line of the
# quote has content. Anything else (two blank lines, a tab or a space at a
# line's end, other lines) is left to the block-by-block formatting below.
# `.` is used, not `[^\r\n]`: a `\r` inside a line is kept by formatting too,
# and `\S` turns one away at a line's end; `.*` is the regex engine's fastest loop.
_LINE_END = r"(?:.*\S)?"
_CANONICAL_BODY = re.compile(
    r"<details>\n<summary.*\S\n"
    r"(?:(?:"
    rf"\* \*\*[^*\n]+?\*\*[:：]?(?: \S{_LINE_END})?"
    rf"|>(?: \S{_LINE_END}(?:  (?=\n> \S))?)?"
    r"|<details>\n    <summary>(?:[^\s<](?:[^<\n]*[^\s<])?)?</summary>"
    rf"(?:\n    \S{_LINE_END})*\n</details>"
    r")\n|\n(?!\n))*"
    r"</details>"
)


def _canonical_fields(text: str, card: Card) -> bool:
    """Whether every fields block of a card matching _CANONICAL_BODY is kept as it is.

    Its lines are `_CANONICAL_FIELD` lines already; what `_is_canonical_field`
    adds is asked of the block's text at once, a little more strictly: no ` :`,
    and every `|` (in a label too) is one of as many ` | `, with no more white
    space either side; no full-width `｜`.
    """
    for block in card.blocks:
        if block.kind == "fields":
            chunk = text[block.span.start : block.span.end]
            if " :" in chunk or " ：" in chunk or "｜" in chunk:
                return False
            if "|" in chunk and (
                chunk.count("|") != chunk.count(" | ")
                or any(odd in chunk for odd in ("  |", "\t |", "|  ", "| \t"))
            ):
                return False
    return True


def _one_section_per_tag(text: str, start: int, end: int) -> bool:
    """Whether a body matching _CANONICAL_BODY holds `details` only in its own tag lines.

    Its sections then end where the regex ends them: the parser finds a
    section's end by counting the tags of lines that may hold one (`may_hold_details`:
    `details` in any case). The card's two tag lines and each section's
    (`\n<details>\n` opens one) hold it once each.
    """
    tags = text[start:end].lower().count("details")
    return tags == 2 + 2 * text.count("\n<details>\n", start, end)


def _blank(line: Line) -> bool:
    """Whether GitHub reads the line as blank (`Line.blank` also takes U+3000 for blank)."""
    return not line.text.strip(LAYOUT)


def _strip_trailing(lines: list[str], continues: list[bool]) -> list[str]:
    """Strip trailing white space, keeping a hard break as exactly two spaces.

    Two or more trailing spaces break the line only when the next line
    continues the same paragraph: `continues[i]` says whether it does.
    """
    out = []
    for line, more in zip(lines, continues):
        stripped = line.rstrip(LAYOUT)
        if more and line.endswith("  ") and stripped:
            out.append(stripped + "  ")
        else:
            out.append(stripped)
    return out


def _is_canonical_field(text: str) -> bool:
    """A quick yes when formatting leaves this field line as it is; no means "format it".

    Beyond `_CANONICAL_FIELD`: no ` :` that the label's colon would lose, and
    link separators already ` | `.
    """
    match = _CANONICAL_FIELD.fullmatch(text)
    if match is None or " :" in text or " ：" in text:
        return False
    value = match.group("value") or ""
    return "|" not in value or all(found == card_lines.LINK_SEPARATOR for found in _SEPARATORS.findall(value))


def _format_field_lines(
    lines: list[Line], match: re.Match[str] | None, keep_bullet: bool, glued_below: bool = False
) -> list[str]:
    """The lines of one field; `match` is `_FIELD_HEAD` on its first line.

    `glued_below`: a line that can continue the value's paragraph follows the
    field with no blank line, so its last line's hard break is kept.
    """
    first = lines[0].text
    if match is None:  # pragma: no cover - the parser matched it
        return [line.text.rstrip(LAYOUT) for line in lines]
    bullet = match.group("bullet") if keep_bullet else "*"
    bold_end = match.end("colon") if match.group("colon") else match.end("label") + 2
    bold = first[match.start("label") - 2 : bold_end]
    bold = bold.replace(" :", ":").replace(" ：", "：") if match.group("colon") else bold
    value = first[match.end() :].rstrip(LAYOUT)
    if len(lines) == 1 and PLAIN_LINKS_VALUE.match(value) and "|" in value:
        value = card_lines.LINK_SEPARATOR.join(part for part in _SEPARATORS.split(value))
    head = card_lines.field_line(bold, value, bullet)
    if len(lines) == 1 and not glued_below:
        return [head]
    # Keep the continuation lines as written, but for their trailing white
    # space, which decides hard breaks.
    original = [line.text for line in lines]
    continues = [True] * (len(original) - 1) + [glued_below]
    kept = _strip_trailing(original, continues)
    if original[0].endswith("  ") and kept[0].endswith("  "):
        head += "  "
    return [head] + kept[1:]


def _format_quote_lines(lines: list[Line], glued_below: bool = False) -> list[str]:
    """The `> ` lines; `glued_below` when a line with no `>` follows with no blank line.

    Such a line can continue the quote's paragraph (a lazy continuation), so
    the last line's hard break is kept as it is kept between quote lines.
    """
    contents = []
    for line in lines:
        stripped = line.text.lstrip(LAYOUT)
        body = stripped[1:] if stripped.startswith(">") else stripped
        contents.append(body.strip(LAYOUT) if not body.endswith("  ") else body.lstrip(LAYOUT))
    continues = [
        bool(contents[i].strip(LAYOUT)) and i + 1 < len(contents) and bool(contents[i + 1].strip(LAYOUT))
        for i in range(len(contents))
    ]
    continues[-1] = glued_below and bool(contents[-1].strip(LAYOUT))
    kept = _strip_trailing(contents, continues)
    return [card_lines.quote_line(content) for content in kept]


def _format_section_lines(lines: list[Line]) -> list[str]:
    """A nested `<details>` section; returned as written when it is not the usual shape."""
    verbatim = [line.text for line in lines]
    if len(lines) < 3:
        return verbatim
    open_match = _OPEN.match(lines[0].text)
    summary = _PLAIN_SUMMARY_LINE.match(lines[1].text)
    if not open_match or not summary or lines[-1].text.strip(LAYOUT).lower() != "</details>":
        return verbatim
    body = lines[2:-1]
    attrs, name = open_match.group("attrs").rstrip(LAYOUT), summary.group("name").strip(LAYOUT)
    if not body:
        return card_lines.section_lines(name, [], attrs=attrs)
    if _blank(body[0]):
        # Markdown mode: the body is Markdown, where indentation and blank
        # lines carry meaning; only a plain bullet list is normalised.
        content = [line for line in body if not _blank(line)]
        if _blank(body[-1]) and content and all(
            _BULLET_ITEM.match(line.text) for line in content
        ) and not any(_blank(line) for line in body[1 : body.index(content[-1]) + 1]):
            items = [_BULLET_MARKER.sub("* ", line.text, count=1).rstrip(LAYOUT) for line in content]
            return card_lines.section_lines(name, items, markdown=True, attrs=attrs)
        return verbatim
    if any(_blank(line) for line in body):
        return verbatim
    # HTML mode: the body is raw HTML text, where indentation does not render.
    return card_lines.section_lines(name, [line.text.strip(LAYOUT) for line in body], attrs=attrs)


def _format_block(kind: str, lines: list[Line], glued_below: bool = False) -> list[str]:
    if kind == "open":
        match = _OPEN.match(lines[0].text)
        return [f"<details{match.group('attrs').rstrip(LAYOUT)}>"] if match else [lines[0].text.rstrip(LAYOUT)]
    if kind == "summary":
        # The summary's tags and the white space around and inside them are
        # malformed-summary's to report and fix; one defect, one finding.
        return [lines[0].text.rstrip(LAYOUT)]
    if kind == "fields":
        # A change of bullet character starts a new Markdown list, so mixed
        # bullets are kept as written: making them one would merge two lists.
        if all(_is_canonical_field(line.text) for line in lines):
            # Each line is a whole field with a `*` bullet: nothing to change.
            return [line.text for line in lines]
        heads = [_FIELD_HEAD.match(line.text) for line in lines]
        keep = len({head.group("bullet") for head in heads if head}) > 1
        out: list[str] = []
        group: list[Line] = []
        group_head = heads[0]
        for line, head in zip(lines, heads):
            if head and group:
                out.extend(_format_field_lines(group, group_head, keep))
                group = []
            if not group:
                group_head = head
            group.append(line)
        if group:
            out.extend(_format_field_lines(group, group_head, keep, glued_below))
        return out
    if kind == "quote":
        return _format_quote_lines(lines, glued_below)
    if kind == "section":
        return _format_section_lines(lines)
    if kind == "close":
        return [card_lines.CARD_CLOSE if _CLOSE.fullmatch(lines[0].text) else lines[0].text.rstrip(LAYOUT)]
    return [line.text for line in lines]


def format_card(text: str, card: Card, newline: str = "\n") -> str | None:
    """The canonical text of the card's segment, or None when it is not ours to format.

    An unclosed card, or one whose summary is on its opening line, is left
    alone: its structure must be mended first (the structure rules say how). So is a
    card of another list's form (`Card.house_form`).
    """
    if card.close is None or card.summary is None or card.summary.span.start == card.open.start:
        return None
    if not card.house_form:
        return None  # another list's card: its form is its own, not the home list's to impose
    segment = text[card.span.start : card.span.end]
    body_span = card.body_span
    if (
        newline == "\n"
        and _CANONICAL_BODY.fullmatch(text, body_span.start, body_span.end)
        and _one_section_per_tag(text, body_span.start, body_span.end)
        and _canonical_fields(text, card)
    ):
        return _with_tail(text, card, segment, text[body_span.start : body_span.end])
    if card.doc is not None and card.doc.text is text:
        all_lines = card.doc.lines_in(card.body_span.start, card.body_span.end)
    else:
        all_lines = split_lines(text[card.body_span.start : card.body_span.end], card.body_span.start)
    out: list[str] = []
    pending_blank = False
    blocks = card.blocks
    count = len(all_lines)
    first = 0  # the blocks tile the lines in order: each takes up where the last stopped
    for number, block in enumerate(blocks):
        last = first
        while last + 1 < count and all_lines[last + 1].start <= block.span.end:
            last += 1
        lines = all_lines[first : last + 1]
        first = last + 1
        if block.kind == "blank" and _blank(lines[0]):
            pending_blank = bool(out)
            continue
        if pending_blank:
            out.append("")
            pending_blank = False
        below = blocks[number + 1].kind if number + 1 < len(blocks) else "blank"
        # A line GitHub does not read as blank can continue the block's last paragraph.
        glued_below = below == "unknown" or (below == "blank" and first < count and not _blank(all_lines[first]))
        out.extend(_format_block(block.kind, lines, glued_below))
    if pending_blank:
        out.append("")
    body = _with_tail(text, card, segment, "\n".join(out))
    if newline != "\n":
        body = body.replace("\n", newline)
    return body


def _with_tail(text: str, card: Card, segment: str, body: str) -> str:
    """The formatted body (joined by "\n") followed by the card's canonical separator."""
    if card.separator is not None:
        between = text[card.body_span.end : card.separator.start]
        if between.strip(LAYOUT + "\r\n"):
            # A line of U+3000 (say) between `</details>` and `---` is shown: kept.
            return body + between.replace("\r\n", "\n") + "---" + ("\n" if segment.endswith("\n") else "")
        glued = between.count("\n") < 2
        tail = ("" if glued else "\n") + card_lines.SEPARATOR
        tail += "\n" if segment.endswith("\n") else ""
        return body + "\n" + tail
    return body + ("\n" if segment.endswith("\n") else "")

