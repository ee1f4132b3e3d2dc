"""one-liner-mismatch and the copy rules' options: the edges snapshots do not pin down."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import RULE_FIXTURES
from harness import lint_files
from listlint.base.errors import ConfigError
from listlint.rulekit.copies import entries
from listlint.rulekit.settings import Settings
from listlint.rules.copied_abstract import copied_abstract
from listlint.rulekit.mentions import Names as _Names
from listlint.rulekit.mentions import name_tokens as _name_tokens
from listlint.rulekit.mentions import names_used as _names_used
from listlint.rulekit.mentions import pieces_of as _pieces
from listlint.rules.one_liner_mismatch import one_liner_mismatch
from listlint.syntax.document import Document
from listlint.workspace.config import parse_settings


def _without_card(text: str, short_name: str) -> str:
    at = text.index(f"<summary><b>{short_name}:")
    start = text.rfind("<details>\n", 0, at)
    end = text.index("---\n", at) + len("---\n")
    return text[:start] + text[end:]


def test_a_name_four_other_papers_mention_is_common_three_is_not() -> None:
    text = (RULE_FIXTURES / "one-liner-mismatch" / "common-name.md").read_text(encoding="utf-8")
    assert lint_files({"README.md": text}, [one_liner_mismatch]) == []
    [finding] = lint_files({"README.md": _without_card(text, "BoatBot")}, [one_liner_mismatch])
    assert "names `GlipNet`" in finding.message


def test_copy_threshold_is_a_rule_option() -> None:
    text = (RULE_FIXTURES / "copied-abstract" / "copied.md").read_text(encoding="utf-8")
    default = lint_files({"README.md": text}, [copied_abstract])
    assert len(default) == 2  # one exact copy, one 76% copy
    strict = Settings(rule_options={"copied-abstract": {"threshold": 0.9}})
    # Under the stricter threshold the 76% copy is still found by its passages.
    [passages] = [f for f in lint_files({"README.md": text}, [copied_abstract], strict) if "pasted" in f.message]
    assert passages.message.startswith("75% of the abstract is pasted from the abstract of `FoldBot")
    stricter = Settings(rule_options={"copied-abstract": {"threshold": 0.9, "passage-share": 1}})
    assert len(lint_files({"README.md": text}, [copied_abstract], stricter)) == 1


@pytest.mark.parametrize("value", [0, 1.5, True, "0.5"])
def test_bad_thresholds_are_configuration_errors(value: object) -> None:
    with pytest.raises(ConfigError):
        parse_settings({"rules": {"copied-abstract": {"threshold": value}}}, Path("listlint.toml"))


def test_good_options_are_accepted() -> None:
    settings = parse_settings(
        {"rules": {"copied-key-points": {"threshold": 1, "min-tokens": 20}, "one-liner-mismatch": {"threshold": 0.9}}},
        Path("listlint.toml"),
    )
    assert settings.rule_options["copied-key-points"] == {"threshold": 1, "min-tokens": 20}


def test_names_used_are_the_name_tokens_that_are_names() -> None:
    names = {"TriDet", "I2V", "I2V-Adapter", "A3.1", "x+Y", "Q9-b"}
    rng = random.Random(7)
    pieces = ["TriDet", "I2V", "-Adapter", "-XL", "A3.1", "x+Y", "Q9", "-b", "-", ".", "+", " ", "的", "é", "_"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _names_used(text, names) == _name_tokens(text) & names, text


def test_mentions_found_name_by_name_are_those_of_one_scan() -> None:
    documents = [
        Document((RULE_FIXTURES / "one-liner-mismatch" / name).read_text(encoding="utf-8"), "README.md")
        for name in ("common-name.md", "names-other.md", "builds-on.md")
    ]
    listed = list(entries(documents))
    pieces = [_pieces(index, entry) for index, (_, entry) in enumerate(listed)]
    lazy, eager = _Names(listed, pieces), _Names(listed, pieces)
    lazy.EAGER_AFTER = len(lazy.entries) + 1
    eager.EAGER_AFTER = 0
    assert lazy.entries.keys() == eager.entries.keys() and len(lazy.entries) > 3
    for name in lazy.entries:
        assert lazy.mentions(name) == eager.mentions(name), name
    assert sum(len(lazy.mentions(name)) for name in lazy.entries) > len(lazy.entries)


def _paragraph(title: str, one_liner: str, number: int) -> str:
    authors = ["Ada Lovelace, Alan Turing", "Grace Hopper", "Edsger Dijkstra, Barbara Liskov"][number % 3]
    return (
        f"**{title}** \\\n*{authors}* \\\n"
        f"CVPR 2023. [[Paper](https://arxiv.org/abs/2101.{number:05d})] \\\n{one_liner}\n\n"
    )


def test_a_text_naming_its_own_method_without_the_version_names_itself() -> None:
    glip = _paragraph("GlipNet: Glowing Pixels in the Night", "Glowing pixels make night photographs readable again.", 1)
    own = _paragraph("Gizmo v2: Faster Gadgets for Night Photographs", "Gizmo, now twice as fast, beats GlipNet on night photographs.", 2)
    assert lint_files({"README.md": "# Papers\n\n" + glip + own}, [one_liner_mismatch]) == []
    other = own.replace("Gizmo, now twice as fast, beats", "Twice as fast, it beats")
    [finding] = lint_files({"README.md": "# Papers\n\n" + glip + other}, [one_liner_mismatch])
    assert "names `GlipNet`" in finding.message


def test_a_description_two_other_papers_quote_is_no_copy_of_either() -> None:
    said = "trains one shared embedding for pictures and their captions with a contrastive loss"
    tool = _paragraph("FooNet", said.capitalize() + ".", 1)
    paper = _paragraph("Learning Transferable Shared Embeddings", f"The paper that first introduced FooNet to the world: {said}.", 2)
    answer = _paragraph("Scaling a Contrastive Loss to Noisy Captions", f"An answer to FooNet: {said}, from noisy captions instead.", 3)
    assert lint_files({"README.md": "# Papers\n\n" + tool + paper + answer}, [one_liner_mismatch]) == []
    [finding] = lint_files({"README.md": "# Papers\n\n" + tool + answer}, [one_liner_mismatch])
    assert "Scaling a Contrastive Loss to Noisy Captions" in finding.message
