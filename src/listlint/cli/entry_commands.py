"""The `convert`, `export` and `new` commands: click wrappers around the pure modules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from listlint.base.errors import InputError, ListlintError

_output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of standard output."
)
_config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file instead of the nearest one.",
)


def _load(paths: tuple[str, ...], config: Path | None) -> list:  # type: ignore[type-arg]
    from listlint.lint.run import load_source, read_stdin
    from listlint.workspace.files import discover

    sources = list(discover(paths, config, None))
    stdin = read_stdin() if any(s.stdin for s in sources) else None
    return [load_source(source, stdin).doc for source in sources]


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", output) from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--to", "target", type=click.Choice(["cards"]), default="cards", show_default=True, help="Layout to convert to.")
@click.option(
    "--abstract-to",
    type=click.Choice(["abstract", "one-liner"]),
    default="abstract",
    show_default=True,
    help="Where the overview (`概述`) of an entry goes.",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), help="Language of the cards (default: from the file name).")
@_output_option
@_config_option
def convert(
    paths: tuple[str, ...], target: str, abstract_to: str, lang: str | None, output: str | None, config: Path | None
) -> None:
    """Turn paper-daily entries into canonical cards; notes on what was left out go to stderr."""
    from listlint.convert.daily_to_cards import convert_document

    texts, cards, names = [], 0, []
    for doc in _load(paths, config):
        names.append(doc.path)
        result = convert_document(doc, lang, abstract_to)
        cards += result.cards
        if result.text:
            texts.append(result.text)
        for note in sorted(result.notes, key=lambda n: n.span.start):
            line, column = doc.position(note.span.start)
            click.echo(f"{doc.path}:{line}:{column}: {note.message}", err=True)
    if not cards:
        raise ListlintError(
            "no paper-daily entries to convert (`## Title` headings with a date or link line)",
            ", ".join(names) or None,
        )
    _emit("\n".join(texts), output)
    click.echo(f"Converted {cards} entr{'ies' if cards != 1 else 'y'} to cards.", err=True)


@click.command("export")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "bibtex"]), default="json", show_default=True)
@_output_option
@_config_option
def export_command(paths: tuple[str, ...], fmt: str, output: str | None, config: Path | None) -> None:
    """Write the entries of list files (cards or paper daily) as JSON, CSV or BibTeX."""
    from listlint.convert.export import export

    _emit(export(_load(paths, config), fmt), output)


@click.command()
@click.argument("arxiv_id")
@click.option("--lang", type=click.Choice(["en", "zh"]), help="Language of the card.")
@click.option("--for", "target", type=click.Path(dir_okay=False), help="The list file the card is for (its name gives the language).")
@click.option("--offline", is_flag=True, help="Take the title, authors and abstract from the cache only; never ask arXiv.")
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The cache of arXiv's answers (as `verify --cache`) [default: ~/.cache/listlint/arxiv.json].",
)
@click.option("--arxiv-api", metavar="URL", help="Another endpoint of arXiv's API, a mirror.")
def new(
    arxiv_id: str, lang: str | None, target: str | None, offline: bool, cache: Path | None, arxiv_api: str | None
) -> None:
    """Print a canonical card for an arXiv paper: links, and arXiv's title, authors and abstract."""
    from listlint.convert.new_card import new_card, parse_arxiv_id
    from listlint.syntax.document import detect_language

    language = lang or (detect_language(target) if target else "en")
    paper = _paper(parse_arxiv_id(arxiv_id), offline, cache, arxiv_api)
    click.echo(new_card(arxiv_id, language, paper), nl=False)
    sys.stdout.flush()


def _paper(arxiv_id: str, offline: bool, cache_file: Path | None, api: str | None):  # type: ignore[no-untyped-def]
    """arXiv's metadata of one paper, from the cache or asked for once; None when it
    cannot be had (the card is then printed to complete, and stderr says why)."""
    from functools import partial

    from listlint.analysis.arxiv_papers import paper_key
    from listlint.lint.verify import VerifyRun
    from listlint.workspace.arxiv_api import ArxivApiError, ArxivClient
    from listlint.workspace.metadata_cache import MetadataCache, default_cache_path

    path = cache_file or default_cache_path()
    key = paper_key(arxiv_id)
    # One paper: one retry, not verify's four tries (21 s of waiting when offline).
    run = VerifyRun(MetadataCache.load(path), offline=offline, client=partial(ArxivClient, tries=2))
    if api is not None:
        run.api = api
    try:
        metadata = run.lookup([key])
    except ArxivApiError as error:
        click.echo(f"listlint: title, authors and abstract left to complete: {error}", err=True)
        return None
    if key not in metadata:
        click.echo(f"listlint: `{arxiv_id}` is not in the cache {path}; title, authors and abstract left to complete", err=True)
        return None
    if metadata[key] is None:
        raise ListlintError(f"arXiv has no paper with the ID `{arxiv_id}`")
    return metadata[key]


COMMANDS = (convert, export_command, new)
