"""Run rules over documents and turn their violations into findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from listlint.config import Settings, _glob_match
from listlint.diagnostics import Finding, Related, RelatedLocation, Severity, Violation, locate
from listlint.document import Document
from listlint.entry_index import EntryIndex
from listlint.pairs import entry_key
from listlint.registry import Context, FixAvailability, Rule, Scope
from listlint.selection import matches, selected
from listlint.text import Span


def rules_for(settings: Settings, only: Sequence[Rule] | None = None) -> tuple[Rule, ...]:
    if only is not None:
        return tuple(only)
    return selected(settings.select, settings.extend_select, settings.ignore)


def _ignored_here(settings: Settings, path: str, rule: Rule) -> bool:
    if not settings.per_file_ignores:
        return False
    rel = settings.relative(path)
    return any(
        _glob_match(rel, pattern) and any(matches(selector, rule) for selector in selectors)
        for pattern, selectors in settings.per_file_ignores
    )


def _finding(rule: Rule, violation: Violation, doc: Document) -> Finding:
    related = tuple(
        RelatedLocation(locate(item.doc or doc, item.span), item.message)
        for item in violation.related
    )
    return Finding(
        code=rule.code,
        name=rule.name,
        message=violation.message,
        severity=violation.severity or rule.severity,
        location=locate(doc, violation.span),
        span=violation.span,
        doc=doc,
        fix=violation.fix,
        related=related,
        entry_key=violation.entry_key,
    )


def lint(
    targets: Sequence[Document],
    settings: Settings,
    *,
    context: Sequence[Document] = (),
    rules: Sequence[Rule] | None = None,
    progress: Callable[[], None] | None = None,
    jobs: int | None = 1,
) -> list[Finding]:
    """Findings for `targets`; `context` documents are compared against, never reported.

    Document-scoped rules run on each target; list-scoped rules run once over
    targets and context together, and keep only what falls in a target.
    `progress` is called after each rule (for a progress bar). With `jobs` None
    (automatic) or above 1, the rules without fixes run in a forked process on a
    large enough input (see `listlint.parallel`); the findings are the same.
    """
    active = rules_for(settings, rules)
    documents = list(targets) + [doc for doc in context if doc not in targets]
    run = _Run(documents, targets, settings)
    remote = _remote_rules(active, documents, jobs)
    forked = None
    if remote:
        from listlint.parallel import Forked

        forked = Forked(lambda: [run.portable(run.violations(rule)) for rule in remote])
    found: dict[str, list[tuple[Violation, Document]]] = {}
    for rule in active:
        if rule not in remote:
            found[rule.code] = run.violations(rule)
            if progress is not None:
                progress()
    if forked is not None:
        results = forked.result()
        for number, rule in enumerate(remote):
            found[rule.code] = run.violations(rule) if results is None else run.restored(results[number])
            if progress is not None:
                progress()
    findings = [_finding(rule, violation, doc) for rule in active for violation, doc in found[rule.code]]
    from listlint.suppressions import apply_suppressions

    findings = _with_entry_keys(apply_suppressions(targets, findings, active))
    findings.sort(key=Finding.sort_key)
    return findings


def _remote_rules(active: Sequence[Rule], documents: Sequence[Document], jobs: int | None) -> tuple[Rule, ...]:
    """The rules to run in a forked process: the cross-file comparisons, which never fix.

    Their violations pickle (a fix's verify callback would not), and they weigh about
    as much as all the document rules together, which stay here.
    """
    from listlint.parallel import MIN_TEXT, available

    if not available(jobs):
        return ()
    if jobs is None and sum(len(doc.text) for doc in documents) < MIN_TEXT:
        return ()
    remote = tuple(rule for rule in active if rule.scope is Scope.LIST and rule.fix is FixAvailability.NONE)
    return remote if len(remote) < len(active) else ()


# A violation as it crosses the pipe from a forked process: documents by their index.
_Portable = tuple[int, int, int, str, "Severity | None", tuple[tuple[int, int, int, str], ...], "str | None"]


class _Run:
    """The documents of one lint call, and how each rule's violations are gathered."""

    def __init__(self, documents: list[Document], targets: Sequence[Document], settings: Settings) -> None:
        self.documents = documents
        self.targets = targets
        self.settings = settings
        self.target_ids = {id(doc) for doc in targets}

    def violations(self, rule: Rule) -> list[tuple[Violation, Document]]:
        """The rule's violations in targets, each with the document it is in."""
        settings = self.settings
        options = {**rule.option_defaults(), **settings.rule_options.get(rule.name, {})}
        found = []
        if rule.scope is Scope.DOCUMENT:
            for doc in self.targets:
                if _ignored_here(settings, doc.path, rule):
                    continue
                ctx = Context(self.documents, self.targets, options, settings, document=doc)
                found.extend((violation, violation.doc or doc) for violation in rule.check(ctx))
        else:
            ctx = Context(self.documents, self.targets, options, settings)
            for violation in rule.check(ctx):
                doc = violation.doc
                if doc is None or id(doc) not in self.target_ids:
                    continue
                if _ignored_here(settings, doc.path, rule):
                    continue
                found.append((violation, doc))
        return found

    def portable(self, found: list[tuple[Violation, Document]]) -> list[_Portable]:
        index = {id(doc): number for number, doc in enumerate(self.documents)}
        portable = []
        for violation, doc in found:
            if violation.fix is not None:
                raise ValueError("a fix cannot cross processes")  # the parent then runs the rule itself
            related = tuple(
                (index[id(item.doc or doc)], item.span.start, item.span.end, item.message) for item in violation.related
            )
            span = violation.span
            portable.append(
                (index[id(doc)], span.start, span.end, violation.message, violation.severity, related, violation.entry_key)
            )
        return portable

    def restored(self, portable: list[_Portable]) -> list[tuple[Violation, Document]]:
        documents = self.documents
        found = []
        for doc_number, start, end, message, severity, related, entry_key in portable:
            violation = Violation(
                span=Span(start, end),
                message=message,
                related=tuple(Related(Span(s, e), text, doc=documents[d]) for d, s, e, text in related),
                doc=documents[doc_number],
                severity=severity,
                entry_key=entry_key,
            )
            found.append((violation, documents[doc_number]))
        return found


def _with_entry_keys(findings: list[Finding]) -> list[Finding]:
    """Key each finding by the entry its span starts in, one format for every rule.

    A rule's own key is kept only for a finding outside any entry.
    """
    index = EntryIndex()
    keys: dict[int, str | None] = {}  # by id(entry): an entry holds many findings
    keyed = []
    for finding in findings:
        entry = index.entry_at(finding.doc, finding.span.start)
        if entry is None:
            key = None
        else:
            key = keys.get(id(entry), "")
            if key == "":
                key = keys[id(entry)] = entry_key(entry)
        if key is not None and key != finding.entry_key:
            finding = finding.with_entry_key(key)
        keyed.append(finding)
    return keyed
