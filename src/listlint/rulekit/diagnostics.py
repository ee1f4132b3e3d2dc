"""What rules report and how fixes are described: violations, findings, edits."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import field
from typing import TYPE_CHECKING

from listlint.base.spans import Span
from listlint.base.values import value

if TYPE_CHECKING:
    from listlint.syntax.document import Document


class Applicability(enum.Enum):
    """How sure a fix is (ruff's three levels)."""

    SAFE = "safe"
    """Applied by `listlint fix`."""
    UNSAFE = "unsafe"
    """Applied only with `--unsafe-fixes`: it may change what the author meant."""
    DISPLAY_ONLY = "display-only"
    """Shown as a suggestion, never applied."""


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@value(slots=True)
class Edit:
    """Replace the text of `span` with `new_text` (an insertion when the span is empty)."""

    span: Span
    """Half-open offsets into the decoded text of the document being fixed."""
    new_text: str


@value(slots=True)
class Fix:
    """A set of edits that together mend one violation."""

    title: str
    """Imperative, no final period: `Replace with the canonical URL`."""
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    verify: Callable[[], str | None] | None = field(default=None, compare=False, repr=False)
    """Called before the fix is applied; returns why it must not be, or None.

    Used where proving the fix safe is costly (rendering Markdown), so that
    `check` does not pay for it.
    """


@value
class Related:
    """Another place a violation refers to: "first used here"."""

    span: Span
    message: str
    doc: Document | None = field(default=None, compare=False)
    """The document of the span; None means the violation's own document."""


@value
class Violation:
    """What a rule yields; the engine turns it into a Finding."""

    span: Span
    message: str
    """States the problem, values in backticks, no final period."""
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    doc: Document | None = field(default=None, compare=False)
    """The document the span is in; required from rules that compare documents."""
    severity: Severity | None = None
    """Overrides the rule's default severity (a lesser finding, as for cross-listings)."""
    entry_key: str | None = None
    """Identity of the entry the violation is on (arXiv ID or normalised title)."""


@value(slots=True)
class Location:
    """Where a finding is: a file and the 1-based positions of its first and last character."""

    path: str
    line: int
    """1-based."""
    column: int
    """1-based, in characters."""
    end_line: int
    """1-based."""
    end_column: int
    """1-based, exclusive (the column just past the span)."""


@value(slots=True)
class RelatedLocation:
    """Another place a finding points at (the card a copy was taken from), and why."""

    location: Location
    message: str
    span: Span
    """The place in `doc`, which `--changed-since` reads to find the entry it is in."""
    doc: Document = field(compare=False, repr=False)


@value(slots=True)
class Finding:
    """A violation placed in a file, with its rule's code and name."""

    code: str
    name: str
    message: str
    severity: Severity
    location: Location
    span: Span
    doc: Document = field(compare=False, repr=False)
    fix: Fix | None = None
    related: tuple[RelatedLocation, ...] = ()
    entry_key: str | None = None

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is Applicability.SAFE

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.code)

    def with_entry_key(self, key: str | None) -> Finding:
        """This finding keyed by `key` (`dataclasses.replace`, without its look at every field)."""
        return Finding(
            self.code,
            self.name,
            self.message,
            self.severity,
            self.location,
            self.span,
            self.doc,
            self.fix,
            self.related,
            key,
        )


def locate(doc: Document, span: Span) -> Location:
    position = doc.index.position  # read once: thousands of findings are located
    line, column = position(span.start)
    end_line, end_column = position(span.end)
    return Location(doc.path, line, column, end_line, end_column)
