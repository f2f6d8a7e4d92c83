"""Toy sentence vectors for alignment tests: a text's vector is the topics it names
("alpha", "beta"...), so which sentences render which is set by the test's words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from provenance.align.embedding import RunVectors

TOPICS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


def topic_embed(texts: Sequence[str]) -> np.ndarray:
    """A text's vector is the topics it names, plus a little of what all texts share."""
    out = np.full((len(texts), len(TOPICS)), 0.05, dtype=np.float32)
    for r, text in enumerate(texts):
        for k, topic in enumerate(TOPICS):
            out[r, k] += text.lower().count(topic)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def topic_runs(src: list[str], tgt: list[str]) -> tuple[RunVectors, RunVectors]:
    """Run vectors (single sentences and pairs) of both sides, every sentence kept."""
    return (RunVectors.build(src, "en", np.ones(len(src), dtype=bool), [1, 2], topic_embed),
            RunVectors.build(tgt, "en", np.ones(len(tgt), dtype=bool), [1, 2], topic_embed))
