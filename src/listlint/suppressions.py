"""Suppression comments (`<!-- listlint-disable ... -->`); filled in by the suppressions work."""

from __future__ import annotations

from collections.abc import Sequence

from listlint.diagnostics import Finding
from listlint.document import Document
from listlint.registry import Rule


def apply_suppressions(
    targets: Sequence[Document], findings: list[Finding], active: Sequence[Rule]
) -> list[Finding]:
    """Drop findings that a suppression comment covers (none yet)."""
    return findings
