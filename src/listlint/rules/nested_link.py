"""nested-link: a link written inside another link (`[[Paper]]([paper_link](https://...))`)."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.urls import host_of, truncated_url_reason
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import all_links
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.links import destination_link, enclosing_link
from listlint.syntax.model import Link


def _web_url(url: str) -> bool:
    """An absolute http(s) URL with a whole host: what the inner link must go to for a fix."""
    return url.lower().startswith(("http://", "https://")) and host_of(url) is not None and truncated_url_reason(url) is None


def _destination_fix(outer: Link, inner: Link) -> Fix | None:
    """`[[Paper]]([x](URL))` -> `[[Paper]](URL)`: safe when `x` is no other URL (a template
    word, the URL itself), which GitHub never showed; unsafe when it is another URL."""
    url = inner.url.value
    if not _web_url(url):
        return None
    written = inner.label.value.strip()
    other = host_of(written) is not None and written.rstrip("/") != url.rstrip("/")
    return Fix(
        f"Link to `{url}`",
        (Edit(outer.url.span, url),),
        Applicability.UNSAFE if other else Applicability.SAFE,
    )


def _label_fix(text: str, outer: Link, inner: Link) -> Fix | None:
    """`[[Paper](URL)](URL)` -> `[[Paper]](URL)`: only when the inner link is the whole
    label and both go to the same web URL, so the reader loses nothing."""
    if outer.label.span != inner.span or inner.url.value != outer.url.value or not _web_url(outer.url.value):
        return None
    label = text[inner.label.span.start : inner.label.span.end]
    return Fix(
        f"Write `[[{label}]]({outer.url.value})`",
        (Edit(outer.span, f"[[{label}]]({outer.url.value})"),),
        Applicability.SAFE,
    )


@rule(code="LL415", name="nested-link", fix=FixAvailability.SOMETIMES)
def nested_link(ctx: Context) -> Iterator[Violation]:
    """Flag a link whose destination or text holds another link, which GitHub renders broken."""
    text = ctx.doc.text
    for entry in ctx.doc.entries:
        for link in all_links(entry):
            inner = destination_link(link)
            if inner is not None:
                yield Violation(
                    span=link.span,
                    message=(
                        f"`{link.label.value}` link has the link `[{inner.label.value}]({inner.url.value})` "
                        "as its destination, so it goes nowhere"
                    ),
                    fix=_destination_fix(link, inner),
                )
                continue
            outer = enclosing_link(text, link)
            if outer is not None:
                yield Violation(
                    span=outer.span,
                    message=(
                        f"Link `[{link.label.value}]({link.url.value})` is inside the text of a link to "
                        f"`{outer.url.value}`, which shows as literal brackets and URL"
                    ),
                    fix=_label_fix(text, outer, link),
                )
