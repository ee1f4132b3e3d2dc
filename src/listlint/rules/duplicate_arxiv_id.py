"""duplicate-arxiv-id: the same paper (same ID, title and authors) listed twice."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Severity, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import repeated_ids
from listlint.rulekit.rule import Context, Option, Scope, rule

_LEVELS = ("allow", "warn", "error")


def _check_level(value: object) -> str | None:
    return None if value in _LEVELS else f"must be one of {', '.join(_LEVELS)}"


@rule(
    code="LL102",
    name="duplicate-arxiv-id",
    scope=Scope.LIST,
    options=[
        Option(
            "cross-listed",
            str,
            "warn",
            "A paper listed again with the same title and authors: `allow`, `warn` or `error`",
            check=_check_level,
        )
    ],
)
def duplicate_arxiv_id(ctx: Context) -> Iterator[Violation]:
    """Flag an entry that repeats the arXiv ID, title and authors of an earlier entry."""
    level = ctx.options["cross-listed"]
    if level == "allow":
        return
    severity = Severity.ERROR if level == "error" else Severity.WARNING
    for repeat in repeated_ids(ctx):
        if not repeat.agrees:
            continue
        where = "this file" if repeat.earlier.doc is repeat.entry.doc else "another file"
        yield repeat.violation(
            f"arXiv ID `{repeat.arxiv_id.base}` is already listed in {where} "
            f"(`{entry_name(repeat.earlier, 'untitled entry')}`)",
            "first listed",
            severity,
        )
