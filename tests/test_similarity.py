"""The near-duplicate engine: tokens of mixed scripts, content-defined samples, recall, precision."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import unicodedata

from listlint.analysis.similarity import (
    _CJK,
    contained,
    containment,
    features,
    jaccard,
    near_duplicates,
    passage_share,
    sample,
    shared_passages,
    text_shingles,
    tokens,
)

# What a token is, in one pattern: a CJK character alone, or a run of other letters and
# digits. `tokens` must find exactly these in the NFKC, case-folded text, by whatever path.
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")


def test_tokens_are_words_of_latin_text_and_characters_of_cjk_text() -> None:
    assert tokens("视频 VAE把 High-Fidelity, foo_bar ＡＢＣ 3D 한국") == [
        "视", "频", "vae", "把", "high", "fidelity", "foo", "bar", "abc", "3d", "한", "국",
    ]


def test_formatting_does_not_change_similarity() -> None:
    a = "We present **Quill**, a system that folds paper cranes; it works."
    b = "we present Quill a system that\n    folds paper cranes, it works"
    assert jaccard(text_shingles(a), text_shingles(b)) == 1.0


def test_results_do_not_depend_on_the_hash_seed() -> None:
    code = (
        "from listlint.analysis.similarity import contained, features, near_duplicates\n"
        "texts = ['折纸 robot hands fold paper cranes from one sheet', 'robot hands fold paper cranes from one sheet of paper',"
        " '折纸机器人用一张纸折出纸鹤和纸船', '折纸机器人用一张纸折出纸鹤和纸船吗']\n"
        "print([features(text).samples for text in texts])\n"
        "print(near_duplicates(texts, 0.5))\n"
        "print(contained(texts, texts, 0.5))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONPATH": "src", "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert "Match(index=0" in outputs.pop()


def test_key_is_the_tokens_joined() -> None:
    text = "视频VAE把 High-Fidelity, foo_bar ＡＢＣ 3D"
    found = features(text)
    assert found.key == " ".join(tokens(text)) == "视 频 vae 把 high fidelity foo bar abc 3d"
    assert found.size == 10


def test_the_sample_of_a_part_is_part_of_the_sample_of_the_whole() -> None:
    rng = random.Random(17)
    words = [f"w{n}" for n in range(500)] + ["training", "model", "graph", "of", "the"]
    han = [chr(0x4E00 + n) for n in range(0, 20000, 7)]
    for _ in range(200):
        whole = [rng.choice(words if rng.random() < 0.5 else han) for _ in range(rng.randint(3, 60))]
        start = rng.randrange(len(whole))
        part = whole[start : start + rng.randint(1, 30)]
        whole_sample = set(sample(" ".join(whole)))
        assert set(sample(" ".join(part))) <= whole_sample
        # Each sample is a shingle of the text, in text order, each once.
        shingled = [" ".join(whole[k : k + 3]) for k in range(len(whole) - 2)]
        assert list(sample(" ".join(whole))) == [s for s in dict.fromkeys(shingled) if s in whole_sample]
    # A minority of shingles is sampled, for Latin words and for CJK characters alike.
    letters = "abcdefghijklmnopqrstuvwxyz"
    latin = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(2, 8))) for _ in range(4000))
    cjk = " ".join(rng.choice(han) for _ in range(4000))
    assert 0.15 < len(sample(latin)) / 4000 < 0.5
    assert 0.15 < len(sample(cjk)) / 4000 < 0.35


def test_short_and_unsampled_texts_are_still_compared() -> None:
    # Short texts and texts of characters the sample never picks (CJK Extension B)
    # are indexed by every shingle.
    short = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    rare = "".join(chr(0x20000 + n) for n in range(0, 400, 3))
    texts = [short, rare, short.replace("mu", "nu"), rare[:60] + "x" + rare[61:]]
    assert [[m.index for m in ms] for ms in near_duplicates(texts, 0.6)] == [[], [], [0], [1]]


def test_contained_shares_are_exact_containment() -> None:
    rng = random.Random(19)
    words = [f"v{n}" for n in range(60)] + [chr(0x4E00 + n) for n in range(0, 400, 5)]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(5, 80))) for _ in range(120)]
    queries = [" ".join(text.split()[5:25]) for text in texts[:40]] + ["v1 v2", "v1"]
    for query, hits in zip(queries, contained(queries, texts, 0.3)):
        for ident, share in hits:
            assert share == containment(text_shingles(query), text_shingles(texts[ident]))
            assert share >= 0.3


def _random_text(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length))


def test_finds_every_near_copy_and_nothing_else() -> None:
    rng = random.Random(3)
    words = [f"w{n}" for n in range(3000)]
    texts: list[str | None] = [_random_text(rng, words, 120) for _ in range(400)]
    planted = {}
    for source in range(0, 400, 37):
        copy = texts[source].split()  # type: ignore[union-attr]
        copy[10] = "edited"
        copy.insert(60, "inserted")
        planted[len(texts)] = source
        texts.append(" ".join(copy))
    # Chinese near-copy, one character changed.
    han = "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(200))
    texts.append(han)
    planted[len(texts)] = len(texts) - 1
    texts.append(han[:50] + "改" + han[51:])
    found = near_duplicates(texts, 0.6)
    for later, matches in enumerate(found):
        if later in planted:
            assert [m.index for m in matches] == [planted[later]], later
            assert 0.6 <= matches[0].similarity < 1.0
        else:
            assert matches == [], later


def test_exact_copies_match_every_earlier_copy_and_short_texts_none() -> None:
    text = "one two three four five six seven eight nine ten"
    found = near_duplicates([text, None, "TBD", text, "TBD", text.upper()], 0.6)
    assert [[(m.index, m.similarity) for m in ms] for ms in found] == [
        [], [], [], [(0, 1.0)], [], [(0, 1.0), (3, 1.0)],
    ]


def test_threshold_decides() -> None:
    a = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    b = "alpha beta gamma delta epsilon zeta eta theta iota kappa nu xi"
    similarity = jaccard(text_shingles(a), text_shingles(b))
    assert near_duplicates([a, b], similarity)[1]
    assert not near_duplicates([a, b], similarity + 0.01)[1]


def test_contained_finds_the_text_a_part_was_taken_from() -> None:
    rng = random.Random(5)
    words = [f"w{n}" for n in range(3000)]
    texts = [_random_text(rng, words, 150) for _ in range(50)]
    part = " ".join(texts[17].split()[40:75])
    unrelated = _random_text(rng, words, 35)
    found = contained([part, part, unrelated], texts, 0.8, exclude=[set(), {17}, set()])
    assert [[ident for ident, _ in hits] for hits in found] == [[17], [], []]
    assert found[0][0][1] == 1.0


def test_ascii_tokens_are_those_of_the_unicode_path() -> None:
    rng = random.Random(11)
    alphabet = [chr(code) for code in range(128)]  # every ASCII character
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert tokens(text) == _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()), text


def test_tokens_of_text_with_wide_forms_are_those_of_plain_nfkc() -> None:
    rng = random.Random(13)
    alphabet = [*"，（）Ａｚ９＿\u3000…\u0301\u0308eE 视ｶ①ßﬁ_-"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert tokens(text) == _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()), repr(text)


def test_tokens_read_run_by_run_are_those_of_one_findall() -> None:
    """CJK runs, kana punctuation inside the CJK ranges, `_`, Latin glued to Han, astral Han, Hangul."""
    rng = random.Random(17)
    alphabet = [*"视频中文・゠ー가힣豈\U00020000aZ3_- .,ßé", "\u30fb", "\ufa6e"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert tokens(text) == _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()), repr(text)


def test_contained_finds_parts_of_texts_in_other_scripts() -> None:
    rng = random.Random(23)
    alphabets = ["абвгдежзиклмнопрстуфхцчшщыэюя", "αβγδεζηθικλμνξοπρστυφχψω", "àéèêëîïôùûüç" + "abcdefg"]
    for alphabet in alphabets:
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9))) for _ in range(400)]
        texts = [_random_text(rng, words, 120) for _ in range(30)]
        part = " ".join(texts[11].split()[30:50])
        assert [ident for ident, _ in contained([part], texts, 0.8)[0]] == [11], alphabet


def test_a_full_cache_starts_again_and_changes_no_result(monkeypatch) -> None:
    from listlint.analysis import similarity

    rng = random.Random(23)
    words = [f"u{n}" for n in range(80)] + [chr(0x4E00 + n) for n in range(0, 300, 3)]
    texts = [_random_text(rng, words, rng.randint(4, 90)) for _ in range(150)]
    texts += [" ".join(text.split()[3:40]) + " tail" for text in texts[:30]]
    queries = [" ".join(text.split()[2:20]) for text in texts[::5]]
    similarity._FEATURES.clear()
    roomy = near_duplicates(texts, 0.5), contained(queries, texts, 0.4, min_tokens=8)
    # A budget of a few texts: the cache empties again and again while the search runs.
    monkeypatch.setattr(similarity, "FEATURE_BUDGET", 6_000)
    similarity._FEATURES.clear()
    tight = near_duplicates(texts, 0.5), contained(queries, texts, 0.4, min_tokens=8)
    assert len(similarity._FEATURES) < 20
    assert tight == roomy
    assert any(roomy[0]) and any(roomy[1])
    # What the cache keeps is what a fresh reading gives.
    for text in texts[:40]:
        kept = features(text)
        assert (kept.size, kept.key, kept.samples) == (len(tokens(text)), " ".join(tokens(text)), sample(kept.key))


_SENTENCE = "the drum turns twice a minute while a camera photographs each sock as it falls past the lens"


def test_passage_share_counts_long_shared_runs_only() -> None:
    part = f"Socks are sorted here. {_SENTENCE}. Nothing else is said."
    share, passage = shared_passages(part, f"A sorter of laundry: {_SENTENCE}, and more.")
    assert passage == tokens(_SENTENCE)
    assert share == len(tokens(_SENTENCE)) / len(tokens(part))
    # Runs of under a dozen words are phrases any two texts share: they count for nothing.
    phrases = "in this paper we propose a novel method and then in this paper we propose another"
    assert passage_share(phrases, "in this paper we propose a novel way, so in this paper we propose") == 0.0
    assert passage_share(part, part) == 1.0


def test_passage_share_weighs_cjk_characters_half() -> None:
    # Twenty CJK characters weigh ten words: a common clause, not a passage; thirty are one.
    clause = "我们提出了一种无监督的基于指令的图像编辑方"
    assert len(tokens(clause)) == 21 and passage_share(clause + "法", clause) == 0.0
    longer = clause + "法无需在训练期间使用真实编辑图像"
    assert passage_share(longer + "。另一句话。", longer) == len(tokens(longer)) / (len(tokens(longer)) + 4)
    # An English passage inside a Chinese text is measured in words.
    mixed = f"袜子按颜色分拣。{_SENTENCE}"
    assert passage_share(mixed, _SENTENCE) == len(tokens(_SENTENCE)) / (len(tokens(_SENTENCE)) + 7 / 2)
