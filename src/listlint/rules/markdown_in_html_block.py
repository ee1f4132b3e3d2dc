"""markdown-in-html-block: Markdown inside a raw HTML section, which GitHub shows literally."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from listlint.analysis.html_blocks import opens_run
from listlint.analysis.visible import lost_text
from listlint.base.spans import Line, Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.cards import DETAILS_CLOSE_LINE
from listlint.syntax.document import Document
from listlint.syntax.model import Card, Section

_OPEN_ONLY = re.compile(r"^\s*<(?ai:details)\b[^>]*>\s*$")
_SUMMARY_ONLY = re.compile(r"^\s*<(?ai:summary)\b[^>]*>.*</(?ai:summary)\s*>\s*$")
_BULLET = re.compile(r"^\s*[*+-][ \t]+")
# `**bold**`, `__bold__`, `[label](url)`: Markdown a reader would see as markup.
_MARKUP = re.compile(r"\*\*\S(?:.*?\S)?\*\*|__\S(?:.*?\S)?__|\[[^\]\n]+\]\([^)\s]+\)")
_MARKUP_MARKS = ("**", "__", "](")


def _markdown_body(section: Section, lines: list[Line], newline: str, as_list: bool) -> Edit | None:
    """The edit that turns the HTML-mode body into a Markdown-mode one, when the shape is plain."""
    if len(lines) < 3 or not _OPEN_ONLY.match(lines[0].text) or not _SUMMARY_ONLY.match(lines[1].text):
        return None
    if not DETAILS_CLOSE_LINE.match(lines[-1].text) or lines[-1].text.strip().lower() != "</details>":
        return None
    body = [line for line in lines[2:-1] if not line.blank]
    if not body:
        return None
    if as_list:
        content = [_BULLET.sub("* ", line.text.lstrip()).rstrip() for line in body]
    else:
        content = [line.text.strip() for line in body]
    # Replace from the start of the first body line to the start of `</details>`:
    # the `<details>` and summary lines, and the closing line, stay as written.
    new = newline + newline.join(content) + newline + newline
    return Edit(Span(lines[1].stop, lines[-1].start), new)


def _verifier(text: str, card: Span, edit: Edit) -> Callable[[], str | None]:
    # The card is sliced from the document's text when the check runs, not held
    # by every finding: a large list has tens of thousands of them.
    def verify() -> str | None:
        card_text = text[card.start : card.end]
        start, end = edit.span.start - card.start, edit.span.end - card.start
        return lost_text(card_text, card_text[:start] + edit.new_text + card_text[end:])

    return verify


def _check_section(card: Card, section: Section, doc: Document) -> Violation | None:
    if section.markdown_mode or not section.body.value.strip():
        return None
    text, newline = doc.text, doc.newline
    markup = None
    if not section.items:
        start, end = section.body.span.start, section.body.span.end
        # Every match holds `**`, `__` or `](`; most bodies hold none, and three
        # substring scans cost less than the alternation tried at every character.
        if all(text.find(mark, start, end) < 0 for mark in _MARKUP_MARKS):
            return None
        markup = _MARKUP.search(text, start, end)
        if markup is None:
            return None
    lines = doc.lines_in(section.span.start, section.span.end)
    name = section.name.value or "section"
    fixable = not opens_run(text[card.span.start : card.span.end])
    if markup is None:  # a list
        start = section.items[0].span.start
        first = next(line for line in lines[1:] if line.start <= start <= line.end)
        bulleted = _BULLET.match(first.text) is not None
        # A numbered list's numbers are text in HTML and list markers in Markdown, which
        # draws them itself (and renumbers a list that skips): not a change to make unseen.
        edit = _markdown_body(section, lines, newline, as_list=True) if fixable and bulleted else None
        fix = None
        if edit is not None:
            fix = Fix(
                "Make the list a Markdown list",
                (edit,),
                Applicability.SAFE,
                verify=_verifier(text, card.span, edit),
            )
        kind, marks = ("Bullet", "`*`") if bulleted else ("Numbered", "numbers")
        return Violation(
            span=first.span,
            message=f"{kind} list in `{name}` is inside a raw HTML block, so it renders as literal {marks} on one line",
            fix=fix,
        )
    edit = _markdown_body(section, lines, newline, as_list=False) if fixable else None
    fix = None
    if edit is not None:
        # Other characters of the body (`\`, `_`, `<`, indentation) may start
        # to mean something once it is Markdown, so this one is not safe.
        fix = Fix(
            "Make the body Markdown",
            (edit,),
            Applicability.UNSAFE,
            verify=_verifier(text, card.span, edit),
        )
    return Violation(
        span=Span(markup.start(), markup.end()),
        message=f"Markdown `{markup.group()}` in `{name}` is inside a raw HTML block, so it renders literally",
        fix=fix,
    )


@rule(code="LL506", name="markdown-in-html-block", fix=FixAvailability.SOMETIMES, checked_fixes=True)
def markdown_in_html_block(ctx: Context) -> Iterator[Violation]:
    """Flag Markdown (bullets, emphasis, links) in a nested section that GitHub shows literally."""
    doc = ctx.doc
    for card in doc.cards:
        for section in card.sections:
            found = _check_section(card, section, doc)
            if found is not None:
                yield found
