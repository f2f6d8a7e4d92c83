"""Very long articles, built from templates (nothing copied from the web).

``long_pair(n)`` gives an English article of ``n`` distinct sentences and a Chinese relay
of it: each sentence is a template filled with glossary entities, amounts and dates, so
that the gloss translator, the quantity reader and the drift detectors all have work,
and no two sentences are alike (repeated sentences would be served from caches and
flatter the timings). The relay drops about 1 sentence in 50 and changes the amount of
about 1 in 50, so that alignment meets gaps and drift finds numbers.

``single_line(size)`` is one line of ``size`` bytes of running text: the shape of a
dumped page that hangs a tool whose segmentation is not linear.

Run as a script to write a pair: ``python tests/support/long_articles.py OUT 5000``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

# (English, Chinese) names of glossary concepts.
ORGS = [("Blue Origin", "蓝色起源"), ("SpaceX", "太空探索技术公司"), ("NASA", "美国国家航空航天局"),
        ("Amazon", "亚马逊"), ("Boeing", "波音公司"), ("Rocket Lab", "火箭实验室"),
        ("the Pentagon", "五角大楼"), ("the White House", "白宫")]
PEOPLE = [("Jeff Bezos", "贝索斯"), ("Elon Musk", "马斯克"), ("Donald Trump", "特朗普"),
          ("Dave Limp", "林普"), ("Jared Isaacman", "艾萨克曼"), ("Gwynne Shotwell", "肖特维尔")]
PLACES = [("Florida", "佛罗里达州"), ("Texas", "得克萨斯州"), ("Washington", "华盛顿"),
          ("Beijing", "北京"), ("Seoul", "首尔"), ("Kyiv", "基辅")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# One sentence in both languages; fields: org, person, place, amount (billions), count,
# month (1-12), day, year.
TEMPLATES = [
    ("{org} said on {month_en} {day} that it would invest ${amount} billion in {place}.",
     "{org}于{month}月{day}日表示，将在{place}投资{amount}亿美元。"),
    ("{person} spoke with officials in {place} at least {count} times in {year}.",
     "{person}{year}年在{place}与官员至少通话{count}次。"),
    ("According to people familiar with the matter, {org} won a contract worth "
     "${amount} billion.",
     "据知情人士透露，{org}赢得了一份价值{amount}亿美元的合同。"),
    ("{person} met the head of {org} on {month_en} {day}, {year}.",
     "{person}于{year}年{month}月{day}日会见了{org}负责人。"),
    ("The programme in {place} employs {count} thousand people, {org} said.",
     "{org}表示，{place}的这个项目雇用了{count}千人。"),
    ("{org} may launch {count} rockets from {place} before {month_en} {year}.",
     "{org}可能在{year}年{month}月之前从{place}发射{count}枚火箭。"),
    ("{person} did not comment on the ${amount} billion deal with {org}.",
     "{person}没有就与{org}的{amount}亿美元交易发表评论。"),
    ("Officials in {place} reportedly expect {org} to hire {count} engineers.",
     "据报道，{place}的官员预计{org}将雇用{count}名工程师。"),
]


def long_pair(sentences: int, *, seed: int = 16) -> tuple[str, str]:
    """English text and its Chinese relay, one sentence per line (paragraph)."""
    rng = random.Random(seed)
    english: list[str] = []
    chinese: list[str] = []
    seen: set[str] = set()
    while len(english) < sentences:
        en_t, zh_t = rng.choice(TEMPLATES)
        org, person, place = rng.choice(ORGS), rng.choice(PEOPLE), rng.choice(PLACES)
        month = rng.randrange(1, 13)
        values = {"amount": rng.randrange(2, 990), "count": rng.randrange(2, 400),
                  "day": rng.randrange(1, 29), "year": rng.randrange(2001, 2031)}
        en = en_t.format(org=org[0], person=person[0], place=place[0],
                         month_en=MONTHS[month - 1], **values)
        if en in seen:
            continue
        seen.add(en)
        english.append(en)
        roll = rng.random()
        if roll < 0.02:
            continue  # an omission
        if roll < 0.04:
            values["amount"] *= 10  # a number that grew tenfold
        chinese.append(zh_t.format(org=org[1], person=person[1], place=place[1],
                                   month=month, **values))
    return "\n".join(english) + "\n", "\n".join(chinese) + "\n"


def single_line(size: int, *, seed: int = 16) -> str:
    """About ``size`` characters of English sentences on a single line."""
    english, _ = long_pair(max(1, size // 60), seed=seed)
    line = english.replace("\n", " ")
    while len(line) < size:
        line += line
    return line[:size]


def write_pair(folder: Path, sentences: int) -> tuple[Path, Path]:
    """The pair as two Markdown files with front matter (``en.md``, ``zh.md``)."""
    english, chinese = long_pair(sentences)
    folder.mkdir(parents=True, exist_ok=True)
    src, tgt = folder / "en.md", folder / "zh.md"
    src.write_text(f"---\nid: long-en\nlanguage: en\noutlet: Example Wire\n---\n{english}",
                   encoding="utf-8")
    tgt.write_text(f"---\nid: long-zh\nlanguage: zh-cn\noutlet: Example Relay\n---\n{chinese}",
                   encoding="utf-8")
    return src, tgt


if __name__ == "__main__":
    out, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    for path in write_pair(out, count):
        print(path)
