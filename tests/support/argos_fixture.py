"""Build a tiny but real ``.argosmodel`` for tests: every loading and decoding line runs.

A SentencePiece model trained on a few lines, a one-layer CTranslate2 Transformer filled
with small seeded random weights, and a ``metadata.json``, zipped under one top folder the
way the Argos package index ships them. The translations are nonsense; the plumbing is not.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np

#: a few lines per language, enough for SentencePiece to learn a ~100-piece vocabulary
TRAINING_LINES: dict[str, list[str]] = {
    "en": [
        "Blue Origin is seeking government contracts after the split.",
        "The Wall Street Journal reported the talks on Thursday.",
        "SpaceX won 59 missions worth 5.9 billion dollars.",
        "Officials said the rocket could launch next year.",
        "The company declined to comment on the report.",
    ],
    "zh": [
        "蓝色起源正在寻求政府合同。",
        "据《华尔街日报》报道，双方周四进行了会谈。",
        "太空探索技术公司赢得了59次任务，价值59亿美元。",
        "官员表示，火箭可能在明年发射。",
        "该公司拒绝对报道发表评论。",
    ],
    "ko": [
        "블루 오리진은 정부 계약을 추진하고 있다.",
        "월스트리트저널에 따르면 양측은 목요일에 회담했다.",
        "스페이스X는 59억 달러 규모의 임무 59건을 따냈다.",
        "관계자들은 로켓이 내년에 발사될 수 있다고 말했다.",
        "회사는 보도에 대한 논평을 거부했다.",
    ],
    "uk": [
        "Blue Origin шукає урядові контракти після розриву.",
        "Про переговори в четвер повідомляє The Wall Street Journal.",
        "SpaceX виграла 59 місій вартістю 5,9 млрд доларів.",
        "Посадовці заявили, що ракета може стартувати наступного року.",
        "Компанія відмовилася коментувати повідомлення.",
    ],
}

D_MODEL = 16
FFN = 32


def _train_sentencepiece(lines: list[str], out: Path) -> list[str]:
    import sentencepiece as spm

    model = io.BytesIO()
    # Chinese needs one piece per distinct character, so the floor grows with the text.
    vocab_size = max(100, len(set("".join(lines))) + 40)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=model, vocab_size=vocab_size,
        hard_vocab_limit=False, character_coverage=1.0, model_type="unigram",
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, minloglevel=2)
    out.write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_file=str(out))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill(spec: object, vocab: int, rng: np.random.Generator) -> None:
    """Give every required weight of a CTranslate2 spec a small random value."""
    from ctranslate2.specs import model_spec

    def shape(path: str, name: str) -> tuple[int, ...] | None:
        if name in ("gamma", "beta"):
            return (D_MODEL,)
        if name != "weight":
            return None
        if "embeddings" in path or path.endswith("projection"):
            return (vocab, D_MODEL)
        if path.endswith("self_attention.linear_0"):
            return (3 * D_MODEL, D_MODEL)
        if path.endswith("attention.linear_1") and ".self_attention" not in path:
            return (2 * D_MODEL, D_MODEL)  # cross-attention keys and values
        if path.endswith("ffn.linear_0"):
            return (FFN, D_MODEL)
        if path.endswith("ffn.linear_1"):
            return (D_MODEL, FFN)
        return (D_MODEL, D_MODEL)

    def walk(layer: object, path: str) -> None:
        for name, value in list(vars(layer).items()):
            if isinstance(value, model_spec.LayerSpec):
                walk(value, f"{path}.{name}")
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, model_spec.LayerSpec):
                        walk(item, f"{path}.{name}_{i}")
            elif value is None and (dims := shape(path, name)) is not None:
                array = (np.ones(dims) if name == "gamma" else
                         np.zeros(dims) if name == "beta" else
                         rng.normal(0.0, 0.3, dims))
                setattr(layer, name, array.astype(np.float32))

    walk(spec, "model")


def build_argosmodel(out_dir: Path, from_code: str, to_code: str = "en", *,
                     package_version: str = "0.1", seed: int = 0,
                     file_name: str | None = None) -> Path:
    """Write ``translate-<from>_<to>-<version>.argosmodel`` into ``out_dir``; return it."""
    from ctranslate2.specs import TransformerSpec

    top = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    work = out_dir / f"build-{top}-{seed}" / top
    (work / "model").mkdir(parents=True, exist_ok=True)
    lines = TRAINING_LINES.get(from_code, []) + TRAINING_LINES.get(to_code, [])
    pieces = _train_sentencepiece(lines, work / "sentencepiece.model")

    spec = TransformerSpec.from_config(num_layers=1, num_heads=2)
    _fill(spec, len(pieces), np.random.default_rng(seed))
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.save(str(work / "model"))

    metadata = {
        "package_version": package_version, "argos_version": "1.11",
        "from_code": from_code, "to_code": to_code,
        "from_name": from_code, "to_name": to_code, "type": "translate",
        "name": f"tiny test model {from_code}→{to_code}",
    }
    (work / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    archive = out_dir / (file_name or f"{top}.argosmodel")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(work.rglob("*")):
            zf.write(path, path.relative_to(work.parent).as_posix())
    return archive
