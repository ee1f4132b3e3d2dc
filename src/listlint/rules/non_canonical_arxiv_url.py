"""non-canonical-arxiv-url: an arXiv link not written as `https://arxiv.org/abs|pdf/ID`."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.arxiv import parse_url
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.house import card_style, judged_as_house
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL406", name="non-canonical-arxiv-url", fix=FixAvailability.ALWAYS)
def non_canonical_arxiv_url(ctx: Context) -> Iterator[Violation]:
    """Flag an arXiv abs or pdf link with `http`, another host spelling, a version or `.pdf`."""
    style = card_style(ctx.doc, ctx.settings)
    for entry in ctx.doc.entries:
        # `http://`, `v1` and `.pdf` all open the paper: one form for all is the house's
        # convention, and another list's is its own. A full-width ID opens nothing anywhere.
        house = judged_as_house(entry, style)
        for link in entry.links:
            if not house and link.url.value.isascii():
                continue
            parsed = parse_url(link.url.value)
            if parsed is None or link.url.value == parsed.canonical:
                continue
            yield Violation(
                span=link.url.span,
                message=f"arXiv URL `{link.url.value}` is not canonical; write `{parsed.canonical}`",
                fix=Fix(
                    "Replace with the canonical arXiv URL",
                    (Edit(link.url.span, parsed.canonical),),
                    Applicability.SAFE,
                ),
            )
