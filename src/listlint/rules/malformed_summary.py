"""malformed-summary: a card summary that is not `<summary><b>Title</b></summary>`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from listlint.base.spans import Line
from listlint.base.values import value
from listlint.canonical.card_lines import summary_line
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.house import card_style
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Card, Text

# The usual shapes, read by regex; anything else is read by bs4 (`_Reading`).
# A title that is one run of text, no `<b>`/`<strong>` of its own inside.
_TITLE = r"(?P<title>(?:(?!</?(?ai:b|strong)\b).)*?)"
_BOLD = re.compile(
    rf"^<(?ai:summary)>(?P<lead>\s*)<(?P<tag>(?ai:b|strong))>{_TITLE}</(?ai:(?P=tag))>(?P<trail>\s*)</(?ai:summary)>$"
)
_PLAIN = re.compile(r"^<(?ai:summary)>(?P<title>[^<>]*)</(?ai:summary)>$")
_UNCLOSED = re.compile(rf"^<(?ai:summary)>\s*<(?P<tag>(?ai:b|strong))>{_TITLE}</(?ai:(?P=tag))>$")
_SPLIT_OPEN = re.compile(
    r"^(?P<details>\s*<(?ai:details)\b[^>]*>)\s*(?P<summary><(?ai:summary)\b.*</(?ai:summary)\s*>)\s*$"
)
_SUMMARY_START = re.compile(r"^\s*<(?ai:summary)\b")
_SUMMARY_ANYWHERE = re.compile(r"<(?ai:summary)\b")
_TAG = re.compile(r"<[^<>]*>")
_SUMMARY_CLOSE = re.compile(r"</(?ai:summary)\s*>")


@value
class _Reading:
    """What bs4 makes of an unusual summary line."""

    title: str
    """The visible title text, stripped."""
    tags: tuple[str, ...]
    """Names of the tags directly inside `<summary>`."""
    trailing: str
    """Visible text after `</summary>` on the line, stripped."""


def _read(line: str) -> _Reading | None:
    from bs4 import BeautifulSoup  # heavy: only for lines the regexes do not know

    found = BeautifulSoup(line, "html.parser").find("summary")
    if found is None:
        return None
    tags = tuple(child.name for child in found.children if getattr(child, "name", None))
    trailing = "".join(str(s) for s in found.next_siblings).strip()
    return _Reading(found.get_text().strip(), tags, trailing)


def _closed(card: Card, doc: Document) -> bool:
    """Whether a `</summary>` follows the card's summary before the card ends."""
    assert card.summary is not None
    end = card.close.start if card.close is not None else card.span.end
    return _SUMMARY_CLOSE.search(doc.text, card.summary.span.start, end) is not None


def _shows_text(title: Text | None) -> bool:
    """Whether a summary's title shows some text (`get_text` of it is not blank)."""
    return title is not None and bool(html.unescape(_TAG.sub("", title.value)).strip())


def _name(card: Card) -> str:
    """How a message begins with a card: `Card` and its title, else its arXiv ID."""
    if card.title is not None:
        return f"Card `{entry_name(card)}`"
    return entry_name(card, "A card", by_id="Card with arXiv ID `{}`")


def _replace(line: Line, new: str, title: str) -> Fix:
    return Fix(title, (Edit(line.span, new),), Applicability.SAFE)


def _summary_line(card: Card, doc: Document) -> Line | None:
    """The line that holds (or tries to hold) the card's summary."""
    lines = doc.lines_in(card.body_span.start, card.body_span.end)
    if card.summary is not None:
        return next(line for line in lines if line.start <= card.summary.span.start < line.stop)
    if _SUMMARY_ANYWHERE.search(lines[0].text):
        return lines[0]
    following = next((line for line in lines[1:] if not line.blank), None)
    if following is not None and _SUMMARY_START.match(following.text):
        return following
    return None


def _bold_problems(bold: re.Match[str], stripped: str) -> str:
    """What keeps a bold summary line (read by `_BOLD`) from the canonical form."""
    tag = bold.group("tag")
    problems = []
    if tag.lower() != "b":
        problems.append(f"uses `<{tag}>` instead of `<b>`")
    # The tags as written: `_BOLD` anchors `<summary>` and `</summary>` at the ends of
    # the line, and the closing bold tag follows the title.
    close_start = bold.end("title")
    spelled = (
        stripped[: len("<summary>")],
        f"<{tag}>",
        stripped[close_start : close_start + len(tag) + 3],
        stripped[-len("</summary>") :],
    )
    capitals = [f"`{written}`" for written in dict.fromkeys(spelled) if written != written.lower()]
    if capitals:
        problems.append(f"writes {', '.join(capitals)} in capitals")
    if bold.group("lead") or bold.group("trail") or bold.group("title") != bold.group("title").strip():
        problems.append("has white space around the title")
    if not problems:  # pragma: no cover - `_check_line` calls this only for a line that differs
        return "is not `<summary><b>Title</b></summary>`"
    return ", ".join(problems[:-1]) + " and " + problems[-1] if len(problems) > 1 else problems[0]


def _check_line(card: Card, line: Line, house: bool, doc: Document) -> Violation | None:
    """What is wrong with a summary line; `house`: its form is judged too (a title in
    one `<b>`), not only what is broken in any list (no title, no `</summary>`)."""
    stripped = line.text.strip()
    bold = _BOLD.match(stripped)
    if bold and bold.group("title").strip() and stripped == summary_line(bold.group("title").strip()):
        return None
    if bold:
        inner = bold.group("title").strip()
        if not inner:
            return Violation(line.span, f"Card summary `{stripped}` has an empty title")
        if not house:
            return None
        return Violation(
            line.span,
            f"Summary of card `{inner}` {_bold_problems(bold, stripped)}",
            fix=_replace(line, summary_line(inner), "Rewrite as `<summary><b>Title</b></summary>`"),
        )
    if card.summary is not None and not _closed(card, doc):
        # Read as a summary up to the card's end (`<summary><a href="URL">Title</a>`):
        # the browser closes it there, and anything after it would be folded in.
        return Violation(line.span, f"Card summary `{stripped}` is not closed with `</summary>`")
    if not house and card.summary is not None and _shows_text(card.summary.title):
        # Closed and titled: all another list's summary is judged for, without bs4.
        return None
    reading = _read(stripped)
    if reading is None:  # pragma: no cover - the line holds `<summary`
        return None
    if not reading.title:
        return Violation(line.span, f"Card summary `{stripped}` has an empty title")
    if card.summary is None:
        unclosed = _UNCLOSED.match(stripped)
        fix = None
        if unclosed and unclosed.group("title").strip():
            fix = _replace(line, summary_line(unclosed.group("title").strip()), "Close the summary")
        return Violation(line.span, f"Card summary `{stripped}` is not closed with `</summary>`", fix=fix)
    if not house:
        return None
    if reading.trailing:
        return Violation(line.span, f"Card summary has text after `</summary>`: `{reading.trailing}`")
    plain = _PLAIN.match(stripped)
    # Only a block with card fields is surely a card: a folded note that holds
    # a quote looks like one, and its plain summary is not a title.
    if plain and not reading.tags and card.fields:
        return Violation(
            line.span,
            f"Card summary `{stripped}` is not bold: the title is not wrapped in `<b>`",
            fix=_replace(line, summary_line(plain.group("title").strip()), "Wrap the title in `<b>`"),
        )
    if not reading.tags:
        return Violation(line.span, f"Card summary `{stripped}` is not bold: the title is not wrapped in `<b>`")
    if set(reading.tags) <= {"b", "strong"}:
        return Violation(line.span, f"Card summary `{stripped}` is only partly bold")
    shown = ", ".join(f"`<{tag}>`" for tag in dict.fromkeys(reading.tags))
    return Violation(line.span, f"Card summary `{stripped}` uses {shown} instead of one `<b>`")


@rule(code="LL503", name="malformed-summary", fix=FixAvailability.SOMETIMES)
def malformed_summary(ctx: Context) -> Iterator[Violation]:
    """Flag a card summary that is not `<summary><b>Title</b></summary>` on its own line."""
    doc = ctx.doc
    # That form is the house's; another list's cards are judged only for what is broken.
    house = bool(doc.cards) and card_style(doc, ctx.settings).house
    for card in doc.cards:
        line = _summary_line(card, doc)
        if line is None:
            yield Violation(card.open, f"{_name(card)} has no `<summary>` line")
            continue
        if line.start == card.open.start and (house or card.summary is None):
            split = _SPLIT_OPEN.match(line.text)
            fix = None
            if split and card.summary is not None:
                new = f"{split.group('details').rstrip()}{doc.newline}{split.group('summary')}"
                fix = _replace(line, new, "Move the summary to its own line")
            problem = "its summary on" if card.summary is not None else "an unclosed `<summary>` on"
            yield Violation(line.span, f"{_name(card)} has {problem} the `<details>` line", fix=fix)
            continue
        if line.start == card.open.start:
            continue
        found = _check_line(card, line, house, doc)
        if found is not None:
            yield found
