"""The library API: text in, results out. It never prints."""

from __future__ import annotations

from collections.abc import Sequence

from listlint.lint.engine import lint
from listlint.lint.fixer import FixOutcome, fix_document
from listlint.rulekit.diagnostics import Finding
from listlint.rulekit.settings import Settings, document
from listlint.syntax.document import Document


def parse_text(text: str, path: str = "<text>", settings: Settings | None = None) -> Document:
    """Parse a list file's text into a Document (entries, segments, positions).

    `path` names the file; nothing is read from the disk, so its language is read
    from `path` as given (or from `settings`).
    """
    return document(text, path, settings or Settings())


def check_text(
    text: str,
    path: str = "<text>",
    *,
    settings: Settings | None = None,
    context: Sequence[Document] = (),
) -> list[Finding]:
    """Lint one text; `context` documents take part in cross-file rules only."""
    settings = settings or Settings()
    return lint([parse_text(text, path, settings)], settings, context=context)


def fix_text(
    text: str,
    path: str = "<text>",
    *,
    settings: Settings | None = None,
    unsafe: bool = False,
    context: Sequence[Document] = (),
) -> FixOutcome:
    """Apply every applicable fix (safe ones; unsafe ones too with `unsafe`)."""
    settings = settings or Settings()
    doc = parse_text(text, path, settings)
    return fix_document(doc, settings, context=context, unsafe=unsafe)


def format_text(text: str, path: str = "<text>") -> str:
    """Canonical formatting only: the safe fix of the formatting rule."""
    from listlint.rules import RULES

    formatting = [rule for rule in RULES if rule.formatting]
    doc = parse_text(text, path)
    return fix_document(doc, Settings(), rules=formatting).text
