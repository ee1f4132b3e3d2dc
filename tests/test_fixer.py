"""The fix loop: every fixture converges with every rule, a second fix changes nothing, oscillation is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RULE_FIXTURES, shared_path
from fake_rules import oscillating
from harness import case_files, documents
from listlint.base.errors import UnsafeFixError
from listlint.base.spans import Span
from listlint.lint.engine import lint
from listlint.lint.fixer import MAX_PASSES, _choose, fix_document
from listlint.rulekit.diagnostics import Edit, Finding, Fix, Location, Severity
from listlint.rulekit.settings import Settings
from listlint.rules import RULES
from listlint.syntax.document import Document


def fix_all(files: dict[str, str], unsafe: bool) -> dict[str, str]:
    docs = documents(files)
    return {
        doc.path: fix_document(doc, Settings(), context=[d for d in docs if d is not doc], unsafe=unsafe).text
        for doc in docs
    }


CASES = sorted(
    case for folder in RULE_FIXTURES.iterdir() if folder.is_dir() for case in folder.iterdir() if case.suffix != ".snap"
)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.parent.name}/{case.name}")
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_every_fixture_converges_and_a_second_fix_changes_nothing(case: Path, unsafe: bool) -> None:
    files = case_files(case)
    try:
        once = fix_all(files, unsafe)
    except UnsafeFixError as error:
        # The one refusal a fixture may meet: a file with a merge conflict is not fixed.
        assert case.parent.name == "merge-conflict" and "resolve the merge conflict first" in str(error), error
        return
    assert fix_all(once, unsafe) == once


@pytest.mark.slow
def test_the_corpus_converges_and_a_second_fix_changes_nothing() -> None:
    corpus = shared_path("corpus")
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        doc = Document(text, str(path))
        once = fix_document(doc, Settings()).text
        again = fix_document(Document(once, str(path)), Settings())
        assert again.text == once, path
        assert again.applied == 0, path


def test_oscillating_fixes_fail_to_converge_and_write_nothing() -> None:
    doc = Document("ping\n", "README.md")
    with pytest.raises(UnsafeFixError) as raised:
        fix_document(doc, Settings(), rules=[oscillating])
    assert str(raised.value) == (
        f"README.md: fixes failed to converge after {MAX_PASSES} passes "
        "(oscillating kept changing the file); nothing was written"
    )


def test_unsafe_fixes_are_counted_when_hidden() -> None:
    from fake_rules import todo_one_liner

    text = "<details>\n<summary><b>Alp: A</b></summary>\n\n* **One-liner:** TODO\n</details>\n\n---\n"
    hidden = fix_document(Document(text, "README.md"), Settings(), rules=[todo_one_liner])
    assert (hidden.text, hidden.hidden_unsafe, hidden.applied) == (text, 1, 0)
    shown = fix_document(Document(text, "README.md"), Settings(), rules=[todo_one_liner], unsafe=True)
    assert "* **One-liner:** Unknown\n" in shown.text and shown.applied == 1 and shown.hidden_unsafe == 0



def test_a_fix_whose_check_fails_is_skipped_and_its_finding_stays() -> None:
    from fake_rules import doubtful_fix

    outcome = fix_document(Document("maybe and sure\n", "README.md"), Settings(), rules=[doubtful_fix])
    assert outcome.text == "maybe and certainly\n"  # the other fix still applies
    assert [(f.message, f.line) for f in outcome.remaining] == [("`maybe` found", 1)]
    assert [(f.message, reason) for f, reason in outcome.refused] == [("`maybe` found", "the check says no")]


def test_a_text_whose_every_fix_is_refused_is_linted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusing fixes changes no text, so the loop chooses again from the findings it has."""
    import listlint.lint.fixer
    from fake_rules import doubtful_fix

    texts: list[str] = []
    real_lint = listlint.lint.fixer.lint

    def counting_lint(targets: list[Document], *args: object, **kwargs: object) -> object:
        texts.append(targets[0].text)
        return real_lint(targets, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(listlint.lint.fixer, "lint", counting_lint)
    outcome = fix_document(Document("maybe\n", "README.md"), Settings(), rules=[doubtful_fix])
    assert outcome.text == "maybe\n" and outcome.applied == 0
    assert [reason for _, reason in outcome.refused] == ["the check says no"]
    assert texts == ["maybe\n"]


def test_cli_names_the_fix_it_did_not_apply(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import listlint.lint.fixer
    from fake_rules import doubtful_fix
    from listlint.cli.main import cli
    from listlint.lint import engine

    def only_doubtful(settings: Settings, only: object = None) -> tuple[object, ...]:
        return tuple(only) if only is not None else (doubtful_fix,)  # type: ignore[call-overload]

    monkeypatch.setattr(engine, "rules_for", only_doubtful)
    monkeypatch.setattr(listlint.lint.fixer, "rules_for", only_doubtful)
    target = tmp_path / "README.md"
    target.write_text("maybe\n", encoding="utf-8")
    ran = CliRunner().invoke(cli, ["fix", str(target)])
    assert f"{target}:1: doubtful-fix: fix not applied: the check says no" in ran.stderr
    assert target.read_text(encoding="utf-8") == "maybe\n"
    assert ran.exit_code == 1


@pytest.mark.parametrize("name", ["non-canonical-card", "markdown-in-html-block"])
def test_a_checked_fix_is_checked_against_its_own_card(name: str) -> None:
    # The checks read the card from the document's text when they run: each must see
    # the card its fix replaces (another card's text would render differently).
    files = {
        path: text
        for case in sorted((RULE_FIXTURES / name).iterdir())
        if case.suffix != ".snap"
        for path, text in case_files(case).items()
    }
    checked = 0
    for path, text in files.items():
        doc = Document(text, path)
        for finding in lint([doc], Settings(), rules=[next(rule for rule in RULES if rule.name == name)]):
            if finding.fix is not None and finding.fix.verify is not None:
                assert finding.fix.verify() is None, (path, finding.line)
                checked += 1
    assert checked >= 2


def _card(title: str, arxiv: str) -> str:
    return (
        f"<details>\n<summary><b>{title}: A {title.lower()} model</b></summary>\n\n"
        f"*   **Authors:**   Ann Lee\n* **arXiv ID:** {arxiv}\n\n</details>\n\n---\n\n"
    )


def test_a_card_formatting_cannot_prove_safe_is_left_and_the_rest_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from click.testing import CliRunner

    from listlint.cli.main import cli

    rule = importlib.import_module("listlint.rules.non_canonical_card")  # the package's name is the Rule

    real = rule.same_rendering
    monkeypatch.setattr(rule, "same_rendering", lambda before, after: "Bar:" not in before and real(before, after))
    text = "# List\n\n" + _card("Foo", "2401.00001") + _card("Bar", "2401.00002") + _card("Baz", "2401.00003")
    outcome = fix_document(Document(text, "README.md"), Settings())
    kept = _card("Bar", "2401.00002")
    assert kept in outcome.text
    assert outcome.text == text.replace("*   **Authors:**   ", "* **Authors:** ").replace(
        _card("Bar", "2401.00002").replace("*   **Authors:**   ", "* **Authors:** "), kept
    )
    assert [(f.line, reason) for f, reason in outcome.refused] == [
        (16, "formatting would change the rendered HTML; card `Bar: A bar model` left as written")
    ]
    assert [f.line for f in outcome.remaining if f.name == "non-canonical-card"] == [16]

    target = tmp_path / "README.md"
    target.write_text(text, encoding="utf-8")
    ran = CliRunner().invoke(cli, ["fix", str(target)])
    assert (
        f"{target}:16: non-canonical-card: fix not applied: formatting would change the rendered HTML; "
        "card `Bar: A bar model` left as written\n" in ran.stderr
    )
    assert target.read_text(encoding="utf-8") == outcome.text
    assert ran.exit_code == 1


def _choose_pairwise(findings: list[Finding], formatting: set[str]) -> list[Finding]:
    """How a pass chose its fixes before the span index: each against every span taken."""
    taken: list[Span] = []
    chosen = []
    for finding in sorted(findings, key=lambda f: (f.code in formatting, f.span.start, f.code)):
        assert finding.fix is not None
        spans = [edit.span for edit in finding.fix.edits]
        if any(span.overlaps(other) for span in spans for other in taken):
            continue
        taken.extend(spans)
        chosen.append(finding)
    return chosen


@st.composite
def _fixed_findings(draw: st.DrawFn) -> list[Finding]:
    doc = Document("x\n", "README.md")
    found = []
    for number in range(draw(st.integers(0, 25))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, 20))
            edits.append(Edit(Span(start, start + draw(st.sampled_from([0, 0, 1, 2, 4, 9]))), str(number)))
        start = draw(st.integers(0, 20))
        found.append(
            Finding(
                draw(st.sampled_from(["LL406", "LL505", "LL901"])),
                "rule",
                f"finding {number}",
                Severity.ERROR,
                Location("README.md", 1, 1, 1, 1),
                Span(start, start),
                doc,
                Fix("Fix it", tuple(edits)),
            )
        )
    return found


@settings(max_examples=300, deadline=None)
@given(_fixed_findings())
def test_a_pass_chooses_the_fixes_the_pairwise_comparison_chose(findings: list[Finding]) -> None:
    # Overlapping, touching, nested and repeated edits, insertions among them, and
    # formatting's (LL901) after the others: the same fixes, in the same order.
    assert _choose(findings, {"LL901"}) == _choose_pairwise(findings, {"LL901"})


def test_the_texts_between_passes_are_freed_without_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    # `listlint fix` runs with the collector off: a text between two passes (and each
    # card formatting parses to check itself) must not be kept alive by the cycle
    # between a document and its entries.
    import gc
    import weakref

    made: list[weakref.ref[Document]] = []
    init = Document.__init__

    def recording(self: Document, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(self))

    # Two passes: the list fix first, then the card's format.
    text = (
        "<details>\n<summary><b>Foo: A foo</b></summary>\n\n* **Authors:** Ann Lee \n* **arXiv ID:** 2401.00001\n\n"
        "<details>\n    <summary>Key points</summary>\n    * One point.\n</details>\n</details>\n\n---\n"
    )
    doc = Document(text, "README.md")
    gc.collect()
    gc.disable()
    try:
        monkeypatch.setattr(Document, "__init__", recording)
        outcome = fix_document(doc, Settings())
        assert outcome.passes >= 2 and outcome.text != text
        assert len(made) > 2
        assert [ref() for ref in made if ref() is not None] == [outcome.document]
    finally:
        gc.enable()
