"""The bad-input set: every kind of broken file a corpus of scraped articles holds, built
from scratch (nothing copied from the web), with what the tool must say about each.

``write_bad_inputs(folder)`` writes one file per case and returns the cases;
``write_corpus(folder, files, broken)`` writes a corpus of ``files`` files of which
``broken`` are bad (the cases in turn) and the rest short articles in several languages
and formats; ``write_hostile_corpus(folder)`` writes articles whose titles, outlets, ids
and text are full of Rich/Textual markup, for the terminal UI.

Run as a script to look at the set: ``python tests/support/bad_input.py OUT``.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ZH = "据《华尔街日报》报道，蓝色起源创始人贝索斯本月至少与特朗普通话两次。该公司拒绝置评。"
EN = ("Jeff Bezos spoke with Donald Trump at least twice this month, the Wall Street "
      "Journal reported. Blue Origin declined to comment.")
UK = ("Про це повідомляє The Wall Street Journal з посиланням на джерела. "
      "Компанія відмовилася коментувати.")
KO = "월스트리트저널(WSJ)은 25일 베이조스의 우주기업 블루오리진이 공백을 메우려 한다고 보도했다."


@dataclass(frozen=True)
class BadCase:
    """One broken file: its name in the folder, a regex the one-line message must match,
    and whether the file is left out (``skipped``) or used after a repair."""

    name: str
    reason: str
    skipped: bool = True


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def _noise(size: int) -> bytes:
    """Bytes above ASCII, at random: no encoding reads them as text."""
    rng = random.Random(16)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(size))


def _stray_zh() -> bytes:
    data = (ZH + "\n").encode("utf-8")
    cut = len(ZH[:12].encode("utf-8"))  # between two characters
    return data[:cut] + b"\xff" + data[cut:]


def _latin_two_bad() -> bytes:
    data = (EN + "\n").encode("ascii")
    return data[:20] + b"\x81" + data[20:60] + b"\x8d" + data[60:]


#: (file name, content, message regex, skipped). Content is bytes, or a callable that
#: writes the file itself (links, permissions).
CASES: list[tuple[str, bytes | Callable[[Path], None], str, bool]] = [
    ("empty.txt", b"", r"empty\.txt: empty file", True),
    ("blank.md", b"  \n\t\n", r"blank\.md: empty file", True),
    ("photo.txt", _png(), r"photo\.txt: binary file, not text", True),
    ("noise.html", random.Random(16).randbytes(4000), r"noise\.html: binary file", True),
    ("garbled.txt", b"Hello world. " + _noise(600),
     r"garbled\.txt: binary file or unknown text encoding", True),
    ("bom-garbage.txt", b"\xef\xbb\xbf" + EN.encode() + b"\xff\xfe\x80" * 40,
     r"bom-garbage\.txt: cannot decode as utf-8-sig \(120 of \d+ bytes invalid\)", True),
    ("dangling.txt", lambda path: path.symlink_to(path.parent / "nowhere.txt"),
     r"dangling\.txt: cannot read \(No such file or directory\)", True),
    ("truncated.json", b'{"id": "t", "text": "Half an art', r"truncated\.json: invalid JSON", True),
    ("notext.json", b'[{"title": "no body"}]', r"notext\.json \(item 1\): no 'text'", True),
    ("frontmatter.md", b"---\ntitle: [unclosed\n---\nBody text.\n",
     r"frontmatter\.md:.*invalid front matter", True),
    ("only-copyright.txt", "© 2025 Example Media. All rights reserved.\n".encode(),
     r"only-copyright\.txt: no article text \(everything is boilerplate\)", True),
    ("stray-zh.txt", _stray_zh(), r"stray-zh\.txt: 1 stray byte replaced with U\+FFFD "
     r"\(text read as utf-8\)", False),
    ("latin-two-bad.txt", _latin_two_bad(), r"latin-two-bad\.txt: 2 stray bytes replaced "
     r"with U\+FFFD \(text read as utf-8\)", False),
    ("escapes.txt", ("\x1b[31m" + EN + "\x1b[0m\x00\n").encode(),
     r"escapes\.txt: 3 stray bytes replaced", False),
]


def write_bad_inputs(folder: Path) -> list[BadCase]:
    """One file per case in ``folder`` (plus, when not running as root, an unreadable
    file: root reads everything); returns the cases written."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for name, content, reason, skipped in CASES:
        path = folder / name
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
        cases.append(BadCase(name, reason, skipped))
    if os.geteuid() != 0:
        locked = folder / "locked.txt"
        locked.write_text(EN, encoding="utf-8")
        locked.chmod(0)
        cases.append(BadCase("locked.txt", r"locked\.txt: cannot read \(Permission denied\)"))
    return cases


def write_jsonl_with_a_bad_line(path: Path) -> BadCase:
    """A JSON Lines file whose second line is broken: the other lines are articles."""
    lines = [json.dumps({"id": "line-1", "text": EN}), "{oops",
             json.dumps({"id": "line-3", "text": UK}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return BadCase(path.name, rf"{path.name}: invalid JSON on line 2")


def good_article(n: int) -> tuple[str, str]:
    """File name and content of the ``n``-th good article: languages and formats in turn,
    each with its own number so that no two are alike."""
    kind = n % 4
    if kind == 0:
        return f"{n:05d}-en.txt", f"{EN} The contract was worth ${n} million.\n"
    if kind == 1:
        return f"{n:05d}-zh.md", (f"---\noutlet: Example {n}\nlanguage: zh-cn\n---\n"
                                  f"{ZH}合同价值{n}万美元。\n")
    if kind == 2:
        return f"{n:05d}-uk.json", json.dumps({"id": f"uk-{n}", "text": f"{UK} Сума: {n}."},
                                              ensure_ascii=False)
    return f"{n:05d}-ko.txt", f"{KO} 계약 규모는 {n}만 달러다.\n"


def write_corpus(folder: Path, files: int = 2000, broken: int = 20) -> list[BadCase]:
    """``files`` files in ``folder``, ``broken`` of them bad (the CASES in turn, spread
    through the folder); returns the broken ones."""
    folder.mkdir(parents=True, exist_ok=True)
    bad_at = {round(i * files / broken) for i in range(broken)} if broken else set()
    cases = []
    for n in range(files):
        if n in bad_at:
            name, content, reason, skipped = CASES[len(cases) % len(CASES)]
            name = f"{n:05d}-{name}"
            path = folder / name
            if callable(content):
                content(path)
            else:
                path.write_bytes(content)
            cases.append(BadCase(name, reason, skipped))
        else:
            name, text = good_article(n)
            (folder / name).write_text(text, encoding="utf-8")
    return cases


#: Titles, outlets and text a web page may hold, that Rich or Textual would read as
#: markup (a closing tag with nothing open, a link, a style name, an unknown tag).
HOSTILE_TITLE = "Bezos [/PHOTO] talks to Trump [b]"
HOSTILE_OUTLET = "[link=https://example.invalid]Evil Wire[/link]"
TAG_OUTLET = "[en] Daily"


def write_hostile_corpus(folder: Path) -> None:
    """Three English articles (a reference and two relays) with hostile metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(
        f'---\ntitle: "{HOSTILE_TITLE}"\noutlet: "{HOSTILE_OUTLET}"\nlanguage: en\n---\n'
        "Jeff Bezos spoke with Donald Trump at least twice this month, the Wall Street "
        "Journal reported [/b].\nBlue Origin won a $2.4 billion contract [red]for seven "
        "launches[/red].\nThe company declined to comment.\n", encoding="utf-8")
    (folder / "b.md").write_text(
        f'---\ntitle: "[b]Relay[/b] of [/PHOTO]"\noutlet: "{TAG_OUTLET}"\nlanguage: en\n---\n'
        "Jeff Bezos spoke with Donald Trump at least three times this month, the Wall Street "
        "Journal reported [/b].\nBlue Origin won a $24 billion contract [red]for seven "
        "launches[/red].\n", encoding="utf-8")
    (folder / "[x] c.md").write_text(
        '---\noutlet: "Plain [dim]Outlet"\nlanguage: en\n---\n'
        "Jeff Bezos met Donald Trump this month, according to [i]Bloomberg[/i].\n"
        "Blue Origin won a $2.4 billion contract.\n", encoding="utf-8")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for case in write_bad_inputs(out / "bad"):
        print(f"{case.name:24} {'skipped' if case.skipped else 'repaired':9} {case.reason}")
    write_hostile_corpus(out / "hostile")
    print(f"hostile corpus in {out / 'hostile'}")
