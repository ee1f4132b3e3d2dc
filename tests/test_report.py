"""Output formats: the schemas they promise, and what users read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, TESTS, shared_path
from fake_rules import repeated_arxiv, todo_one_liner
from harness import documents
from listlint.base.errors import InputError, ListlintError
from listlint.lint.engine import lint
from listlint.report import FORMATS, get_reporter
from listlint.report.github import line_for as github_line
from listlint.report.statistics import report as statistics_report
from listlint.rulekit.settings import Settings
from listlint.rules import RULES

SARIF_SCHEMA = json.loads((TESTS / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JSON_SCHEMA = json.loads((ROOT / "docs" / "json-output.schema.json").read_text(encoding="utf-8"))

CARD = """\
<details>
<summary><b>{short}: An Invented Paper, 百分之百</b></summary>

*   **Authors:** Ana Field
* **arXiv ID:** {arxiv}
* **One-liner:** TODO: 100% done, really
</details>

---
"""


def render(name: str, findings: list, errors: tuple[ListlintError, ...] = ()) -> str:  # type: ignore[type-arg]
    out = io.StringIO()
    get_reporter(name)(findings, out, False, errors)
    return out.getvalue()


NOT_CHECKED = (
    InputError("not valid UTF-8 (byte 0xff at offset 3)", "docs/bad, odd.md", 2),
    ListlintError("cannot read standard input"),
)


@pytest.fixture(scope="module")
def rich_findings() -> list:  # type: ignore[type-arg]
    """Findings with every kind of fix and a related location in another file."""
    files = {
        "a.md": CARD.format(short="Alp", arxiv="2101.00001"),
        "zh/README_zh.md": "<!-- listlint-enable -->\n" + CARD.format(short="Bex", arxiv="2101.00001"),
    }
    docs = documents(files)
    chosen = [rule for rule in RULES if rule.name in ("unused-suppression", "non-canonical-card")]
    return lint(docs, Settings(), rules=[*chosen, todo_one_liner, repeated_arxiv])


@pytest.fixture(scope="module")
def corpus_findings() -> list:  # type: ignore[type-arg]
    from listlint.lint.run import check_sources
    from listlint.workspace.files import discover

    corpus = shared_path("corpus")
    result = check_sources(list(discover((str(corpus),))))
    assert not result.errors
    return result.findings


def test_rich_findings_cover_fixes_and_related(rich_findings) -> None:  # type: ignore[no-untyped-def]
    kinds = {(f.code, f.fix.applicability.value if f.fix else None, bool(f.related)) for f in rich_findings}
    assert ("LL802", None, True) in kinds
    assert ("LL801", "unsafe", False) in kinds
    assert ("LL901", "safe", False) in kinds
    assert ("LL001", "safe", False) in kinds


def test_sarif_validates_against_the_official_schema(rich_findings) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render("sarif", rich_findings))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    related = next(r for r in run["results"] if r["ruleId"] == "LL802")
    assert related["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "zh/README_zh.md"
    assert related["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md"
    fixed = next(r for r in run["results"] if r["ruleId"] == "LL001")
    assert fixed["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "startLine": 1, "startColumn": 1, "endLine": 2, "endColumn": 1,
    }


def test_sarif_names_the_files_it_could_not_check(rich_findings) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render("sarif", rich_findings, NOT_CHECKED))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    with_file, without = invocation["toolExecutionNotifications"]
    assert with_file["level"] == "error"
    assert with_file["message"]["text"] == "not valid UTF-8 (byte 0xff at offset 3)"
    assert with_file["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/bad%2C%20odd.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2},
    }
    assert without == {"level": "error", "message": {"text": "cannot read standard input"}}
    # The findings of the files that were checked are all there.
    assert len(log["runs"][0]["results"]) == len(rich_findings)
    clean = json.loads(render("sarif", rich_findings))["runs"][0]["invocations"]
    assert clean == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_github_annotates_the_files_it_could_not_check() -> None:
    lines = render("github", [], NOT_CHECKED).splitlines()
    assert lines == [
        "::error file=docs/bad%2C odd.md,line=2,title=listlint%3A not checked::not valid UTF-8 (byte 0xff at offset 3)",
        "::error title=listlint%3A not checked::cannot read standard input",
    ]


@pytest.mark.parametrize("name", ["full", "concise", "json"])
def test_formats_for_people_leave_errors_to_stderr(name: str) -> None:
    assert render(name, [], NOT_CHECKED) == render(name, [])


def test_sarif_of_the_corpus_validates(corpus_findings) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render("sarif", corpus_findings))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(corpus_findings) > 0
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    # Outside the working directory a file URI; inside, a relative one.
    assert all(uri.startswith("file:///") or not uri.startswith(("/", "..")) for uri in uris)


def test_json_validates_against_the_documented_schema(rich_findings, corpus_findings) -> None:  # type: ignore[no-untyped-def]
    validator = jsonschema.Draft202012Validator(JSON_SCHEMA)
    for findings in (rich_findings, corpus_findings):
        data = json.loads(render("json", findings))
        validator.validate(data)
        assert len(data) == len(findings)
    data = json.loads(render("json", rich_findings))
    dup = next(item for item in data if item["code"] == "LL802")
    assert dup["related"] == [
        {"line": 5, "column": 17, "end_line": 5, "end_column": 27, "path": "a.md", "message": "first used here"}
    ]
    assert dup["entry"] == "arxiv:2101.00001"


def test_the_json_schema_rejects_what_it_should(rich_findings) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render("json", rich_findings))
    broken = [dict(data[0], code="E501")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(JSON_SCHEMA).validate(broken)


def test_github_annotations_escape_what_the_runner_decodes(rich_findings) -> None:  # type: ignore[no-untyped-def]
    todo = next(f for f in rich_findings if f.code == "LL801" and f.path == "a.md")
    line = github_line(todo)
    assert line.startswith("::error file=a.md,line=6,col=18,endLine=6,endColumn=40,title=LL801 [todo-one-liner]::")
    # `%` and `:` in the message are data, newlines separate the fix note.
    assert "`TODO: 100%25 done, really` is a placeholder%0AFix (unsafe): Remove the placeholder" in line
    dup = next(f for f in rich_findings if f.code == "LL802")
    assert "%0Afirst used here: a.md:5:17" in github_line(dup)
    assert github_line(todo).count("\n") == 0


def test_github_property_values_escape_commas_and_colons() -> None:
    from listlint.report.github import _property

    assert _property("dir,with:odd%name") == "dir%2Cwith%3Aodd%25name"


def test_concise_is_one_greppable_line_per_finding(rich_findings) -> None:  # type: ignore[no-untyped-def]
    lines = render("concise", rich_findings).splitlines()
    assert len(lines) == len(rich_findings)
    assert "a.md:6:18: LL801 [todo-one-liner] One-liner `TODO: 100% done, really` is a placeholder" in lines


def test_full_shows_excerpt_underline_fix_and_related(rich_findings) -> None:  # type: ignore[no-untyped-def]
    text = render("full", rich_findings)
    assert "zh/README_zh.md:6:17: LL802 [repeated-arxiv] arXiv ID `2101.00001` is already used" in text
    assert "  = note: first used here: a.md:5:17" in text
    assert "  = help (unsafe fix, with --unsafe-fixes): Remove the placeholder" in text
    block = text.split("a.md:6:18: LL801")[1].split("\n\n")[0].splitlines()
    assert block[2] == "6 | * **One-liner:** TODO: 100% done, really"
    assert block[3] == "  |                  " + "^" * len("TODO: 100% done, really")


def test_statistics_count_per_rule(rich_findings) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    statistics_report(rich_findings, out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["2", "LL801", "todo-one-liner"]
    assert ["2", "LL901", "non-canonical-card", "[*]"] in [line.split() for line in lines]
    out = io.StringIO()
    statistics_report(rich_findings, out, as_json=True)
    rows = json.loads(out.getvalue())
    assert {"code": "LL802", "name": "repeated-arxiv", "count": 1, "fixable": 0} in rows


def test_every_format_handles_no_findings() -> None:
    for name in FORMATS:
        text = render(name, [])
        if name == "json":
            assert json.loads(text) == []
        elif name == "sarif":
            assert json.loads(text)["runs"][0]["results"] == []
        else:
            assert text == ""


def test_sarif_fingerprints_follow_the_entry_not_the_line() -> None:
    files = {"a.md": "# A\n\n" + CARD.format(short="Alp", arxiv="2101.00001")}
    moved = {"a.md": "# A\n\nMore prose above.\n\n" + CARD.format(short="Alp", arxiv="2101.00001")}

    def prints(case: dict[str, str]) -> list[str]:
        findings = lint(documents(case), Settings(), rules=[todo_one_liner])
        return [r["partialFingerprints"]["listlintFingerprint/v1"] for r in json.loads(render("sarif", findings))["runs"][0]["results"]]

    assert prints(files) == prints(moved) and len(prints(files)) == 1


def test_sarif_uris_are_relative_and_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from listlint.report.sarif import _artifact

    monkeypatch.chdir(tmp_path / "..")
    inside = _artifact(str(tmp_path / "lists" / "a b.md"))
    assert inside == {"uri": f"{tmp_path.name}/lists/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert _artifact("./modality+spatial/README.md")["uri"] == "modality+spatial/README.md"
    monkeypatch.chdir(tmp_path)
    assert _artifact(str(tmp_path.parent / "x.md")) == {"uri": (tmp_path.parent / "x.md").as_uri()}


def test_long_lines_are_windowed_by_terminal_width() -> None:
    from listlint.report.full import WINDOW, _width, _window

    line = "前" * 300 + "TARGET" + "后" * 300
    col = 300
    shown, start, stop = _window(line, col, col + 6)
    assert _width(shown) <= WINDOW
    assert shown[start:stop] == "TARGET"
    assert shown.startswith("…") and shown.endswith("…")
    short = "* **arXiv ID:** 2101.00001"
    assert _window(short, 16, 26) == (short, 16, 26)


def test_findings_sharing_a_line_show_that_line_of_their_own_file() -> None:
    # The excerpt of a line is made once for all its findings: two files with
    # findings on the same line number each show their own line.
    from listlint.report.full import excerpt, report
    from listlint.rules.non_canonical_arxiv_url import non_canonical_arxiv_url

    def links(number: int) -> str:
        urls = " | ".join(f"[[P{n}]](http://arxiv.org/abs/2101.0000{n}v{number})" for n in range(1, 4))
        return "<details>\n<summary><b>Foo: A</b></summary>\n\n* **Authors:** A\n* **Links:** " + urls + "\n</details>\n"

    docs = documents({"a.md": links(1), "b.md": links(2)})
    findings = lint(docs, Settings(), rules=[non_canonical_arxiv_url])
    assert [(f.path, f.line) for f in findings] == [("a.md", 5)] * 3 + [("b.md", 5)] * 3
    out = io.StringIO()
    report(findings, out)
    shown = out.getvalue()
    for finding in findings:
        assert "\n".join(excerpt(finding, False)) in shown


def _walked_window(source: str, col: int, stop: int) -> tuple[str, int, int]:
    """`_window` as it measured every line before its ASCII shortcut: one character at a time."""
    from listlint.report.full import WINDOW, _char_width, _width

    if _width(source) <= WINDOW:
        return source, col, stop
    lead, used = col, 0
    while lead > 0 and used + _char_width(source[lead - 1]) <= WINDOW // 4:
        used += _char_width(source[lead - 1])
        lead -= 1
    end, used = lead, 2
    while end < len(source) and used + _char_width(source[end]) <= WINDOW:
        used += _char_width(source[end])
        end += 1
    prefix, suffix = ("…" if lead else ""), ("…" if end < len(source) else "")
    shift = len(prefix) - lead
    return prefix + source[lead:end] + suffix, col + shift, min(stop, end) + shift


@given(
    source=st.text(alphabet=st.sampled_from("ab 1*前后한"), max_size=400) | st.text(alphabet="ab c", max_size=400),
    data=st.data(),
)
def test_the_window_is_the_same_whether_walked_or_computed(source: str, data: st.DataObject) -> None:
    from listlint.report.full import _window

    col = data.draw(st.integers(0, len(source)))
    stop = data.draw(st.integers(col, len(source) + 1))
    assert _window(source, col, stop) == _walked_window(source, col, stop)


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("environ", "terminal", "colored"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # no-color.org: set and not empty
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ],
)
def test_color_on_a_terminal_unless_no_color(environ, terminal, colored, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from listlint.report import use_color

    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert use_color(_Stream(terminal)) is colored
