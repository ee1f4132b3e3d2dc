"""`listlint verify` end to end: a local arXiv, the cache, offline runs, failures, fixes."""

from __future__ import annotations

import json
import socket
import types
from pathlib import Path

import pytest

from arxiv_server import FakeArxiv, FakeTime, fake_arxiv  # noqa: F401 - a fixture
from clitools import run_cli

CARD = """<details>
<summary><b>{title}</b></summary>

* **Authors:** {authors}
* **arXiv ID:** {arxiv_id}

> **Core Innovation**  
> Shows a card.
</details>

---

"""

DAILY = """# Daily digest

# Topic: Tiny Things

## Quiet Lynxes Listen
2023-01-05｜Example University｜⭐️⭐️

<u>https://arxiv.org/abs/2301.00105v1</u>
### 概述
A digest entry.
"""


def _card(title: str, authors: str, arxiv_id: str) -> str:
    return CARD.format(title=title, authors=authors, arxiv_id=arxiv_id)


@pytest.fixture
def paced(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    """arXiv's pacing and backoff on a fake clock: a test waits no real seconds."""
    fake = FakeTime()
    monkeypatch.setattr("listlint.workspace.arxiv_api.time", types.SimpleNamespace(monotonic=fake.clock, sleep=fake.sleep))
    return fake


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    """A list in both layouts: right and wrong titles, wrong authors, an ID arXiv lacks."""
    folder = tmp_path / "list"
    folder.mkdir()
    (folder / "README.md").write_text(
        _card("Qux: Quantised Unicorn Experts", "Mira Ghost, Tao Lin", "2301.00101")
        + _card("Foo: A Huge Example of a Card", "Ada Lovelace, Alan Turing, Grace Hopper", "2301.00102")
        + _card("Otter: Sparse Otters for Video Editing", "Ada Lovelace, Alan Turing", "2301.00104")
        + _card("Lost: A Card arXiv Never Had", "Ada Lovelace", "2301.00199"),
        encoding="utf-8",
    )
    (folder / "digest.md").write_text(DAILY, encoding="utf-8")
    return folder


EXPECTED = [
    ("README.md", 14, "LL108"),  # a title that is not arXiv's
    ("README.md", 28, "LL109"),  # another paper's authors
    ("README.md", 41, "LL110"),  # no such paper
    ("digest.md", 5, "LL108"),  # the daily layout, its ID from the link
]


def _found(out: str) -> list[tuple[str, int, str]]:
    return [(Path(f["path"]).name, f["line"], f["code"]) for f in json.loads(out)]


def test_verify_asks_arxiv_once_then_reads_the_cache(
    lists: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch  # noqa: F811
) -> None:
    cache = lists / "arxiv.json"
    args = ["verify", str(lists), "--cache", str(cache), "--output-format", "json"]
    first = run_cli([*args, "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert first.code == 1, first.err
    assert _found(first.out) == EXPECTED
    assert len(fake_arxiv.queries) == 1 and fake_arxiv.queries[0]["max_results"] == "5"
    assert "Asked arXiv about 5 IDs (1 request)" in first.err
    kept = json.loads(cache.read_text(encoding="utf-8"))["papers"]
    assert kept["2301.00199"]["not_found"] is True and kept["2301.00101"]["fetched"].endswith("Z")
    assert kept["2301.00104"]["title"] == "Sparse Otters for Video Editing"
    # Offline, from the cache alone: the same findings, and no request.
    fake_arxiv.fail = -1
    again = run_cli([*args, "--offline", "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert (again.code, _found(again.out), again.err) == (1, EXPECTED, "")
    assert len(fake_arxiv.queries) == 1
    # Online again, nothing to ask: every ID is cached.
    online = run_cli([*args, "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert _found(online.out) == EXPECTED and len(fake_arxiv.queries) == 1


def test_refresh_asks_again(lists: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch) -> None:  # noqa: F811
    args = ["verify", str(lists), "--cache", str(lists / "c.json"), "--arxiv-api", fake_arxiv.url]
    run_cli(args, capsys, monkeypatch)
    fake_arxiv.papers["2301.00199"] = fake_arxiv.papers["2301.00101"].__class__(
        "2301.00199", "A Card arXiv Never Had", ("Ada Lovelace",)
    )
    refreshed = run_cli([*args, "--refresh", "--output-format", "concise"], capsys, monkeypatch)
    assert len(fake_arxiv.queries) == 2
    assert "LL110" not in refreshed.out


def test_offline_without_the_cache_notes_what_it_could_not_verify(lists: Path, capsys, monkeypatch) -> None:
    ran = run_cli(["verify", str(lists), "--offline", "--cache", str(lists / "none.json")], capsys, monkeypatch)
    assert ran.code == 0, ran.out
    assert "LL110" not in ran.out and "All checks passed (2 files)." in ran.out
    assert ran.err == (
        f"5 arXiv IDs are not in the cache {lists / 'none.json'}, so their entries were not verified; "
        "run `listlint verify` without --offline to fetch them.\n"
    )
    assert not (lists / "none.json").exists()


def test_a_failing_server_is_one_line_and_the_cache_keeps_what_came(
    tmp_path: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch  # noqa: F811
) -> None:
    ids = [f"2301.{number:05d}" for number in range(300, 450)]  # two batches
    (tmp_path / "README.md").write_text("".join(_card("T", "A B", arxiv_id) for arxiv_id in ids), encoding="utf-8")
    cache = tmp_path / "arxiv.json"
    fake_arxiv.fail_from = 1  # the first batch is answered, the second never
    ran = run_cli(["verify", str(tmp_path / "README.md"), "--cache", str(cache), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert ran.code == 2 and ran.out == ""
    assert ran.err == f"{fake_arxiv.url}: HTTP 500 Internal Server Error (4 tries)\n"
    assert len(json.loads(cache.read_text(encoding="utf-8"))["papers"]) == 100
    before = cache.read_bytes()
    fake_arxiv.fail_from = 0
    again = run_cli(["verify", str(tmp_path / "README.md"), "--cache", str(cache), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert again.code == 2 and cache.read_bytes() == before  # intact
    assert fake_arxiv.queries[-1]["id_list"].split(",")[0] == ids[100]  # only what it lacks


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "corrupt arXiv cache: invalid JSON (Expecting property name enclosed in double quotes, column 2)"),
        ('{"papers": {}}', 'corrupt arXiv cache: not a listlint arXiv cache (no `"listlint-arxiv-cache": 1`)'),
        ('{"listlint-arxiv-cache": 1, "papers": {"2301.00101": {"title": 3}}}', "corrupt arXiv cache: `2301.00101.title` is not a string"),
    ],
    ids=["json", "not-a-cache", "bad-record"],
)
def test_a_corrupt_cache_is_one_line_and_nothing_is_fetched(
    lists: Path, fake_arxiv: FakeArxiv, text: str, message: str, capsys, monkeypatch  # noqa: F811
) -> None:
    cache = lists / "arxiv.json"
    cache.write_text(text, encoding="utf-8")
    ran = run_cli(["verify", str(lists), "--cache", str(cache), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert ran.code == 2 and ran.out == ""
    line = ":1" if "invalid JSON" in message else ""
    assert ran.err == f"{cache}{line}: {message}; delete it to fetch again\n"
    assert fake_arxiv.queries == [] and cache.read_text(encoding="utf-8") == text


def test_the_configured_cache_is_read_beside_the_configuration(lists: Path, capsys, monkeypatch) -> None:
    (lists / "listlint.toml").write_text('cache = ".listlint/arxiv.json"\n', encoding="utf-8")
    ran = run_cli(["verify", str(lists), "--offline"], capsys, monkeypatch)
    assert f"not in the cache {lists / '.listlint' / 'arxiv.json'}," in ran.err


def test_check_never_opens_a_socket(lists: Path, capsys, monkeypatch) -> None:
    (lists / "listlint.toml").write_text('cache = "arxiv.json"\n', encoding="utf-8")

    def no_socket(*args: object, **kwargs: object) -> None:
        raise AssertionError("check opened a socket")

    monkeypatch.setattr(socket, "socket", no_socket)
    for args in (["check", str(lists)], ["check", str(lists), "--select", "LL108,LL109,LL110"], ["fix", str(lists), "--check"]):
        ran = run_cli(args, capsys, monkeypatch)
        assert "socket" not in ran.err and ran.code in (0, 1), ran.err
        assert "LL108" not in ran.out and "LL110" not in ran.out
    assert not (lists / "arxiv.json").exists()


def test_verify_fix_puts_in_arxivs_title_and_authors(
    tmp_path: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch  # noqa: F811
) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        _card("Foo: A Huge Example of a Card", "Ada Lovelace, Alan Turing, Grace Hopper", "2301.00102")
        + _card("Qux: Quantised Unicorn Experts", "Mira Ghost", "2301.00101"),
        encoding="utf-8",
    )
    args = ["verify", str(path), "--cache", str(tmp_path / "c.json"), "--arxiv-api", fake_arxiv.url]
    shown = run_cli(args, capsys, monkeypatch)
    assert shown.code == 1 and "2 hidden fixes can be applied with `listlint verify --fix --unsafe-fixes`." in shown.out
    safe_only = run_cli([*args, "--fix"], capsys, monkeypatch)
    assert safe_only.code == 1 and "Fixing" not in safe_only.err
    fixed = run_cli([*args, "--fix", "--unsafe-fixes"], capsys, monkeypatch)
    assert fixed.code == 0, fixed.out
    assert f"Fixing {path}" in fixed.err
    text = path.read_text(encoding="utf-8")
    assert "<b>Foo: A Tiny Example of a Card</b>" in text and "* **Authors:** Mira Ghost, Tao Lin\n" in text
    assert len(fake_arxiv.queries) == 1  # the lint after the fix reads the cache


def test_verify_with_a_baseline(lists: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch) -> None:  # noqa: F811
    args = ["verify", str(lists), "--cache", str(lists / "c.json"), "--arxiv-api", fake_arxiv.url]
    written = run_cli([*args, "--write-baseline", str(lists / "b.json")], capsys, monkeypatch)
    assert written.code == 0 and "Wrote 4 findings" in written.err
    ran = run_cli([*args, "--baseline", str(lists / "b.json"), "--output-format", "json"], capsys, monkeypatch)
    assert (ran.code, ran.out.strip()) == (0, "[]")


def test_offline_and_refresh_together_is_a_usage_error(lists: Path, capsys, monkeypatch) -> None:
    ran = run_cli(["verify", str(lists), "--offline", "--refresh"], capsys, monkeypatch)
    assert ran.code == 2 and "--offline and --refresh cannot be used together" in ran.err


def test_new_fills_the_card_from_arxiv(tmp_path: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch) -> None:  # noqa: F811
    cache = tmp_path / "c.json"
    ran = run_cli(["new", "2301.00104v2", "--cache", str(cache), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert ran.code == 0, ran.err
    assert "<summary><b>Sparse Otters for Video Editing</b></summary>" in ran.out
    assert "* **Authors:** Ines Okafor, Bao Tran" in ran.out and "Otters edit videos." in ran.out
    fake_arxiv.fail = -1
    offline = run_cli(["new", "2301.00104", "--offline", "--cache", str(cache)], capsys, monkeypatch)
    assert offline.out == ran.out and len(fake_arxiv.queries) == 1
    missing = run_cli(["new", "2301.00199", "--cache", str(tmp_path / "d.json"), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert missing.code == 0 and "<summary><b></b></summary>" in missing.out
    assert missing.err.startswith("listlint: title, authors and abstract left to complete: ")
    fake_arxiv.fail = 0
    gone = run_cli(["new", "2301.00199", "--cache", str(cache), "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert (gone.code, gone.out, gone.err) == (2, "", "arXiv has no paper with the ID `2301.00199`\n")


LAYOUTS = {
    "bullets.md": """# Invented Lists

## Vision

- [Quantised Unicorn Experts](https://arxiv.org/abs/2301.00101), Mira Ghost, Tao Lin, CVPR 2023
- [A Huge Example of a Card](https://arxiv.org/abs/2301.00102), Ada Lovelace, Alan Turing, Grace Hopper, CVPR 2023
- [Sparse Otters for Video Editing](https://arxiv.org/abs/2301.00104), Ada Lovelace, Alan Turing, ICCV 2023
- [A Paper arXiv Never Had](https://arxiv.org/abs/2301.00199), Ada Lovelace, Alan Turing, ICCV 2023
""",
    "paragraphs.md": """# Invented Lists

**Quantised Unicorn Experts** \\
*Mira Ghost, Tao Lin* \\
CVPR 2023. [[Paper](https://arxiv.org/abs/2301.00101)] \\
1 Jan 2023

**A Huge Example of a Card** \\
*Ada Lovelace, Alan Turing, Grace Hopper* \\
CVPR 2023. [[Paper](https://arxiv.org/abs/2301.00102)] \\
2 Jan 2023

**Sparse Otters for Video Editing** \\
*Ada Lovelace, Alan Turing* \\
ICCV 2023. [[Paper](https://arxiv.org/abs/2301.00104)] \\
4 Jan 2023

**A Paper arXiv Never Had** \\
*Ada Lovelace, Alan Turing* \\
ICCV 2023. [[Paper](https://arxiv.org/abs/2301.00199)] \\
9 Jan 2023
""",
    "table.md": """# Invented Lists

| Title | Authors | Venue |
|---|---|---|
| [Quantised Unicorn Experts](https://arxiv.org/abs/2301.00101) | Mira Ghost, Tao Lin | CVPR 2023 |
| [A Huge Example of a Card](https://arxiv.org/abs/2301.00102) | Ada Lovelace, Alan Turing, Grace Hopper | CVPR 2023 |
| [Sparse Otters for Video Editing](https://arxiv.org/abs/2301.00104) | Ada Lovelace, Alan Turing | ICCV 2023 |
| [A Paper arXiv Never Had](https://arxiv.org/abs/2301.00199) | Ada Lovelace, Alan Turing | ICCV 2023 |
""",
    "headings.md": """# Invented Lists

### 1. Quantised Unicorn Experts
**Authors:** Mira Ghost, Tao Lin

[📄 Paper](https://arxiv.org/abs/2301.00101)

### 2. A Huge Example of a Card
**Authors:** Ada Lovelace, Alan Turing, Grace Hopper

[📄 Paper](https://arxiv.org/abs/2301.00102)

### 3. Sparse Otters for Video Editing
**Authors:** Ada Lovelace, Alan Turing

[📄 Paper](https://arxiv.org/abs/2301.00104)

### 4. A Paper arXiv Never Had
**Authors:** Ada Lovelace, Alan Turing

[📄 Paper](https://arxiv.org/abs/2301.00199)
""",
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_verify_reads_every_layout(
    name: str, tmp_path: Path, fake_arxiv: FakeArxiv, paced: FakeTime, capsys, monkeypatch  # noqa: F811
) -> None:
    text = LAYOUTS[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    args = ["verify", str(tmp_path / name), "--cache", str(tmp_path / "arxiv.json"), "--output-format", "json"]
    result = run_cli([*args, "--arxiv-api", fake_arxiv.url], capsys, monkeypatch)
    assert result.code == 1, result.err
    lines = text.splitlines()
    # Each finding on the line that writes what it is about: the wrong title, the
    # wrong authors, the ID arXiv lacks (in the entry's paper link).
    found = [(f["code"], lines[f["line"] - 1]) for f in json.loads(result.out)]
    assert [code for code, _ in found] == ["LL108", "LL109", "LL110"], found
    assert "A Huge Example of a Card" in found[0][1]
    assert "Ada Lovelace, Alan Turing" in found[1][1] and "Grace Hopper" not in found[1][1]
    assert "2301.00199" in found[2][1]
