"""placeholder-text: template text left in a card (`link_to_code_if_available`, `[作者列表]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import all_links, prose_spans, written_entries
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.rules.html_in_field import ANCHOR, URL_STUB
from listlint.syntax.model import Card

PLACEHOLDER = re.compile(
    # Every alternative starts with one of these: the lookahead turns most
    # positions away before the alternatives are tried one by one.
    r"(?=[lpca\[])"
    r"(?:\blink_to_\w+"
    r"|\b(?:paper|code|project|pdf|arxiv|project_page)_(?:link|url)\b"
    r"|\[(?:作者列表|会议/期刊|年份|官方摘要|要点列举主要贡献|1-2 ?句话概述|论文标题|arXiv ?编号[^\]\n]*)\]"
    r"|\[(?:author list|authors|venue|year|paper title|official abstract|one-liner)\])",
    re.IGNORECASE,
)
# What lowered text holds where PLACEHOLDER can match: `nk_to_` of `link_to_`,
# `_l` or `_url` of `paper_link` (tested in `placeholder_text`), and the head of a
# bracketed stub (which ends in `]`). No need holds an `i` or an `s`: under
# IGNORECASE they also match `ı`, `İ` and `ſ`, which do not lower to them. The
# links of a Links field (`[[Paper]]`, `[arXiv]`) hold none of these heads.
_STUB_NEEDS = (
    "[author", "[venue]", "[year]", "[paper t", "[off", "[one-l", "[1-2",
    "[作者列表]", "[会议/期刊]", "[年份]", "[官方摘要]", "[要点列举主要贡献]", "[论文标题]", "编号",
)
_URL_STUB_NEEDS = ("http", "url")
_ANCHOR_NEEDS = "<a"
# A link destination that is a word from a template, not a URL.
_PLACEHOLDER_URL = re.compile(r"^(?:url|link|todo|tbd|xxx|your[-_ ]?url|#todo)$", re.IGNORECASE)


@rule(code="LL412", name="placeholder-text", fix=FixAvailability.NONE)
def placeholder_text(ctx: Context) -> Iterator[Violation]:
    """Flag template text left in an entry: placeholder words, bracketed stubs, arXiv's `this https URL`."""
    text = ctx.doc.text
    for card in written_entries(ctx.doc):
        seen: set[int] = set()
        for link in all_links(card):
            if _PLACEHOLDER_URL.match(link.url.value.strip()):
                seen.add(link.url.span.start)
                yield Violation(
                    span=link.url.span,
                    message=f"`{link.label.value}` link has the placeholder destination `{link.url.value}`",
                )
        for area in prose_spans(card):
            # Most prose holds none of the placeholders; a substring test is
            # far cheaper than the case-insensitive alternations below.
            lowered = text[area.start : area.end].lower()
            # `[` heads every stub, `url` is URL_STUB's (and holds `_url`, below).
            if not ("[" in lowered or "url" in lowered or "nk_to_" in lowered or "_l" in lowered):
                continue
            anchors = (
                [m.span() for m in ANCHOR.finditer(text, area.start, area.end)]
                if _ANCHOR_NEEDS in lowered
                else []
            )
            patterns = []
            if "nk_to_" in lowered or "_l" in lowered or "_url" in lowered or (
                "]" in lowered and any(head in lowered for head in _STUB_NEEDS)
            ):
                patterns.append(PLACEHOLDER)
            if all(need in lowered for need in _URL_STUB_NEEDS):
                patterns.append(URL_STUB)
            for pattern in patterns:
                for match in pattern.finditer(text, area.start, area.end):
                    # A stub inside an anchor is html-in-field's finding, and one
                    # placeholder found by both patterns is reported once.
                    if any(a <= match.start() < b for a, b in anchors) or match.start() in seen:
                        continue
                    seen.add(match.start())
                    yield Violation(
                        span=Span(match.start(), match.end()),
                        message=f"Placeholder text `{match.group(0)}` left in the {'card' if isinstance(card, Card) else 'entry'}",
                    )
