"""html-in-field: a raw `<a href>` anchor pasted into a card's text (arXiv's abstract page)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import prose_spans
from listlint.rulekit.house import card_style
from listlint.rulekit.rule import Context, FixAvailability, rule

ANCHOR = re.compile(
    r"<(?ai:a)\s[^>\n]*?\b(?ai:href)\s*=\s*[\"'](?P<href>[^\"'\n]*)[\"'][^>\n]*>(?P<inner>[^<\n]*)</(?ai:a)\s*>"
)
# The text arXiv shows for a URL it linked: `this https URL`, in Chinese `此https URL`.
URL_STUB = re.compile(r"(?:this|此)\s*https?\s+URL", re.IGNORECASE)
# Translated abstracts also write `此链接` ("this link") as the anchor text.
_ANCHOR_STUB = re.compile(rf"{URL_STUB.pattern}|此链接", re.IGNORECASE)
# arXiv links a missing space between sentences as if it were a host:
# "retrieval.Furthermore" became <a href="http://retrieval.Furthermore">this http URL</a>.
_SENTENCE_JOIN = re.compile(r"^https?://(?P<end>[A-Za-z][\w-]*)\.(?P<start>[A-Z][a-z]+)$")


def _fix(href: str, inner: str, span: Span) -> Fix | None:
    if not _ANCHOR_STUB.fullmatch(inner.strip()):
        return None
    join = _SENTENCE_JOIN.match(href)
    if join is not None:
        return Fix(
            "Restore the sentence break arXiv turned into a link",
            (Edit(span, f"{join.group('end')}. {join.group('start')}"),),
            Applicability.SAFE,
        )
    # In an HTML-mode section a bare URL is not clickable, so this changes rendering.
    return Fix("Replace the anchor with its URL", (Edit(span, href),), Applicability.UNSAFE)


@rule(code="LL413", name="html-in-field", fix=FixAvailability.SOMETIMES)
def html_in_field(ctx: Context) -> Iterator[Violation]:
    """Flag a raw HTML anchor inside a field, the core-innovation quote or a section."""
    text = ctx.doc.text
    # The house writes Markdown links; another list may write anchors on purpose, but
    # not arXiv's `this https URL`, which only a paste leaves.
    house = bool(ctx.doc.cards) and card_style(ctx.doc, ctx.settings).house
    for card in ctx.doc.cards:
        for area in prose_spans(card):
            for match in ANCHOR.finditer(text, area.start, area.end):
                span = Span(match.start(), match.end())
                href, inner = match.group("href"), match.group("inner")
                if not house and not _ANCHOR_STUB.fullmatch(inner.strip()):
                    continue
                yield Violation(
                    span=span,
                    message=f"Raw HTML anchor to `{href}` (`{inner.strip()}`) pasted into the card",
                    fix=_fix(href, inner, span),
                )
