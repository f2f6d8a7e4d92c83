"""Sentence segmentation on the real news of ../shared/data/parallel, whose lines are
sentence-aligned: boundary precision and recall (benchmarks/segmentation.py scores them)
and exact spans."""

from __future__ import annotations

import sys

import pytest
from conftest import PARALLEL, REPO, parallel_docs

from provenance.segment import segment

sys.path.insert(0, str(REPO / "benchmarks"))
import segmentation as bench  # noqa: E402


@pytest.mark.parametrize("pair, name, lang, min_f1", [
    ("en-zh", "en.txt", "en", 0.9),
    ("en-zh", "zh.a.txt", "zh-cn", 0.9),
    ("uk-en", "uk.txt", "uk", 0.85),
])
def test_boundary_f1_on_real_parallel_documents(pair: str, name: str, lang: str,
                                               min_f1: float) -> None:
    total = bench.Score()
    for doc in parallel_docs(pair):
        lines = (doc / name).read_text(encoding="utf-8").splitlines()
        total.add(bench.document_score(lines, lang))
    assert total.precision >= 0.98
    assert total.f1 >= min_f1, total.errors[:10]
    assert total.punct_found / total.punct_gold >= 0.99


def test_spans_exact_on_a_real_document() -> None:
    path = PARALLEL / "uk-en" / "bbc-ukrainian.9984" / "uk.txt"
    if not path.exists():
        pytest.skip("shared data absent")
    text = path.read_text(encoding="utf-8")
    sentences = segment(text, "uk")
    assert len(sentences) >= len([line for line in text.splitlines() if line.strip()])
    for s in sentences:
        assert text[s.start:s.end] == s.text
