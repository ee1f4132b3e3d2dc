"""Identity and duplication: normalisers, the list-wide walk, options, the seeds and the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from harness import lint_files
from listlint.base.errors import ListlintError
from listlint.lint.engine import lint
from listlint.rulekit.diagnostics import Severity
from listlint.rulekit.identity import arxiv_key, entry_key, normalise_authors, normalise_title, same_paper, title_key
from listlint.rulekit.settings import Settings
from listlint.rules import RULES
from listlint.rules.copied_authors import copied_authors
from listlint.rules.duplicate_arxiv_id import duplicate_arxiv_id
from listlint.rules.duplicate_title import duplicate_title
from listlint.rules.invalid_arxiv_id import invalid_arxiv_id
from listlint.syntax.document import Document
from listlint.workspace.config import parse_settings

IDENTITY = [rule for rule in RULES if rule.code.startswith("LL1")]


def card(title: str, authors: str = "Ada Lovelace, Alan Turing, Grace Hopper", arxiv: str = "2101.00001") -> str:
    return (
        f"<details>\n<summary><b>{title}</b></summary>\n\n"
        f"* **Authors:** {authors}\n* **arXiv ID:** {arxiv}\n\n"
        "> **Core Innovation**  \n> An invented contribution.\n</details>\n\n---\n\n"
    )


def settings(rule: str, **options: object) -> Settings:
    return parse_settings({"rules": {rule: options}}, Path("listlint.toml"))


# --- normalisers ------------------------------------------------------------


def test_normalise_title() -> None:
    assert normalise_title("<i>Foo</i>: A  Bar&amp;Baz!") == "foo a bar baz"
    assert normalise_title("ＦＯＯ－Bar") == normalise_title("foo-bar")
    assert normalise_title("Qwen2.5-Omni") == "qwen2 5 omni"


def test_one_arxiv_key_and_the_entry_key_beside_the_title_key() -> None:
    versioned, old_style, untitled, entity = Document(
        card("X: Y", arxiv="arXiv:2401.12945v3")
        + card("Old", arxiv="math.GT/0309136")
        + card("Foo &amp; Bar", arxiv="N/A")
    ).entries + Document(card("Foo & Bar", arxiv="N/A")).entries
    assert arxiv_key(versioned) == entry_key(versioned) == "arxiv:2401.12945"
    assert arxiv_key(old_style) == "arxiv:math.gt/0309136"
    # Titles compare with entities decoded; the key keeps the title as keys always were.
    assert arxiv_key(untitled) is None and title_key(untitled) == title_key(entity) == "foo bar"
    assert (entry_key(untitled), entry_key(entity)) == ("title:foo amp bar", "title:foo bar")


def test_normalise_authors() -> None:
    authors = normalise_authors("Ada Lovelace*, Alan M. Turing† and Grace Hopper1, et al.")
    assert authors.names == ("ada lovelace", "alan m turing", "grace hopper")
    assert authors.truncated
    assert normalise_authors("张三、李四、王五等").names == ("张三", "李四", "王五")
    assert normalise_authors("张三、李四、王五等").truncated
    assert normalise_authors("A. Lovelace; B. Turing").names == ("a lovelace", "b turing")


def test_same_paper_needs_its_title_or_its_authors() -> None:
    first, *others = Document(
        card("Foo: A Tiny Paper")
        + card("Foo: A Tiny Papér")  # mojibake in the title, the same authors
        + card("Foo: A Tiny Paper", "Alan Turing")  # the same title, other authors
        + card("Bar: Another Paper", "Alan Turing"),  # the same ID on another paper
        "README.md",
    ).entries
    assert [same_paper(first, other) for other in others] == [True, True, False]


def test_a_title_retyped_a_little_is_the_same_paper() -> None:
    """Lists retype titles from a paper's versions: one ID under a title with an accent,
    a plural or a word more is the paper listed twice, not an ID moved to another paper."""
    base = "- [{}](https://arxiv.org/abs/2101.00001), Ada Lovelace, Alan Turing, Grace Hopper, CVPR 2023\n"
    other = "- [{}](https://arxiv.org/abs/2101.00001), Edsger Dijkstra, Barbara Liskov, CVPR 2023\n"
    for first, second in (
        ("On the Bias of Frechet Distances", "On the Bias of Fréchet Distances"),
        ("Pixel-Aligned Language Model", "Pixel Aligned Language Models"),
        ("Masked Puzzles with Diffusion Transformers", "Masked Puzzles with Diffusion Vision Transformers"),
        ("Scaled Decoupled Distillation", "Scale Decoupled Distillation"),
    ):
        one, two = Document(base.format(first) + other.format(second), "README.md").entries
        assert same_paper(one, two), (first, second)
    for first, second in (("Foo2-VL Technical Report", "Foo2.5-VL Technical Report"), ("Foo v2 Model", "Foo v3 Model")):
        one, two = Document(base.format(first) + other.format(second), "README.md").entries
        assert not same_paper(one, two), (first, second)


def test_truncated_lists_agree_with_their_prefix_only() -> None:
    full = normalise_authors("Ada Lovelace, Alan Turing, Grace Hopper")
    assert normalise_authors("Ada Lovelace, et al.").agrees(full)
    assert not normalise_authors("Alan Turing, et al.").agrees(full)
    # Without `et al.` a shorter list is a different list.
    assert not normalise_authors("Ada Lovelace, Alan Turing").agrees(full)


# --- the walk: context first, so the finding lands in the file being checked --


def test_repeat_is_reported_in_the_checked_file_even_when_it_sorts_first() -> None:
    checked = Document(card("Foo: A Tiny Example"), "a/README.md")
    unchanged = Document(card("Foo: A Tiny Example"), "b/README.md")
    findings = lint([checked], Settings(), context=[unchanged], rules=[duplicate_arxiv_id])
    assert [(f.path, f.line) for f in findings] == [("a/README.md", 5)]
    assert findings[0].related[0].location.path == "b/README.md"


def test_copied_authors_are_reported_in_the_checked_file() -> None:
    # Two files hold no neighbours: a list copied across them counts from ten names.
    team = ", ".join(f"Person {letter} Example" for letter in "ABCDEFGHIJ")
    checked = Document(card("Sta: Stable Foo", team, arxiv="2311.00002"), "a/README.md")
    unchanged = Document(card("Vid: Video Foo", team, arxiv="2210.00001"), "b/README.md")
    findings = lint([checked], Settings(), context=[unchanged], rules=[copied_authors])
    assert [(f.code, f.path) for f in findings] == [("LL106", "a/README.md")]


# --- options ----------------------------------------------------------------


def test_cross_listed_levels() -> None:
    files = {"README.md": card("Foo: A Tiny Example") * 2}
    assert [f.severity for f in lint_files(files, [duplicate_arxiv_id])] == [Severity.WARNING]
    errors = lint_files(files, [duplicate_arxiv_id], settings("duplicate-arxiv-id", **{"cross-listed": "error"}))
    assert [f.severity for f in errors] == [Severity.ERROR]
    allowed = lint_files(files, [duplicate_arxiv_id], settings("duplicate-arxiv-id", **{"cross-listed": "allow"}))
    assert allowed == []


def test_cross_listed_rejects_other_values() -> None:
    with pytest.raises(ListlintError, match="must be one of allow, warn, error"):
        settings("LL102", **{"cross-listed": "maybe"})


def test_allow_versions() -> None:
    files = {"README.md": card("Foo: One") + card("Bar: Two", arxiv="2101.00002v2")}
    assert [f.code for f in lint_files(files, [invalid_arxiv_id])] == ["LL101"]
    assert lint_files(files, [invalid_arxiv_id], settings("invalid-arxiv-id", **{"allow-versions": True})) == []


def test_min_authors() -> None:
    two = "Mira Ghost, Tao Lin"
    files = {"README.md": card("Foo: One", authors=two) + card("Bar: Two", authors=two, arxiv="2101.00002")}
    assert lint_files(files, [copied_authors]) == []
    found = lint_files(files, [copied_authors], settings("copied-authors", **{"min-authors": 2}))
    assert [f.code for f in found] == ["LL106"]
    with pytest.raises(ListlintError, match="at least 2"):
        settings("copied-authors", **{"min-authors": 1})


# --- the seeds: the defects they were given for, and nothing on clean cards --


def _seed_documents() -> list[Document]:
    # The seeds are the current texts of two corpus files; they are linted under
    # those paths, in the order `listlint check` on the folder walks them.
    modality = shared_path("seeds", "002_762a647fe149189f.txt").read_text(encoding="utf-8")
    temporal = shared_path("seeds", "000_eb257555294f68a2.txt").read_text(encoding="utf-8")
    return [
        Document(modality, "modality+temporal-consistency/README_zh.md"),
        Document(temporal, "temporal-consistency/README_zh.md"),
    ]


def _line_of(doc: Document, needle: str, occurrence: int = 1) -> int:
    offset = -1
    for _ in range(occurrence):
        offset = doc.text.index(needle, offset + 1)
    return doc.position(offset)[0]


def test_seed_defects_are_reported_by_the_right_rule() -> None:
    modality, temporal = docs = _seed_documents()
    findings = lint(docs, Settings(), rules=IDENTITY)
    got = {(f.code, f.path, f.line, f.related[0].location.line if f.related else None) for f in findings}

    svd_authors = _line_of(temporal, "* **Authors:** Jonathan Ho")
    imagen_authors = _line_of(modality, "* **Authors:** Jonathan Ho")
    svd_first = _line_of(modality, "* **arXiv ID:** 2311.15127")
    expected = {
        # 2406.00272 on MoViE and on another paper: a conflict, at the second card.
        ("LL103", temporal.path, _line_of(temporal, "* **arXiv ID:** 2406.00272", 2),
         _line_of(temporal, "* **arXiv ID:** 2406.00272")),
        # 2410.05982 on DEMO and on another paper (same authors, other title).
        ("LL103", temporal.path, _line_of(temporal, "* **arXiv ID:** 2410.05982", 2),
         _line_of(temporal, "* **arXiv ID:** 2410.05982")),
        # The Stable Video Diffusion card carries Imagen Video's authors ...
        ("LL106", temporal.path, svd_authors, imagen_authors),
        # ... so its ID conflicts with the right Stable Video Diffusion card.
        ("LL103", temporal.path, svd_authors + 2, svd_first),
        # Cross-listings inside the other file: warnings only.
        ("LL102", modality.path, _line_of(modality, "* **arXiv ID:** 2311.15127", 2), svd_first),
        ("LL102", modality.path, _line_of(modality, "* **arXiv ID:** 2312.14125", 2),
         _line_of(modality, "* **arXiv ID:** 2312.14125")),
        # Short names that are only the opening words of the title.
        ("LL107", temporal.path, _line_of(temporal, "<b>Audio-Visual Joint Attention: Audio-Visual"), None),
        ("LL107", temporal.path, _line_of(temporal, "<b>Controllable Multi-Agent Editing: Controllable"), None),
    }
    assert got == expected
    severities = {f.code: f.severity for f in findings}
    assert severities["LL102"] is Severity.WARNING and severities["LL103"] is Severity.ERROR


def test_seed_imagen_video_card_itself_is_clean() -> None:
    modality, _ = docs = _seed_documents()
    imagen = _line_of(modality, "<b>Imagen Video:")
    findings = lint(docs, Settings(), rules=IDENTITY)
    assert not [f for f in findings if f.path == modality.path and imagen <= f.line < imagen + 12]


# --- the corpus -------------------------------------------------------------


def test_corpus_findings_and_speed() -> None:
    corpus = shared_path("corpus")
    docs = [
        Document(path.read_text(encoding="utf-8"), str(path.relative_to(corpus)))
        for path in sorted(corpus.rglob("*.md"))
    ]
    findings = lint(docs, Settings(), rules=IDENTITY)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    # Every one of these was read and is a real defect (see the rule pages).
    assert counts == {"LL101": 4, "LL102": 37, "LL103": 13, "LL104": 2, "LL106": 2, "LL107": 4}


def test_list_rules_stay_linear_on_a_large_list() -> None:
    # 4000 distinct cards plus 1000 cards pasting one placeholder ID: an
    # all-pairs comparison would make millions of comparisons here (timed in bench/,
    # not here: a test asserts what is found, never how fast).
    text = "".join(
        card(f"Paper {i}: Title {i}", authors=f"A{i} B, C{i} D, E F", arxiv=f"2101.{i:05d}") for i in range(4000)
    )
    text += "".join(card(f"Same {i}: Other {i}", authors=f"X{i} Y, Z W", arxiv="2101.99999") for i in range(1000))
    doc = Document(text, "README.md")
    findings = lint([doc], Settings(), rules=IDENTITY)
    assert [f.code for f in findings] == ["LL103"] * 999


def test_an_id_in_full_width_digits_is_the_same_paper() -> None:
    # Read leniently, as `arXiv:2101.00001` is: invalid-arxiv-id reports the form.
    text = card("Foo: A Study") + card("Foo: A Study", arxiv="２１０１.００００１")
    doc = Document(text, "README.md")
    found = lint([doc], Settings(), rules=[duplicate_arxiv_id])
    assert [f.name for f in found] == ["duplicate-arxiv-id"]


def test_an_id_is_one_id_in_any_case_as_export_and_the_pairs_read_it() -> None:
    # The subject class of an old-style ID is written in either case; one key for all rules.
    text = card("Foo: A Study", arxiv="math.GT/0309136") + card("Foo: A Study", arxiv="math.gt/0309136")
    found = lint([Document(text, "README.md")], Settings(), rules=[duplicate_arxiv_id, duplicate_title])
    # Not "the same title under another ID" (duplicate-title), as it was.
    assert [f.message for f in found] == [
        "arXiv ID `math.gt/0309136` is already listed in this file (`Foo: A Study`)"
    ]


def test_an_invalid_id_keys_its_finding_when_the_entry_has_no_key() -> None:
    # No title and an ID the engine cannot read: the rule's key is the ID the value means.
    doc = Document("<details>\n<summary></summary>\n\n* **Authors:** A\n* **arXiv ID:** 2406. 00272\n\n</details>\n")
    (finding,) = lint([doc], Settings(), rules=[invalid_arxiv_id])
    assert finding.entry_key == "arxiv:2406.00272"
