"""A synthetic corpus of any size, as files, from the parallel news documents.

Each story is a fresh sample of lines from ``../shared/data/parallel``: an English
article and, for en-zh lines, its two Chinese translations, for uk-en lines the
Ukrainian original. Relays carry injected drift (a number ten times larger, a dropped
sentence, an added one, a hedge; see ``report_scale._relay_with_drift``).

Stories must stay apart, or clustering joins them into a few giant stories whose
relays are compared with an unrelated reference (a first version of this corpus made
303 stories of 10,000 articles). Lines are sampled anew for every story, so two stories
share about one sentence in twenty, and every article of a story closes with the same
sentence of six dates found in no other story (in its own language), so stories that
share a line still differ in most of what they name. The sentence also carries a code
of letters per story: compared without digits (as the boilerplate pass compares lines),
every story's sentence of dates would otherwise be one line that each outlet prints on
all its pages.

    python benchmarks/synthetic_corpus.py OUT_DIR 10000
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_scale import PARALLEL, _relay_with_drift, parallel_documents  # noqa: E402

#: lines per story (sampled at random between these bounds)
STORY_LINES = (12, 28)


def _pools(root: Path) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Aligned line tuples, per set of languages: (en, zh-cn, zh-cn) and (en, uk)."""
    pools: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for doc in parallel_documents(root):
        langs = ("en", *(lang for lang, _ in doc.relays))
        columns = [doc.english, *(lines for _, lines in doc.relays)]
        if len({len(c) for c in columns}) != 1:
            continue
        pools.setdefault(langs, []).extend(
            row for row in zip(*columns, strict=True) if all(cell.strip() for cell in row))
    return pools


_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
           "вересня", "жовтня", "листопада", "грудня"],
}


def _story_code(story: int) -> str:
    """Letters that name the story ("BKQ"): a line the corpus-wide boilerplate pass
    compares without its digits must still differ from the next story's."""
    letters = ""
    for _ in range(3):
        story, k = divmod(story, 26)
        letters += chr(ord("A") + k)
    return letters


#: the dates of the stories' date sentences lie in these years: a reader of news takes
#: "March 3, 2250" for "March 3" and a number, so a story past the range would lose the
#: dates its languages share (at 100,000 articles, stories past number 18,000 did)
DATE_YEARS = (1901, 2099)
_DAYS = (dt.date(DATE_YEARS[1], 12, 31) - dt.date(DATE_YEARS[0], 1, 1)).days + 1


def _story_dates(story: int, lang: str) -> str:
    """Six dates whose set only this story names, as a sentence in ``lang``: day k of
    story s is ``(s + 1) * (k + 1) * 7919`` modulo the days of the range, so each date
    is shared by a handful of stories (a rare feature) and the six together by none."""
    days = sorted(dt.date(DATE_YEARS[0], 1, 1)
                  + dt.timedelta(days=(story + 1) * (k + 1) * 7919 % _DAYS) for k in range(6))
    code = _story_code(story)
    if lang.startswith("zh"):
        return f"档案{code}日期：" + "、".join(f"{d.year}年{d.month}月{d.day}日"
                                          for d in days) + "。"
    if lang == "uk":
        return f"Дати архіву {code}: " + ", ".join(
            f"{d.day} {_MONTHS['uk'][d.month - 1]} {d.year} року" for d in days) + "."
    return f"Archive {code} dates: " + "; ".join(
        f"{_MONTHS['en'][d.month - 1]} {d.day}, {d.year}" for d in days) + "."


def _write(folder: Path, name: str, lang: str, day: dt.date, outlet: str,
           lines: list[str]) -> None:
    (folder / f"{name}.md").write_text(
        f"---\nlanguage: {lang}\ndate: {day.isoformat()}\noutlet: {outlet}\n---\n"
        + "\n\n".join(lines) + "\n", encoding="utf-8")


def write_synthetic_corpus(folder: Path, articles: int, seed: int = 11,
                           root: Path = PARALLEL) -> int:
    """Write about ``articles`` articles (whole stories) into ``folder``; returns how many."""
    pools = _pools(root)
    if not pools:
        raise FileNotFoundError(f"no parallel documents under {root}")
    kinds = sorted(pools)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = story = 0
    start = dt.date(2024, 1, 1)
    while written < articles:
        langs = kinds[story % len(kinds)]
        pool = pools[langs]
        rows = rng.sample(pool, min(len(pool), rng.randint(*STORY_LINES)))
        english = [row[0] for row in rows] + [_story_dates(story, "en")]
        day = start + dt.timedelta(days=story % 700)
        _write(folder, f"s{story:05d}-en", "en", day, f"Outlet {story % 97}", english)
        written += 1
        for k, lang in enumerate(langs[1:], start=1):
            filler = rng.choice(rng.choice(pools[rng.choice(kinds)]))
            lines = [row[k] for row in rows] + [_story_dates(story, lang)]
            relay, _, _ = _relay_with_drift(english, lines, lang, rng, filler)
            _write(folder, f"s{story:05d}-{lang}{k}", lang, day + dt.timedelta(days=1),
                   f"Relay {k} of outlet {story % 97}", relay)
            written += 1
        story += 1
    return written


if __name__ == "__main__":
    count = write_synthetic_corpus(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{count} articles written to {sys.argv[1]}")
