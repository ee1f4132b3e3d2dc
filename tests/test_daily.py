"""The paper-daily layout: detection, heading entries with spans, lossless tiling."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, shared_path
from listlint.api import parse_text
from listlint.rulekit.settings import Settings
from listlint.syntax.daily import is_daily, link_label
from listlint.syntax.document import Document
from listlint.syntax.model import DailyEntry, DailySection

DIGEST = (FIXTURES / "daily" / "digest_zh.md").read_text(encoding="utf-8")


def _at(doc: Document, text) -> str:  # type: ignore[no-untyped-def]
    return doc.text[text.span.start : text.span.end]


def test_fixture_parses_into_heading_entries_with_exact_spans() -> None:
    doc = Document(DIGEST, "digest_zh.md")
    assert doc.layout == "daily"
    entries = doc.entries
    assert [e.title.value for e in entries] == [
        "Foo: A Tiny Example of a Digest Entry",
        "Bar & Baz: Another {Tiny} Entry_with $pecial chars",
        "Qux: An Entry Without Links",
    ]
    foo, bar, qux = entries
    assert all(isinstance(e, DailyEntry) and e.doc is doc for e in entries)
    assert [e.topic.value for e in entries] == ["Tiny Robots", "Tiny Robots", "Tiny Planes"]
    assert foo.short_name.value == "Foo" and _at(doc, foo.short_name) == "Foo"
    assert (foo.date.value, foo.affiliations.value, foo.rating.value) == (
        "2024-01-31",
        "Example University, Sample Lab",
        "⭐️⭐️",
    )
    for part in (foo.title, foo.date, foo.affiliations, foo.rating, foo.arxiv_id, foo.arxiv_version):
        assert _at(doc, part) == part.value
    assert (foo.arxiv_id.value, foo.arxiv_version.value) == ("2401.00001", "v3")
    assert [(l.label.value, l.url.value) for l in foo.links] == [
        ("arXiv", "http://arxiv.org/abs/2401.00001v3"),
        ("Project Page", "https://foo-example.github.io/foo/"),
        ("Code", "https://github.com/ada/foo"),
    ]
    for link in foo.links:
        assert _at(doc, link.url) == link.url.value
        assert _at(doc, link).startswith("<u>") and _at(doc, link).endswith("</u>")
    assert [s.name.value for s in foo.sections] == ["概述", "方法"]
    assert [s.key for s in foo.sections] == ["abstract", "method"]
    assert isinstance(foo.abstract, DailySection)
    # The image line is not prose; the two prose lines join.
    assert foo.abstract.body_text == "Foo shows how a tiny entry is written. It has two lines of prose."
    assert [_at(doc, i.url) for i in foo.images] == ["figures/foo-overview.png"]
    assert foo.field("affiliations").value == foo.affiliations
    assert foo.field("arxiv_id").value == foo.arxiv_id
    assert foo.field("links").links == foo.links
    assert foo.authors is None and foo.one_liner is None and foo.key_points is None
    assert foo.field("authors") is None
    assert bar.arxiv_id.value == "2402.00002" and bar.arxiv_version is None
    assert qux.arxiv_id is None and qux.links == ()
    assert qux.rating.value == "🟡" and qux.affiliations.value == "Nowhere"


# Invented digest entries whose meta line has four fields: the venue comes after
# the affiliations in one, before them in the other.
VENUE_DIGEST = """\
# Topic: Tiny Venues

## Zap: An Invented Paper With a Venue
2025-02-03｜Example University, Sample Lab｜CVPR 2025｜⭐️⭐️
<u>http://arxiv.org/abs/2502.00003v1</u>
### 概述
Zap is invented.

## Zip: Another Invented Paper
2025-02-04｜iclr 2025 (oral)｜Sample Institute｜⭐️
<u>http://arxiv.org/abs/2502.00004v1</u>
### 概述
Zip is invented too.

## Zop: Two Affiliation Fields, No Venue
2025-02-05｜Example University｜Sample Lab｜🟡
### 概述
Zop has no venue.
"""


def test_a_four_field_meta_line_gives_its_venue_apart_from_the_affiliations() -> None:
    doc = Document(VENUE_DIGEST, "digest_zh.md")
    zap, zip_, zop = doc.entries
    assert (zap.date.value, zap.affiliations.value, zap.venue.value, zap.rating.value) == (
        "2025-02-03", "Example University, Sample Lab", "CVPR 2025", "⭐️⭐️",
    )
    assert (zip_.affiliations.value, zip_.venue.value, zip_.rating.value) == (
        "Sample Institute", "iclr 2025 (oral)", "⭐️",
    )
    for part in (zap.affiliations, zap.venue, zip_.affiliations, zip_.venue):
        assert _at(doc, part) == part.value
    assert zap.field("published_in").value == zap.venue
    # Without a venue the fields between date and rating stay the affiliations, as before.
    assert zop.venue is None and zop.field("published_in") is None
    assert zop.affiliations.value == "Example University｜Sample Lab"
    assert "".join(doc.segment_texts()) == VENUE_DIGEST


def test_segments_tile_the_text_and_contents_heading_stays_verbatim() -> None:
    doc = Document(DIGEST, "digest_zh.md")
    assert "".join(doc.segment_texts()) == DIGEST
    kinds = [s.kind for s in doc.segments]
    assert kinds.count("heading-entry") == 3
    contents = DIGEST.index("## Contents")
    owner = next(s for s in doc.segments if s.span.start <= contents < s.span.end)
    assert owner.kind == "verbatim"


def test_crlf_round_trips_and_keeps_spans() -> None:
    text = DIGEST.replace("\n", "\r\n")
    doc = Document(text, "digest_zh.md")
    assert "".join(doc.segment_texts()) == text
    foo = doc.entries[0]
    assert _at(doc, foo.title) == foo.title.value and not foo.title.value.endswith("\r")
    assert foo.rating.value == "⭐️⭐️"


def test_forced_layout_wins_over_detection() -> None:
    doc = Document(DIGEST, "digest_zh.md", layout="cards")
    assert doc.layout == "cards" and doc.entries == ()
    forced = Document(DIGEST, "digest_zh.md", layout="daily")
    # Forced, every `## ` heading is an entry, `## Contents` included.
    assert [e.title.value for e in forced.entries][2] == "Contents"
    settings = Settings(layout=(("notes/*.md", "daily"),))
    plain = "## Just a heading\n\nText.\n"
    assert parse_text(plain, "notes/a.md", settings).layout == "daily"
    assert parse_text(plain, "other/a.md", settings).layout == "cards"


@pytest.mark.parametrize(
    "text",
    [
        "## Heading\n\nSome text｜with a bar.\n",
        "<details>\n<summary><b>A: Card</b></summary>\n\n* **Authors:** X\n</details>\n\n## T\n2024-01-01｜U｜⭐️\n",
        "```\n## In code\n2024-01-01｜U｜⭐️\n```\n",
    ],
)
def test_detection_negatives(text: str) -> None:
    assert not is_daily(text)


def test_link_labels() -> None:
    assert link_label("https://arxiv.org/abs/2101.00001") == "arXiv"
    assert link_label("https://github.com/a/b") == "Code"
    assert link_label("https://a.github.io/b") == "Project Page"


def test_seed_004_parses_into_six_entries_under_two_topics() -> None:
    path = shared_path("seeds", "004_3b224275edd2a8f4.txt")
    data = path.read_bytes()
    doc = Document(data.decode("utf-8"), str(path))
    assert doc.layout == "daily"
    assert "".join(doc.segment_texts()).encode("utf-8") == data
    assert len(doc.entries) == 6
    assert len({e.topic.value for e in doc.entries}) == 2
    assert [e.arxiv_id.value for e in doc.entries] == [
        "2503.08153", "2503.08605", "2503.08010", "2503.08665", "2503.08147", "2503.08307",
    ]
    assert [e.arxiv_version.value for e in doc.entries] == ["v1"] * 5 + ["v2"]
    assert [len(e.links) for e in doc.entries] == [2, 2, 1, 2, 2, 2]
    assert all(e.abstract and e.abstract.body_text for e in doc.entries)


def test_seed_004_defects_are_reported() -> None:
    from listlint.api import check_text

    path = shared_path("seeds", "004_3b224275edd2a8f4.txt")
    findings = check_text(path.read_text(encoding="utf-8"), "daily_zh.md")
    by_code: dict[str, list[int]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding.line)
    assert len(by_code["LL601"]) == 26  # every image of the seed
    glued = [f.line for f in findings if f.code == "LL602" and "glued" in f.message]
    assert glued == [33, 65, 123, 155]
    # The truncated `<u>https://github</u>` is a link of the sixth entry, for the URL rules.
    doc = Document(path.read_text(encoding="utf-8"), "daily_zh.md")
    assert doc.entries[5].links[1].url.value == "https://github"
    assert [(f.line, f.column) for f in findings if f.name == "truncated-url"] == [(159, 4)]
    # Every arXiv line is `http://` and versioned: one finding, with a safe fix, per entry.
    arxiv = [f for f in findings if f.name == "non-canonical-arxiv-url"]
    assert [f.line for f in arxiv] == [6, 36, 68, 99, 128, 158]
    assert all(f.fix is not None and f.fix.applicability.value == "safe" for f in arxiv)


def test_corpus_files_stay_cards() -> None:
    corpus = shared_path("corpus")
    for path in corpus.rglob("*.md"):
        assert Document(path.read_text(encoding="utf-8"), str(path)).layout == "cards", path


from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

_PIECES = st.sampled_from(
    ["# Topic: T", "## A: B ", "##", "2024-01-01｜U｜⭐️", "<u>http://arxiv.org/abs/2101.00001v2</u>",
     "<u>https://github</u>", "### 概述", "![](x.png)", "text", "", "```", "  ## indented", "\r"]
)


@hsettings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_daily_segments_tile_any_text(pieces: list[str], newline: str, forced: bool) -> None:
    text = newline.join(pieces)
    doc = Document(text, "x.md", layout="daily" if forced else None)
    assert "".join(doc.segment_texts()) == text
    for entry in doc.entries:
        for link in entry.links:
            assert text[link.url.span.start : link.url.span.end] == link.url.value


def test_an_id_in_full_width_digits_is_read_where_it_is_written() -> None:
    # The link parses as its ASCII form; the entry's ID keeps the characters as written.
    text = (
        "# Topic: X\n## Short: A Paper Title\n2025-01-31｜Some University｜⭐️⭐️\n"
        "<u>https://arxiv.org/abs/２４０６.００２７２ｖ２</u>\n### 概述\nProse.\n"
    )
    doc = Document(text, "digest_zh.md")
    (entry,) = doc.entries
    assert entry.arxiv_id.value == "２４０６.００２７２" and _at(doc, entry.arxiv_id) == entry.arxiv_id.value
    assert entry.arxiv_version.value == "ｖ２" and _at(doc, entry.arxiv_version) == "ｖ２"
