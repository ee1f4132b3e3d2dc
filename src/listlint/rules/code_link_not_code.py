"""code-link-not-code: a `[[Code]]` link that points at a project page, not at code."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.urls import host_of, is_code_host, is_short_link_host, truncated_url_reason
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule

_CODE_LABELS = frozenset({"code", "代码", "github", "repo", "repository"})


@rule(code="LL407", name="code-link-not-code", fix=FixAvailability.ALWAYS)
def code_link_not_code(ctx: Context) -> Iterator[Violation]:
    """Flag a `Code` link whose host is not a code host (a `*.github.io` page, a lab site)."""
    for entry in ctx.doc.entries:
        for link in entry.links:
            if link.label.value.strip().casefold() not in _CODE_LABELS:
                continue
            host = host_of(link.url.value)
            # Empty, relative and cut-off URLs are the business of other rules.
            if not host or truncated_url_reason(link.url.value) is not None or is_code_host(host):
                continue
            if is_short_link_host(host):
                continue  # `aka.ms/...` may well lead to the code
            yield Violation(
                span=link.label.span,
                message=f"`{link.label.value}` link points at `{host}`, which is not a code host",
                fix=Fix(
                    "Relabel the link `Project Page`",
                    (Edit(link.label.span, "Project Page"),),
                    Applicability.UNSAFE,
                ),
            )
