"""The argos backend end to end, offline, on tiny but real packages built by the tests.

The packages translate nonsense, but installing them with the CLI, loading the
SentencePiece and CTranslate2 models, decoding, chaining through English and caching all
run the code a real zh→en package would.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from support.argos_fixture import TRAINING_LINES, build_argosmodel
from support.cli import run_cli

from provenance.errors import ModelMissing
from provenance.signature import Signature
from provenance.translate import get_translator
from provenance.translate.cache import TranslationCache


@pytest.fixture(scope="session")
def argos_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("argosmodels")
    pairs = [("zh", "en"), ("ko", "en"), ("uk", "en"), ("en", "uk")]
    return {f"{s}_{t}": build_argosmodel(out, s, t, seed=i) for i, (s, t) in enumerate(pairs)}


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def install(*files: Path) -> None:
    for file in files:
        result = run_cli("models", "install", str(file))
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("lang", "code"), [("zh-cn", "zh_en"), ("ko", "ko_en"), ("uk", "uk_en")])
def test_installed_package_translates_offline_and_is_cached(argos_files, offline, lang, code):
    install(argos_files[code])
    sentences = [*TRAINING_LINES[code[:2]][:3], "", TRAINING_LINES[code[:2]][0]]

    translator = get_translator(lang, "en")
    assert translator.name == "argos"
    assert translator.version.startswith(f"translate-{code}@0.1#")
    assert Signature(translator.signature_fields()).to_dict()["translator_models"] == code

    first = translator.translate(sentences)
    assert len(first) == len(sentences)
    assert all(isinstance(t, str) and t for i, t in enumerate(first) if i != 3)
    assert first[3] == "" and first[4] == first[0]
    assert translator.computed == 4  # the repeated sentence was translated once

    again = get_translator(lang, "en")  # a new translator, as in a second analysis run
    assert again.translate(sentences) == first
    assert again.computed == 0  # everything came from the on-disk cache
    assert TranslationCache().count("argos") == 4
    # argostranslate.translate (stanza, MiniSBD downloads) is never needed
    assert "argostranslate.translate" not in sys.modules


def test_auto_prefers_argos_only_for_covered_pairs(argos_files):
    install(argos_files["zh_en"])
    assert get_translator("zh-cn", "en").name == "argos"
    assert get_translator("zh-tw", "en").name == "argos"  # falls back on the zh model
    assert get_translator("ko", "en").name == "gloss"
    with pytest.raises(ModelMissing, match="translate-ko_en-"):
        get_translator("ko", "en", "argos")


def test_pivot_through_english(argos_files, offline):
    install(argos_files["ko_en"], argos_files["en_uk"])
    translator = get_translator("ko", "uk", "argos")
    assert [m.code for m in translator.chain] == ["ko_en", "en_uk"]
    assert "+" in translator.version
    out = translator.translate(TRAINING_LINES["ko"][:2])
    assert len(out) == 2 and all(out)


def test_removed_model_is_no_longer_used(argos_files):
    install(argos_files["uk_en"])
    assert get_translator("uk", "en").translate(["Компанія відмовилася."])
    result = run_cli("models", "remove", "uk-en")
    assert result.exit_code == 0, result.output
    assert get_translator("uk", "en").name == "gloss"



def test_a_replaced_model_is_loaded_afresh(argos_files, tmp_path):
    from support.argos_fixture import build_argosmodel

    from provenance.translate import argos

    install(argos_files["zh_en"])
    sentences = TRAINING_LINES["zh"][:2]
    first = get_translator("zh-cn", "en", use_cache=False)
    before = first.translate(sentences)
    other = build_argosmodel(tmp_path, "zh", "en", package_version="0.2", seed=11)
    result = run_cli("models", "install", "--replace", str(other))
    assert result.exit_code == 0, result.output
    second = get_translator("zh-cn", "en", use_cache=False)
    assert second.version != first.version
    after = second.translate(sentences)
    (model,) = [m for m in argos._loaded if m.path == second.chain[0].path]
    assert model == second.chain[0]  # the old package was dropped, the new one loaded
    assert after != before

LEAN_SCRIPT = r"""
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"stanza", "torch", "minisbd", "spacy"}:
            raise ImportError(f"{name} is blocked: a lean install does not have it")

sys.meta_path.insert(0, Block())
from provenance.translate import get_translator
from provenance.translate.packages import install_model

install_model(sys.argv[1])
translator = get_translator("uk", "en")
print(translator.name, len(translator.translate(["Компанія відмовилася.", "SpaceX"])))
"""


def test_argos_backend_needs_neither_stanza_nor_torch(argos_files, tmp_path):
    """The lean install (argostranslate --no-deps + ctranslate2 + sentencepiece) works."""
    import os
    import subprocess

    user_home = tmp_path / "user"
    user_home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_"))}
    env.update(PROVENANCE_HOME=str(tmp_path / "home"), HOME=str(user_home))
    done = subprocess.run([sys.executable, "-c", LEAN_SCRIPT, str(argos_files["uk_en"])],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["argos", "2"]
    # argostranslate's own folders went under PROVENANCE_HOME, not the user's home
    assert list(user_home.rglob("*argos*")) == []


def test_a_damaged_installed_model_gives_a_clear_error(argos_files):
    from provenance import paths

    install(argos_files["zh_en"])
    (paths.argos_packages_dir() / "zh_en" / "model" / "model.bin").write_bytes(b"garbage")
    translator = get_translator("zh-cn", "en")
    with pytest.raises(ModelMissing, match=r"zh→en model .* cannot be loaded .* --replace"):
        translator.translate(["蓝色起源正在寻求政府合同。"])
