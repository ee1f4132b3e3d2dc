"""mojibake: UTF-8 text that was once read through another encoding (`N脺WA` for `NÜWA`)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from listlint.analysis.mojibake import Garble, find_garbles
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule

CODEC_NAMES = {"gbk": "GBK", "cp1252": "cp1252", "latin-1": "Latin-1"}
_WORD_AROUND = 24
_WORD_END = regex.compile(r"[\s<>()\[\]{}|\"*]")  # ends the word shown in a message
_TRAILING = ",.;:!?)]"


def _word(text: str, start: int, end: int) -> tuple[int, int]:
    """The white-space-delimited word around a run, at most _WORD_AROUND characters each side."""
    left = start
    while left > max(0, start - _WORD_AROUND) and not _WORD_END.match(text[left - 1]):
        left -= 1
    right = end
    while right < min(len(text), end + _WORD_AROUND) and not _WORD_END.match(text[right]):
        right += 1
    return left, right


@rule(code="LL303", name="mojibake", fix=FixAvailability.SOMETIMES)
def mojibake(ctx: Context) -> Iterator[Violation]:
    """Flag text that is UTF-8 decoded with the wrong codec, such as `PixArt-伪` for `PixArt-α`."""
    doc = ctx.doc
    text = doc.text
    # One finding per word: `Raki膰evi膰` holds two runs and is one misspelt name.
    words: dict[tuple[int, int], list[Garble]] = {}
    for garble in find_garbles(text, doc.language):
        words.setdefault(_word(text, garble.start, garble.end), []).append(garble)
    for (left, right), garbles in words.items():
        written = text[left:right].rstrip(_TRAILING).replace("`", "'")
        codec = CODEC_NAMES[garbles[0].codec]
        span = Span(garbles[0].start, garbles[-1].end)
        if any(garble.repaired is None for garble in garbles):
            yield Violation(
                span,
                f"`{written}` is mojibake (UTF-8 read as {codec}) and bytes were lost; retype it",
            )
            continue
        meant = written
        for garble in garbles:
            meant = meant.replace(garble.text, garble.repaired or "", 1)
        yield Violation(
            span,
            f"`{written}` is mojibake of `{meant}` (UTF-8 read as {codec})",
            fix=Fix(
                f"Restore `{meant}`",
                tuple(Edit(Span(g.start, g.end), g.repaired or "") for g in garbles),
                Applicability.UNSAFE,
            ),
        )
