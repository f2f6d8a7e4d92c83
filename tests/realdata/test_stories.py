"""Story clustering: two real stories apart, MinHash estimates, LSH recall."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CORPORA, SEEDS

from provenance.corpus import article_from_text, load_corpus
from provenance.facts import StoryFeatures, quantity_key
from provenance.glossary import default_glossary
from provenance.stories import (
    band_entries,
    candidates_from_entries,
    cluster_features,
    cluster_stories,
    lsh_candidates,
    minhash_signatures,
)

SECOND_STORY = CORPORA / "second_story"


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def test_seeds_and_second_story_are_two_stories(glossary):
    articles = load_corpus([SEEDS, SECOND_STORY])
    clusters = cluster_stories(articles, glossary)
    assert sorted(sorted(c) for c in clusters) == sorted([
        sorted(a.id for a in articles if a.id[0].isdigit()),
        sorted(a.id for a in articles if not a.id[0].isdigit()),
    ])


def test_unrelated_article_is_its_own_story(glossary):
    articles = load_corpus([SECOND_STORY]) + [article_from_text(
        "The city council approved a new bicycle lane on Main Street after a long debate. "
        "Work starts in spring and will take eight weeks.", id="bike", lang="en")]
    clusters = cluster_stories(articles, glossary)
    assert ["bike"] in clusters
    assert len(clusters) == 2


def test_minhash_estimates_jaccard():
    a = {f"f{i}" for i in range(100)}
    b = {f"f{i}" for i in range(50, 150)}  # Jaccard 1/3
    sig = minhash_signatures([a, b, a, set()])
    estimate = float(np.mean(sig[0] == sig[1]))
    assert abs(estimate - 1 / 3) < 0.15
    assert (sig[0] == sig[2]).all()
    assert (sig[3] == np.iinfo(np.uint64).max).all()


def test_minhash_chunking_does_not_change_signatures():
    sets = [{f"s{j}-{i}" for i in range(j % 7 + 1)} for j in range(50)]
    assert (minhash_signatures(sets) == minhash_signatures(sets, chunk_features=5)).all()


def test_lsh_finds_similar_and_skips_disjoint():
    base_set = {f"x{i}" for i in range(20)}
    near = set(list(base_set)[:16]) | {"y1", "y2", "y3", "y4"}
    other = {f"z{i}" for i in range(20)}
    pairs = lsh_candidates(minhash_signatures([base_set, near, other]), bands=32)
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs


def test_cluster_features_synthetic_stories():
    rng = np.random.default_rng(1)
    features = []
    truth = []
    for story in range(30):
        vocab = [f"c{story}-{i}" for i in range(15)]
        for _ in range(5):
            picked = frozenset(rng.choice(vocab, size=10, replace=False))
            features.append(StoryFeatures(picked, frozenset(), frozenset(), frozenset()))
            truth.append(story)
    clusters = cluster_features(features)
    assert len(clusters) == 30
    for group in clusters:
        assert len({truth[i] for i in group}) == 1


@pytest.mark.parametrize(("args", "key"), [
    (("money", 4.5e9, "EUR", None), "money:4.5e+09:EUR"),
    (("count", 3.0, None, None), None),
    (("percent", 70.0, None, None), "pct:70"),
    (("ordinal", 13.0, None, None), "ord:13"),
    (("date", None, None, "2025-03-12"), "date:2025-03-12"),
    (("date", None, None, "--02-08"), "date:--02-08"),
    (("date", None, None, "--01"), None),  # a month alone: every story of the season
    (("ordinal", 1.0, None, None), None),  # "the first"
    (("number", 130.0, None, None), "n:130"),
])
def test_quantity_key(args, key):
    assert quantity_key(*args) == key


def test_band_keys_grouped_in_parts_give_the_same_candidates():
    """The shuffle the Dask engine makes: band keys of parts of the corpus, gathered in
    any order, find the pairs the whole corpus's keys find."""
    rng = np.random.default_rng(5)
    sets = []
    for story in range(120):
        vocab = [f"c{story}-{i}" for i in range(12)] + [f"common{i}" for i in range(4)]
        for _ in range(int(rng.integers(1, 5))):
            sets.append(set(rng.choice(vocab, size=int(rng.integers(0, 10)), replace=False)))
    signatures = minhash_signatures(sets)
    whole = lsh_candidates(signatures, bands=32)
    assert whole, "the corpus has candidates"
    parts = [band_entries(signatures[i:i + 37], 32, offset=i)
             for i in range(0, len(signatures), 37)]
    rng.shuffle(parts)
    buckets = [np.concatenate([p[p[:, 1] % 3 == b] for p in parts]) for b in range(3)]
    assert set().union(*map(candidates_from_entries, buckets)) == whole
    assert candidates_from_entries(np.concatenate(parts)) == whole


def test_features_common_to_a_large_corpus_do_not_chain_its_stories(monkeypatch):
    """Every article names the same two things (a leader, a year): in a large corpus of
    stories of two articles, they would join everything into one story; what each story
    names alone keeps them apart."""
    import provenance.stories as stories

    monkeypatch.setattr(stories, "COMMON_CORPUS", 100)  # 120 articles stand for 5,000+
    monkeypatch.setattr(stories, "COMMON_ARTICLES", 10)
    features = []
    for story in range(60):
        for _ in range(2):
            entities = frozenset({f"s{story}-a", f"s{story}-b", "vladimir-putin", "date:2024"})
            features.append(StoryFeatures(entities, frozenset(), frozenset(), b""))
    clusters = cluster_features(features)
    assert len(clusters) == 60 and {len(c) for c in clusters} == {2}
    # a smaller corpus is most often one story: shared names still join
    few = [StoryFeatures(frozenset({"vladimir-putin", "date:2024", f"x{i}"}), frozenset(),
                         frozenset(), b"") for i in range(4)]
    assert len(cluster_features(few)) == 1
    monkeypatch.setattr(stories, "COMMON_CORPUS", 5_000)
    assert len(cluster_features(features)) == 1, "below the size, nothing is common"
