"""Boilerplate separation on real text: the seeds' notices and trailing headlines, and
the DW articles of ../shared/data/parallel."""

from __future__ import annotations

from conftest import SEEDS, parallel_docs

from provenance.boilerplate import split_boilerplate
from provenance.segment import segment


def seed_body(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.md"))
    return path.read_text(encoding="utf-8").split("---", 2)[2]


def test_seed_000_disclaimer() -> None:
    body, blocks = split_boilerplate(seed_body("000"))
    assert [(b.reason, b.text) for b in blocks] == [(
        "disclaimer",
        "The picture is from the Internet.\n"
        "If there is any infringement, please contact the platform to delete it.",
    )]
    assert body.endswith("to win government orders.")


def test_seed_003_copyright() -> None:
    body, blocks = split_boilerplate(seed_body("003"))
    assert [b.reason for b in blocks] == ["copyright"]
    assert blocks[0].text.startswith("© The Asia Business Daily")
    assert body.endswith("which the White House has proposed NASA pursue.")


def test_seed_004_unrelated_headlines_and_no_article_sentence_lost() -> None:
    raw = seed_body("004")
    body, blocks = split_boilerplate(raw)
    assert [b.reason for b in blocks] == ["unrelated-headlines"]
    headlines = blocks[0].text.splitlines()
    assert headlines[0].startswith("Mizuho Raises Broadcom")
    assert headlines[-1].startswith("International Stabilization Force for Gaza")
    assert len(headlines) == 17
    # Every sentence of the story stays in the body.
    assert len(segment(body, "en")) == 11


def test_seeds_without_boilerplate_are_untouched() -> None:
    for name in ("001", "002"):
        raw = seed_body(name)
        body, blocks = split_boilerplate(raw)
        assert blocks == []
        assert body == raw.strip()


def test_real_dw_and_bbc_articles_lose_the_same_lines_in_both_languages() -> None:
    """A Ukrainian original and its English translation lose the same lines: their
    read-also links, and the subheadings, labels and photo credits between paragraphs."""
    counts = {}
    for doc in parallel_docs("uk-en"):
        for name in ("uk.txt", "en.a.txt"):
            text = (doc / name).read_text(encoding="utf-8")
            body, blocks = split_boilerplate(text)
            assert {b.reason for b in blocks} <= {
                "related-links", "subheading", "label", "caption", "timestamp",
                "page-chrome"}, (doc.name, blocks)
            for b in blocks:
                if b.reason == "related-links":
                    assert b.text.startswith(("Read also:", "Читайте також:"))
            counts[(doc.name, name)] = [b.reason for b in blocks]
            assert len(body.splitlines()) + sum(len(b.text.splitlines()) for b in blocks) \
                == len(text.strip().splitlines())
    for doc in parallel_docs("uk-en"):
        assert counts[(doc.name, "uk.txt")] == counts[(doc.name, "en.a.txt")], doc.name
    assert sum(reasons.count("related-links") for reasons in counts.values()) >= 20
