"""Suppression comments: HTML comments (invisible on GitHub) that silence rules.

    <!-- listlint-disable LL901, copied-abstract -->   ... until listlint-enable or the end
    <!-- listlint-enable -->                           ends every open range (or the named ones)
    <!-- listlint-disable-next-entry LL101 -->         the next card only
    <!-- listlint-disable-file LL301 -->               the whole file

No rule named means every rule. A suppression that suppresses nothing is
reported as `unused-suppression` once the other rules have run, which is why
that rule's findings are made here and not by its check function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Finding, Fix, locate
from listlint.rulekit.rule import Rule
from listlint.syntax.document import Document

UNUSED_SUPPRESSION = "unused-suppression"
KINDS = ("disable", "enable", "disable-next-entry", "disable-file")
# A directive opens its line (code spans in prose are examples, not directives).
DIRECTIVE = re.compile(
    r"^[ \t]*(?P<comment><!--[ \t]*listlint-(?P<kind>[A-Za-z-]*)(?P<rest>.*?)-->)",
    re.MULTILINE | re.DOTALL,
)
SELECTOR_SPLIT = re.compile(r"[\s,]+")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


@dataclass
class Directive:
    """A `<!-- listlint-... -->` comment, as written."""

    kind: str
    span: Span
    """The `<!-- ... -->` comment."""
    selectors: tuple[str, ...]
    """Rule codes or names as written; empty means every rule."""
    separator: str = ", "
    """How the selectors were joined, to rebuild the comment without some of them."""
    problem: str | None = None
    """Why the directive can never work (unknown kind, no entry after it)."""


@dataclass
class Region:
    """Where one selector of one directive silences findings."""

    directive: Directive
    selector: str | None
    """As written; None for "every rule"."""
    rule: Rule | None
    """What the selector names; None for every rule or an unknown name."""
    span: Span
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not self.span.start <= finding.span.start < self.span.end:
            return False
        return self.selector is None or (self.rule is not None and self.rule.code == finding.code)


@dataclass
class _Parsed:
    """The suppression comments of one document and the regions they silence."""

    directives: list[Directive] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    unknown: dict[int, list[str]] = field(default_factory=dict)
    """id(directive) -> selectors that name no rule."""


def _fenced(text: str) -> list[Span]:
    """Spans of fenced code blocks, where a directive is only an example."""
    spans = []
    opened: re.Match[str] | None = None
    for match in FENCE.finditer(text):
        if opened is None:
            opened = match
        elif match.group(1)[0] == opened.group(1)[0] and len(match.group(1)) >= len(opened.group(1)):
            spans.append(Span(opened.start(), match.end()))
            opened = None
    if opened is not None:
        spans.append(Span(opened.start(), len(text)))
    return spans


def parse_directives(doc: Document) -> list[Directive]:
    """Every suppression comment of a document, in order."""
    if "listlint-" not in doc.text:
        return []
    fenced = _fenced(doc.text)
    directives = []
    for match in DIRECTIVE.finditer(doc.text):
        start = match.start("comment")
        if any(span.start <= start < span.end for span in fenced):
            continue
        rest = match.group("rest").strip()
        selectors = tuple(s for s in SELECTOR_SPLIT.split(rest) if s)
        kind = match.group("kind")
        directive = Directive(
            kind,
            Span(start, match.end("comment")),
            selectors,
            ", " if "," in rest else " ",
        )
        if kind not in KINDS:
            directive.problem = (
                f"`listlint-{kind}` is not a listlint directive "
                f"(known: {', '.join('listlint-' + k for k in KINDS)})"
            )
        directives.append(directive)
    return directives


def _resolve(selector: str) -> Rule | None:
    from listlint.workspace.selection import resolve_rule

    return resolve_rule(selector)


def _parse(doc: Document) -> _Parsed:
    parsed = _Parsed(parse_directives(doc))
    open_regions: list[Region] = []
    for directive in parsed.directives:
        if directive.problem:
            continue
        unknown = [s for s in directive.selectors if _resolve(s) is None]
        if unknown:
            parsed.unknown[id(directive)] = unknown
        named = [(s, _resolve(s)) for s in directive.selectors if _resolve(s) is not None]
        targets: list[tuple[str | None, Rule | None]] = list(named)
        if not directive.selectors:
            targets = [(None, None)]
        if directive.kind == "enable":
            codes = {rule.code for _, rule in named if rule is not None}
            closing = [r for r in open_regions if not codes or (r.rule and r.rule.code in codes)]
            if not closing and not unknown:
                directive.problem = "`listlint-enable` has no open `listlint-disable` to end"
            for region in closing:
                region.span = Span(region.span.start, directive.span.start)
                open_regions.remove(region)
            continue
        if directive.kind == "disable-file":
            span = Span(0, len(doc.text))
        elif directive.kind == "disable-next-entry":
            following = [e for e in doc.entries if e.span.start >= directive.span.end]
            if not following:
                directive.problem = "`listlint-disable-next-entry` has no entry after it"
                continue
            span = following[0].span
        else:
            span = Span(directive.span.end, len(doc.text))
        for selector, rule in targets:
            region = Region(directive, selector, rule, span)
            parsed.regions.append(region)
            if directive.kind == "disable":
                open_regions.append(region)
    return parsed


def _remove_comment(doc: Document, span: Span) -> Edit:
    """Delete a comment, and its whole line when nothing else is on it."""
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    line_end = doc.text.find("\n", span.end)
    stop = len(doc.text) if line_end == -1 else line_end + 1
    before = doc.text[line_start : span.start]
    after = doc.text[span.end : stop]
    if not before.strip() and not after.strip():
        return Edit(Span(line_start, stop), "")
    if before.endswith((" ", "\t")) and not after.strip():
        return Edit(Span(span.start - 1, span.end), "")
    return Edit(span, "")


def _ticks(values: Sequence[str]) -> str:
    return ", ".join(f"`{value}`" for value in values)


def _unused_finding(
    doc: Document, directive: Directive, unused: list[str], unknown: list[str], rule: Rule
) -> Finding | None:
    """The unused-suppression finding of a directive, or None when all of it is used."""
    parts = []
    if directive.problem:
        parts.append(directive.problem)
    if unused:
        shown = _ticks(unused) if unused != ["*"] else f"`listlint-{directive.kind}`"
        parts.append(f"suppression of {shown} suppresses nothing")
    if unknown:
        parts.append(f"{_ticks(unknown)} {'is not a rule' if len(unknown) == 1 else 'are not rules'}")
    if not parts:
        return None
    message = "; ".join(parts)
    message = message[0].upper() + message[1:]
    gone = set(unused) | set(unknown)
    keep = [s for s in directive.selectors if s not in gone]
    if directive.problem or "*" in unused or not keep:
        title = "Remove the unused suppression"
        edit = _remove_comment(doc, directive.span)
    else:
        title = f"Remove {_ticks(sorted(gone, key=directive.selectors.index))} from the suppression"
        edit = Edit(
            directive.span, f"<!-- listlint-{directive.kind} {directive.separator.join(keep)} -->"
        )
    # A misspelt directive shows what the author wanted silenced; only they can mend it.
    unknown_kind = directive.kind not in KINDS
    fix = Fix(title, (edit,), Applicability.UNSAFE if unknown_kind else Applicability.SAFE)
    return Finding(
        code=rule.code,
        name=rule.name,
        message=message,
        severity=rule.severity,
        location=locate(doc, directive.span),
        span=directive.span,
        doc=doc,
        fix=fix,
    )


def needs_every_rule(doc: Document, ran: Sequence[Rule]) -> bool:
    """Whether a suppression of `doc` names every rule, or a rule that is not in `ran`:
    only a run of every selected rule can tell whether it is used."""
    codes = {rule.code for rule in ran}
    for directive in parse_directives(doc):
        if directive.problem or directive.kind == "enable":
            continue
        if not directive.selectors:
            return True
        for selector in directive.selectors:
            rule = _resolve(selector)
            if rule is not None and rule.code not in codes:
                return True
    return False


def apply_suppressions(
    targets: Sequence[Document],
    findings: list[Finding],
    active: Sequence[Rule],
    every_rule_ran: bool = True,
) -> list[Finding]:
    """Drop findings that a suppression covers; add `unused-suppression` findings.

    A selector is judged unused only for a rule that ran: with `--select`
    narrowed, a suppression of a rule that did not run may still be needed.
    A suppression naming no rule names every selected rule, so it is judged
    only when `every_rule_ran` (`fix`'s passes run only the rules with fixes).
    """
    parsed = {id(doc): _parse(doc) for doc in targets}
    if not any(p.directives for p in parsed.values()):
        return findings
    kept = []
    for finding in findings:
        regions = [r for r in parsed.get(id(finding.doc), _Parsed()).regions if r.covers(finding)]
        for region in regions:
            region.used = True
        if not regions:
            kept.append(finding)
    unused_rule = next((rule for rule in active if rule.name == UNUSED_SUPPRESSION), None)
    if unused_rule is None:
        return kept
    active_codes = {rule.code for rule in active if rule is not unused_rule}
    for doc in targets:
        doc_parsed = parsed[id(doc)]
        reports = []
        for directive in doc_parsed.directives:
            regions = [r for r in doc_parsed.regions if r.directive is directive]
            unused = [
                r.selector or "*"
                for r in regions
                if not r.used
                and (r.rule is None and r.selector is None and active_codes and every_rule_ran
                     or r.rule is not None and r.rule.code in active_codes)
            ]
            report = _unused_finding(
                doc, directive, unused, doc_parsed.unknown.get(id(directive), []), unused_rule
            )
            if report is not None:
                reports.append((directive, report))
        for directive, report in reports:
            # A directive never hides the report about itself.
            covering = [
                r
                for r in doc_parsed.regions
                if r.directive is not directive and r.covers(report)
            ]
            if not covering:
                kept.append(report)
    return kept
