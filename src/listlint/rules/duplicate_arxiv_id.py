"""duplicate-arxiv-id: the same paper (same ID, title and authors) listed twice."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.diagnostics import Related, Severity, Violation
from listlint.identity import display_title, repeated_ids
from listlint.registry import Context, Option, Scope, rule

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
        if not repeat.agrees or repeat.entry.arxiv_id is None:
            continue
        earlier = repeat.earlier
        assert earlier.arxiv_id is not None
        where = "this file" if earlier.doc is repeat.entry.doc else "another file"
        yield Violation(
            repeat.entry.arxiv_id.span,
            f"arXiv ID `{repeat.arxiv_id.base}` is already listed in {where} "
            f"(`{display_title(earlier)}`)",
            related=(
                Related(earlier.arxiv_id.span, f"`{repeat.arxiv_id.base}` first listed here", earlier.doc),
            ),
            doc=repeat.entry.doc,
            severity=severity,
            entry_key=repeat.arxiv_id.base,
        )
