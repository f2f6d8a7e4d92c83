"""Corpus ingest of the seeds: languages, boilerplate, front matter and paragraphs."""

from __future__ import annotations

from conftest import SEEDS
from support.article_checks import check_spans

from provenance.corpus import load_corpus


def test_seeds_are_five_english_articles_with_boilerplate_separated() -> None:
    articles = load_corpus([SEEDS])
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.md"))
    assert len(articles) == 5
    for a in articles:
        assert (a.language, a.declared_language) == ("en", "en")
        assert a.language_confidence > 0.9
        check_spans(a)
    by_id = {a.id[:3]: a for a in articles}
    # 000: the platform disclaimer; 003: the copyright line; 004: the appended headlines.
    assert [b.reason for b in by_id["000"].boilerplate] == ["disclaimer"]
    assert "picture is from the Internet" in by_id["000"].boilerplate[0].text
    assert "Internet" not in by_id["000"].text
    assert [b.reason for b in by_id["003"].boilerplate] == ["copyright"]
    assert "©" not in by_id["003"].text
    assert [b.reason for b in by_id["004"].boilerplate] == ["unrelated-headlines"]
    assert len(by_id["004"].boilerplate[0].text.splitlines()) == 17
    assert "Mizuho" not in by_id["004"].text
    assert by_id["004"].text.endswith("in the private space sector.")
    assert not by_id["001"].boilerplate and not by_id["002"].boilerplate
    # Front matter: known fields to attributes, the rest to metadata.
    assert by_id["000"].published == "2025-06-27"
    assert by_id["000"].title.startswith("Bezos wants to compete")
    assert by_id["002"].metadata["dateline"] == "26 June 17:15"
    assert by_id["003"].outlet == "The Asia Business Daily"
    assert by_id["001"].outlet is None and by_id["001"].url is None


def test_paragraphs_follow_the_text() -> None:
    seed = next(a for a in load_corpus([SEEDS]) if a.id.startswith("000"))
    assert max(s.paragraph for s in seed.sentences) == 5
    assert seed.sentences[0].paragraph == 0 and seed.sentences[-1].paragraph == 5
