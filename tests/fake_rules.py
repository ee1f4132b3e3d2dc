"""Rules that exist only in tests, for behaviour no real rule pins down on its own."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Related, Violation
from listlint.rulekit.identity import entry_key
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule

TODO = re.compile(r"\bTODO\b")


@rule(code="LL801", name="todo-one-liner", fix=FixAvailability.ALWAYS)
def todo_one_liner(ctx: Context) -> Iterator[Violation]:
    """Flag a One-liner that still says TODO (survives reformatting)."""
    for card in ctx.doc.cards:
        field = card.field("one_liner")
        if field is not None and TODO.search(field.value.value):
            yield Violation(
                field.value.span,
                f"One-liner `{field.value.value}` is a placeholder",
                fix=Fix("Remove the placeholder", (Edit(field.value.span, "Unknown"),), Applicability.UNSAFE),
            )


@rule(code="LL802", name="repeated-arxiv", scope=Scope.LIST)
def repeated_arxiv(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose arXiv ID an earlier entry of the list already uses."""
    first: dict[str, tuple[object, Span]] = {}
    for doc in sorted(ctx.documents, key=lambda d: os.path.abspath(d.path)):
        for entry in doc.entries:
            key = entry_key(entry)
            if key is None or not key.startswith("arxiv:") or entry.arxiv_id is None:
                continue
            if key in first:
                earlier_doc, earlier_span = first[key]
                yield Violation(
                    entry.arxiv_id.span,
                    f"arXiv ID `{key[6:]}` is already used",
                    related=(Related(earlier_span, "first used here", doc=earlier_doc),),  # type: ignore[arg-type]
                    doc=doc,
                )
            else:
                first[key] = (doc, entry.arxiv_id.span)


@rule(code="LL803", name="oscillating", fix=FixAvailability.ALWAYS)
def oscillating(ctx: Context) -> Iterator[Violation]:
    """Flag every `ping` or `pong` and swap it for the other (a fix that never settles)."""
    for match in re.finditer(r"\bp[io]ng\b", ctx.doc.text):
        other = "pong" if match.group() == "ping" else "ping"
        span = Span(match.start(), match.end())
        yield Violation(span, f"`{match.group()}` found", fix=Fix(f"Replace with `{other}`", (Edit(span, other),)))


@rule(code="LL804", name="doubtful-fix", fix=FixAvailability.ALWAYS)
def doubtful_fix(ctx: Context) -> Iterator[Violation]:
    """Flag every `maybe` with a fix whose own check always refuses it; `sure` gets a fix that passes."""
    for match in re.finditer(r"\b(maybe|sure)\b", ctx.doc.text):
        span = Span(match.start(), match.end())
        refuse = match.group() == "maybe"
        yield Violation(
            span,
            f"`{match.group()}` found",
            fix=Fix(
                "Replace with `certainly`",
                (Edit(span, "certainly"),),
                verify=(lambda: "the check says no") if refuse else (lambda: None),
            ),
        )
