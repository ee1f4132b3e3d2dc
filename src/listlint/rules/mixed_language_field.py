"""mixed-language-field: a prose field written in the other language of the list pair."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from listlint.analysis.language import script_share
from listlint.base.globs import glob_match, pattern_problem
from listlint.base.spans import Span, first_content_line
from listlint.base.values import value
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

# Field option names, with the label used in messages.
PROSE_FIELDS: dict[str, str] = {
    "one-liner": "One-liner",
    "core-innovation": "Core Innovation",
    "abstract": "Abstract",
    "key-points": "Key points",
}
# How the count of a kind reads: `3 of 22 Key points sections`, not `Key pointss`.
_PLURALS = {
    "one-liner": "One-liners",
    "core-innovation": "Core Innovations",
    "abstract": "Abstracts",
    "key-points": "Key points sections",
}
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean"}
_SNIPPET = 40


def _check_languages(value: Any) -> str | None:
    for pattern, fields in value.items():
        problem = pattern_problem(pattern)
        if problem:
            return problem
        if not isinstance(fields, dict):
            return f"`{pattern}` must be a table of field = language"
        for name, language in fields.items():
            if name not in PROSE_FIELDS:
                return f"`{pattern}.{name}` is not a prose field (known: {', '.join(PROSE_FIELDS)})"
            if language not in (*LANGUAGE_NAMES, "any"):
                return f"`{pattern}.{name}` must be `en`, `zh`, `ja`, `ko` or `any`, not `{language}`"
    return None


def _check_share(value: Any) -> str | None:
    return None if 0.0 <= value <= 1.0 else "must be between 0.0 and 1.0"


@value
class _Prose:
    """A field's prose, measured for its language."""

    field: str
    """The option name of the field: `one-liner`."""
    span: Span
    """The value, or the body of a quote or section."""
    first_line: bool
    """Whether a finding points at the first line with content of `span` (a body), not all of it."""
    text: str

    def report_span(self, text: str) -> Span:
        # Found only for the few fields reported.
        return first_content_line(text, self.span) if self.first_line else self.span


def _prose_parts(entry: Entry) -> Iterator[_Prose]:
    one_liner = entry.field("one_liner")
    if one_liner is not None and one_liner.value.value:
        yield _Prose("one-liner", one_liner.value.span, False, one_liner.value.value)
    quote = getattr(entry, "quote", None)
    if quote is not None and quote.body_text.strip():
        yield _Prose("core-innovation", quote.body.span, True, quote.body_text)
    for name, section in (("abstract", entry.abstract), ("key-points", entry.key_points)):
        if section is not None:
            body = section.body_text
            if body.strip():
                yield _Prose(name, section.body.span, True, body)


def _required(doc: Document, settings: Any, overrides: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The language each prose field of `doc` must be in: its own, unless a glob says otherwise."""
    required = {name: doc.language for name in PROSE_FIELDS}
    relative = settings.relative(doc.path)
    for pattern, fields in overrides.items():
        if glob_match(relative, pattern):
            required.update(fields)
    return required


def _why(doc: Document, want: str, overrides: Mapping[str, Mapping[str, str]]) -> str:
    """Why the file wants its language, and the setting that says otherwise: the first
    finding of a kind carries it, so a file read in the wrong language is mended once."""
    if want != doc.language or overrides:
        return "this rule's `languages` option sets what each field must be in"
    source = doc.language_from
    read = "by default" if source == "default" else f"from {source}"
    return f"the file is read as {LANGUAGE_NAMES[want]} {read}; `languages` in the configuration sets a file's language"


def _snippet(text: str) -> str:
    flat = " ".join(text.split()).replace("`", "'")
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1].rstrip() + "…"


@rule(
    code="LL301",
    name="mixed-language-field",
    fix=FixAvailability.NONE,
    options=[
        Option(
            "languages",
            dict,
            {},
            "Per file glob, the language each prose field must be in: "
            '`{ "*_zh.md" = { one-liner = "any" } }`; `en`, `zh`, `ja`, `ko` or `any` (not checked)',
            check=_check_languages,
        ),
        Option(
            "chinese-min-share",
            float,
            0.3,
            "A field of a Chinese (Japanese, Korean) file is in its language from this share on (see the page)",
            check=_check_share,
        ),
        Option(
            "english-max-share",
            float,
            0.5,
            "A field of an English file is flagged when more than this share of it is Han, kana or Hangul",
            check=_check_share,
        ),
        Option("min-words", int, 3, "Fields shorter than this many words are not judged"),
    ],
)
def mixed_language_field(ctx: Context) -> Iterator[Violation]:
    """Flag a prose field (One-liner, Core Innovation, Abstract, Key points) in the wrong language."""
    doc = ctx.doc
    required = _required(doc, ctx.settings, ctx.options["languages"])
    chinese_min = ctx.options["chinese-min-share"]
    english_max = ctx.options["english-max-share"]
    min_words = ctx.options["min-words"]
    wrong: dict[str, list[tuple[_Prose, str]]] = {name: [] for name in PROSE_FIELDS}
    judged: dict[str, int] = dict.fromkeys(PROSE_FIELDS, 0)
    # ASCII text holds no Han, so it is never wrong where English is wanted: it is
    # measured only if a count of judged fields is printed.
    unmeasured: dict[str, list[str]] = {name: [] for name in PROSE_FIELDS}
    for entry in doc.entries:
        for prose in _prose_parts(entry):
            want = required.get(prose.field, "any")
            if want == "any":
                continue
            if want == "en" and english_max >= 0.0 and prose.text.isascii():
                unmeasured[prose.field].append(prose.text)
                continue
            share = script_share(prose.text)
            if share.units < min_words:
                continue
            judged[prose.field] += 1
            # In an English file, any other script counts against it; in a Chinese (Japanese,
            # Korean) file, what is not in its language, English or another.
            if want == "en":
                if 1.0 - share.share("en") > english_max:
                    wrong[prose.field].append((prose, share.main_language(besides="en")))
            elif share.share(want) < chinese_min:
                wrong[prose.field].append((prose, share.main_language(besides=want)))
    for name, found in wrong.items():
        label = PROSE_FIELDS[name]
        actuals = {actual for _, actual in found}
        for number, (prose, actual) in enumerate(found):
            want = LANGUAGE_NAMES[required[name]]
            message = (
                f"{label} is in {LANGUAGE_NAMES[actual]}, but this file wants {want}: `{_snippet(prose.text)}`"
            )
            if number == 0 and len(found) > 1:
                # The first finding of a kind carries the count, so a file with hundreds
                # reads as one problem repeated, not hundreds of unrelated ones.
                judged[name] += sum(
                    script_share(text).units >= min_words for text in unmeasured[name]
                )
                # English one-liners and a Japanese one count as `not Chinese`.
                kind = LANGUAGE_NAMES[actual] if len(actuals) == 1 else f"not in {want}"
                message += f" ({len(found)} of {judged[name]} {_PLURALS[name]} in this file are {kind})"
            if number == 0:
                message += f"; {_why(doc, required[name], ctx.options['languages'])}"
            yield Violation(prose.report_span(doc.text), message)
