"""merge-conflict on every layout, and fix writing nothing to a file with a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from clitools import run_cli
from harness import lint_files
from listlint.api import check_text, fix_text, format_text
from listlint.base.errors import UnsafeFixError
from listlint.rulekit.settings import Settings
from listlint.rules.merge_conflict import merge_conflict

# Invented lists, one per layout. Each has a heading with trailing white space,
# so that `fix` always has something to change (heading-spacing applies to every
# layout) and has to refuse.
DETAILS_CARDS = """\
# Tiny Papers 

<details>
<summary><b>Foo: Folding Paper Cranes</b></summary>

* **Authors:** Ada Lovelace, Alan Turing
* **arXiv ID:** 2101.00001
* **One-liner:** A robot that folds cranes.
* **Published in:** CVPR 2023
* **Links:** [Paper](https://arxiv.org/abs/2101.00001) | [Code](https://github.com/example/foo)

> **Core Innovation**  
> Folds cranes.

<details>
    <summary>Abstract</summary>
    We fold paper cranes with a robot.
</details>

</details>

---

<details>
<summary><b>Bar: Unfolding Them Again</b></summary>

* **Authors:** Grace Hopper
* **arXiv ID:** 2101.00002

</details>

---
"""

HEADING_CARDS = """\
# Tiny Papers 

## Vision

### 1. [CVPR'23] Foo: Folding Paper Cranes

**Authors:** Ada Lovelace, Alan Turing

<details span>
<summary><b>Abstract</b></summary>
We fold paper cranes with a robot.
</details>

[📄 Paper](https://arxiv.org/abs/2101.00001) | [💻 Code](https://github.com/example/foo)

### 2. [ICCV'23] Bar: Unfolding Them Again

**Authors**: Grace Hopper

[📄 Paper](https://arxiv.org/abs/2101.00002)
"""

BULLETS = """\
# Tiny Papers 

## Vision

- [Foo: Folding Paper Cranes](https://arxiv.org/abs/2101.00001), Ada Lovelace, CVPR 2023 | [github](https://github.com/example/foo)
- [Bar: Unfolding Them Again](https://arxiv.org/abs/2101.00002), Grace Hopper, ICCV 2023
  A short description of Bar.
* [ECCV 2022] **Baz: Cranes In The Wild** [[Paper](https://arxiv.org/abs/2101.00003)] [[Code](https://github.com/example/baz)]
"""

TABLE = """\
# Tiny Papers 

| Title | Venue | Date | Code |
|:------|:-----:|:----:|:----:|
| [**Foo: Folding Paper Cranes**](https://arxiv.org/abs/2101.00001) | CVPR | 2023-01-01 | [Github](https://github.com/example/foo) |
| [**Bar: Unfolding Them Again**](https://arxiv.org/abs/2101.00002) | ICCV | 2023-01-02 | - |
| [**Baz: Cranes In The Wild**](https://arxiv.org/abs/2101.00003) | ECCV | 2022-01-03 | - |
"""

LAYOUTS = {"details-card": DETAILS_CARDS, "heading-card": HEADING_CARDS, "bullet": BULLETS, "table": TABLE}


def _planted(text: str, index: int) -> str:
    """`text` with its line `index` (0-based) edited two ways and left in conflict."""
    lines = text.split("\n")
    ours = lines[index]
    lines[index : index + 1] = ["<<<<<<< HEAD", ours, "=======", (ours + " (edited)").lstrip(), ">>>>>>> feature"]
    return "\n".join(lines)


def _plants() -> list[tuple[str, int]]:
    return [(name, index) for name, text in LAYOUTS.items() for index in range(len(text.split("\n")) - 1)]


@pytest.mark.parametrize(("layout", "index"), _plants())
def test_a_conflict_planted_anywhere_is_found_at_its_opening_line(layout: str, index: int) -> None:
    text = _planted(LAYOUTS[layout], index)
    found = lint_files({"README.md": text}, [merge_conflict])
    assert [(f.line, f.column, f.location.end_line) for f in found] == [(index + 1, 1, index + 1)]
    assert [r.location.line for r in found[0].related] == [index + 3, index + 5]
    assert f"(lines {index + 1}-{index + 5})" in found[0].message
    assert "`<<<<<<< HEAD` ... `>>>>>>> feature`" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_fix_writes_nothing_to_a_list_with_a_conflict(layout: str) -> None:
    clean = LAYOUTS[layout]
    # The title's trailing white space is the house's to mend: asked for, in every layout.
    house = Settings(style=(("**", "house"),))
    assert fix_text(clean, "README.md", settings=house).text != clean, "the list has something to fix"
    # In the first entry: a card's summary, a heading card's heading, a bullet, a row.
    index = next(i for i, line in enumerate(clean.split("\n")) if "Ada Lovelace" in line or "Foo" in line)
    text = _planted(clean, index)
    assert [f.name for f in check_text(text, "README.md") if f.code == "LL507"] == ["merge-conflict"]
    with pytest.raises(UnsafeFixError) as raised:
        fix_text(text, "README.md", unsafe=True, settings=house)
    assert str(raised.value) == (
        f"README.md:{index + 1}: merge-conflict: resolve the merge conflict first; nothing was written"
    )


def test_formatting_alone_refuses_too() -> None:
    clean = DETAILS_CARDS.replace("* **", "- **")
    assert format_text(clean, "README.md") != clean, "the cards are not in canonical form"
    with pytest.raises(UnsafeFixError, match=r"^README.md:7: merge-conflict: "):
        format_text(_planted(clean, 6), "README.md")


def test_fix_with_nothing_to_change_keeps_the_conflict_among_the_findings() -> None:
    text = _planted(DETAILS_CARDS.replace("# Tiny Papers \n", "# Tiny Papers\n"), 5)
    outcome = fix_text(text, "README.md")
    assert outcome.text == text
    assert "merge-conflict" in [f.name for f in outcome.remaining]


def test_fix_command_refuses_the_file_and_leaves_its_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _planted(DETAILS_CARDS, 6).replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "README.md").write_bytes(data)
    (tmp_path / "OTHER.md").write_bytes(b"# Other \n")
    monkeypatch.chdir(tmp_path)
    ran = run_cli(["fix", "README.md", "OTHER.md"], capsys, monkeypatch)
    assert ran.code == 2
    assert "README.md:7: merge-conflict: resolve the merge conflict first; nothing was written\n" in ran.err
    assert (tmp_path / "README.md").read_bytes() == data
    assert (tmp_path / "OTHER.md").read_bytes() == b"# Other\n", "the other files are still fixed"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\r\n<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> x\r\n", [2]),
        ("<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x", [1]),  # no final newline
        ("<!--\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x\n-->\n", [2]),  # in an HTML comment
        ("<<<<<<< a\nb\n<<<<<<< c\nd\n=======\ne\n>>>>>>> f\n", [1, 3]),  # cut off by the next one
        ("```\n<<<<<<< HEAD\nb\n```\n=======\nc\n>>>>>>> x\n", [2]),  # starts in a fence, ends outside
        ("=======\n>>>>>>> x\n", []),  # no opening marker
        ("~~~\n<<<<<<< HEAD\nb\n=======\n>>>>>>> x\n~~~\n", []),  # an example in fenced code
    ],
)
def test_regions(text: str, lines: list[int]) -> None:
    assert [f.line for f in lint_files({"README.md": text}, [merge_conflict])] == lines
