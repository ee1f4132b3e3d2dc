"""Apply fixes in passes until nothing changes, refusing any result that is not safe."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from listlint.base.errors import UnsafeFixError
from listlint.base.span_index import SpanIndex
from listlint.lint.engine import lint, rules_for
from listlint.lint.suppressions import UNUSED_SUPPRESSION, needs_every_rule
from listlint.rulekit.diagnostics import Applicability, Edit, Finding
from listlint.rulekit.rule import FixAvailability, Rule
from listlint.rulekit.settings import Settings
from listlint.rules.merge_conflict import merge_conflict
from listlint.syntax.document import Document

if TYPE_CHECKING:
    from listlint.analysis.arxiv_papers import Metadata

MAX_PASSES = 16


@dataclass
class FixOutcome:
    """The result of fixing one document."""

    text: str
    """The fixed text (the original when nothing was fixed)."""
    applied: int = 0
    """How many fixes were applied, over all passes."""
    passes: int = 0
    remaining: list[Finding] = field(default_factory=list)
    """Findings left after the last pass."""
    hidden_unsafe: int = 0
    """Findings whose fix is unsafe and was not applied (no `--unsafe-fixes`)."""
    applied_by_rule: dict[str, int] = field(default_factory=dict)
    document: Document | None = None
    """The fixed text, parsed (None only before the first pass returns)."""
    refused: list[tuple[Finding, str]] = field(default_factory=list)
    """Fixes left unapplied because their own check failed, with the reason (the
    finding stays in `remaining`)."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; offsets refer to `text` before any edit."""
    ordered = sorted(edits, key=lambda edit: (edit.span.start, edit.span.end))
    pieces = []
    cursor = 0
    for edit in ordered:
        if edit.span.start < cursor:
            raise ValueError(f"overlapping edits at offset {edit.span.start}")
        pieces.append(text[cursor : edit.span.start])
        pieces.append(edit.new_text)
        cursor = edit.span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _allowed(finding: Finding, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    if finding.fix.applicability is Applicability.SAFE:
        return True
    return unsafe and finding.fix.applicability is Applicability.UNSAFE


def _choose(findings: Sequence[Finding], formatting: set[str]) -> list[Finding]:
    """Fixes for one pass: specific rules before formatting, no two touching one span."""
    # One index for each kind, as the findings come sorted by kind, then by place:
    # each index takes its spans in about the order of the text, so adding one is
    # an append, not an insertion in the middle of a long list.
    taken = (SpanIndex(), SpanIndex())
    chosen = []
    for finding in sorted(findings, key=lambda f: (f.code in formatting, f.span.start, f.code)):
        assert finding.fix is not None
        spans = [edit.span for edit in finding.fix.edits]
        if any(index.collides(span) for index in taken for span in spans):
            continue
        own = taken[finding.code in formatting]
        for span in spans:
            own.add(span)
        chosen.append(finding)
    return chosen


def _same(finding: Finding) -> tuple[str, str]:
    """What a finding is, across passes (its line moves as fixes above it apply)."""
    return (finding.code, finding.message)


def _refusal_key(finding: Finding) -> tuple[str, str, int]:
    """What a finding is on one text."""
    return (*_same(finding), finding.line)


def _still_found(refused: list[tuple[Finding, str]], remaining: Sequence[Finding]) -> list[tuple[Finding, str]]:
    """The refusals whose finding is still there (another fix may have mended it since)."""
    left = {_same(f) for f in remaining}
    return [(finding, reason) for finding, reason in refused if _same(finding) in left]


def _refuse_merge_conflict(doc: Document, settings: Settings) -> None:
    """Write nothing to a file with an unresolved merge conflict, whichever rules are
    selected: a fix made around half of a conflict could lose the other side."""
    for finding in lint([doc], settings, rules=[merge_conflict]):
        if finding.code == merge_conflict.code:
            raise UnsafeFixError(
                f"{finding.name}: resolve the merge conflict first; nothing was written", doc.path, finding.line
            )


def fix_document(
    doc: Document,
    settings: Settings,
    *,
    context: Sequence[Document] = (),
    unsafe: bool = False,
    rules: Sequence[Rule] | None = None,
    max_passes: int = MAX_PASSES,
    final_lint: bool = True,
    metadata: Metadata | None = None,
) -> FixOutcome:
    """Fix `doc` in passes; raise UnsafeFixError (and change nothing) when unsafe.

    Each pass re-lints the current text, applies the fixes that do not
    collide, re-parses and checks that no entry was lost. It stops when no
    applicable fix is left; if that does not happen within `max_passes`
    the fixes oscillate and nothing is written. A fix whose own check fails
    is skipped (see `FixOutcome.refused`), formatting's as any other (its
    card is left as written). With `final_lint` False the
    rules without fixes are not run at the end (`remaining` is then only
    what the fixing rules still report): a caller fixing many files lints
    them once, together, afterwards. They still run where a suppression
    needs them to be judged (see `suppressions.needs_every_rule`). `metadata`:
    arXiv's answers, for the rules of `verify`.
    """
    outcome = FixOutcome(doc.text)
    current = doc
    still_fixing: set[str] = set()
    active = rules_for(settings, rules)
    # Passes run only the rules that can fix something: the others (the
    # near-copy search above all) cannot change the text, so they run once,
    # on the final text, for the findings that remain.
    fixing = [rule for rule in active if rule.fix is not FixAvailability.NONE]
    formatting = {rule.code for rule in fixing if rule.formatting}
    judges_suppressions = any(rule.name == UNUSED_SUPPRESSION for rule in fixing)
    refused: set[tuple[str, str, int]] = set()  # on the current text
    findings: list[Finding] | None = None  # on the current text
    every_rule_ran = False  # whether `findings` are every rule's, or the fixing rules' only

    def applicable_in(found: list[Finding]) -> list[Finding]:
        return [f for f in found if _allowed(f, unsafe) and _refusal_key(f) not in refused]

    for number in range(max_passes + 1):
        if findings is None:
            findings = lint([current], settings, context=context, rules=fixing, metadata=metadata)
            every_rule_ran = len(fixing) == len(active)
        applicable = applicable_in(findings)
        if not applicable and not every_rule_ran and (
            final_lint or judges_suppressions and needs_every_rule(current, fixing)
        ):
            # The findings that remain, and the suppressions only every rule can judge
            # (one naming no rule, or a rule without a fix): the passes cannot tell
            # whether they are used. A stale one is removed in one more pass.
            findings = lint([current], settings, context=context, rules=active, metadata=metadata)
            every_rule_ran = True
            applicable = applicable_in(findings)
        if not applicable:
            outcome.text = current.text
            outcome.document = current
            outcome.passes = number
            outcome.remaining = findings
            outcome.refused = _still_found(outcome.refused, findings)
            outcome.hidden_unsafe = sum(
                1
                for f in findings
                if f.fix is not None and f.fix.applicability is Applicability.UNSAFE and not unsafe
            )
            return outcome
        if number == max_passes:
            still_fixing = {f.name for f in applicable}
            break
        chosen = []
        for finding in _choose(applicable, formatting):
            assert finding.fix is not None
            reason = finding.fix.verify() if finding.fix.verify is not None else None
            if not reason:
                chosen.append(finding)
            else:
                # One rule's uncertain fix is skipped, like ruff's fix that would break
                # syntax; the finding stays, the other fixes go ahead. Formatting's
                # too: where it cannot prove a card renders the same, that card is
                # left as written and the rest of the file is still fixed.
                refused.add(_refusal_key(finding))
                if all(_same(f) != _same(finding) for f, _ in outcome.refused):
                    outcome.refused.append((finding, reason))
        if not chosen:
            continue  # the same text, the same findings: choose again without the refused
        new_text = apply_edits(current.text, (e for f in chosen for e in f.fix.edits))  # type: ignore[union-attr]
        if new_text == current.text:
            outcome.text = current.text
            outcome.document = current
            outcome.passes = number + 1
            outcome.remaining = (
                lint([current], settings, context=context, rules=active, metadata=metadata) if final_lint else findings
            )
            outcome.refused = _still_found(outcome.refused, outcome.remaining)
            return outcome
        if current is doc:  # the first change to the file
            _refuse_merge_conflict(doc, settings)
        fixed = doc.reparsed(new_text)
        if "".join(fixed.segment_texts()) != new_text:  # pragma: no cover - tiling is exact
            raise UnsafeFixError("fixed text no longer tiles; nothing was written", doc.path)
        if len(fixed.entries) < len(current.entries):
            names = ", ".join(sorted({f.name for f in chosen}))
            raise UnsafeFixError(
                f"fixes ({names}) would lose an entry; nothing was written", doc.path
            )
        for finding in chosen:
            outcome.applied_by_rule[finding.name] = outcome.applied_by_rule.get(finding.name, 0) + 1
        outcome.applied += len(chosen)
        current = fixed
        findings = None
        refused.clear()  # on the new text a refused fix may pass its check
    raise UnsafeFixError(
        f"fixes failed to converge after {max_passes} passes "
        f"({', '.join(sorted(still_fixing))} kept changing the file); nothing was written",
        doc.path,
    )
