"""truncated-url: a link whose URL was cut off (`https://github`, `https://arxiv.org/abs/`)."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.urls import truncated_url_reason
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import all_links
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL408", name="truncated-url", fix=FixAvailability.NONE)
def truncated_url(ctx: Context) -> Iterator[Violation]:
    """Flag a link URL that cannot be right: no host, a host without a dot, no repository or ID."""
    for entry in ctx.doc.entries:
        for link in all_links(entry):
            reason = truncated_url_reason(link.url.value)
            if reason is None:
                continue
            yield Violation(
                span=link.url.span,
                message=f"URL `{link.url.value}` looks cut off: {reason}",
            )
