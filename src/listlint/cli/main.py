"""The `listlint` command: a thin click layer that returns exit codes.

Exit codes (as ruff): 0 clean; 1 findings remain, or with --check/--diff
something would change; 2 usage, configuration, input or internal error.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from listlint.base.errors import ListlintError
from listlint.base.version import __version__

if TYPE_CHECKING:
    from listlint.lint.run import RunResult
    from listlint.lint.verify import VerifyRun

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

EXIT_HELP = """\b
Exit codes:
  0  no findings (or only warnings)
  1  findings remain; with --check or --diff, something would change
  2  usage, configuration, input or internal error
"""


def _err(message: str) -> None:
    click.echo(message, err=True)


@click.group(epilog=EXIT_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listlint")
def cli() -> None:
    """Lint and format curated paper lists (awesome lists) without losing a byte."""


_config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file instead of the nearest one.",
)
_stdin_option = click.option(
    "--stdin-filename",
    help="File name to use for `-` (standard input) in messages and config matching; that file on disk is then not linted.",
)


def _selection_options(function):  # type: ignore[no-untyped-def]
    """--select / --extend-select / --ignore, as in config (codes, names, prefixes, ALL)."""
    for name, text in (
        ("--ignore", "Rules not to run, on top of the configuration's `ignore`."),
        ("--extend-select", "Rules to run as well as the configuration's selection."),
        ("--select", "Rules to run instead of the configuration's `select` (codes, names, prefixes, ALL)."),
    ):
        function = click.option(name, multiple=True, metavar="RULE[,RULE...]", help=text)(function)
    return function


def _with_selection(sources, select, extend_select, ignore):  # type: ignore[no-untyped-def]
    """Sources whose settings carry the command line's rule selection.

    One new Settings per configuration, so files of one list stay one group.
    """
    import dataclasses

    from listlint.workspace.selection import check_selector

    def split(values: tuple[str, ...], option: str) -> tuple[str, ...]:
        found = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
        if values and not found:
            # `--select ""` (an unset variable) would otherwise run the default rules.
            raise click.UsageError(f"{option} names no rule")
        for selector in found:
            problem = check_selector(selector)
            if problem:
                raise click.UsageError(problem)
        return found

    select = split(select, "--select")
    extend_select = split(extend_select, "--extend-select")
    ignore = split(ignore, "--ignore")
    if not (select or extend_select or ignore):
        return sources
    replaced: dict[int, object] = {}
    out = []
    for source in sources:
        settings = source.settings
        if id(settings) not in replaced:
            replaced[id(settings)] = dataclasses.replace(
                settings,
                select=select or settings.select,
                extend_select=settings.extend_select + extend_select,
                ignore=settings.ignore + ignore,
            )
        out.append(dataclasses.replace(source, settings=replaced[id(settings)]))
    return out


_format_option = click.option(
    "--output-format",
    type=click.Choice(["full", "concise", "json", "github", "sarif"]),
    default="full",
    show_default=True,
    help="How findings are printed: github for workflow annotations, sarif for code scanning.",
)


def _lint_options(function):  # type: ignore[no-untyped-def]
    """The options `check` and `verify` share: what to lint, how to report, which findings."""
    options = (
        click.argument("paths", nargs=-1, required=True),
        _format_option,
        click.option("--statistics", is_flag=True, help="Print how many findings each rule raised, not the findings."),
        click.option(
            "--show-layout",
            is_flag=True,
            help="Print how each file was read (its layouts, entries and card style), and lint nothing.",
        ),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain."),
        click.option(
            "--changed-since",
            metavar="REF",
            help="Report only findings on entries changed since this git ref (cross-file rules still see the whole list).",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Report only findings this baseline file does not already hold.",
        ),
        click.option(
            "--write-baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Record today's findings in this baseline file and exit 0.",
        ),
        click.option(
            "--parallel/--no-parallel",
            default=None,
            help="Share the rules with a second process [default: on large inputs with two or more CPUs].",
        ),
        _selection_options,
        _config_option,
        _stdin_option,
    )
    for option in reversed(options):
        function = option(function)
    return function


@cli.command(epilog=EXIT_HELP)
@_lint_options
def check(**options) -> None:  # type: ignore[no-untyped-def]
    """Lint list files and folders (every *.md below a folder)."""
    _lint(**options)


def _lint(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    statistics: bool,
    show_layout: bool,
    exit_zero: bool,
    changed_since: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    config: Path | None,
    stdin_filename: str | None,
    parallel: bool | None,
    verify: VerifyCommand | None = None,
) -> None:
    """`check`, or with `verify` the same run against arXiv's metadata."""
    from listlint.lint.run import check_sources, read_stdin
    from listlint.report import get_reporter, use_color
    from listlint.report.progress import progress_bar, wanted
    from listlint.rulekit.diagnostics import Severity
    from listlint.workspace.files import discover

    if statistics and output_format in ("sarif", "github"):
        # A count per rule is no SARIF log and no annotation; asked for one, give none.
        raise click.UsageError(f"--statistics prints a table or JSON, not --output-format {output_format}")
    accepted = None
    if baseline is not None:
        from listlint.lint.baseline import read_baseline

        accepted = read_baseline(baseline)
    unreadable: list[ListlintError] = []  # folders in a walk: reported, and the rest checked
    sources = list(discover(paths, config, stdin_filename, unreadable))
    if verify is not None:
        sources = verify.sources(sources)
    sources = _with_selection(sources, select, extend_select, ignore)
    lookup = verify.start(sources) if verify is not None else None
    stdin = read_stdin() if any(s.stdin for s in sources) else None
    if show_layout:
        read_only = check_sources(sources, stdin, lint_rules=False)
        for error in [*unreadable, *read_only.errors]:
            _err(str(error))
        _show_layout(read_only.readings, output_format)
        sys.exit(EXIT_ERROR if unreadable or read_only.errors else EXIT_CLEAN)
    jobs = None if parallel is None else 2 if parallel else 1
    # Asking arXiv takes 3 s a hundred IDs: worth a bar for one file.
    bar = wanted(len(sources), minimum=1 if lookup is not None and not lookup.offline else None)
    with progress_bar(bar) as steps:
        result = check_sources(sources, stdin, steps, jobs=jobs, lookup=lookup)
    if verify is not None and lookup is not None and verify.fix:
        result = verify.apply_fixes(
            sources, result, lookup, lambda: check_sources(sources, stdin, jobs=jobs, lookup=lookup)
        )
    result.errors[:0] = unreadable
    for error in result.errors:
        _err(str(error))
    notices = result.notices
    if output_format in ("full", "concise"):
        for notice in notices:
            _err(str(notice))
    findings = result.findings
    notes = []
    if changed_since is not None:
        from listlint.lint.changed_since import ChangedSince

        before = len(findings)
        findings = ChangedSince(changed_since, result.documents).keep(findings)
        if before > len(findings):
            notes.append(f"{before - len(findings)} on entries unchanged since {changed_since} not shown.")
    # What verify says of the metadata goes to stderr, after the findings: machine
    # formats keep stdout to themselves.
    lookup_notes = lookup.notes() if lookup is not None else []
    if write_baseline is not None:
        from listlint.lint.baseline import write_baseline as write

        for note in lookup_notes:
            _err(note)
        count = write(write_baseline, findings)
        _err(f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline}.")
        sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
    if accepted is not None:
        from listlint.lint.baseline import apply_baseline

        applied = apply_baseline(findings, accepted)
        findings = applied.new
        if applied.known:
            notes.append(f"{applied.known} in the baseline not shown.")
        if applied.stale:
            notes.append(
                f"{applied.stale} baseline finding{'s are' if applied.stale != 1 else ' is'} "
                "gone; shrink the baseline with --write-baseline."
            )
    if statistics:
        from listlint.report.statistics import report as report_statistics

        report_statistics(findings, sys.stdout, as_json=output_format == "json")
        if output_format != "json":
            from listlint.lint.reading import statistics_line

            click.echo(statistics_line(result.readings))
    else:
        get_reporter(output_format)(findings, sys.stdout, use_color(sys.stdout), result.errors, notices)
    if output_format == "full":
        fixer = "listlint verify --fix" if verify is not None else "listlint fix"
        click.echo(_summary(findings, result.files, len(result.errors), fixer, len(notices)))
        for note in notes:
            click.echo(note)
    for note in lookup_notes:
        _err(note)
    failing = any(f.severity is Severity.ERROR for f in findings)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


@dataclass
class VerifyCommand:
    """What `verify` adds to a check run: its settings, its lookup, its fixes."""

    cache: Path | None
    api: str | None
    offline: bool
    refresh: bool
    fix: bool
    unsafe_fixes: bool

    def sources(self, sources: list) -> list:  # type: ignore[type-arg]
        """The sources with verify's settings: one new Settings per configuration."""
        import dataclasses

        from listlint.lint.verify import verify_settings

        replaced: dict[int, object] = {}
        return [
            dataclasses.replace(
                source, settings=replaced.setdefault(id(source.settings), verify_settings(source.settings))
            )
            for source in sources
        ]

    def start(self, sources: list) -> VerifyRun:  # type: ignore[type-arg]
        """The run's lookup, its cache read now: a corrupt one stops the run before
        anything is fetched."""
        from listlint.lint.verify import VerifyRun, cache_path
        from listlint.workspace.metadata_cache import MetadataCache

        cache = MetadataCache.load(cache_path(self.cache, sources))
        run = VerifyRun(cache, offline=self.offline, refresh=self.refresh)
        if self.api is not None:
            run.api = self.api
        return run

    def apply_fixes(self, sources: list, result: RunResult, lookup: VerifyRun, again) -> RunResult:  # type: ignore[no-untyped-def, type-arg]
        """Write the files verify's fixes change, and lint them again (from the cache)."""
        from listlint.lint.verify import fix_documents
        from listlint.workspace.writer import write_atomic

        settings_of = {source.path: source.settings for source in sources}
        fixed = fix_documents(
            result.documents, lambda doc: settings_of[doc.path], result.findings, lookup.metadata, self.unsafe_fixes
        )
        failed: list[ListlintError] = []
        for item in fixed:
            try:
                write_atomic(item.doc.path, item.text, item.doc.bom)
            except ListlintError as error:
                failed.append(error)
                continue
            _err(f"Fixing {item.doc.path}")
        if not fixed:
            return result
        result = again()
        result.errors.extend(failed)
        return result


@cli.command(epilog=EXIT_HELP)
@_lint_options
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Keep arXiv's answers in this file [default: the configuration's `cache`, else ~/.cache/listlint/arxiv.json].",
)
@click.option("--offline", is_flag=True, help="Never ask arXiv: verify what the cache holds, and say how many IDs it lacks.")
@click.option("--refresh", is_flag=True, help="Ask arXiv again about every ID, cached or not.")
@click.option(
    "--arxiv-api",
    metavar="URL",
    help="Another endpoint of arXiv's API, a mirror [default: https://export.arxiv.org/api/query].",
)
@click.option("--fix", "apply", is_flag=True, help="Apply the fixes found, in place (they are unsafe: add --unsafe-fixes).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, also apply fixes that may change meaning.")
def verify(  # type: ignore[no-untyped-def]
    cache: Path | None, offline: bool, refresh: bool, arxiv_api: str | None, apply: bool, unsafe_fixes: bool, **options
) -> None:
    """Check each entry against arXiv's metadata of its paper: title, authors, that the ID exists.

    Answers are cached; --offline (for CI) reads the cache alone.
    """
    if offline and refresh:
        raise click.UsageError("--offline and --refresh cannot be used together")
    if apply and "-" in options["paths"]:
        raise click.UsageError("--fix writes files: it cannot fix standard input")
    _lint(**options, verify=VerifyCommand(cache, arxiv_api, offline, refresh, apply, unsafe_fixes))


def _show_layout(readings: list, output_format: str) -> None:  # type: ignore[type-arg]
    """`check --show-layout`: how each file was read, a line each (JSON rows with `json`)."""
    if output_format == "json":
        import json

        json.dump([reading.as_dict() for reading in readings], sys.stdout, indent=2)
        click.echo()
        return
    for reading in readings:
        for line in reading.lines():
            click.echo(line)


def _plural(count: int, word: str) -> str:
    suffix = "es" if word.endswith(("x", "s")) else "s"
    return f"{count} {word}{suffix if count != 1 else ''}"


def _summary(findings: list, files: int, errors: int = 0, fixer: str = "listlint fix", unread: int = 0) -> str:  # type: ignore[type-arg]
    from listlint.rulekit.diagnostics import Applicability

    if errors:
        # "All checks passed" would be a lie when a file could not be checked.
        return f"Found {_plural(len(findings), 'finding')} in {_plural(files, 'file')}; {errors} could not be checked."
    if not findings and unread:
        # Nor when a list was not read at all.
        return f"No findings in {_plural(files, 'file')}; {unread} read as no list (no paper entries recognised)."
    if not findings:
        return f"All checks passed ({_plural(files, 'file')})."
    fixable = sum(1 for f in findings if f.fixable)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    text = f"Found {_plural(len(findings), 'finding')} in {_plural(files, 'file')}."
    if fixable:
        text += f"\n{fixable} fixable with `{fixer}`."
    if unsafe:
        text += f"\n{_plural(unsafe, 'hidden fix')} can be applied with `{fixer} --unsafe-fixes`."
    return text


@cli.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if anything would change.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning.")
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when findings remain or (--check, --diff) something would change; 2 still means not processed.",
)
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when anything was fixed, even if nothing is left.")
@_format_option
@_selection_options
@_config_option
@_stdin_option
def fix(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    show_diff: bool,
    check_only: bool,
    unsafe_fixes: bool,
    exit_zero: bool,
    exit_non_zero_on_fix: bool,
    output_format: str,
    config: Path | None,
    stdin_filename: str | None,
) -> None:
    """Apply safe fixes, canonical formatting included, in place."""
    # The collector stays off, as for check: the fixer lets go of the texts between
    # its passes itself (`Document.release`), the only cycles a fix leaves behind.
    from listlint.lint.run import context_documents, fix_items, group_by_settings, load_source, read_stdin, rule_steps
    from listlint.report.progress import progress_bar, wanted
    from listlint.syntax.document import BOM
    from listlint.workspace.files import discover
    from listlint.workspace.writer import encode, write_atomic

    unreadable: list[ListlintError] = []
    sources = _with_selection(
        list(discover(paths, config, stdin_filename, unreadable)), select, extend_select, ignore
    )
    stdin = read_stdin() if any(s.stdin for s in sources) else None
    if "-" in paths and stdin is None and not (show_diff or check_only):
        _to_stdout(read_stdin())  # `exclude` names the --stdin-filename: not ours to change
    # Cleared before the report below, and by click however the command ends.
    steps = click.get_current_context().with_resource(progress_bar(wanted(len(sources))))
    steps.expect(len(sources))
    loaded = []
    for problem in unreadable:
        _err(str(problem))
    failed = list(unreadable)
    for source in sources:
        try:
            loaded.append(load_source(source, stdin))
        except ListlintError as error:
            _err(str(error))
            failed.append(error)
            if source.stdin and stdin is not None and not (show_diff or check_only):
                _to_stdout(stdin)  # an editor's buffer is kept
        steps.advance(f"Reading {source.path}")
    changed = remaining = hidden = 0
    left: list = []  # type: ignore[type-arg]
    groups = group_by_settings(loaded)
    steps.expect(len(loaded) + (0 if show_diff or check_only else rule_steps(groups)))
    for settings, items in groups:
        context = context_documents(settings, items)
        fixed_docs = []
        # The findings left are linted once below, over every fixed file
        # together: per file, the cross-file rules would compare it with the
        # others' unfixed text, and cost a whole list each.
        for item, outcome in zip(items, fix_items(items, context, unsafe_fixes, jobs=None, steps=steps)):
            assert item.data is not None, "fix loads each file with its bytes, to compare against"
            if outcome.text is None:
                assert outcome.error is not None, "a file left without its fixed text has its error"
                _err(str(outcome.error))
                failed.append(outcome.error)
                fixed_docs.append(item.doc)
                if item.source.stdin and not (show_diff or check_only):
                    _to_stdout(item.data)  # an editor's buffer is kept
                continue
            hidden += outcome.hidden_unsafe
            for line, name, reason in outcome.refused:
                _err(f"{item.source.path}:{line}: {name}: fix not applied: {reason}")
            new_data = encode(outcome.text, item.doc.bom)
            if item.source.stdin and not (show_diff or check_only):
                _to_stdout(new_data)
            if new_data != item.data:
                if show_diff:
                    from listlint.report.diff import unified_diff

                    # With the BOM, which is part of line 1 to patch.
                    bom = BOM if item.doc.bom else ""
                    click.echo(unified_diff(item.source.path, bom + item.doc.text, bom + outcome.text), nl=False)
                elif check_only:
                    _err(f"Would fix {item.source.path}")
                elif not item.source.stdin:
                    try:
                        write_atomic(item.source.path, outcome.text, item.doc.bom, expected=item.snapshot)
                    except ListlintError as error:
                        # The other files are still fixed; this one stays as it was.
                        _err(str(error))
                        failed.append(error)
                        fixed_docs.append(item.doc)
                        continue
                    _err(f"Fixing {item.source.path}")
                changed += 1
            if not (show_diff or check_only):  # for the lint of what is left
                fixed_docs.append(outcome.document or item.doc.reparsed(outcome.text))
        if not (show_diff or check_only):
            from listlint.lint.engine import lint

            found = lint(fixed_docs, settings, context=context, jobs=None, progress=lambda: steps.advance("Checking"))
            remaining += len(found)
            left.extend(found)
    steps.close()
    if show_diff or check_only:
        _err(f"{changed} file{'s' if changed != 1 else ''} would be changed.")
    else:
        if left or output_format in ("json", "sarif"):  # a machine reads `[]` too
            from listlint.report import get_reporter, use_color

            # With `-`, stdout carries the fixed text, so findings go to stderr.
            out = sys.stderr if "-" in paths else sys.stdout
            get_reporter(output_format)(sorted(left, key=lambda f: f.sort_key()), out, use_color(out), failed)
        note = f"{changed} file{'s' if changed != 1 else ''} fixed, {remaining} finding{'s' if remaining != 1 else ''} left."
        if hidden:
            note += f" {hidden} more fixable with --unsafe-fixes."
        _err(note)
    # As ruff's `check --fix`: with `-`, whatever the code, stdout has the text to keep.
    if failed:
        sys.exit(EXIT_ERROR)
    if exit_zero:
        sys.exit(EXIT_CLEAN)
    if show_diff or check_only or (exit_non_zero_on_fix and changed):
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    from listlint.rulekit.diagnostics import Severity

    sys.exit(EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in left) else EXIT_CLEAN)


def _to_stdout(data: bytes) -> None:
    """What `fix -` gives back: the fixed text, or the input as it came when it fixes
    nothing (an editor replaces its buffer with it; an empty one would lose the text)."""
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


@cli.command("rules")
def rules_command() -> None:
    """List every rule: code, name, fix, whether on by default (`verify`: under `listlint verify`)."""
    from rich.console import Console
    from rich.table import Table

    from listlint.rulekit.rule import Command
    from listlint.rules import RULES

    table = Table(show_lines=False)
    # Codes and names are what users type: never cut, even when that makes the table
    # wider than a narrow terminal; the summary takes what is left.
    widths = [
        max(len(rule.code) for rule in RULES),
        max(len(rule.name) for rule in RULES),
        len("sometimes"),
        len("Default"),
    ]
    for title, width in zip(("Code", "Name", "Fix", "Default"), widths):
        table.add_column(title, min_width=width, no_wrap=True)
    table.add_column("What it flags", ratio=1, overflow="fold")
    console = Console(soft_wrap=not sys.stdout.isatty())
    # Below these widths rich would drop whole columns; wider lines wrap in the
    # terminal instead, and every code and name is still there. Per column: its
    # width, two of padding and a border; the summary keeps 20.
    console.width = max(console.width, sum(widths) + 3 * 5 + 1 + 20)
    for rule in RULES:
        table.add_row(
            rule.code,
            rule.name,
            rule.fix.value,
            # verify's rules run under `listlint verify`, not `check`.
            "verify" if Command.CHECK not in rule.commands else "on" if rule.default_enabled else "off",
            rule.summary,
        )
    console.print(table)


@cli.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Print the page of a rule (by code or name)."""
    from listlint.rulekit.pages import page_text
    from listlint.workspace.selection import resolve_rule

    found = resolve_rule(code_or_name)
    if found is None:
        raise ListlintError(f"no rule has the code or name `{code_or_name}` (see `listlint rules`)")
    text = page_text(found.name)
    if text is None:
        raise ListlintError(f"rule `{found.name}` has no page")
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        click.echo(text, nl=not text.endswith("\n"))


from listlint.cli.entry_commands import COMMANDS  # noqa: E402 - registered after the core commands

for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    if sys.stdout is None or sys.stderr is None:
        # Started with standard output or error closed (`>&-`): no report could be read.
        if sys.stderr is not None:
            _err("listlint: standard output is closed")
        os._exit(EXIT_ERROR)
    for stream in (sys.stdout, sys.stderr):
        # A character the output's encoding lacks (PYTHONIOENCODING=ascii) is escaped,
        # not a crash in the middle of a report. Only where it would crash: under a C
        # locale the streams already write a file name's own bytes (`surrogateescape`).
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")
    kept: list[BaseException] = []  # alive until the exit below: see `_run`
    code = _run(keep=kept)
    # Fast exit, as mypy does: tearing down a large run's millions of objects one
    # by one takes a tenth of a second and frees nothing the system would not.
    # Only our own output needs flushing; listlint registers no atexit work.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a full disk
            code = code or EXIT_ERROR
    os._exit(code)


def _run(keep: list[BaseException] | None = None) -> int:
    """Run the command line; the exit code.

    `keep` receives the command's `SystemExit`, whose traceback holds the command's
    frames and so the whole run (documents, findings): a one-shot run that exits
    without freeing them saves their teardown (at 10x the corpus, ~40 ms).
    """
    # A one-shot run keeps its objects to the end; the cyclic collector would
    # only re-scan them (a third of the parse time on a large list).
    gc.disable()
    try:
        cli.main(standalone_mode=False)
    except SystemExit as done:
        if keep is not None:
            keep.append(done)
        return _exit_code(done.code)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        _err("Aborted.")
        return EXIT_ERROR
    except ListlintError as error:
        _err(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except OSError as error:
        # Files are read and written with their own one-line errors (InputError); an
        # error without a file name is the output itself failing (`> /dev/full`).
        if error.filename is None:
            _err(f"listlint: cannot write output: {error.strerror or error}")
        else:
            _err(f"{error.filename}: {error.strerror or error}")
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the one place that must never show a traceback
        _err(f"listlint: internal error: {type(error).__name__}: {error}")
        return EXIT_ERROR
    return 0


def _exit_code(code: object) -> int:
    """What `sys.exit(code)` would exit with: None is 0, a message is printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _err(str(code))
    return 1


if __name__ == "__main__":
    main()
