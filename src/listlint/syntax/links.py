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
