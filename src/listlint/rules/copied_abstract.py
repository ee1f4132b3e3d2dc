"""copied-abstract: an abstract that is (nearly) the abstract of another paper's entry."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.copies import COPY_OPTIONS, SHARED_TEXTS, copied_parts
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.syntax.model import Entry


def _abstract(entry: Entry) -> tuple[Span, str] | None:
    section = entry.abstract
    return (section.body.span, section.body_text) if section else None


@rule(code="LL201", name="copied-abstract", scope=Scope.LIST, fix=FixAvailability.NONE, options=COPY_OPTIONS, shares=SHARED_TEXTS)
def copied_abstract(ctx: Context) -> Iterator[Violation]:
    """Flag an abstract identical or nearly identical to another paper's abstract."""
    yield from copied_parts(ctx, _abstract, "abstract")
