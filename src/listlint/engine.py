"""Run rules over documents and turn their violations into findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from listlint.config import Settings, _glob_match
from listlint.diagnostics import Finding, RelatedLocation, Violation, locate
from listlint.document import Document
from listlint.entry_index import EntryIndex
from listlint.pairs import entry_key
from listlint.registry import Context, Rule, Scope
from listlint.selection import matches, selected


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
) -> list[Finding]:
    """Findings for `targets`; `context` documents are compared against, never reported.

    Document-scoped rules run on each target; list-scoped rules run once over
    targets and context together, and keep only what falls in a target.
    `progress` is called after each rule (for a progress bar).
    """
    active = rules_for(settings, rules)
    documents = list(targets) + [doc for doc in context if doc not in targets]
    target_ids = {id(doc) for doc in targets}
    findings: list[Finding] = []
    for rule in active:
        options = {**rule.option_defaults(), **settings.rule_options.get(rule.name, {})}
        if rule.scope is Scope.DOCUMENT:
            for doc in targets:
                if _ignored_here(settings, doc.path, rule):
                    continue
                ctx = Context(documents, targets, options, settings, document=doc)
                for violation in rule.check(ctx):
                    findings.append(_finding(rule, violation, violation.doc or doc))
        else:
            ctx = Context(documents, targets, options, settings)
            for violation in rule.check(ctx):
                doc = violation.doc
                if doc is None or id(doc) not in target_ids:
                    continue
                if _ignored_here(settings, doc.path, rule):
                    continue
                findings.append(_finding(rule, violation, doc))
        if progress is not None:
            progress()
    from listlint.suppressions import apply_suppressions

    findings = _with_entry_keys(apply_suppressions(targets, findings, active))
    findings.sort(key=Finding.sort_key)
    return findings


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
