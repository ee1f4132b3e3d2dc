"""placeholder-text: template text left in a card (`link_to_code_if_available`, `[作者列表]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.analysis.urls import host_of, is_code_host
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import all_links, prose_spans, written_entries
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.rules.html_in_field import ANCHOR, URL_STUB
from listlint.syntax.model import Card

PLACEHOLDER = re.compile(
    # Every alternative starts with one of these: the lookahead turns most
    # positions away before the alternatives are tried one by one.
    r"(?=[lpcagvdwhmuy\[])"
    r"(?:\blink_to_\w+"
    r"|\b(?:paper|code|project|pdf|arxiv|project_page|github|video|demo|website|homepage|dataset|data|model|page)_(?:link|url)\b"
    r"|\byour_(?:link|url|code|paper|repo|project)(?:_here)?\b"
    r"|\b(?:link|url)_here\b"
    r"|\[(?:作者列表|会议/期刊|年份|官方摘要|要点列举主要贡献|1-2 ?句话概述|论文标题|arXiv ?编号[^\]\n]*)\]"
    r"|\[(?:author list|authors|venue|year|paper title|official abstract|one-liner)\])",
    re.IGNORECASE,
)
# What lowered text holds where PLACEHOLDER can match: `nk_to_` of `link_to_`,
# `_l` or `_url` of `paper_link`, `your_`, `_here` of `url_here` (tested in
# `placeholder_text`), and the head of a
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
_PLACEHOLDER_URL = re.compile(
    r"^(?:url|link|todo|tbd|tba|x{3,}|your[-_ ]?(?:url|link)(?:[-_ ]?here)?|(?:url|link)[-_ ]?here|#todo"
    r"|[x\d]{4}\.x{4,5})$",
    re.IGNORECASE,
)
# The last path segment of a page's URL left as a template word: `https://foo.github.io/TODO`.
# A repository's name is a name, whatever it says (`github.com/ada/todo`).
_PLACEHOLDER_SEGMENT = re.compile(r"(?:todo|tbd|tba|x{3,}|your[-_]?(?:url|link)(?:[-_]?here)?)", re.IGNORECASE)
# An arXiv ID template in running text: `xxxx.xxxxx`, `2401.xxxxx` (the arXiv ID
# field's is invalid-arxiv-id's, an arXiv URL's is truncated-url's).
_ID_TEMPLATE = re.compile(r"(?<![\w./])(?:[xX]{4}|\d{4})\.[xX]{4,5}(?![\w/])")
# A value, quote or section that is only a to-do: `TODO`, `TBD`, `TODO: add the abstract`.
_TODO_VALUE = re.compile(r"^(?i:todo|tbd|tba|x{3,})[.!]*$|^TODO(?=[:：\s])")
# Where a placeholder word stands inside a URL it is part of a name (`github.com/ada/paper_link`).
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]|]+")


@rule(code="LL412", name="placeholder-text", fix=FixAvailability.NONE)
def placeholder_text(ctx: Context) -> Iterator[Violation]:
    """Flag template text left in an entry: placeholder words, bracketed stubs, arXiv's `this https URL`."""
    text = ctx.doc.text
    for card in written_entries(ctx.doc):
        seen: set[int] = set()
        links = all_links(card)
        for link in links:
            url = link.url.value.strip()
            if _PLACEHOLDER_URL.match(url):
                seen.add(link.url.span.start)
                yield Violation(
                    span=link.url.span,
                    message=f"`{link.label.value}` link has the placeholder destination `{link.url.value}`",
                )
                continue
            # The last segment, tested by its first letter before the pattern: most are not.
            tail = url.rstrip("/").rpartition("/")[2]
            if tail[:1] not in ("t", "T", "x", "X", "y", "Y") or not _PLACEHOLDER_SEGMENT.fullmatch(tail):
                continue
            host = host_of(url)
            if host and not is_code_host(host) and url.rstrip("/") != f"{url.split('://', 1)[0]}://{host}":
                seen.add(link.url.span.start)
                yield Violation(
                    span=link.url.span,
                    message=f"`{link.label.value}` link ends in the placeholder `{tail}`: `{link.url.value}`",
                )
        arxiv_field = card.field("arxiv_id")
        for area in prose_spans(card):
            # A to-do is a short value: most areas are longer than any, and are not sliced.
            whole = text[area.start : area.end].strip() if area.end - area.start <= 64 else ""
            if whole and whole[0] in "TtXx" and _TODO_VALUE.match(whole):
                start = text.find(whole, area.start, area.end)
                seen.add(start)
                yield Violation(
                    span=Span(start, start + len(whole)),
                    message=f"Placeholder text `{whole}` left in the {'card' if isinstance(card, Card) else 'entry'}",
                )
                continue
            # Most prose holds none of the placeholders; a substring test is
            # far cheaper than the case-insensitive alternations below.
            lowered = text[area.start : area.end].lower()
            # `[` heads every stub, `url` is URL_STUB's (and holds `_url`, below).
            ids = (
                arxiv_field is None or arxiv_field.value.span != area
            ) and ".xxxx" in lowered
            if not ("[" in lowered or "url" in lowered or "nk_to_" in lowered or "_l" in lowered or "_here" in lowered or "your_" in lowered or ids):
                continue
            anchors = (
                [m.span() for m in ANCHOR.finditer(text, area.start, area.end)]
                if _ANCHOR_NEEDS in lowered
                else []
            )
            # A word inside a URL names something there: only a whole destination is a slot.
            urls = [link.url.span for link in links if area.start <= link.url.span.start < area.end]
            if "://" in lowered or "www." in lowered:
                urls.extend(Span(m.start(), m.end()) for m in _BARE_URL.finditer(text, area.start, area.end))
            patterns = []
            if ids:
                patterns.append(_ID_TEMPLATE)
            if "nk_to_" in lowered or "_l" in lowered or "_url" in lowered or "_here" in lowered or "your_" in lowered or (
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
                    if any(
                        url.start <= match.start() and match.end() <= url.end and (url.start, url.end) != match.span()
                        for url in urls
                    ):
                        continue
                    seen.add(match.start())
                    yield Violation(
                        span=Span(match.start(), match.end()),
                        message=f"Placeholder text `{match.group(0)}` left in the {'card' if isinstance(card, Card) else 'entry'}",
                    )
