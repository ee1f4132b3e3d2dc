"""Run rules over documents and turn their violations into findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from listlint.base.globs import glob_match
from listlint.base.spans import Span
from listlint.lint.entry_index import EntryIndex
from listlint.rulekit.diagnostics import (
    Applicability,
    Edit,
    Finding,
    Fix,
    Location,
    RelatedLocation,
    Severity,
    Violation,
    locate,
)
from listlint.rulekit.identity import entry_key
from listlint.rulekit.rule import Context, Rule, Scope
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.workspace.selection import matches, selected

if TYPE_CHECKING:
    from listlint.analysis.arxiv_papers import Metadata


def rules_for(settings: Settings, only: Sequence[Rule] | None = None) -> tuple[Rule, ...]:
    if only is not None:
        return tuple(only)
    return selected(settings.select, settings.extend_select, settings.ignore, settings.command)


def _ignored_here(settings: Settings, path: str, rule: Rule) -> bool:
    if not settings.per_file_ignores:
        return False
    rel = settings.relative(path)
    return any(
        glob_match(rel, pattern) and any(matches(selector, rule) for selector in selectors)
        for pattern, selectors in settings.per_file_ignores
    )


def lint(
    targets: Sequence[Document],
    settings: Settings,
    *,
    context: Sequence[Document] = (),
    rules: Sequence[Rule] | None = None,
    progress: Callable[[], None] | None = None,
    jobs: int | None = 1,
    metadata: Metadata | None = None,
) -> list[Finding]:
    """Findings for `targets`; `context` documents are compared against, never reported.

    Document-scoped rules run on each target; list-scoped rules run once over
    targets and context together, and keep only what falls in a target.
    `progress` is called after each rule (for a progress bar). With `jobs` above
    1, or None (automatic: on a large enough input), the rules are shared with a
    forked process (see `listlint.lint.parallel`); the findings are the same. The
    rules whose fixes carry a check stay in this process, so every fix can be
    applied; a rule that failed to say so gets `_checked_elsewhere` instead.
    `metadata`: arXiv's answers, for the rules of `verify` (`Context.metadata`).
    """
    active = rules_for(settings, rules)
    documents = list(targets) + [doc for doc in context if doc not in targets]
    run = _Run(documents, targets, settings, metadata)
    found: dict[int, list[Finding]] = {}
    if _parallel(active, documents, jobs):
        from listlint.lint.parallel import share

        here, tasks = _tasks(active)

        def first() -> None:
            for number in here:
                found[number] = run.findings(active[number])
                if progress is not None:
                    progress()

        results = share(
            len(tasks),
            lambda task: [run.findings(active[n]) for n in tasks[task]],
            run.portable,
            lambda task, portable: run.restored(portable, [active[n] for n in tasks[task]]),
            first=first,
        )
        for numbers, found_by_rule in zip(tasks, results):
            found.update(zip(numbers, found_by_rule))
            if progress is not None:
                for _ in numbers:
                    progress()
    for number, rule in enumerate(active):
        if number not in found:  # a serial run
            found[number] = run.findings(rule)
            if progress is not None:
                progress()
    from listlint.lint.suppressions import apply_suppressions

    findings = [finding for number in range(len(active)) for finding in found[number]]
    keyed = {id(finding) for finding in findings}
    # Suppressions drop findings and add their own (unused-suppression), keyed here.
    every_rule_ran = rules is None or not {r.code for r in rules_for(settings)} - {r.code for r in active}
    suppressed = apply_suppressions(targets, findings, active, every_rule_ran)
    findings = [f if id(f) in keyed else run.keyed(f) for f in suppressed]
    findings.sort(key=Finding.sort_key)
    return findings


def _parallel(active: Sequence[Rule], documents: Sequence[Document], jobs: int | None) -> bool:
    """Whether to share the rules with a forked process (see `lint`)."""
    if jobs == 1:  # the usual case: no need to load the machinery
        return False
    from listlint.lint.parallel import worth_sharing

    return worth_sharing(jobs, len(active), sum(len(doc.text) for doc in documents))


def _tasks(active: Sequence[Rule]) -> tuple[list[int], list[list[int]]]:
    """The rules (by position) this process keeps, and the tasks it shares, longest first.

    Rules whose fixes carry a check (`Rule.checked_fixes`: a callback, which cannot
    cross processes) are kept; formatting's fixes also carry a whole card each,
    which would only be pickled to be shown. Rules that share a cache
    (`Rule.shares`) make one task and go first, then the cross-file rules, which
    compare every entry with every other, so that no long task is left for the end.
    """
    here: list[int] = []
    tasks: list[list[int]] = []
    grouped: dict[str, list[int]] = {}
    for number, rule in enumerate(active):
        if rule.checked_fixes:
            here.append(number)
        elif rule.shares is None:
            tasks.append([number])
        elif rule.shares in grouped:
            grouped[rule.shares].append(number)
        else:
            tasks.append(grouped.setdefault(rule.shares, [number]))
    tasks.sort(key=lambda numbers: (len(numbers) == 1, active[numbers[0]].scope is not Scope.LIST))
    return here, tasks


def _checked_elsewhere() -> str:
    return "the fix was found in another process, which kept its check; nothing was checked here"


# A finding as it crosses the pipe from a forked process: its rule by the task's
# order, documents by their index, locations as tuples, a fix as its title, edits,
# applicability and whether it had a check (a callback, which does not cross: see
# `_checked_elsewhere`).
_Place = tuple[int, int, int, int, int]  # document, line, column, end line, end column
_PortableFix = tuple[str, tuple[tuple[int, int, str], ...], Applicability, bool]
_RelatedPlace = tuple[int, int, int]  # document, span start, span end
_Portable = tuple[
    int, int, str, Severity, _Place, tuple[tuple[Location, str, _RelatedPlace], ...], "str | None", "_PortableFix | None"
]


class _Run:
    """The documents of one lint call, and how each rule's findings are gathered."""

    def __init__(
        self,
        documents: list[Document],
        targets: Sequence[Document],
        settings: Settings,
        metadata: Metadata | None = None,
    ) -> None:
        self.documents = documents
        self.targets = targets
        self.settings = settings
        self.metadata = metadata
        self.target_ids = {id(doc) for doc in targets}
        self._entries = EntryIndex()
        self._keys: dict[int, str | None] = {}  # by id(entry): an entry holds many findings

    def violations(self, rule: Rule) -> list[tuple[Violation, Document]]:
        """The rule's violations in targets, each with the document it is in."""
        settings = self.settings
        options = {**rule.option_defaults(), **settings.rule_options.get(rule.name, {})}
        found = []
        if rule.scope is Scope.DOCUMENT:
            for doc in self.targets:
                if _ignored_here(settings, doc.path, rule):
                    continue
                ctx = Context(self.documents, self.targets, options, settings, doc, self.metadata)
                found.extend((violation, violation.doc or doc) for violation in rule.check(ctx))
        else:
            ctx = Context(self.documents, self.targets, options, settings, metadata=self.metadata)
            for violation in rule.check(ctx):
                doc = violation.doc
                if doc is None or id(doc) not in self.target_ids:
                    continue
                if _ignored_here(settings, doc.path, rule):
                    continue
                found.append((violation, doc))
        return found

    def findings(self, rule: Rule) -> list[Finding]:
        return [self._finding(rule, violation, doc) for violation, doc in self.violations(rule)]

    def _finding(self, rule: Rule, violation: Violation, doc: Document) -> Finding:
        """The violation placed in its file and keyed (see `keyed`), made once: a run
        can make tens of thousands."""
        span = violation.span
        related = tuple(
            RelatedLocation(locate(item.doc or doc, item.span), item.message, item.span, item.doc or doc)
            for item in violation.related
        )
        return Finding(
            rule.code,
            rule.name,
            violation.message,
            violation.severity or rule.severity,
            locate(doc, span),
            span,
            doc,
            violation.fix,
            related,
            self._key(doc, span.start, violation.entry_key),
        )

    def keyed(self, finding: Finding) -> Finding:
        """The finding keyed by the entry its span starts in, one format for every rule."""
        key = self._key(finding.doc, finding.span.start, finding.entry_key)
        return finding if key == finding.entry_key else finding.with_entry_key(key)

    def _key(self, doc: Document, offset: int, own: str | None) -> str | None:
        """The key of the entry holding `offset`; a rule's own key is kept only for a
        finding outside any entry (or in one without a key)."""
        entry = self._entries.entry_at(doc, offset)
        if entry is None:
            return own
        key = self._keys.get(id(entry), "")
        if key == "":
            key = self._keys[id(entry)] = entry_key(entry)
        return own if key is None else key

    def portable(self, results: list[list[Finding]]) -> list[list[_Portable]]:
        """A task's findings (one list per rule) as plain data for the pipe."""
        number_of = {id(doc): number for number, doc in enumerate(self.documents)}

        portable = []
        for found in results:
            rows = []
            for finding in found:
                fix = finding.fix
                portable_fix = None
                if fix is not None:
                    edits = tuple((edit.span.start, edit.span.end, edit.new_text) for edit in fix.edits)
                    portable_fix = (fix.title, edits, fix.applicability, fix.verify is not None)
                related = tuple(
                    (item.location, item.message, (number_of[id(item.doc)], item.span.start, item.span.end))
                    for item in finding.related
                )
                where = finding.location
                rows.append(
                    (
                        finding.span.start,
                        finding.span.end,
                        finding.message,
                        finding.severity,
                        (number_of[id(finding.doc)], where.line, where.column, where.end_line, where.end_column),
                        related,
                        finding.entry_key,
                        portable_fix,
                    )
                )
            portable.append(rows)
        return portable

    def restored(self, portable: list[list[_Portable]], rules: Sequence[Rule]) -> list[list[Finding]]:
        documents = self.documents

        def location(place: _Place) -> Location:
            doc, line, column, end_line, end_column = place
            return Location(documents[doc].path, line, column, end_line, end_column)

        results = []
        for rule, rows in zip(rules, portable):
            found = []
            for start, end, message, severity, where, related, key, portable_fix in rows:
                fix = None
                if portable_fix is not None:
                    title, edits, applicability, checked = portable_fix
                    fix = Fix(
                        title,
                        tuple(Edit(Span(s, e), text) for s, e, text in edits),
                        applicability,
                        verify=_checked_elsewhere if checked else None,
                    )
                found.append(
                    Finding(
                        code=rule.code,
                        name=rule.name,
                        message=message,
                        severity=severity,
                        location=location(where),
                        span=Span(start, end),
                        doc=documents[where[0]],
                        fix=fix,
                        related=tuple(
                            RelatedLocation(place, text, Span(start, end), documents[number])
                            for place, text, (number, start, end) in related
                        ),
                        entry_key=key,
                    )
                )
            results.append(found)
        return results
