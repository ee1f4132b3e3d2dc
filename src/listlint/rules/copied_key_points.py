"""copied-key-points: key points that are (nearly) those of another paper's entry."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.copies import COPY_OPTIONS, SHARED_TEXTS, copied_parts
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.syntax.model import Entry


def _key_points(entry: Entry) -> tuple[Span, str] | None:
    section = entry.key_points
    return (section.body.span, section.body_text) if section else None


@rule(code="LL202", name="copied-key-points", scope=Scope.LIST, fix=FixAvailability.NONE, options=COPY_OPTIONS, shares=SHARED_TEXTS)
def copied_key_points(ctx: Context) -> Iterator[Violation]:
    """Flag key points identical or nearly identical to another paper's key points."""
    yield from copied_parts(ctx, _key_points, "key points", plural=True)
