"""truncated-translation: an abstract in one file of a pair far shorter than in the other."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import regex

from listlint.analysis.language import length_units
from listlint.base.spans import first_content_line
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.pairs import file_pairs, match_entries
from listlint.rulekit.rule import Context, FixAvailability, Option, Scope, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Section

# A sentence ends at `.!?` before white space or the end, or at a Chinese full stop.
_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)|[。！？]")


def _sentences(text: str) -> int:
    stripped = text.strip()
    if not stripped:
        return 0
    ends = len(_SENTENCE_END.findall(stripped))
    # A last sentence without its full stop still counts.
    return ends + (0 if _SENTENCE_END.search(stripped[-1]) else 1)


def _check_ratio(value: Any) -> str | None:
    return None if 0.0 < value < 1.0 else "must be between 0.0 and 1.0 (exclusive)"


def _report(
    short: Section, short_doc: Document, long: Section, long_doc: Document, ratio: float, limit: float
) -> Violation:
    mine, theirs = _sentences(short.body_text), _sentences(long.body_text)
    count = f"{mine} sentence{'s' if mine != 1 else ''} against {theirs}"
    there = os.path.basename(long_doc.path)
    return Violation(
        first_content_line(short_doc.text, short.body.span),
        f"Abstract is {ratio:.0%} as long as in `{there}` ({count}); it looks cut short"
        f" (less than {limit:.0%})",
        related=(Related(first_content_line(long_doc.text, long.body.span), f"the abstract in {there}", doc=long_doc),),
        doc=short_doc,
    )


@rule(
    code="LL304",
    name="truncated-translation",
    scope=Scope.LIST,
    fix=FixAvailability.NONE,
    options=[
        Option(
            "min-ratio",
            float,
            0.35,
            "Flag an abstract shorter than this share of the other file's (in English-word equivalents)",
            check=_check_ratio,
        ),
        Option("min-words", int, 40, "Only compare when the longer abstract has at least this many words"),
    ],
)
def truncated_translation(ctx: Context) -> Iterator[Violation]:
    """Flag an abstract far shorter than the same entry's abstract in the other language's file."""
    limit = ctx.options["min-ratio"]
    min_words = ctx.options["min-words"]
    for pair in file_pairs(ctx.documents):
        for entries in match_entries(pair).pairs:
            original, translation = entries.original.abstract, entries.translation.abstract
            if original is None or translation is None:
                continue
            a, b = length_units(original.body_text), length_units(translation.body_text)
            if max(a, b) < min_words or min(a, b) == 0:
                # An empty abstract is a missing one, not a cut one.
                continue
            if b < a * limit:
                yield _report(translation, pair.translation, original, pair.original, b / a, limit)
            elif a < b * limit:
                yield _report(original, pair.original, translation, pair.translation, a / b, limit)
