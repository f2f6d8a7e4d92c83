"""Stories joined by document vectors: an article and its translation, whatever names
and numbers they share."""

from __future__ import annotations

import numpy as np

from provenance.facts import StoryFeatures
from provenance.stories import (
    cluster_features,
    document_vectors,
    leads_pair_up,
    nearest_by_language,
    translated_leads,
)


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


DIM = 384
TOPIC = _unit(np.random.default_rng(0).normal(size=(1, DIM)))[0]


def _leads(seed: int, stories: int, size: int = 5) -> list[np.ndarray]:
    """Leads shaped like multilingual-e5's vectors: news sentences at cosines around
    0.75 with each other."""
    rng = np.random.default_rng(seed)
    return [_unit(np.sqrt(0.75) * TOPIC + np.sqrt(0.25) * _unit(rng.normal(size=(size, DIM))))
            for _ in range(stories)]


def _rendering(lead: np.ndarray, seed: int) -> np.ndarray:
    """A translation of ``lead``: cosines around 0.9 with its sentences, in order."""
    rng = np.random.default_rng(seed)
    own = lead - np.sqrt(0.75) * TOPIC
    fresh = np.sqrt(0.25) * _unit(rng.normal(size=lead.shape))
    return _unit(np.sqrt(0.75) * TOPIC + 0.6 * own + 0.8 * fresh)


def test_leads_pair_up_sentence_by_sentence_in_order():
    lead = _leads(1, 1)[0]
    assert leads_pair_up(lead, _rendering(lead, 2))
    assert not leads_pair_up(lead, _rendering(lead, 2)[::-1])  # the same sentences shuffled
    assert not leads_pair_up(lead, _leads(3, 1)[0])
    assert not leads_pair_up(lead, np.zeros((0, DIM), dtype=np.float32))


def test_nearest_by_language_looks_in_every_other_language():
    vectors = document_vectors(_leads(4, 3) + [_rendering(lead, 9) for lead in _leads(4, 3)])
    languages = ["en", "en", "en", "zh", "zh", "uk"]
    pairs = nearest_by_language(vectors, languages)
    assert {(0, 3), (1, 4), (2, 5)} <= pairs
    assert all(languages[i] != languages[j] for i, j in pairs)


def test_a_translation_joins_its_original_and_nothing_else():
    originals = _leads(5, 4)
    leads = originals + [_rendering(originals[0], 6), _rendering(originals[2], 7)]
    languages = ["en"] * 4 + ["zh-cn", "uk"]
    assert translated_leads(leads, languages) == [(0, 4), (2, 5)]
    # articles sharing no feature at all: the vectors alone join them
    empty = StoryFeatures(frozenset(), frozenset(), frozenset(), frozenset())
    groups = cluster_features([empty] * 6, leads=leads, languages=languages)
    assert sorted(groups) == [[0, 4], [1], [2, 5], [3]]
    # without vectors for an article, it stays on its own
    assert translated_leads(leads[:5] + [None], languages) == [(0, 4)]


def test_two_articles_sharing_one_number_are_two_stories():
    a = StoryFeatures(frozenset(), frozenset({"n:10", "n:58", "pct:30"}), frozenset(),
                      frozenset())
    b = StoryFeatures(frozenset(), frozenset({"n:10"}), frozenset(), frozenset())
    assert cluster_features([a, b]) == [[0], [1]]
    c = StoryFeatures(frozenset(), frozenset({"n:10", "n:58"}), frozenset(), frozenset())
    assert cluster_features([a, c]) == [[0, 1]]


def _features(*concepts: str) -> StoryFeatures:
    return StoryFeatures(frozenset(concepts), frozenset(), frozenset(), frozenset())


def test_a_commentary_no_article_joins_joins_the_story_it_resembles_several_times():
    story = ["dmz", "n:800", "n:20", "nato", "trump", "zelensky", "vance", "kellogg"]
    relays = [_features(*story), _features(*story[:7], "fleitz"), _features(*story[1:])]
    # a commentary sharing five of the story's facts among many of its own: below the
    # pair threshold (0.3) with every relay, at 0.2 or more with several of them
    own = [f"own:{n}" for n in range(12)]
    commentary = _features(*story[:5], *own)
    assert cluster_features([*relays, commentary]) == [[0, 1, 2, 3]]
    # resembling one article only is chance: it stays alone
    lone = _features("dmz", "n:800", "n:20", "nato", "fleitz", *own[:6])
    assert cluster_features([*relays[:1], _features("other", "x", "y"), lone]) == [
        [0], [1], [2]]
    # and an article no story claims more than another stays alone too
    other = [_features(*own[:4], "a", "b", "c", "d", "e") for _ in range(2)]
    torn = _features(*story[:4], *own[:4], "z1", "z2", "z3", "z4")
    groups = cluster_features([*relays[:2], *other, torn])
    assert [4] in groups
