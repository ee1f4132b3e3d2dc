"""Every rule page's examples run: the failing one fires, the fixed one does not."""

from __future__ import annotations

import pytest

from conftest import RULE_FIXTURES, RULE_PAGES
from harness import fix_files, lint_files, page_examples
from listlint.rulekit.rule import FixAvailability
from listlint.rules import RULES


def test_every_rule_has_a_page_and_fixtures() -> None:
    missing_pages = [r.name for r in RULES if not (RULE_PAGES / f"{r.name}.md").is_file()]
    missing_fixtures = [
        r.name for r in RULES if not any((RULE_FIXTURES / r.name).glob("*"))
    ]
    assert not missing_pages, f"rules without a page in rules/: {missing_pages}"
    assert not missing_fixtures, f"rules without fixtures: {missing_fixtures}"


def test_every_page_and_fixture_folder_has_a_rule() -> None:
    names = {r.name for r in RULES}
    orphan_pages = [p.stem for p in RULE_PAGES.glob("*.md") if p.stem not in names]
    orphan_folders = [p.name for p in RULE_FIXTURES.iterdir() if p.is_dir() and p.name not in names]
    assert not orphan_pages, f"pages without a rule: {orphan_pages}"
    assert not orphan_folders, f"fixture folders without a rule: {orphan_folders}"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for r in RULES:
        assert r.code[:2] == "LL" and r.code[2:].isdigit() and len(r.code) == 5, r.code
        assert r.name == r.name.lower() and " " not in r.name and "_" not in r.name, r.name
        assert r.summary, f"{r.name} needs a one-line docstring"
    assert codes == sorted(codes), "RULES is kept in code order"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_page_heading_names_the_rule(rule) -> None:  # type: ignore[no-untyped-def]
    text = (RULE_PAGES / f"{rule.name}.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {rule.name} ({rule.code})"
    if rule.fix is not FixAvailability.NONE:
        assert "## Fix safety" in text, "a rule with a fix says how safe it is"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_page_examples(rule) -> None:  # type: ignore[no-untyped-def]
    example = page_examples((RULE_PAGES / f"{rule.name}.md").read_text(encoding="utf-8"))
    failing = lint_files(example.failing, [rule], metadata=example.metadata)
    assert failing, f"the failing example of {rule.name} raises nothing"
    assert not lint_files(example.fixed, [rule], metadata=example.metadata), (
        f"the fixed example of {rule.name} still fires"
    )
    if any(f.fix is not None and f.fix.applicability.value != "display-only" for f in failing):
        assert fix_files(example.failing, [rule], metadata=example.metadata) == {
            path: example.fixed.get(path, text) for path, text in example.failing.items()
        }, "fixing the failing example gives the fixed one"
