"""`listlint export`: entries as JSON with locations, CSV, and BibTeX a real parser reads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, shared_path
from listlint.cli import cli
from listlint.document import Document
from listlint.export import citation_key, latex_escape, split_authors, to_bibtex, to_csv, to_json

bibtexparser = pytest.importorskip("bibtexparser")

DIGEST = (FIXTURES / "daily" / "digest_zh.md").read_text(encoding="utf-8")
CARDS = """\
<details>
<summary><b>Foo: A Tiny Card & {Braces} 100%</b></summary>

* **Authors:** Ada Lovelace, Alan M. Turing, Grace Hopper, et al.
* **arXiv ID:** 2101.00001
* **Published in:** NeurIPS 2021
* **Links:** [[Paper]](https://arxiv.org/abs/2101.00001)

> **Core Innovation**  
> Shows a card.

<details>
    <summary>Abstract</summary>
    We show a card.
</details>
</details>

---
"""


def _docs() -> list[Document]:
    return [Document(CARDS, "README.md"), Document(DIGEST, "digest_zh.md")]


def test_json_has_every_field_with_its_location() -> None:
    records = json.loads(to_json(_docs()))
    assert [r["layout"] for r in records] == ["card", "daily", "daily", "daily"]
    card, foo = records[0], records[1]
    assert card["fields"]["authors"]["value"].startswith("Ada Lovelace")
    assert card["fields"]["authors"]["location"] == {"line": 4, "column": 16, "end_line": 4, "end_column": 66}
    assert card["fields"]["published_in"]["value"] == "NeurIPS 2021"
    assert foo["fields"]["arxiv_id"] == {
        "value": "2401.00001",
        "location": {"line": 10, "column": 25, "end_line": 10, "end_column": 35},
    }
    assert foo["fields"]["arxiv_version"]["value"] == "v3"
    assert foo["fields"]["date"]["value"] == "2024-01-31"
    assert foo["fields"]["topic"]["value"] == "Tiny Robots"
    assert foo["links"][0]["url"] == "http://arxiv.org/abs/2401.00001v3"
    assert foo["location"]["line"] == 7


def test_csv_one_row_per_entry() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(_docs()))))
    assert len(rows) == 4
    assert rows[0]["arxiv_id"] == "2101.00001" and rows[0]["line"] == "1"
    assert rows[1]["affiliations"] == "Example University, Sample Lab"
    assert rows[1]["links"].startswith("arXiv: http://arxiv.org/abs/2401.00001v3 | ")


def test_bibtex_reads_back_with_escapes() -> None:
    text = to_bibtex(_docs())
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = library.entries
    assert [e.entry_type for e in entries] == ["article", "misc", "misc", "misc"]
    first = entries[0].fields_dict
    assert entries[0].key == "lovelace2021foo"
    assert first["author"].value == "Ada Lovelace and Alan M. Turing and Grace Hopper and others"
    assert first["eprint"].value == "2101.00001" and first["archivePrefix"].value == "arXiv"
    assert first["journal"].value == "NeurIPS 2021"
    assert r"\&" in first["title"].value and r"\%" in first["title"].value
    bar = entries[2].fields_dict
    assert r"\_" in bar["title"].value and r"\$" in bar["title"].value
    assert r"\textbraceleft{}" in bar["title"].value
    assert [e.fields_dict.get("eprint").value for e in entries if "eprint" in e.fields_dict] == [
        "2101.00001", "2401.00001", "2402.00002",
    ]


def test_citation_keys_are_stable_and_unique() -> None:
    docs = _docs() + [Document(CARDS, "README_copy.md")]
    keys = [e.key for e in bibtexparser.parse_string(to_bibtex(docs)).entries]
    assert len(set(keys)) == len(keys)
    assert keys[-1] == "lovelace2021foo-2"
    assert to_bibtex(docs) == to_bibtex(docs)


def test_helpers() -> None:
    assert latex_escape("a\\b{c}~^") == r"a\textbackslash{}b\textbraceleft{}c\textbraceright{}\textasciitilde{}\textasciicircum{}"
    assert split_authors("A B and C D；E F 等") == ["A B", "C D", "E F", "others"]
    assert citation_key({"short_name": None, "title": None, "published_in": None, "date": None, "arxiv_id": None}, []) == "entry"


def test_cli_export_to_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "digest_zh.md"
    source.write_text(DIGEST, encoding="utf-8")
    out = tmp_path / "refs.bib"
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "bibtex", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries) == 3


def test_corpus_exports_to_bibtex_that_reads_back() -> None:
    corpus = shared_path("corpus")
    docs = [Document(p.read_text(encoding="utf-8"), str(p)) for p in sorted(corpus.rglob("*.md"))]
    library = bibtexparser.parse_string(to_bibtex(docs))
    entries = [e for d in docs for e in d.entries]
    assert not library.failed_blocks
    assert len(library.entries) == len(entries) > 1000
    ids = sorted(e.arxiv_id.value for e in entries if e.arxiv_id)
    read = sorted(e.fields_dict["eprint"].value for e in library.entries if "eprint" in e.fields_dict)
    assert read == ids
