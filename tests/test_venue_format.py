"""venue-format's fix is safe only where it keeps every letter and digit a reader sees."""

from __future__ import annotations

import pytest

from harness import fix_files, lint_files
from listlint.rules import RULES

RULE = next(rule for rule in RULES if rule.name == "venue-format")

CARD = """\
<details>
<summary><b>Foo: A Tiny Card</b></summary>

* **Authors:** Ada Lovelace
* **arXiv ID:** 2101.00001
* **Published in:** {venue}
</details>

---
"""


def venue_fix(venue: str):  # type: ignore[no-untyped-def]
    (finding,) = lint_files({"README.md": CARD.format(venue=venue)}, [RULE])
    return finding.fix


@pytest.mark.parametrize(
    ("venue", "canonical"),
    [
        ("arxiv (24 Feb 2021)", "arXiv 2021"),  # the day and month would go
        ("arXiv preprint 2021", "arXiv 2021"),
        ("arXiv preprint", "arXiv 2021"),
        ("ACM Multimedia 2021", "ACM MM 2021"),
        ("Proceedings of CVPR 2021", "CVPR 2021"),
        (
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2021",
            "CVPR 2021",
        ),
        ("IEEE/CVF International Conference on Computer Vision (ICCV 2021)", "ICCV 2021"),
        (
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPR) 2021",
            "CVPR 2021 (Workshop)",
        ),
    ],
)
def test_a_fix_that_drops_text_is_unsafe(venue: str, canonical: str) -> None:
    fix = venue_fix(venue)
    assert fix is not None and fix.title == f"Write `{canonical}`"
    assert fix.applicability.value == "unsafe"
    text = CARD.format(venue=venue)
    assert fix_files({"README.md": text}, [RULE], unsafe=False) == {"README.md": text}
    assert fix_files({"README.md": text}, [RULE]) == {"README.md": CARD.format(venue=canonical)}


@pytest.mark.parametrize(
    ("venue", "canonical"),
    [
        ("Cvpr2021", "CVPR 2021"),
        ("SIGGRAPH-ASIA 2021", "SIGGRAPH Asia 2021"),
        ("NIPS 2021", "NeurIPS 2021"),
        ("NeurIPS 2021 (spotlight)", "NeurIPS 2021 (Spotlight)"),
        ("arxiv 2021", "arXiv 2021"),
        ("arXiv", "arXiv 2021"),  # dated by the arXiv ID: text added, none dropped
        # A year in two digits after an apostrophe: the century is added, nothing dropped.
        ("CVPR'21", "CVPR 2021"),
        ("CVPR’21", "CVPR 2021"),
        ("ICCV '21 (oral)", "ICCV 2021 (Oral)"),
        ("CVPR'21 Workshop", "CVPR 2021 (Workshop)"),  # a workshop stays one
    ],
)
def test_a_fix_that_keeps_the_text_is_safe(venue: str, canonical: str) -> None:
    fix = venue_fix(venue)
    assert fix is not None and fix.applicability.value == "safe"
    text = CARD.format(venue=venue)
    assert fix_files({"README.md": text}, [RULE], unsafe=False) == {"README.md": CARD.format(venue=canonical)}


@pytest.mark.parametrize(
    "venue",
    [
        "CVPR'21 papers",  # words after the year that are no note
        "Proceedings of the AAAI Conference on Artificial Intelligence",  # no year
        "Conference on Robot Learning (CoRL) 2021 and (ICRA) 2021",  # two venues
        "Proceedings of the Foo Conference (FOO) 2021",  # a name the rule does not know
    ],
)
def test_a_form_that_is_not_certain_has_no_fix(venue: str) -> None:
    found = lint_files({"README.md": CARD.format(venue=venue)}, [RULE])
    assert all(finding.fix is None for finding in found)
