"""Text reuse between two articles: copied sentences, rendered sentences, candidates."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from provenance.corpus import article_from_text
from provenance.facts import article_facts
from provenance.model import Article
from provenance.reuse import (
    REUSE_MIN,
    _increasing,
    candidate_pairs,
    compare,
    copied_sentences,
    find_reuse,
    rendered_sentences,
)

STORY = ["The ministry said on Monday that 40 trucks crossed the border at dawn.",
         "Officials expect another convoy of 25 trucks by Friday evening.",
         "The crossing had been closed for three weeks after the floods.",
         "Local traders welcomed the news but warned that prices would stay high.",
         "A spokesman declined to say who would pay for the repairs."]


def _article(lines: list[str], article_id: str, lang: str = "en", **meta) -> Article:
    return article_from_text("\n".join(lines), id=article_id, lang=lang, **meta)


def test_copied_sentences_pair_texts_written_alike_in_order():
    copy = [STORY[0].replace("Monday", "Monday,"), "Unrelated line about the weather today.",
            STORY[1], STORY[3], STORY[2]]
    assert copied_sentences(STORY, copy) == [(0, 0), (1, 2), (3, 3)]
    assert copied_sentences(STORY, ["Nothing in common with the story at all."]) == []


def test_increasing_keeps_the_longest_run_in_reading_order():
    assert _increasing([(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)]) == \
        [(0, 0), (2, 1), (3, 2), (4, 3)]
    assert _increasing([]) == []


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


DIM = 384
TOPIC = _unit(np.random.default_rng(0).normal(size=(1, DIM)))[0]


def _sentences(n: int, rng: np.random.Generator) -> np.ndarray:
    """Vectors shaped like multilingual-e5's: news sentences of one topic at cosines
    around 0.75 with each other."""
    return _unit(np.sqrt(0.75) * TOPIC + np.sqrt(0.25) * _unit(rng.normal(size=(n, DIM))))


def _translated(vectors: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Their translations: cosines around 0.9 with the sentence each renders."""
    own = vectors - np.sqrt(0.75) * TOPIC
    fresh = np.sqrt(0.25) * _unit(rng.normal(size=vectors.shape))
    return _unit(np.sqrt(0.75) * TOPIC + 0.6 * own + 0.8 * fresh)


def test_rendered_sentences_follow_the_vectors_that_stand_out():
    rng = np.random.default_rng(5)
    source = _sentences(8, rng)
    # a translation: one source sentence dropped, one sentence added
    kept = [0, 1, 2, 4, 5, 6, 7]
    rendering = np.vstack([_translated(source[kept[:3]], rng), _sentences(1, rng),
                           _translated(source[kept[3:]], rng)])
    found = rendered_sentences(source, rendering)
    assert found == [(0, 0), (1, 1), (2, 2), (4, 4), (5, 5), (6, 6), (7, 7)]
    assert len(rendered_sentences(source, _sentences(8, rng))) < REUSE_MIN


def test_an_unattributed_copy_is_reuse_with_the_paragraph_it_left_out():
    source = _article(STORY, "source")
    copy = _article([STORY[0], STORY[1], STORY[3], STORY[4]], "copy")
    reuse = compare(article_facts(source, None), article_facts(copy, None))
    assert reuse is not None and reuse.kind == "copy"
    assert reuse.matched == ((0, 0), (1, 1), (3, 2), (4, 3))
    assert reuse.gaps == (1, 0)  # the source holds a sentence between the copied ones
    assert reuse.share == 1.0


def test_two_re_reports_sharing_one_quote_are_no_reuse():
    a = _article(STORY[:2] + ["Analysts in the capital called the move overdue and costly.",
                              "The opposition asked for an inquiry into the delays."], "a")
    b = _article([STORY[1], "Residents queued for hours to buy fuel on Tuesday morning.",
                  "Schools in the region will reopen next week, the mayor said.",
                  "Rain is forecast again for the weekend in the north."], "b")
    assert compare(article_facts(a, None), article_facts(b, None)) is None


@dataclass
class _Facts:
    """What compare reads of an article's facts, with vectors given by the test."""

    article: Article
    vectors: np.ndarray

    def sentence_vectors(self) -> np.ndarray:
        return self.vectors


def test_a_translation_must_render_much_of_both_articles():
    rng = np.random.default_rng(11)
    english = _article(STORY, "en")
    ukrainian = _article([f"Речення {i} українською мовою про цю подію." for i in range(5)],
                         "uk", lang="uk")
    source = _sentences(5, rng)
    close = _translated(source, rng)
    reuse = compare(_Facts(english, source), _Facts(ukrainian, close))  # type: ignore[arg-type]
    assert reuse is not None and reuse.kind == "translation" and len(reuse.matched) == 5
    # a longer article three of whose ten sentences another renders: no translation of it
    longer = _article(STORY + [s.replace("the", "a") for s in STORY], "long")
    ten = np.vstack([source[:3], _sentences(7, rng)])
    three = _article(["Перше речення тут.", "Друге речення тут.", "Третє речення тут."],
                     "three", lang="uk")
    assert compare(_Facts(longer, ten), _Facts(three, close[:3])) is None  # type: ignore[arg-type]


def test_candidates_are_same_language_articles_sharing_shingles():
    source, copy = _article(STORY, "source"), _article(STORY[1:], "copy")
    other = _article(["A different story about a football match in the rain.",
                      "The home side won three to one after extra time."], "other")
    facts = [article_facts(a, None) for a in (source, copy, other)]
    assert candidate_pairs(facts) == [(0, 1)]
    found = find_reuse(facts)
    assert [(r.first, r.second) for r in found] == [("source", "copy")]
