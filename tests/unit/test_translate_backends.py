"""The identity and file backends, and how get_translator chooses a backend."""

from __future__ import annotations

import json

import pytest

from provenance.errors import BadInput, ModelMissing
from provenance.signature import Signature
from provenance.translate import get_translator

ZH = ["蓝色起源正在寻求政府合同。", "据《华尔街日报》报道，双方周四进行了会谈。"]
EN = ["Blue Origin is seeking government contracts.", "The WSJ reported talks on Thursday."]


def test_identity_for_the_same_language():
    translator = get_translator("en", "en-US")
    assert translator.name == "identity"
    assert translator.translate(EN) == EN
    assert get_translator("zh-cn", "zh-tw").name == "identity"
    assert str(Signature(translator.signature_fields())).startswith("translator:identity|")


def test_auto_without_models_is_gloss():
    translator = get_translator("zh-cn", "en")
    assert translator.name == "gloss"
    assert "gloss" in translator.describe() and "zh-cn→en" in translator.describe()


def test_argos_without_a_model_says_what_to_install():
    with pytest.raises(ModelMissing) as err:
        get_translator("zh-cn", "en", "argos")
    assert str(err.value) == (
        "no argos model for zh→en: download translate-zh_en-*.argosmodel from the Argos "
        "package index on a connected machine and run `provenance models install FILE`")


def test_unknown_kind():
    with pytest.raises(BadInput, match="unknown translator 'deepl'"):
        get_translator("zh", "en", "deepl")


def test_file_one_line_per_sentence(tmp_path):
    path = tmp_path / "zh.en.txt"
    path.write_text("\n".join(EN) + "\n", encoding="utf-8")
    translator = get_translator("zh-cn", "en", "file", translation_file=path)
    assert translator.translate(ZH) == EN
    assert translator.signature_fields()["translator"] == "file"
    with pytest.raises(BadInput, match="2 translation lines for 3 source sentences"):
        translator.translate([*ZH, "第三句。"])


def test_file_json_mapping_ignores_spacing(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps(dict(zip(ZH, EN, strict=True)), ensure_ascii=False),
                    encoding="utf-8")
    translator = get_translator("zh-cn", "en", "file", translation_file=path)
    # order and repeats follow the request; a stray space or full-width form still matches
    assert translator.translate([ZH[1], " " + ZH[0], ZH[1]]) == [EN[1], EN[0], EN[1]]
    with pytest.raises(BadInput, match="no translation for 1 of 1 sentences"):
        translator.translate(["没有的句子。"])


def test_file_tsv_mapping(tmp_path):
    path = tmp_path / "map.tsv"
    path.write_text("".join(f"{z}\t{e}\n" for z, e in zip(ZH, EN, strict=True)),
                    encoding="utf-8")
    assert get_translator("zh", "en", "file", translation_file=path).translate(ZH[:1]) == EN[:1]


def test_file_version_follows_content(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("a\nb\n", encoding="utf-8")
    first = get_translator("zh", "en", "file", translation_file=path).version
    path.write_text("a\nc\n", encoding="utf-8")
    assert get_translator("zh", "en", "file", translation_file=path).version != first


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.json", b"{not json", "invalid JSON"),
    ("bad.json", b"[1, 2]", "expected a JSON object"),
    ("bad.tsv", "没有制表符\n".encode(), "expected 'source<TAB>translation'"),
    ("bad.txt", b"\xff\xfe\x00\x00binary", "not UTF-8"),
])
def test_file_bad_input(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInput, match=message):
        get_translator("zh", "en", "file", translation_file=path)


def test_file_missing_or_not_given(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        get_translator("zh", "en", "file", translation_file=tmp_path / "nope.txt")
    with pytest.raises(BadInput, match="needs a translation file"):
        get_translator("zh", "en", "file")
