"""Decoding article files: legacy encodings, BOMs, empty and binary files, stray bytes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from provenance.encoding import decode, decode_bytes, read_text
from provenance.errors import BadInput, RepairedInput

SAMPLES = {
    "gbk": ("据《华尔街日报》26日援引消息人士的话报道，"
            "商业航天公司蓝色起源创始人贝索斯本月至少与特朗普通话两次。"),
    "gb18030": ("凭借发射和在轨运营优势，SpaceX此前获得的政府合同远多于蓝色起源："
                "美国太空军授予其59亿美元合同。"),
    "big5": "據《華爾街日報》報導，商業航太公司藍色起源創辦人貝佐斯本月至少與川普通話兩次。",
    "euc_kr": ("월스트리트저널(WSJ)은 25일(현지시간) 베이조스의 우주기업 블루오리진이 "
               "공백을 메우려 한다고 보도했다."),
    "cp1251": ("Про це повідомляє The Wall Street Journal з посиланням на джерела, "
               "близькі до Трампа і Безоса."),
    "utf-16": "Безос активно будує політичні мости з адміністрацією Трампа. 贝索斯 베이조스",
    "utf-8-sig": "Blue Origin CEO Dave Limp visited the White House.",
}


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_legacy_encodings_and_boms_round_trip(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    text = SAMPLES[encoding] + "\n" + SAMPLES[encoding] + "\n"
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == text


def test_windows_newlines_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_file_is_bad_input_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(BadInput, match=r"empty\.txt: empty file"):
        read_text(path)


def test_binary_files_are_bad_input(tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BadInput, match=r"photo\.txt: binary"):
        read_text(png)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(7).randbytes(5000))
    with pytest.raises(BadInput, match=r"noise\.txt: binary"):
        read_text(noise)


# -- stray bytes: replaced and counted, never the article lost or silently garbled ------

ZH_TEXT = SAMPLES["gbk"] * 3
EN_TEXT = "Blue Origin CEO Dave Limp visited the White House on Tuesday, sources said. " * 3


def test_valid_utf8_chinese_with_one_stray_byte_is_kept_with_the_byte_counted() -> None:
    data = ZH_TEXT.encode("utf-8")
    cut = len(ZH_TEXT[:20].encode("utf-8"))  # between two characters
    decoded = decode_bytes(data[:cut] + b"\xff" + data[cut:], name="zh.txt")
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 1)
    assert decoded.text == ZH_TEXT[:20] + "\ufffd" + ZH_TEXT[20:]
    # a stray byte inside a character breaks that character: its bytes are counted too
    inside = decode_bytes(data[:cut + 1] + b"\xff" + data[cut + 1:], name="zh.txt")
    assert inside.replaced == 4 and inside.text.count("\ufffd") >= 1


@pytest.mark.parametrize("bad", [b"\x81\x8d", b"\xff\xfe", b"\xc3\xa9"[::-1], b"\x80\x9d"])
def test_latin_text_with_two_bad_bytes_is_not_mojibake(bad: bytes) -> None:
    data = EN_TEXT.encode("ascii")
    damaged = data[:20] + bad[:1] + data[20:60] + bad[1:] + data[60:]
    decoded = decode_bytes(damaged, name="en.txt")
    assert decoded.replaced == 2 and decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == EN_TEXT  # nothing else changed
    assert decoded.problem() == "2 stray bytes replaced with U+FFFD (text read as utf-8)"


def test_read_text_warns_with_the_file_name_and_the_count(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(EN_TEXT.encode()[:30] + b"\x81" + EN_TEXT.encode()[30:])
    with pytest.warns(RepairedInput, match=r"damaged\.txt: 1 stray byte replaced"):
        assert "\ufffd" in read_text(path)


def test_western_legacy_text_still_reads_as_windows_1252() -> None:
    french = "Le président a dit que les élèves étaient prêts. « Oui » — Ça va très bien."
    decoded = decode_bytes(french.encode("cp1252"))
    assert (decoded.text, decoded.encoding, decoded.replaced) == (french, "cp1252", 0)
    # UTF-8 read as Windows-1252 ("prÃ©sident") is refused: it stays UTF-8
    assert decode_bytes(french.encode("utf-8")).encoding == "utf-8"


def test_control_characters_are_stray_bytes() -> None:
    decoded = decode_bytes(b"\x1b[31mRed alert\x1b[0m and a NUL\x00 here.\n")
    assert decoded.replaced == 3 and "\x1b" not in decoded.text and "\x00" not in decoded.text
    assert decoded.text == "\ufffd[31mRed alert\ufffd[0m and a NUL\ufffd here.\n"
    tabs = decode_bytes(b"a\tb\x0cc\r\nd")  # tab, form feed and newlines are text
    assert (tabs.text, tabs.replaced) == ("a\tb\x0cc\nd", 0)


def test_a_bom_its_bytes_then_break_is_undecodable() -> None:
    data = codecs_bom() + EN_TEXT.encode() + b"\xff\xfe\x80" * 40
    with pytest.raises(BadInput, match=r"x\.txt: cannot decode as utf-8-sig \(120 of"):
        decode_bytes(data, name="x.txt")
    # a few bad bytes after a BOM are repaired like anywhere else
    assert decode_bytes(codecs_bom() + EN_TEXT.encode() + b"\xff", name="x").replaced == 1


def codecs_bom() -> bytes:
    return b"\xef\xbb\xbf"


@pytest.mark.parametrize("seed", range(6))
def test_random_high_bytes_are_not_taken_for_some_code_page(seed: int) -> None:
    rng = random.Random(seed)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(800))
    with pytest.raises(BadInput, match="binary file or unknown text encoding"):
        decode_bytes(b"Title line. " + noise, name="g")


def test_a_declared_charset_is_used_when_the_bytes_agree() -> None:
    cyrillic = SAMPLES["cp1251"].encode("cp1251")
    assert decode_bytes(cyrillic, declared="windows-1251").encoding == "windows-1251"
    # a declaration the bytes contradict is ignored, and detection reads them
    assert decode_bytes(ZH_TEXT.encode("gbk"), declared="utf-8").encoding in ("gb18030", "gbk")
    assert decode_bytes(b"plain", declared="no-such-codec").text == "plain"
