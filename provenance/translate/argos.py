"""The ``argos`` backend: offline neural translation with installed Argos packages.

Sentences arrive already split (by ``provenance.segment``), so each one is tokenized with
the package's SentencePiece (or BPE) model and decoded by CTranslate2 with the settings
argostranslate uses itself (beam 4, length penalty 0.2, unknowns replaced, target prefix
stripped). argostranslate's own ``translate`` module is never called: it would split the
text again with MiniSBD or stanza, which downloads models on first use. When no direct
package exists, two packages are chained through English (``ko→en`` then ``en→uk``).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from provenance.errors import ModelMissing
from provenance.translate.base import Translator
from provenance.translate.packages import (
    InstalledModel,
    argos_modules,
    find_chain,
    missing_model_message,
)

BEAM_SIZE = 4
BATCH_SIZE = 32
#: a runaway decoder (a broken or mismatched model) stops at this many target tokens
MAX_TARGET_TOKENS = 512

# Keyed by the installed package itself (folder, version and archive hash), so a package
# replaced or reinstalled under the same folder is loaded afresh without anyone telling
# this module (provenance.translate.packages, which installs them, never imports it).
_loaded: dict[InstalledModel, _LoadedModel] = {}
_loaded_lock = threading.Lock()
_loaded_pid = os.getpid()


class _LoadedModel:
    """A package's tokenizer and CTranslate2 translator, loaded once per process."""

    def __init__(self, model: InstalledModel) -> None:
        _, package = argos_modules()
        import ctranslate2  # importable whenever argostranslate is (it depends on it)

        broken = (f"the {model.from_code}→{model.to_code} model in {model.path} cannot be "
                  "loaded ({}); reinstall it with `provenance models install --replace FILE`")
        try:
            self.package = package.Package(model.path)
            if getattr(self.package, "tokenizer", None) is None:
                raise ModelMissing(broken.format("no sentencepiece.model or bpe.model"))
            self.translator = ctranslate2.Translator(
                str(model.path / "model"), device="cpu", compute_type="auto",
                inter_threads=1, intra_threads=0)
        except (OSError, RuntimeError, ValueError) as exc:
            raise ModelMissing(broken.format(exc)) from None

    def translate(self, sentences: list[str]) -> list[str]:
        out = [""] * len(sentences)
        todo = [(i, s) for i, s in enumerate(sentences) if s.strip()]
        if not todo:
            return out
        tokenizer = self.package.tokenizer
        prefix = self.package.target_prefix
        tokens = {i: tokenizer.encode(s) for i, s in todo}
        # Batches of similar length, each with its own decoding limit, so one long
        # sentence does not let a batch of short ones run on.
        order = sorted(tokens, key=lambda i: len(tokens[i]))
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first:first + BATCH_SIZE]
            longest = max(len(tokens[i]) for i in batch)
            results = self.translator.translate_batch(
                [tokens[i] for i in batch],
                target_prefix=[[prefix]] * len(batch) if prefix else None,
                replace_unknowns=True,
                max_batch_size=BATCH_SIZE,
                beam_size=BEAM_SIZE,
                num_hypotheses=1,
                length_penalty=0.2,
                max_decoding_length=min(MAX_TARGET_TOKENS, 2 * longest + 10),
            )
            for i, result in zip(batch, results, strict=True):
                value = tokenizer.decode(result.hypotheses[0])
                if prefix and value.startswith(prefix):
                    value = value[len(prefix):]
                out[i] = value.strip()
        return out


def _load(model: InstalledModel) -> _LoadedModel:
    global _loaded_pid
    with _loaded_lock:
        if _loaded_pid != os.getpid():  # CTranslate2's thread pools do not survive a fork
            _loaded.clear()
            _loaded_pid = os.getpid()
        loaded = _loaded.get(model)
        if loaded is None:
            for stale in [m for m in _loaded if m.path == model.path]:
                del _loaded[stale]  # the package this folder held before: free its memory
            loaded = _loaded[model] = _LoadedModel(model)
        return loaded


class ArgosTranslator(Translator):
    """Translates with one installed package, or two chained through English."""

    name = "argos"
    cacheable = True

    def __init__(self, src_lang: str, tgt_lang: str,
                 chain: list[InstalledModel] | None = None) -> None:
        chain = chain or find_chain(src_lang, tgt_lang)
        if not chain:
            raise ModelMissing(missing_model_message(src_lang, tgt_lang))
        self.chain = chain
        super().__init__(src_lang, tgt_lang, version="+".join(m.version for m in chain))

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        texts = sentences
        for model in self.chain:
            texts = _load(model).translate(texts)
        return texts

    def signature_fields(self) -> dict[str, Any]:
        return {**super().signature_fields(),
                "translator_models": "+".join(m.code for m in self.chain)}
