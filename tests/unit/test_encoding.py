"""Decoding article files: legacy encodings, BOMs, empty and binary files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from provenance.encoding import decode, read_text
from provenance.errors import BadInput

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
