"""Benchmark listlint against rumdl, mdformat and markdownlint-cli2 on the corpus and synthetic lists.

Run from the repository root:  python bench/bench.py  (see bench/README.md).
Installs nothing: a tool that is missing is skipped and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_CARDS_PER_LANGUAGE = 582
CARDS_PER_FILE = 500
"""Synthetic lists are split like the corpus: folders of README.md + README_zh.md."""

# Runs a command and prints its wall time and peak RSS as JSON, so each
# measurement's memory is its own (RUSAGE_CHILDREN in this process would keep
# the maximum over every command run so far).
_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "code": code}))
"""


@dataclass
class Measure:
    seconds: float
    """Median wall time over the runs."""
    rss_mb: float
    """Peak resident memory of the measured process (max over runs), MiB."""
    code: int


def _run_once(command: list[str], cwd: Path, timeout: float) -> tuple[float, int, int]:
    """One run: wall seconds, peak RSS in KiB, exit code."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )
    data = json.loads(out.stdout)
    return data["seconds"], data["rss_kb"], data["code"]


def measure_side_by_side(
    commands: dict[str, list[str]], runs: int, cwd: Path, timeout: float
) -> dict[str, Measure | None]:
    """Each command `runs` times, in rounds (one run of each, then again), so that a
    machine that slows down or speeds up during the measurement weighs on every
    tool alike and the ratios hold. None for a command that timed out (it is not
    run again)."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    rss = dict.fromkeys(commands, 0)
    codes = dict.fromkeys(commands, 0)
    timed_out: set[str] = set()
    for _ in range(runs):
        for label, command in commands.items():
            if label in timed_out:
                continue
            try:
                seconds, kib, code = _run_once(command, cwd, timeout)
            except subprocess.TimeoutExpired:
                timed_out.add(label)
                continue
            times[label].append(seconds)
            rss[label] = max(rss[label], kib)
            codes[label] = code
    return {
        label: None if label in timed_out else Measure(statistics.median(times[label]), rss[label] / 1024, codes[label])
        for label in commands
    }


_PYCACHE = Path(tempfile.gettempdir()) / "listlint-bench-pycache"


def _env() -> dict[str, str]:
    # Bench this checkout, not whatever listlint is installed.
    path = os.environ.get("PYTHONPATH", "")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + (os.pathsep + path if path else "")}
    # An installed listlint (like mdformat here) runs from compiled bytecode; with
    # PYTHONDONTWRITEBYTECODE set, the checkout would be recompiled on every run.
    # The bytecode goes to a folder of its own, never into the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    return env


# ---------------------------------------------------------------- synthetic lists

_SYLLABLES = "ka lo mi nu pe ra si to vu xe ya zo bri cla dro fen gul hax".split()
# Common CJK ideographs: a few hundred, as real Chinese prose draws on, so that two
# invented abstracts share as few character trigrams as two real ones do.
_ZH = "".join(chr(0x4E00 + k) for k in range(0, 0x1400, 11))


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(_word(rng) for _ in range(words)).capitalize() + "."


def _zh_sentence(rng: random.Random, chars: int) -> str:
    return "".join(rng.choice(_ZH) for _ in range(chars)) + "。"


def synthetic_card(number: int, zh: bool, seed: int = 7) -> str:
    """Card `number` of an invented list in the corpus layout; most carry the corpus's stray white space.

    The English and Chinese cards of one number describe the same paper (title, ID,
    authors, venue), as a list's two files do; their texts come from a generator of
    their own, so no card repeats another's text by accident.
    """
    rng = random.Random(f"{seed}:{number}")
    prose = random.Random(f"{seed}:{number}:{'zh' if zh else 'en'}")
    short = _word(rng).capitalize() + str(number)
    title = f"{short}: {_sentence(rng, 6)[:-1]}"
    arxiv = f"{rng.randint(20, 25)}{rng.randint(1, 12):02d}.{number % 100000:05d}"
    authors = ", ".join(f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(rng.randint(3, 12)))
    affiliation = _word(rng).capitalize()
    venue = f"{rng.choice(['arXiv', 'CVPR', 'NeurIPS', 'ICLR'])} 20{rng.randint(20, 25)}"
    messy = prose.random() < 0.8
    pad = " " if messy else ""
    one_liner = _zh_sentence(prose, 40) if zh else _sentence(prose, 18)
    quote = _zh_sentence(prose, 90) if zh else _sentence(prose, 45)
    abstract = _zh_sentence(prose, 300) if zh else _sentence(prose, 160)
    points = [(_zh_sentence(prose, 30) if zh else _sentence(prose, 14)) for _ in range(4)]
    label = "核心创新" if zh else "Core Innovation"
    lines = [
        "<details>",
        f"<summary><b>{title}</b></summary>",
        "",
        f"* **Authors:** {authors}",
        f"* **Affiliations:** {affiliation} University",
        f"* **arXiv ID:** {arxiv}{pad}",
        f"* **One-liner:** {one_liner}{pad * 2}",
        f"* **Published in:** {venue}",
        f"* **Links:** [[Paper]](https://arxiv.org/abs/{arxiv}) | [[PDF]](https://arxiv.org/pdf/{arxiv})"
        f" | [[Code]](https://example.org/{short.lower()})",
        "",
        f"> **{label}**{pad * 2}",
        f"> {quote}",
        "",
        "<details>",
        "    <summary>Abstract</summary>",
        f"    {abstract}",
        "</details>",
        "",
        "<details>",
        "    <summary>Key points</summary>",
        *(f"    * {point}{pad * 2}" for point in points),
        "</details>",
        "</details>",
        "",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n"


def write_synthetic(folder: Path, cards_per_language: int, seed: int = 7) -> list[Path]:
    """Folders of README.md + README_zh.md pairs holding `cards_per_language` cards each side."""
    paths = []
    number = 0
    part = 0
    while number < cards_per_language:
        count = min(CARDS_PER_FILE, cards_per_language - number)
        sub = folder / f"part-{part:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for name, zh in (("README.md", False), ("README_zh.md", True)):
            head = "# 合成列表\n\n" if zh else "# Synthetic list\n\n"
            body = "".join(synthetic_card(number + i, zh, seed) for i in range(count))
            (sub / name).write_text(head + body, encoding="utf-8")
            paths.append(sub / name)
        number += count
        part += 1
    return paths


def card_count(paths: list[Path]) -> int:
    """Cards as listlint's parser counts them (in process, so not timed)."""
    sys.path.insert(0, str(ROOT / "src"))
    from listlint.syntax.document import load

    return sum(len(load(path.read_bytes(), str(path)).cards) for path in paths)


# ---------------------------------------------------------------- tools


def listlint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "listlint", *args]


def mdformat_cmd() -> list[str] | None:
    import importlib.util

    if importlib.util.find_spec("mdformat") is None:
        return None
    return [sys.executable, "-m", "mdformat", "--check"]


def rumdl_cmd() -> list[str] | None:
    """`rumdl check --no-cache`, from PATH or beside this Python (a venv's bin folder,
    where `pip install rumdl` puts it, need not be on PATH). Its cache would make every
    run after the first a lookup, not a lint."""
    found = shutil.which("rumdl") or shutil.which("rumdl", path=str(Path(sys.executable).parent))
    return None if found is None else [found, "check", "--no-cache"]


def markdownlint_cmd(cwd: Path, timeout: float) -> list[str] | None:
    """`npx --yes markdownlint-cli2`, if it can run here within `timeout` seconds (the first
    run downloads it: a set-up step, not a measured one)."""
    npx = shutil.which("npx")
    if npx is None:
        return None
    command = [npx, "--yes", "markdownlint-cli2"]
    probe = cwd / "probe.md"
    probe.write_text("# Probe\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [*command, str(probe)], cwd=cwd, capture_output=True, timeout=timeout
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    finally:
        probe.unlink()
    return command if done.returncode in (0, 1) else None


def markdownlint_args(paths: list[Path], base: Path) -> list[str]:
    # A leading `:` makes markdownlint-cli2 read the argument as a literal
    # path, not a glob (folder names like `a+b` are glob syntax).
    return [":" + str(path.relative_to(base)) for path in paths]


# ---------------------------------------------------------------- report


def fmt(seconds: float) -> str:
    return f"{seconds:8.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--scales", default="10,100", help="synthetic sizes, × the corpus's cards")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per command")
    parser.add_argument("--no-markdownlint", action="store_true", help="skip markdownlint-cli2")
    parser.add_argument(
        "--big-mib", type=float, default=100,
        help="above this size: one run each, and no markdownlint-cli2 (it takes minutes)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    scales = [int(s) for s in args.scales.split(",") if s]
    results: dict[str, dict[str, float]] = {}
    work = Path(tempfile.mkdtemp(prefix="listlint-bench-"))
    try:
        datasets: dict[str, tuple[Path, list[Path]]] = {}
        if args.corpus.is_dir():
            files = sorted(args.corpus.rglob("*.md"))
            datasets["corpus"] = (args.corpus, files)
        else:
            print(f"corpus {args.corpus} not found: corpus figures skipped")
        for scale in scales:
            folder = work / f"x{scale}"
            files = write_synthetic(folder, CORPUS_CARDS_PER_LANGUAGE * scale)
            datasets[f"{scale}x"] = (folder, files)
        # Hundreds of MB were just written: let the kernel write them out now, not
        # while the first commands are timed.
        os.sync()

        # Setting up is not measured: a short --timeout (for the measured commands) must
        # not cut it off.
        setup_timeout = max(args.timeout, 600)
        # Compile the checkout's bytecode once, as an install would.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
                       env=_env(), capture_output=True, timeout=setup_timeout)
        mdformat = mdformat_cmd()
        rumdl = rumdl_cmd()
        # And the modules each tool imports from the standard library and site-packages
        # (their bytecode goes to the same folder), so no measured run compiles any.
        warm = work / "warm-up.md"
        warm.write_text(synthetic_card(0, False, seed=3), encoding="utf-8")
        for command in (listlint_cmd("check", str(warm)), listlint_cmd("fix", "--check", str(warm)),
                        [*mdformat, str(warm)] if mdformat else None):
            if command:
                subprocess.run(command, env=_env(), capture_output=True, timeout=setup_timeout)
        markdownlint = None if args.no_markdownlint else markdownlint_cmd(work, setup_timeout)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs, median wall time")
        print(f"rumdl: {'yes' if rumdl else 'missing (pip install rumdl), skipped'}; "
              f"mdformat: {'yes' if mdformat else 'missing (pip install mdformat), skipped'}; "
              f"markdownlint-cli2: {'yes (npx)' if markdownlint else 'unavailable (needs npx and npm), skipped'}")

        for name, (base, files) in datasets.items():
            size = sum(path.stat().st_size for path in files) / 2**20
            rel = [str(path.relative_to(base)) for path in files]
            cards = card_count(files)
            print(f"\n== {name}: {len(files)} files, {size:.1f} MiB, {cards} cards")
            row: dict[str, float] = {"cards": cards}
            big = size > args.big_mib
            commands = {
                "listlint check": listlint_cmd("check", "--output-format", "concise", *rel),
                "listlint fix --check": listlint_cmd("fix", "--check", *rel),
            }
            if not big:  # the same work on one core, to show what the second process adds
                commands["listlint check, 1 cpu"] = listlint_cmd(
                    "check", "--no-parallel", "--output-format", "concise", *rel
                )
            if rumdl:
                commands["rumdl check"] = [*rumdl, *rel]
            if mdformat:
                commands["mdformat --check"] = [*mdformat, *rel]
            if markdownlint and not big:
                commands["markdownlint-cli2"] = [*markdownlint, *markdownlint_args(files, base)]
            measured = measure_side_by_side(commands, 1 if big else args.runs, base, args.timeout)
            for label, found in measured.items():
                if found is None:
                    print(f"  {label:26} timed out after {args.timeout:.0f} s")
                    continue
                row[label] = found.seconds
                row[label + " rss"] = found.rss_mb
                print(f"  {label:26} {fmt(found.seconds)}   peak {found.rss_mb:7.1f} MiB   exit {found.code}")
            for peer in ("mdformat --check", "rumdl check", "listlint check"):
                if peer not in row:
                    continue
                for label in ("listlint check", "listlint check, 1 cpu", "listlint fix --check"):
                    if label in row and label != peer:
                        print(f"  {label} / {peer} = {row[label] / row[peer]:.2f}")
            results[name] = row

        seed_file = work / "seed" / "README_zh.md"
        seed_file.parent.mkdir()
        seed_file.write_text("".join(synthetic_card(i, True) for i in range(25)), encoding="utf-8")
        print(f"\n== cold start ({seed_file.stat().st_size // 1024} KiB file, 25 cards)")
        cold_runs = max(args.runs, 5)
        started = measure_side_by_side(
            {
                "python": [sys.executable, "-c", "pass"],
                "check": listlint_cmd("check", str(seed_file)),
                "version": listlint_cmd("--version"),
            },
            cold_runs,
            work,
            args.timeout,
        )
        missing = [label for label, found in started.items() if found is None]
        if missing:
            # A start-up that takes longer than --timeout is a broken install, not a figure.
            print(f"  timed out after {args.timeout:g} s: {', '.join(missing)}; no cold-start figures")
        else:
            base, cold, version = (started[label].seconds for label in ("python", "check", "version"))  # type: ignore[union-attr]
            print(f"  python -c pass         {fmt(base)}")
            print(f"  listlint --version     {fmt(version)}")
            print(f"  listlint check         {fmt(cold)}   (+{cold - base:.3f} s over bare python)")
            results["cold"] = {"python": base, "version": version, "check": cold}
        tiny = work / "tiny" / "README.md"
        tiny.parent.mkdir()
        tiny.write_text("# Tiny list\n\n" + synthetic_card(0, False), encoding="utf-8")
        one = measure_side_by_side({"check": listlint_cmd("check", str(tiny))}, cold_runs, work, args.timeout)["check"]
        if one is not None:
            print(f"  listlint check, 1 card {fmt(one.seconds)}   (+{one.seconds - started['python'].seconds:.3f} s over bare python)"  # type: ignore[union-attr]
                  if "cold" in results else f"  listlint check, 1 card {fmt(one.seconds)}")
            results.setdefault("cold", {})["check one card"] = one.seconds

        print("\n== targets")
        _targets(results, scales)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _targets(results: dict[str, dict[str, float]], scales: list[int]) -> None:
    """The targets of issue 20, from the figures of this one run."""

    def verdict(ok: bool) -> str:
        return "met   " if ok else "MISSED"

    def ratio(row: dict[str, float], top: str, bottom: str, limit: float, what: str) -> None:
        if top in row and bottom in row:
            value = row[top] / row[bottom]
            print(f"  [{verdict(value <= limit)}] {what} <= {limit:g}x {bottom}: {value:.2f}")
        else:
            print(f"  [n/a   ] {what} <= {limit:g}x {bottom}: not measured")

    corpus = results.get("corpus", {})
    if corpus:
        ratio(corpus, "listlint check", "mdformat --check", 0.15, "corpus: listlint check")
        ratio(corpus, "listlint check", "rumdl check", 3, "corpus: listlint check")
        ratio(corpus, "listlint fix --check", "listlint check", 1.5, "corpus: listlint fix --check")
    ten = results.get("10x", {})
    hundred = results.get("100x", {})
    if ten and hundred:
        growth = hundred["listlint check"] / ten["listlint check"]
        print(f"  [{verdict(growth <= 12.5)}] check on 100x <= 12.5x the 10x time: {growth:.1f}x")
        per_card = hundred["listlint check rss"] * 1024 / hundred["cards"]
        print(f"  [{verdict(per_card <= 12)}] check on 100x <= 12 KB peak memory a card: {per_card:.1f} KB "
              f"({hundred['listlint check rss']:.0f} MiB, {hundred['cards']:.0f} cards)")
    cold = results.get("cold", {})
    if "check one card" in cold:
        print(f"  [{verdict(cold['check one card'] < 0.15)}] cold start (check of one card) < 0.15 s: "
              f"{cold['check one card']:.3f} s")


if __name__ == "__main__":
    sys.exit(main())
