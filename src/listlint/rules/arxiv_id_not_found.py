"""arxiv-id-not-found: an arXiv ID that arXiv has no paper for."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.arxiv_metadata import answer
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Command, Context, rule


@rule(code="LL110", name="arxiv-id-not-found", commands=(Command.VERIFY,))
def arxiv_id_not_found(ctx: Context) -> Iterator[Violation]:
    """Flag an arXiv ID that arXiv has no paper for (under `verify`)."""
    for entry in ctx.doc.entries:
        found = answer(ctx.metadata, entry)
        if found is not None and found[1] is None:
            named = found[0]
            yield Violation(named.span, f"arXiv has no paper with the ID `{named.arxiv_id.base}`")
