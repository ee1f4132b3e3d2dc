"""duplicate-arxiv-id: the same paper (same ID, title and authors) listed twice."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Severity, Violation
from listlint.rulekit.entries import entry_name, section_start
from listlint.rulekit.house import card_style, judged_as_house
from listlint.rulekit.identity import Repeat, repeated_ids
from listlint.rulekit.rule import Context, Option, Scope, rule
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document

_LEVELS = ("allow", "warn", "error")


def _check_level(value: object) -> str | None:
    return None if value in _LEVELS else f"must be one of {', '.join(_LEVELS)}"


def _sorted_into_sections(repeat: Repeat, settings: Settings) -> bool:
    """Whether a repeat is another list's way of sorting one paper into several topics:
    two entries not in the house style, under two headings or in two files.

    The house lists each paper once; a list of topics often lists a paper under each
    topic it belongs to, and there every repeat would be a warning it meant. A paper
    twice under one heading is a slip either way.
    """
    entry, earlier = repeat.entry, repeat.earlier
    for item in (entry, earlier):
        if not isinstance(item.doc, Document) or judged_as_house(item, card_style(item.doc, settings)):
            return False
    if entry.doc is not earlier.doc:
        return True
    assert isinstance(entry.doc, Document)
    return section_start(entry.doc, entry) != section_start(entry.doc, earlier)


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
        if not repeat.agrees or _sorted_into_sections(repeat, ctx.settings):
            continue
        where = "this file" if repeat.earlier.doc is repeat.entry.doc else "another file"
        yield repeat.violation(
            f"arXiv ID `{repeat.arxiv_id.base}` is already listed in {where} "
            f"(`{entry_name(repeat.earlier, 'untitled entry')}`)",
            "first listed",
            severity,
        )
