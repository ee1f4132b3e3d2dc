"""merge-conflict on every layout."""

from __future__ import annotations

import pytest

from harness import lint_files
from listlint.rules.merge_conflict import merge_conflict

# Invented lists, one per layout.
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
