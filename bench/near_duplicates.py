"""Time and recall of the near-duplicate engine on synthetic abstracts.

Generates invented abstracts (random words from an invented vocabulary, and a
share of Chinese-like text made of random Han characters), plants near-copies
(a few words or characters substituted, inserted or deleted), and prints, for
1k, 10k and 100k texts, the time `near_duplicates` takes and the share of the
planted copies it finds (it must be 1.0), plus how many unplanted pairs it
reports (invented texts share no passages, so it should be 0).

Run: PYTHONPATH=src python bench/near_duplicates.py [sizes...]
"""

from __future__ import annotations

import random
import sys
import time

from listlint.analysis.similarity import jaccard, near_duplicates, text_shingles

THRESHOLD = 0.6
COPY_SHARE = 0.02
"""Share of texts that are near-copies of an earlier text."""
CHINESE_SHARE = 0.3


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(2, 10))))
    return sorted(words)


def han(rng: random.Random, count: int) -> list[str]:
    # Chinese text repeats common characters, so draw from a small skewed set.
    return [chr(0x4E00 + int(rng.paretovariate(1.2) * 40) % 3000) for _ in range(count)]


def abstract(rng: random.Random, vocab: list[str]) -> tuple[str, bool]:
    if rng.random() < CHINESE_SHARE:
        chars = han(rng, rng.randint(150, 350))
        # Mixed text: a few Latin terms inside the Chinese.
        for _ in range(3):
            chars.insert(rng.randrange(len(chars)), f" {rng.choice(vocab).upper()} ")
        return "".join(chars), True
    # Zipf-like word choice: real abstracts reuse common words.
    words = [vocab[min(int(rng.paretovariate(0.8)) - 1, len(vocab) - 1)] if rng.random() < 0.4 else rng.choice(vocab) for _ in range(rng.randint(80, 250))]
    return " ".join(words), False


def edit(rng: random.Random, text: str, chinese: bool, vocab: list[str]) -> str:
    """A near-copy: 2-5 small edits (substitute, insert, delete)."""
    units = list(text) if chinese else text.split(" ")
    for _ in range(rng.randint(2, 5)):
        where = rng.randrange(len(units))
        new = han(rng, 1)[0] if chinese else rng.choice(vocab)
        action = rng.choice(("sub", "ins", "del"))
        if action == "sub":
            units[where] = new
        elif action == "ins":
            units.insert(where, new)
        elif len(units) > 10:
            del units[where]
    return ("" if chinese else " ").join(units)


def run(size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    texts: list[str] = []
    planted: dict[int, int] = {}
    kinds: list[bool] = []
    for index in range(size):
        if index > 10 and rng.random() < COPY_SHARE:
            source = rng.randrange(index)
            texts.append(edit(rng, texts[source], kinds[source], vocab))
            kinds.append(kinds[source])
            planted[index] = source
        else:
            text, chinese = abstract(rng, vocab)
            texts.append(text)
            kinds.append(chinese)
    start = time.perf_counter()
    found = near_duplicates(texts, THRESHOLD)
    elapsed = time.perf_counter() - start
    hits = 0
    missed: list[tuple[int, int, float]] = []
    for later, source in planted.items():
        # The source may itself be a copy: any match in the same chain counts.
        chain = {source}
        while source in planted:
            source = planted[source]
            chain.add(source)
        if any(match.index in chain for match in found[later]):
            hits += 1
        else:
            missed.append((later, source, jaccard(text_shingles(texts[later]), text_shingles(texts[source]))))
    extra = sum(
        1
        for later, matches in enumerate(found)
        for match in matches
        if later not in planted and match.index not in planted
    )
    recall = hits / len(planted) if planted else 1.0
    print(
        f"{size:>7} texts  {elapsed:7.2f} s  planted {len(planted):>5}  "
        f"recall {recall:.4f}  missed {len(missed)}  unplanted pairs {extra}"
    )
    for later, source, similarity in missed[:5]:
        print(f"    missed {later} <- {source} (true similarity {similarity:.2f})")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000]
    print(f"near_duplicates, threshold {THRESHOLD}, {CHINESE_SHARE:.0%} Chinese-like texts")
    for size in sizes:
        run(size)


if __name__ == "__main__":
    main()
