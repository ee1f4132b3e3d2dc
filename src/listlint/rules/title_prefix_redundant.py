"""title-prefix-redundant: a summary title whose short name repeats the start of the title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Severity, Violation
from listlint.rulekit.house import card_style, judged_as_house
from listlint.rulekit.identity import normalise_title
from listlint.rulekit.rule import Context, FixAvailability, rule

_SEPARATOR = re.compile(r"\s*[:：]\s*")


@rule(code="LL107", name="title-prefix-redundant", fix=FixAvailability.ALWAYS)
def title_prefix_redundant(ctx: Context) -> Iterator[Violation]:
    """Flag a title `X: X ...` whose short name `X` repeats the start of the title."""
    style = card_style(ctx.doc, ctx.settings)
    for entry in ctx.doc.entries:
        title, short = entry.title, entry.short_name
        if title is None or short is None or not title.value.startswith(short.value):
            continue
        if short.span.start != title.span.start:
            continue
        separator = _SEPARATOR.match(title.value, len(short.value))
        if separator is None or separator.start() == separator.end():
            continue
        rest = title.value[separator.end() :]
        name, head = normalise_title(short.value), normalise_title(rest)
        if not name:
            continue
        # Remove `X: ` and keep the title as it is written after it.
        edit = Edit(Span(title.span.start, title.span.start + separator.end()), "")
        doubled = _SEPARATOR.split(rest, maxsplit=1)[0]
        if normalise_title(doubled) == name:
            # `VideoGPT: VideoGPT: Video Generation ...`: the short name written twice.
            yield Violation(
                short.span,
                f"Short name `{short.value}` is written twice at the start of the title",
                fix=Fix(f"Remove the first `{short.value}: `", (edit,), Applicability.SAFE),
            )
        elif len(short.value.split()) >= 2 and head.startswith(name + " ") and judged_as_house(entry, style):
            # `Audio-Visual Joint Attention: Audio-Visual Joint Attention for ...`: the
            # opening words of the title copied as a short name. A one-word name
            # (`Qwen2.5-Omni: Qwen2.5-Omni Technical Report`) names the model and stays.
            # The short name is the house's `Short: Title`: elsewhere the title is the paper's.
            yield Violation(
                short.span,
                f"Short name `{short.value}` only repeats the start of the title",
                fix=Fix(f"Remove the short name `{short.value}: `", (edit,), Applicability.UNSAFE),
                severity=Severity.WARNING,
            )
