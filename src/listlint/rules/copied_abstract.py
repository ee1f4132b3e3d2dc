"""copied-abstract: an abstract that is (nearly) the abstract of another paper's entry."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.copies import COPY_OPTIONS, SHARED_TEXTS, check_fraction, copied_parts
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Option, Scope, rule
from listlint.syntax.model import Entry


def _abstract(entry: Entry) -> tuple[Span, str] | None:
    section = entry.abstract
    return (section.body.span, section.body_text) if section else None


_PASSAGE_SHARE = Option(
    "passage-share",
    (float, int),
    0.4,
    "Share of the shorter of two papers' abstracts made of passages (runs of a dozen words) of the other from which one "
    "holds a copy",
    check_fraction,
)


@rule(
    code="LL201",
    name="copied-abstract",
    scope=Scope.LIST,
    fix=FixAvailability.NONE,
    options=(*COPY_OPTIONS, _PASSAGE_SHARE),
    shares=SHARED_TEXTS,
)
def copied_abstract(ctx: Context) -> Iterator[Violation]:
    """Flag an abstract identical or nearly identical to another paper's abstract, or made of passages of it."""
    yield from copied_parts(ctx, _abstract, "abstract", passages=float(ctx.options["passage-share"]))
