"""`listlint check` per MB of text: on the field sample of other lists' layouts against the corpus.

Run from the repository root:  python bench/per_mb.py [--runs 7]
The corpus (`../shared/corpus`) is the home list; the field sample (`../shared/field`) holds
real lists of the other layouts (heading cards, bullets, paragraphs, tables), with many more
entries a megabyte. Each set is checked by one process, the two alternated in rounds (see
`bench.measure_side_by_side`), and each set's time divided by its size.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import DEFAULT_CORPUS, ROOT, listlint_cmd, measure_side_by_side  # noqa: E402

DEFAULT_FIELD = ROOT.parent / "shared" / "field"


def _lists(folder: Path) -> list[Path]:
    # The field folder's own README.md and SOURCES.md describe the sample; they are no lists.
    return sorted(path for path in folder.glob("*.md") if path.name not in ("README.md", "SOURCES.md"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--field", type=Path, default=DEFAULT_FIELD)
    args = parser.parse_args()
    sets = {"corpus": sorted(args.corpus.rglob("*.md")), "field": _lists(args.field)}
    if not all(sets.values()):
        print("skipped: ../shared/corpus or ../shared/field is absent")
        return 0
    sizes = {name: sum(path.stat().st_size for path in paths) / 1e6 for name, paths in sets.items()}
    commands = {
        name: listlint_cmd("check", "--exit-zero", "--output-format", "concise", *map(str, paths))
        for name, paths in sets.items()
    }
    measured = measure_side_by_side(commands, args.runs, ROOT, timeout=600)
    rates = {}
    for name, result in measured.items():
        assert result is not None, f"{name} timed out"
        rates[name] = result.seconds / sizes[name]
        print(
            f"{name:7s} {len(sets[name]):3d} files {sizes[name]:5.2f} MB  check {result.seconds:5.2f} s"
            f"  {rates[name]:.3f} s/MB  peak {result.rss_mb:.0f} MiB"
        )
    ratio = rates["field"] / rates["corpus"]
    print(f"field / corpus, per MB: {ratio:.2f} (target <= 1.00: {'met' if ratio <= 1 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
