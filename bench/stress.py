"""Time listlint on the shapes that once made it quadratic, at N and 2N, and on the corpus.

Run from the repository root:  python bench/stress.py  (see bench/README.md).
Each shape is a generated file of invented text; a run that grows linearly takes
twice as long at 2N, and the target is at most 2.3 times.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_CORPUS, ROOT, _env, _run_once, listlint_cmd, synthetic_card  # noqa: E402

GROWTH = 2.3
"""Most a shape's time may grow when its input doubles."""
FIX_OVER_CHECK = 4.0
"""Most `fix` may cost over `check` on one card repeated (at the larger size)."""
CORPUS_FIX_OVER_CHECK = 1.5
"""Most `fix --check` may cost over `check` on the corpus."""


def one_card(count: int) -> str:
    """One invented card, repeated: every fix and every duplicate at once."""
    return "# Synthetic list\n\n" + synthetic_card(0, False) * count


def nested_details(count: int) -> str:
    """`count` `<details>` folds, each inside the one before: no card, all tags."""
    return "# Folds\n\n" + "<details>\n<summary>Fold</summary>\n\n" * count + "</details>\n" * count


def folds_around_a_field(count: int) -> str:
    """A card's field line inside `count` `<details>` folds, each inside the one before:
    each fold holds a field line, but only the innermost one reads it outside its sections."""
    return (
        "# Folds\n\n" + "<details>\n<summary>Fold</summary>\n\n" * count
        + "* **Authors:** Ann Bee, Cid Dee\n\n" + "</details>\n" * count
    )


def glued_headings(count: int) -> str:
    """`count` headings, each glued to the line of text above it (no blank line)."""
    return "".join(f"## Section {number}\nText of section {number}.\n" for number in range(count))


def glued_headings_in_html(count: int) -> str:
    """`count` headings, each glued below a `<div>` line, in one run of lines: each one's
    fix must look for a fence or a comment opening below it, to the run's end."""
    return "Some text\n" + "".join(f"<div>\n## Section {number}\n" for number in range(count))


def fix_heavy_field(count: int) -> str:
    """One card whose Links field holds `count` links, each with an arXiv URL to make canonical."""
    links = " | ".join(f"[[Paper {n}]](http://arxiv.org/abs/2101.{n % 100000:05d}v1)" for n in range(count))
    return (
        "# Synthetic list\n\n<details>\n<summary><b>Foo: A foo model</b></summary>\n\n"
        "* **Authors:** Ann Bee, Cid Dee\n* **arXiv ID:** 2101.00001\n* **One-liner:** A foo.\n"
        f"* **Published in:** arXiv 2021\n* **Links:** {links}\n\n"
        "> **Core Innovation**\n> A foo.\n\n</details>\n\n---\n"
    )


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "one card": (one_card, 2500),
    "nested details": (nested_details, 5000),
    "folds around a field": (folds_around_a_field, 2000),
    "glued headings": (glued_headings, 10000),
    "glued headings in HTML": (glued_headings_in_html, 10000),
    "fix-heavy field": (fix_heavy_field, 5000),
}
"""Each shape's generator and its default N."""


def _timed(command: list[str], cwd: Path, runs: int, timeout: float, fresh: Path | None = None) -> float | None:
    """Median wall seconds of `runs` runs; None when one timed out. `fresh`: a file
    copied to `cwd/README.md` before each run (not timed), for `fix`, which writes it."""
    times = []
    for _ in range(runs):
        if fresh is not None:
            shutil.copyfile(fresh, cwd / "README.md")
        try:
            seconds, _, _ = _run_once(command, cwd, timeout)
        except subprocess.TimeoutExpired:
            return None
        times.append(seconds)
    return statistics.median(times)


def _shape(name: str, size: int, work: Path, runs: int, timeout: float) -> dict[str, float | None]:
    """check and fix on the shape at `size`, each on the same text."""
    generate, _ = SHAPES[name]
    folder = work / f"{name.replace(' ', '-')}-{size}"
    folder.mkdir()
    pristine = folder / "pristine.md"
    pristine.write_text(generate(size), encoding="utf-8")
    shutil.copyfile(pristine, folder / "README.md")
    check = _timed(listlint_cmd("check", "--output-format", "concise", "README.md"), folder, runs, timeout)
    fix = _timed(listlint_cmd("fix", "README.md"), folder, runs, timeout, fresh=pristine)
    return {"check": check, "fix": fix}


def _show(value: float | None) -> str:
    return "timed out" if value is None else f"{value:8.3f} s"


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return None if top is None or bottom is None or bottom <= 0 else top / bottom


def _verdict(ratio: float | None, limit: float) -> str:
    if ratio is None:
        return "[n/a   ]"
    return "[met   ]" if ratio <= limit else "[MISSED]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every shape's N by this")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-corpus", action="store_true", help="time the shapes only")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per command")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="listlint-stress-"))
    targets: list[str] = []
    try:
        # Run from bytecode, as an install does (see bench.py).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], env=_env(), capture_output=True)
        print(f"python {sys.version.split()[0]}, {args.runs} runs, median wall time")
        if not args.no_corpus and args.corpus.is_dir():
            files = [str(path.relative_to(args.corpus)) for path in sorted(args.corpus.rglob("*.md"))]
            check = _timed(listlint_cmd("check", "--output-format", "concise", *files), args.corpus, args.runs, args.timeout)
            fix = _timed(listlint_cmd("fix", "--check", *files), args.corpus, args.runs, args.timeout)
            print(f"\n== corpus ({len(files)} files)\n  check        {_show(check)}\n  fix --check  {_show(fix)}")
            ratio = _ratio(fix, check)
            targets.append(
                f"{_verdict(ratio, CORPUS_FIX_OVER_CHECK)} corpus: fix --check <= {CORPUS_FIX_OVER_CHECK}x check: "
                + (f"{ratio:.2f}" if ratio is not None else "n/a")
            )
        for name in (shape.strip() for shape in args.shapes.split(",") if shape.strip()):
            size = max(1, round(SHAPES[name][1] * args.scale))
            small = _shape(name, size, work, args.runs, args.timeout)
            large = _shape(name, 2 * size, work, args.runs, args.timeout)
            print(f"\n== {name}: N = {size}")
            for command in ("check", "fix"):
                growth = _ratio(large[command], small[command])
                shown = "" if growth is None else f"   x{growth:.2f}"
                print(f"  {command:6} N {_show(small[command])}   2N {_show(large[command])}{shown}")
                targets.append(
                    f"{_verdict(growth, GROWTH)} {name}: {command} at 2N <= {GROWTH}x N: "
                    + (f"{growth:.2f}" if growth is not None else "n/a")
                )
            if name == "one card":
                over = _ratio(large["fix"], large["check"])
                targets.append(
                    f"{_verdict(over, FIX_OVER_CHECK)} one card x {2 * size}: fix <= {FIX_OVER_CHECK}x check: "
                    + (f"{over:.2f}" if over is not None else "n/a")
                )
        print("\n== targets")
        for line in targets:
            print("  " + line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
