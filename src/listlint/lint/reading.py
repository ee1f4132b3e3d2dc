"""What listlint read in a file: its layouts, entries and card style, and the notices it owes.

A list in a layout listlint does not know would otherwise end in "All checks passed":
a file that links papers and yields no entry gets a notice instead, and
`check --show-layout` says how every file was read, so the detection can be checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from listlint.analysis.papers import PaperEvidence, paper_evidence
from listlint.base.values import value
from listlint.rulekit.house import card_style
from listlint.rulekit.settings import Settings
from listlint.syntax.daily import outside_fences
from listlint.syntax.document import Document
from listlint.syntax.scanner import HEADING

NO_ENTRIES = "no paper entries recognised (layout not known)"


@value
class Notice:
    """Something a run says about a file that is not a finding: it was not read as a list."""

    path: str
    message: str
    level: str = "note"
    """SARIF's level: a note does not fail a run."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@value
class Section:
    """A run of consecutive entries of one layout."""

    line: int
    """1-based line of the heading the run falls under, else of its first entry."""
    heading: str | None
    """That heading as written (`## Vision`), None when no heading is above the run."""
    layout: str
    entries: int


@value
class Reading:
    """How a file was read."""

    path: str
    entries: int
    layouts: tuple[tuple[str, int], ...]
    """Each layout read and its number of entries, most entries first."""
    sections: tuple[Section, ...]
    style: str | None
    """How its cards are judged (`own style (0 of 25 cards in the house form)`), None without cards."""
    evidence: PaperEvidence | None
    """What says it lists papers; None when not counted (a file with entries, read to be checked)."""
    language: str = "en"
    language_from: str = "default"
    """Why: `its name`, `its content`, `the configuration`, `default`."""

    @property
    def notice(self) -> Notice | None:
        if self.entries or self.evidence is None or not self.evidence.paper_like:
            return None
        return Notice(self.path, NO_ENTRIES)

    def lines(self) -> list[str]:
        """`README.md: card, 25 entries, own style (...)`, then a line per section when it mixes layouts."""
        if not self.entries:
            if self.evidence is not None and self.evidence.paper_like:
                return [f"{self.path}: {NO_ENTRIES}: {self.evidence.describe()}, {self._language()}"]
            return [f"{self.path}: no entries"]
        read = ", ".join(f"{layout} {_entries(count)}" for layout, count in self.layouts)
        head = f"{self.path}: {read}" + (f", {self.style}" if self.style else "") + f", {self._language()}"
        if len(self.layouts) == 1:
            return [head]
        return [head] + [
            f"  {self.path}:{section.line}"
            + (f" `{section.heading}`" if section.heading else "")
            + f": {section.layout}, {_entries(section.entries)}"
            for section in self.sections
        ]

    def _language(self) -> str:
        """`Chinese (from its content)`."""
        name = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean"}.get(self.language, self.language)
        return f"{name} ({'by default' if self.language_from == 'default' else 'from ' + self.language_from})"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "entries": self.entries,
            "layouts": {layout: count for layout, count in self.layouts},
            "sections": [
                {"line": s.line, "heading": s.heading, "layout": s.layout, "entries": s.entries}
                for s in self.sections
            ],
            "style": self.style,
            "language": self.language,
            "language_from": self.language_from,
            "paper_links": self.evidence.links if self.evidence is not None else None,
            "notice": self.notice.message if self.notice else None,
        }


def _entries(count: int) -> str:
    return f"{count} entr{'ies' if count != 1 else 'y'}"


def read(doc: Document, settings: Settings, *, detail: bool = True) -> Reading:
    """How `doc` was read; without `detail`, only what a check reports (the layouts,
    and a notice): a run of `check` reads every file so, and the sections and the
    count of paper links cost a pass over each file's text."""
    entries = doc.entries
    layouts = Counter(entry.layout for entry in entries)
    style = card_style(doc, settings).describe() if doc.cards else None
    return Reading(
        doc.path,
        len(entries),
        tuple(layouts.most_common()),
        _sections(doc) if detail else (),
        style,
        paper_evidence(doc.text) if detail or not entries else None,
        doc.language,
        doc.language_from,
    )


def _sections(doc: Document) -> tuple[Section, ...]:
    """The runs of entries of one layout, each under the heading above its first entry."""
    lines = doc.lines
    outside = outside_fences(lines, doc.text)
    headings = [line for line, out in zip(lines, outside) if out and HEADING.match(line.text)]
    sections = []
    for layout, run in groupby(doc.entries, key=lambda entry: entry.layout):
        entries = list(run)
        start = entries[0].span.start
        heading = next((line for line in reversed(headings) if line.start <= start), None)
        line = doc.position(heading.start if heading else start)[0]
        sections.append(Section(line, heading.text.strip() if heading else None, layout, len(entries)))
    return tuple(sections)


def notices(readings: Sequence[Reading]) -> list[Notice]:
    return [reading.notice for reading in readings if reading.notice is not None]


def statistics_line(readings: Sequence[Reading]) -> str:
    """`Read 2 files: card 25 entries, daily 6 entries; 1 with no paper entries recognised.`"""
    layouts: Counter[str] = Counter()
    for reading in readings:
        layouts.update(dict(reading.layouts))
    read = ", ".join(f"{layout} {_entries(count)}" for layout, count in layouts.most_common()) or "no entries"
    line = f"Read {len(readings)} file{'s' if len(readings) != 1 else ''}: {read}"
    unread = len(notices(readings))
    if unread:
        line += f"; {unread} with {NO_ENTRIES}"
    return line + "."
