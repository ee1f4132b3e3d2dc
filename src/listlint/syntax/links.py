"""Links inside field values: mistune says what is a link, we say where it is."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from listlint.base.spans import Span
from listlint.syntax.model import Link, Text

# A Markdown inline link whose label may itself be bracketed: `[[Paper]](url)`.
# Used to locate the links mistune finds; mistune decides what is a link.
LINK_CANDIDATE = re.compile(
    r"\[(?P<label>\[[^\[\]\n]*\]|[^\[\]\n]*)\]\(\s*(?P<url><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+\"[^\"\n]*\")?\s*\)"
)


@lru_cache(maxsize=1)
def _inline_parser() -> Any:
    import mistune

    return mistune.create_markdown(renderer=None).inline


def _mistune_links(value: str) -> list[tuple[str, str]]:
    """(label text, url) of every link mistune finds in an inline string."""
    from mistune.core import InlineState

    state = InlineState({})
    state.src = value
    found: list[tuple[str, str]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            if token.get("type") == "link":
                label = "".join(
                    child.get("raw", "") for child in token.get("children", ())
                )
                found.append((label, token.get("attrs", {}).get("url", "")))
            elif token.get("children"):
                walk(token["children"])

    walk(_inline_parser().parse(state))
    return found


# A value made only of plain links and ` | ` separators, with no character that
# Markdown could read otherwise (emphasis, escapes, entities, code, parentheses
# in URLs). For such a value the candidate scan is exactly what mistune finds,
# so mistune's inline parser (about 50 µs a value) is needed only for the rest.
_PLAIN_LINK = r"\[\[?[^\[\]\n*_`\\&<>!]*\]?\]\([^\s()<>\\&`]*\)"
PLAIN_LINKS_VALUE = re.compile(rf"^{_PLAIN_LINK}(?:[ \t]*[|｜,、][ \t]*{_PLAIN_LINK})*$")


def parse_links(value: str, offset: int) -> tuple[Link, ...]:
    """Links of an inline value that starts at document offset `offset`."""
    if "](" not in value:
        return ()
    candidates = list(LINK_CANDIDATE.finditer(value))
    if PLAIN_LINKS_VALUE.match(value):
        return _build(candidates, offset)
    interpreted = _mistune_links(value)
    if len(candidates) != len(interpreted):
        # mistune disagrees with the candidate scan (escaped brackets, code
        # spans, autolinks inside labels...): keep only the candidates whose
        # URL mistune also saw, in order, so we never invent a link.
        urls = [url for _, url in interpreted]
        kept = []
        for match in candidates:
            url = match.group("url").strip("<>")
            if url in urls:
                urls.remove(url)
                kept.append(match)
        candidates = kept
    return _build(candidates, offset)


# What the candidate scan cannot read alone: code spans, backslash escapes, autolinks.
_AUTOLINK = re.compile(r"<(?ai:https?):")
# The usual link of running text, `[label](url)` with no brackets, parentheses or
# title inside: read without the candidate scan's alternatives (a line has a few).
_SIMPLE_LINK = re.compile(r"(?<!!)\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^\s()<>]*)\)")


def inline_links(value: str, offset: int) -> tuple[Link, ...]:
    """Links of a line of running text (a bullet, a table cell), images excluded.

    Such text is mostly plain: the candidate scan finds its links as mistune would,
    except where a code span, an escape or an autolink may hide or make one, and
    only there is mistune asked (`parse_links`).
    """
    count = value.count("](")
    if not count:
        return ()
    # Tested as substrings first: one search of a regex with alternatives costs more.
    if not ("`" in value or "\\" in value or (("<h" in value or "<H" in value) and _AUTOLINK.search(value))):
        simple = list(_SIMPLE_LINK.finditer(value))
        if len(simple) == count:
            # Every `](` is a plain link's (an image's `![...](...)` is no match and
            # leaves the count short): each is built from its two groups.
            links = []
            for match in simple:
                start, end = match.span()
                label_start, label_end = match.span(1)
                url_start, url_end = match.span(2)
                links.append(
                    Link(
                        Span(offset + start, offset + end),
                        Text(Span(offset + label_start, offset + label_end), match.group(1)),
                        Text(Span(offset + url_start, offset + url_end), match.group(2)),
                    )
                )
            return tuple(links)
        found = _build(list(LINK_CANDIDATE.finditer(value)), offset)
    else:
        found = parse_links(value, offset)
    # `![alt](src)` is an image; the scan reads its `[alt](src)` as a link.
    return tuple(link for link in found if value[link.span.start - offset - 1 : link.span.start - offset] != "!")


def _unwrapped(match: re.Match[str], group: str, brackets: str, offset: int) -> Text:
    """The group's text without one enclosing pair of `brackets` (`[[Code]]`, `<url>`)."""
    start, end = match.span(group)
    value = match.group(group)
    if value.startswith(brackets[0]) and value.endswith(brackets[1]):
        value, start, end = value[1:-1], start + 1, end - 1
    return Text(Span(offset + start, offset + end), value)


def _build(candidates: list[re.Match[str]], offset: int) -> tuple[Link, ...]:
    return tuple(
        [
            Link(
                Span(offset + match.start(), offset + match.end()),
                _unwrapped(match, "label", "[]", offset),
                _unwrapped(match, "url", "<>", offset),
            )
            for match in candidates
        ]
    )


# A destination that is itself a link: `[paper_link](https://...)` in
# `[[Paper]]([paper_link](https://...))`. CommonMark takes it whole as the URL (its
# parentheses balance), so the link goes to `%5Bpaper_link%5D(https://...)`.
_LINK_AS_DESTINATION = re.compile(
    r"^\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)$"
)
# Around a link written inside another's label, `[[Paper](https://a)](https://b)`: the
# text from an open bracket before it on its line, and from it to the outer `](url)`.
_OPEN_BEFORE = re.compile(r"\[[^\[\]\n]*$")
_CLOSE_AFTER = re.compile(r"[^\[\]\n]*\]\((?P<url>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)")


def destination_link(link: Link) -> Link | None:
    """The link written as `link`'s destination (`[paper_link](https://...)`), or None."""
    url = link.url
    if not url.value.startswith("[") or "](" not in url.value:
        return None
    found = _LINK_AS_DESTINATION.match(url.value)
    if found is None:
        return None
    start = url.span.start
    label_start, label_end = found.span("label")
    url_start, url_end = found.span("url")
    return Link(
        url.span,
        Text(Span(start + label_start, start + label_end), found.group("label")),
        Text(Span(start + url_start, start + url_end), found.group("url")),
    )


def enclosing_link(text: str, link: Link) -> Link | None:
    """The link whose label `link` is written in (`[[Paper](https://a)](https://b)`,
    where CommonMark keeps the inner link and shows the outer brackets and URL as text),
    or None. Its label is the text between its brackets, the inner link included. An
    image in a link (`[![stars](badge)](repo)`, a badge) is no nested link."""
    if text[link.span.start - 1 : link.span.start] == "!":
        return None
    after = _CLOSE_AFTER.match(text, link.span.end)
    if after is None:
        return None
    line_start = text.rfind("\n", 0, link.span.start) + 1
    before = _OPEN_BEFORE.search(text, line_start, link.span.start)
    if before is None:
        return None
    close = after.start("url") - 2
    return Link(
        Span(before.start(), after.end()),
        Text(Span(before.start() + 1, close), text[before.start() + 1 : close]),
        Text(Span(after.start("url"), after.end("url")), after.group("url")),
    )
