"""Which rules run: selectors are codes, names, code prefixes or `ALL`."""

from __future__ import annotations

from collections.abc import Iterable

from listlint.rulekit.rule import Command, Rule


def _rules() -> tuple[Rule, ...]:
    from listlint.rules import RULES

    return RULES


def matches(selector: str, rule: Rule) -> bool:
    if selector == "ALL":
        return True
    if selector == rule.name:
        return True
    return rule.code.startswith(selector.upper()) and selector.upper().startswith("LL")


def check_selector(selector: str) -> str | None:
    """Why a selector names no rule, or None when it is fine."""
    if any(matches(selector, rule) for rule in _rules()):
        return None
    return f"`{selector}` is not a rule code, name or code prefix"


def resolve_rule(name_or_code: str) -> Rule | None:
    for rule in _rules():
        if name_or_code in (rule.name, rule.code) or name_or_code.upper() == rule.code:
            return rule
    return None


def selected(
    select: Iterable[str],
    extend_select: Iterable[str],
    ignore: Iterable[str],
    command: Command = Command.CHECK,
) -> tuple[Rule, ...]:
    """Rules of `command` chosen by `select` + `extend-select`, less `ignore`.

    `ALL` picks the rules enabled by default; naming a rule that is off by
    default (by code or name, not by `ALL`) turns it on.
    """
    chosen = []
    select = list(select) + list(extend_select)
    ignore = list(ignore)
    for rule in _rules():
        if command not in rule.commands:
            continue
        explicit = any(s != "ALL" and matches(s, rule) for s in select)
        picked = explicit or ("ALL" in select and rule.default_enabled)
        if picked and not any(matches(s, rule) for s in ignore):
            chosen.append(rule)
    return tuple(chosen)
