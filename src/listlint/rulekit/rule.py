"""How a rule is declared: its code, name, scope, fix availability and options."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from listlint.base.values import value
from listlint.rulekit.diagnostics import Severity, Violation
from listlint.rulekit.settings import Command

if TYPE_CHECKING:
    from listlint.analysis.arxiv_papers import Metadata
    from listlint.rulekit.settings import Settings
    from listlint.syntax.document import Document


class Scope(enum.Enum):
    DOCUMENT = "document"
    """Called once per linted document: `ctx.document`."""
    LIST = "list"
    """Called once per run with every document of the list: `ctx.documents`."""


class FixAvailability(enum.Enum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@value
class Option:
    """A rule option users set under `[tool.listlint.rules.<rule-name>]`."""

    name: str
    type: type | tuple[type, ...]
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)
    """Validates a value; returns what is wrong with it, or None."""


@dataclass
class Context:
    """What a rule sees."""

    documents: Sequence[Document]
    """Every document of the run, including those loaded only for comparison."""
    targets: Sequence[Document]
    """The documents findings are reported for."""
    options: Mapping[str, Any]
    """This rule's options, defaults filled in."""
    settings: Settings
    document: Document | None = None
    """For document-scoped rules, the document being checked."""
    metadata: Metadata | None = None
    """Under `verify`, arXiv's answers by versionless ID (see `arxiv_metadata`);
    None under `check`, which knows nothing beyond the list."""

    @property
    def doc(self) -> Document:
        assert self.document is not None, "a list-scoped rule has no single document"
        return self.document


CheckFunction = Callable[[Context], Iterator[Violation]]


@value
class Rule:
    """A registered rule: what `@rule` declares about its check function."""

    code: str
    name: str
    check: CheckFunction
    scope: Scope
    fix: FixAvailability
    severity: Severity
    options: tuple[Option, ...]
    default_enabled: bool
    summary: str
    """The first line of the check function's docstring."""
    formatting: bool = False
    """The rule whose safe fix is canonical formatting (`listlint format`)."""
    shares: str | None = None
    """Rules with the same value run in one process when a run is shared between
    two (`listlint.lint.parallel`), one after another: they reuse what each other caches."""
    checked_fixes: bool = False
    """Its fixes carry a check (`Fix.verify`) that proves them safe when applied; a
    shared run keeps such a rule in the first process, where the check can run."""
    commands: tuple[Command, ...] = (Command.CHECK,)
    """The commands it runs under: a rule that compares entries with arXiv's
    metadata runs under `verify` only, so that `check` never needs the network."""

    def option_defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}


def rule(
    *,
    code: str,
    name: str,
    scope: Scope = Scope.DOCUMENT,
    fix: FixAvailability = FixAvailability.NONE,
    severity: Severity = Severity.ERROR,
    options: Sequence[Option] = (),
    default_enabled: bool = True,
    formatting: bool = False,
    shares: str | None = None,
    checked_fixes: bool = False,
    commands: Sequence[Command] = (Command.CHECK,),
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule; the module-level name then holds the Rule."""

    def wrap(function: CheckFunction) -> Rule:
        doc = (function.__doc__ or "").strip().splitlines()
        return Rule(
            code=code,
            name=name,
            check=function,
            scope=scope,
            fix=fix,
            severity=severity,
            options=tuple(options),
            default_enabled=default_enabled,
            summary=doc[0] if doc else "",
            formatting=formatting,
            shares=shares,
            checked_fixes=checked_fixes or formatting,
            commands=tuple(commands),
        )

    return wrap
