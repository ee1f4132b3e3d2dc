"""unused-suppression: a `listlint-disable` comment that silences nothing."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL001", name="unused-suppression", fix=FixAvailability.ALWAYS)
def unused_suppression(ctx: Context) -> Iterator[Violation]:
    """Flag a suppression comment that suppresses nothing (or names no rule).

    Whether a suppression is used is known only after every other rule has
    run, so the engine reports these in `listlint.lint.suppressions`; this check
    itself yields nothing.
    """
    return iter(())
