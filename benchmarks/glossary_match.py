"""How fast the glossary matcher is with thousands of concepts on 1,000-sentence articles.

Run: /work/venv/bin/python benchmarks/glossary_match.py [--concepts 5000] [--sentences 1000]

The bundled glossary is extended with synthetic concepts (random but pronounceable names
in Latin, Cyrillic, Han and Hangul script), then each language's article is matched
sentence by sentence, as the aligner and the drift detector do. Articles are real news
sentences from ../shared/data/parallel (en, zh, uk) and the seeds, repeated to length.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from provenance.glossary import Concept, Form, Glossary
from provenance.glossary.inflection import word_keys

REPO = Path(__file__).resolve().parent.parent
PARALLEL = REPO.parent / "shared" / "data" / "parallel"

_LATIN = ["ka", "zo", "rin", "vel", "tor", "mi", "san", "dra", "lu", "pex", "no", "gar"]
_CYR = ["ка", "зо", "рін", "вел", "тор", "мі", "сан", "дра", "лу", "пекс", "но", "гар"]
_HAN = "星海龙泰安华明德宏伟康瑞祥云峰嘉盛鑫源博远辉"
_HANGUL = "가나다라마바사아자차카타파하거너더러머버서어저"


def _word(rng: random.Random, parts: list[str], n: int) -> str:
    return "".join(rng.choice(parts) for _ in range(n)).capitalize()


def synthetic_concepts(count: int, seed: int = 7) -> list[Concept]:
    rng = random.Random(seed)
    concepts = []
    for i in range(count):
        words = rng.randint(1, 3)
        en = " ".join(_word(rng, _LATIN, rng.randint(2, 3)) for _ in range(words))
        uk = " ".join(_word(rng, _CYR, rng.randint(2, 3)) for _ in range(words))
        zh = "".join(rng.choice(_HAN) for _ in range(rng.randint(3, 5)))
        ko = "".join(rng.choice(_HANGUL) for _ in range(rng.randint(3, 5)))
        concepts.append(Concept(
            f"synthetic-{i}", "organisation", f"{en} {i}",
            {"en": [Form(f"{en} {i}")], "zh-Hans": [Form(f"{zh}{i}")], "ko": [Form(f"{ko}{i}")],
             "uk": [Form(f"{uk} {i}")], "ru": [Form(f"{uk} {i}")]}))
    return concepts


def _lines(path: Path) -> list[str]:
    return [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def article(lang: str, size: int) -> list[str]:
    """``size`` real sentences in ``lang`` (repeated if the data is shorter)."""
    sources = {"en": ("en-zh", "en.txt"), "zh-cn": ("en-zh", "zh.a.txt"), "uk": ("uk-en", "uk.txt")}
    pair, name = sources[lang]
    sentences: list[str] = []
    if (PARALLEL / pair).is_dir():
        for folder in sorted((PARALLEL / pair).iterdir()):
            if (folder / name).is_file():
                sentences += _lines(folder / name)
    if not sentences:
        sentences = _lines(next((REPO / "seeds").glob("*.md")))
    return [sentences[i % len(sentences)] for i in range(size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concepts", type=int, default=5000)
    parser.add_argument("--sentences", type=int, default=1000)
    args = parser.parse_args()
    bundled = Glossary.load()
    concepts = [*bundled.concepts.values(), *synthetic_concepts(args.concepts)]
    forms = sum(len(c.all_forms()) for c in concepts)
    start = time.perf_counter()
    glossary = Glossary(concepts)
    glossary.matcher  # noqa: B018 - builds the automata
    build = time.perf_counter() - start
    print(f"glossary: {len(concepts)} concepts, {forms} forms; automata built in {build:.2f} s")
    for lang in ("en", "zh-cn", "uk"):
        sentences = article(lang, args.sentences)
        word_keys.cache_clear()  # measure a cold lemma cache for every language
        start = time.perf_counter()
        found = sum(len(glossary.match(s, lang)) for s in sentences)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        for s in sentences:
            glossary.match(s, lang)
        warm = time.perf_counter() - start
        chars = sum(len(s) for s in sentences)
        print(f"{lang:6} {len(sentences)} sentences ({chars:,} chars): {found} matches; "
              f"{cold * 1000:.0f} ms cold, {warm * 1000:.0f} ms warm "
              f"({warm / len(sentences) * 1e6:.0f} µs/sentence)")


if __name__ == "__main__":
    main()
