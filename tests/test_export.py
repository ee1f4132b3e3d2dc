"""`listlint export`: entries as JSON with locations, CSV, and BibTeX a real parser reads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, shared_path
from listlint.base.spans import Span
from listlint.cli.main import cli
from listlint.convert.export import citation_key, to_bibtex, to_csv, to_json
from listlint.rulekit.identity import entry_id
from listlint.syntax.document import Document
from listlint.syntax.model import Text

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
    assert [e.entry_type for e in entries] == ["inproceedings", "misc", "misc", "misc"]
    first = entries[0].fields_dict
    assert entries[0].key == "lovelace2021foo"
    assert first["author"].value == "Ada Lovelace and Alan M. Turing and Grace Hopper and others"
    assert first["eprint"].value == "2101.00001" and first["archivePrefix"].value == "arXiv"
    assert first["booktitle"].value == "NeurIPS" and first["year"].value == "2021"
    assert r"\&" in first["title"].value and r"\%" in first["title"].value
    bar = entries[2].fields_dict
    assert r"\_" in bar["title"].value and r"\$" in bar["title"].value
    assert r"\textbraceleft{}" in bar["title"].value
    assert [e.fields_dict.get("eprint").value for e in entries if "eprint" in e.fields_dict] == [
        "2101.00001", "2401.00001", "2402.00002",
    ]


def _card(title: str, authors: str, arxiv_id: str, venue: str | None) -> str:
    published = f"* **Published in:** {venue}\n" if venue else ""
    return (
        f"<details>\n<summary><b>{title}</b></summary>\n\n"
        f"* **Authors:** {authors}\n* **arXiv ID:** {arxiv_id}\n{published}"
        f"* **Links:** [[Paper]](https://arxiv.org/abs/{arxiv_id})\n\n"
        "> **Core Innovation**  \n> Invented.\n\n</details>\n\n---\n\n"
    )


# Invented papers, one of each kind of venue.
VENUES_EN = "".join(
    [
        _card("Qap: Quick NeRF-Style Priors for 3D Scenes", "Giordano d&#39;Ada, Lin, X., Shu, X. Y., Sean O&#39;Hopper et al.", "2403.00003", "CVPR 2024"),
        _card("Rob: Robust Tiny Things", "Ada Lovelace and Alan Turing", "2305.00004", "TPAMI 2023"),
        _card("Sim: Simple Preprints", "Grace Hopper", "2403.00005", "arxiv (25 Mar 2024)"),
        _card("Wok: A Workshop Paper", "Lovelace, Ada; Turing, Alan", "2306.00006", "ICCV 2023 (Workshop)"),
        _card("Old: An Old Preprint", "Kurt Goedel", "hep-th/9901001", "arXiv preprint"),
        _card("Rel: A Model Release", "Edsger Dijkstra", "2407.00007", "2024 (Alpha)"),
        _card("Gap: A Card Without a Venue", "Barbara Liskov", "2408.00008", None),
    ]
)
# The Chinese copy: the same papers; where the English card gives a field its value
# wins, where it gives none the Chinese card's fills in.
VENUES_ZH = "".join(
    [
        _card("Qap: 快速的先验", "Giordano d&#39;Ada, Lin, X., Shu, X. Y., Sean O&#39;Hopper et al.", "2403.00003", "CVPR 2024"),
        _card("Gap: A Card Without a Venue", "Barbara Liskov", "2408.00008", "ECCV 2024"),
    ]
)


def _venue_library() -> dict[str, dict[str, str]]:
    docs = [Document(VENUES_ZH, "README_zh.md"), Document(VENUES_EN, "README.md")]
    library = bibtexparser.parse_string(to_bibtex(docs))
    assert not library.failed_blocks
    return {
        e.fields_dict["eprint"].value: {"type": e.entry_type, **{k: f.value for k, f in e.fields_dict.items()}}
        for e in library.entries
    }


def test_bibtex_types_follow_the_venue() -> None:
    by_id = _venue_library()
    qap, rob, sim, wok = by_id["2403.00003"], by_id["2305.00004"], by_id["2403.00005"], by_id["2306.00006"]
    assert (qap["type"], qap["booktitle"], qap["year"]) == ("inproceedings", "CVPR", "2024")
    assert "journal" not in qap
    assert (rob["type"], rob["journal"], rob["year"]) == ("article", "TPAMI", "2023")
    assert (sim["type"], sim["year"], sim["archivePrefix"]) == ("misc", "2024", "arXiv")
    assert "journal" not in sim and "booktitle" not in sim and "howpublished" not in sim
    assert (wok["type"], wok["booktitle"]) == ("inproceedings", "ICCV Workshops")
    old = by_id["hep-th/9901001"]
    assert (old["type"], old["primaryClass"], old["year"]) == ("misc", "hep-th", "1999")
    # Not a venue BibTeX can name: kept as written, in an entry that claims no venue type.
    rel = by_id["2407.00007"]
    assert (rel["type"], rel["howpublished"], rel["year"]) == ("misc", "2024 (Alpha)", "2024")


def test_bibtex_authors_are_names_with_entities_decoded() -> None:
    by_id = _venue_library()
    assert by_id["2403.00003"]["author"] == "Giordano d'Ada and Lin, X. and Shu, X. Y. and Sean O'Hopper and others"
    assert by_id["2305.00004"]["author"] == "Ada Lovelace and Alan Turing"
    assert by_id["2306.00006"]["author"] == "Lovelace, Ada and Turing, Alan"
    assert "&#" not in to_bibtex([Document(VENUES_EN, "README.md")])


def test_bibtex_titles_brace_only_what_must_keep_its_case() -> None:
    assert _venue_library()["2403.00003"]["title"] == "Qap: Quick {NeRF}-Style Priors for {3D} Scenes"


def test_bibtex_has_one_entry_per_paper_from_the_english_copy() -> None:
    by_id = _venue_library()
    assert len(by_id) == 7 == len(bibtexparser.parse_string(to_bibtex([Document(VENUES_EN, "README.md")])).entries)
    # Listed after the Chinese file, the English copy still gives the fields.
    assert by_id["2403.00003"]["title"].startswith("Qap: Quick")
    # A field the English copy lacks comes from the other.
    assert (by_id["2408.00008"]["type"], by_id["2408.00008"]["booktitle"]) == ("inproceedings", "ECCV")


def test_bibtex_reads_the_venue_of_a_daily_meta_line() -> None:
    digest = "## Zap: An Invented Paper\n2025-02-03｜Example University｜CVPR 2025｜⭐️\n<u>http://arxiv.org/abs/2502.00003v1</u>\n"
    (entry,) = bibtexparser.parse_string(to_bibtex([Document(digest, "digest.md")])).entries
    assert (entry.entry_type, entry.fields_dict["booktitle"].value) == ("inproceedings", "CVPR")


def test_bibtex_keeps_two_papers_that_share_an_id() -> None:
    # The same ID on two papers (a wrong ID; arxiv-id-conflict reports it): both stay.
    text = _card("One: First Paper", "Ada Lovelace", "2101.00009", None) + _card(
        "Two: Second Paper", "Alan Turing", "2101.00009", None
    )
    entries = bibtexparser.parse_string(to_bibtex([Document(text, "README.md")])).entries
    assert [e.fields_dict["title"].value for e in entries] == ["One: First Paper", "Two: Second Paper"]


def test_bibtex_reads_one_paper_without_an_id_in_titles_that_are_the_same_title() -> None:
    # Compared as every rule compares titles: `&amp;` is `&`.
    en = _card("Foo &amp; Bar: A Paper Not on arXiv", "Ada Lovelace", "N/A", "CVPR 2024")
    zh = _card("Foo & Bar: A Paper Not on arXiv", "Ada Lovelace", "N/A", "CVPR 2024")
    docs = [Document(en, "README.md"), Document(zh, "README_zh.md")]
    assert len(bibtexparser.parse_string(to_bibtex(docs)).entries) == 1


def test_citation_keys_are_stable_and_unique() -> None:
    docs = _docs() + [Document(CARDS.replace("2101.00001", "2101.00002"), "README_copy.md")]
    keys = [e.key for e in bibtexparser.parse_string(to_bibtex(docs)).entries]
    assert len(set(keys)) == len(keys)
    assert keys[-1] == "lovelace2021foo-2"
    assert to_bibtex(docs) == to_bibtex(docs)


def test_citation_key() -> None:
    values: dict[str, Text | None] = dict.fromkeys(("short_name", "title", "published_in", "date", "arxiv_id"))
    assert citation_key(values, []) == "entry"
    # The family name of a `Family, Given` author is the part before the comma.
    assert citation_key({**values, "title": Text(Span(0, 3), "Foo")}, ["Shu, X."]) == "shufoo"


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
    # Each file is in English and Chinese: about one BibTeX entry for two cards.
    assert len(entries) > 1000 and len(library.entries) < 0.6 * len(entries)
    ids = {found.base.lower() for found in map(entry_id, entries) if found}
    read = [e.fields_dict["eprint"].value.lower() for e in library.entries if "eprint" in e.fields_dict]
    assert set(read) == ids
    # An ID read twice is two papers, which differ in title.
    titles: dict[str, set[str]] = {}
    for e in library.entries:
        if "eprint" in e.fields_dict:
            titles.setdefault(e.fields_dict["eprint"].value, set()).add(e.fields_dict["title"].value)
    assert len(read) - len(set(read)) == sum(len(t) - 1 for t in titles.values())
    assert "&#" not in to_bibtex(docs)
