"""What a command loads at start-up: a hook runs `listlint check` on a file or two, so
the modules a run of one card does not need stay unloaded (the set, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAVY = ("rich", "bs4", "cmarkgfm", "mistune", "markdown_it", "pickle")
"""Renderers and parsers a card may need, and what only a second process needs."""

NOT_FOR_CHECK = (
    "listlint.api",
    "listlint.lint.fixer",
    "listlint.rulekit.arxiv_match",
    "listlint.convert",
)
"""The fixer and the API (`fix`), and arXiv's title and author matching (`verify`, or an
ID conflict with arXiv's answers at hand)."""

CARD = """# Papers

<details>
<summary><b>Foo: A foo model for bar</b></summary>

* **Authors:** Ann Lee, Bo Chen
* **Affiliations:** Foo University
* **arXiv ID:** 2401.00001
* **One-liner:** A foo model that bars.
* **Published in:** arXiv 2024
* **Links:** [[Paper]](https://arxiv.org/abs/2401.00001) | [[PDF]](https://arxiv.org/pdf/2401.00001)

> **Core Innovation**
> Foo bars the baz.

<details>
    <summary>Abstract</summary>
    We present Foo, a model that bars.
</details>

<details>
    <summary>Key points</summary>

* Foo bars.
* Baz is barred.

</details>
</details>

---
"""
"""An invented card in canonical form: nothing in it needs a renderer."""

# Prints the modules loaded when the command exits (it ends with `os._exit`).
_DUMP = """
import json, os, sys
real_exit = os._exit
def dump(code):
    print(json.dumps(sorted(sys.modules)))
    sys.stdout.flush()
    real_exit(code)
os._exit = dump
sys.argv = ["listlint", *sys.argv[1:]]
from listlint.cli.main import main
main()
"""


def _loaded(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _under(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {module for module in modules if any(module == name or module.startswith(name + ".") for name in names)}


def test_importing_the_command_line_loads_no_renderer_nor_the_rules() -> None:
    code = "import json, sys, listlint.cli.main; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    modules = set(json.loads(done.stdout))
    assert not _under(modules, HEAVY + NOT_FOR_CHECK + ("listlint.rules", "listlint.lint.engine"))


def test_a_check_of_one_card_loads_only_what_it_runs(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(CARD, encoding="utf-8")
    for output in ("full", "concise", "json"):
        modules = _loaded("check", "--output-format", output, "README.md", cwd=tmp_path)
        assert "listlint.rules" in modules  # it did run
        assert not _under(modules, HEAVY + NOT_FOR_CHECK), output
