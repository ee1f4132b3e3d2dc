"""Rendered-HTML comparison, by GitHub's own renderer: the proof that a formatting change means nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# The tags whose case formatting may change: `<DETAILS>` is written `<details>`. Only
# these: raw HTML passes through the renderer as written, so a wider pattern would also
# fold text in comments and attribute values (`<img alt="<B>">`).
_CARD_TAG = re.compile(r"</?(?ai:details|summary)(?=[\s/>])")
# What github.com turns on: its extensions, footnotes, and raw HTML left in the
# output (GitHub sanitises it afterwards), so that raw HTML is compared too.
_EXTENSIONS = (b"table", b"strikethrough", b"autolink", b"tagfilter", b"tasklist")


@lru_cache(maxsize=1)
def _renderer() -> Callable[[str], str]:
    """cmark-gfm, through the library the `cmarkgfm` package ships.

    cmarkgfm's own `github_flavored_markdown_to_html` frees neither the tree nor
    the HTML (about ten times the input, every call: a fix run renders each card
    several times), so the library's functions are called directly, freeing
    both. Where the library does not export them (a platform's build may hide
    its symbols), cmarkgfm's function is used as it is.
    """
    from cmarkgfm import _cmark, cmark

    options = (
        cmark.Options.CMARK_OPT_UNSAFE
        | cmark.Options.CMARK_OPT_FOOTNOTES
        | cmark.Options.CMARK_OPT_GITHUB_PRE_LANG
        | cmark.Options.CMARK_OPT_VALIDATE_UTF8
    )
    try:
        library = _bind(_cmark.__file__)
    except (OSError, AttributeError):  # pragma: no cover - a build without exported symbols
        return lambda markdown: str(cmark.github_flavored_markdown_to_html(markdown, options))
    return lambda markdown: library(markdown, options)


def _bind(path: str) -> Callable[[str, int], str]:
    import ctypes

    lib = ctypes.CDLL(path)
    pointer = ctypes.c_void_p
    for name, result, arguments in (
        ("cmark_gfm_core_extensions_ensure_registered", None, []),
        ("cmark_find_syntax_extension", pointer, [ctypes.c_char_p]),
        ("cmark_parser_new", pointer, [ctypes.c_int]),
        ("cmark_parser_attach_syntax_extension", ctypes.c_int, [pointer, pointer]),
        ("cmark_parser_feed", None, [pointer, ctypes.c_char_p, ctypes.c_size_t]),
        ("cmark_parser_finish", pointer, [pointer]),
        ("cmark_parser_get_syntax_extensions", pointer, [pointer]),
        ("cmark_render_html", pointer, [pointer, ctypes.c_int, pointer]),
        ("cmark_node_free", None, [pointer]),
        ("cmark_parser_free", None, [pointer]),
        ("cmark_get_default_mem_allocator", pointer, []),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments

    class Memory(ctypes.Structure):
        # cmark_mem: the allocator that made the HTML must free it.
        _fields_ = [("calloc", pointer), ("realloc", pointer), ("free", ctypes.CFUNCTYPE(None, pointer))]

    free = Memory.from_address(lib.cmark_get_default_mem_allocator()).free
    lib.cmark_gfm_core_extensions_ensure_registered()
    extensions = [lib.cmark_find_syntax_extension(name) for name in _EXTENSIONS]
    if not all(extensions):  # pragma: no cover - every build has GitHub's extensions
        raise AttributeError("cmark-gfm has no GitHub extensions")

    def render(markdown: str, options: int) -> str:
        # A lone surrogate (never in a decoded file) becomes U+FFFD, not an exception.
        data = markdown.encode("utf-8", "surrogatepass")
        parser = lib.cmark_parser_new(options)
        try:
            for extension in extensions:
                lib.cmark_parser_attach_syntax_extension(parser, extension)
            lib.cmark_parser_feed(parser, data, len(data))
            root = lib.cmark_parser_finish(parser)
            try:
                html = lib.cmark_render_html(root, options, lib.cmark_parser_get_syntax_extensions(parser))
                try:
                    return ctypes.string_at(html).decode("utf-8")
                finally:
                    free(html)
            finally:
                lib.cmark_node_free(root)
        finally:
            lib.cmark_parser_free(parser)

    return render


def render(markdown: str) -> str:
    """Render Markdown to HTML as GitHub does, before its sanitiser (cmark-gfm)."""
    return _renderer()(markdown)


def without_layout(text: str) -> str:
    """`text` without ASCII spaces, tabs and line ends.

    Only those are layout in HTML (a browser collapses them); a full-width or
    no-break space, U+2028 and a form feed are shown, so they stay.
    """
    # str.split() would also split at U+3000: the three others become spaces
    # first, then spaces go (four times faster than a regex).
    return "".join(text.replace("\n", " ").replace("\t", " ").replace("\r", " ").split(" "))


def normalised_html(markdown: str) -> str:
    """HTML with its ASCII white space removed and the card tags' names in lower case.

    White space is removed rather than collapsed, as mdformat's `is_md_equal`
    does, because the formatter only moves white space. `<details>` and `<summary>`
    are folded because HTML reads tag names in any ASCII case and the formatter
    writes them in lower case; every other character must be the same.
    """
    return without_layout(_CARD_TAG.sub(lambda tag: tag[0].lower(), render(markdown)))


# A line after which a paragraph cannot go on: a blank one, a bullet with text (an
# item, which interrupts a paragraph at any depth of list), a `<details>` or
# `<summary>` tag (an HTML block, which does too).
_ENDS_PARAGRAPH_ABOVE = re.compile(r"[ \t]*\r?$| {0,3}(?:[*+-][ \t]+\S|</?(?ai:details|summary)(?:[\s/>]|$))")


def _only_trailing_space_dropped(before: str, after: str) -> bool:
    """Whether `after` is `before` with ASCII spaces and tabs dropped from line ends,
    each such line followed by a line that ends the paragraph it may be in (or by none).

    Such an end changes nothing shown: spaces at the end of a block are stripped, and
    those at a line end are layout (`without_layout`) unless they make a hard break,
    which needs two spaces and a next line in the same paragraph; so does a
    backslash before them. Fences, tags and lists read a line's start, not its end.
    """
    if len(after) >= len(before):
        return before == after
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return False
    for number, (line, kept) in enumerate(zip(old, new)):
        if line == kept:
            continue
        # A CRLF line keeps its "\r" last.
        cr = "\r" if line.endswith("\r") else ""
        if kept != line[: len(line) - len(cr)].rstrip(" \t") + cr:
            return False
        if number + 1 < len(old) and not _ENDS_PARAGRAPH_ABOVE.match(old[number + 1]):
            return False
    return True


def same_rendering(before: str, after: str) -> bool:
    """Whether the two render to the same HTML once layout is set aside (`normalised_html`);
    rendered only when `after` is more than `before` with line ends trimmed."""
    return _only_trailing_space_dropped(before, after) or normalised_html(before) == normalised_html(after)
