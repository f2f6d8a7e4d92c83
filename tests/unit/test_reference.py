"""The reference of a story: asked for, stored, the cited original, or the best witness,
with reasons and runner-up; and the store keeping it for a corpus."""

from __future__ import annotations

from pathlib import Path

from support.analysis_factory import article_from_lines

from provenance.collation import collate
from provenance.derivation import analyze_provenance
from provenance.facts import corpus_facts
from provenance.glossary import default_glossary
from provenance.pipeline import analyze_corpus, stored_reference
from provenance.reference import choose_reference, is_opinion, is_summary
from provenance.store import Store

GLOSSARY = default_glossary()

FACTS = [
    "Dave Limp spoke with President Donald Trump at least twice in June.",
    "SpaceX won a $5.9 billion contract from the Space Force in April.",
    "Blue Origin received $2.4 billion for seven missions.",
]
#: the same facts as three relays word them (near-identical texts would be one witness)
WORDINGS = [
    ["In June, Blue Origin's Dave Limp talked to Donald Trump at least twice.",
     "In April the Space Force handed SpaceX a contract worth $5.9 billion.",
     "Seven missions went to Blue Origin, for $2.4 billion."],
    ["Limp held at least twice phone talks with the president, Donald Trump, in June.",
     "The Space Force gave SpaceX $5.9 billion in April, the larger share.",
     "For its seven missions Blue Origin got just $2.4 billion."],
    ["Trump and Dave Limp spoke at least twice during June, people familiar said.",
     "SpaceX took $5.9 billion of Space Force work in April.",
     "Blue Origin's share came to $2.4 billion across seven missions."],
]
SOURCE = "The Wall Street Journal"


def relay(article_id: str, lines: list[str], **fields: object) -> object:
    return article_from_lines(article_id, lines, "en", **fields)


def cited(lines: list[str], source: str = SOURCE) -> list[str]:
    """Facts as a relay writes them: attributed to its source."""
    return [f"According to {source}, {line}" if k % 2 else f"{line[:-1]}, {source} reported."
            for k, line in enumerate(lines)]


def relays(count: int = 3) -> list:
    return [relay(f"r{n}", cited(WORDINGS[n]), published=f"2025-06-2{6 + n}")
            for n in range(count)]


def choose(story: list, **kwargs: object):
    facts = corpus_facts(story, GLOSSARY)
    provenance = analyze_provenance(story, [], GLOSSARY, facts)[0]
    collation = collate([story], GLOSSARY, provenance=provenance, vectors=False)
    return choose_reference(0, story, facts=facts, provenance=provenance,
                            collation=collation, glossary=GLOSSARY, **kwargs)


def test_the_cited_outlet_in_the_corpus_is_the_reference():
    original = relay("wsj", FACTS, outlet="The Wall Street Journal", published="2025-06-26")
    choice = choose(relays() + [original])
    assert (choice.article_id, choice.how) == ("wsj", "cited original")
    assert "published by The Wall Street Journal" in choice.reasons[0]
    assert choice.runner_up and choice.runner_up.startswith("r")


def test_a_paste_carrying_the_originals_link_is_the_reference():
    paste = relay("paste", ["Posted by a reader:", "https://www.wsj.com/politics/bezos-trump-1a2b",
                            *FACTS])
    choice = choose(relays() + [paste])
    assert (choice.article_id, choice.how) == ("paste", "cited original")
    assert "www.wsj.com" in choice.reasons[0]


def test_an_unattributed_text_stating_what_others_attribute_is_the_original():
    syndicated = relay("copy", FACTS)  # the facts, without saying whose they are
    choice = choose(relays() + [syndicated])
    assert (choice.article_id, choice.how) == ("copy", "cited original")
    assert "other articles attribute to The Wall Street Journal" in choice.reasons[0]


def test_otherwise_the_best_witness_with_reasons_and_runner_up():
    story = relays()
    # one relay cites the root through an intermediary: it comes after the others
    story[0] = relay("r0", cited(WORDINGS[0], "Kommersant, citing The Wall Street Journal"),
                     published="2025-06-25")
    choice = choose(story)
    assert choice.how == "best witness"
    assert choice.article_id != "r0"
    assert any("claims" in reason for reason in choice.reasons)
    assert any("cites The Wall Street Journal directly" in r for r in choice.reasons)
    assert choice.runner_up is not None and choice.runner_up_reasons


def test_a_copy_of_another_witness_comes_after_the_text_it_was_made_from():
    # r3 pastes r1 and adds a fact that r0 and r2 carry too: it states the most claims and
    # is published before r0 and r2, yet the story holds the text it was made from
    extra = ["Blue Origin will launch New Glenn again in July, officials said.",
             "Officials said New Glenn flies again in July for Blue Origin.",
             "Blue Origin plans its next New Glenn flight for July, officials said."]
    story = [relay("r0", [*cited(WORDINGS[0]), extra[0]], published="2025-06-29"),
             relay("r1", cited(WORDINGS[1]), published="2025-06-27"),
             relay("r2", [*cited(WORDINGS[2]), extra[2]], published="2025-06-30"),
             relay("r3", [*cited(WORDINGS[1]), extra[1]], published="2025-06-28")]
    facts = corpus_facts(story, GLOSSARY)
    provenance = analyze_provenance(story, [], GLOSSARY, facts)[0]
    assert provenance["r3"].origin_article == "r1"
    choice = choose(story)
    assert choice.article_id == "r0"
    assert choice.runner_up == "r2"


def test_a_requested_or_stored_reference_wins_and_names_the_automatic_one():
    story = relays()
    asked = choose(story, requested="r2")
    assert (asked.article_id, asked.how) == ("r2", "requested")
    stored = choose(story, stored="r1")
    assert (stored.article_id, stored.how) == ("r1", "stored")
    assert "--reference auto" in stored.reasons[0]


def test_summaries_and_opinion_pieces_are_told_apart():
    bullets = relay("digest", ["Key points:", "- Limp met Trump.", "- SpaceX got $5.9bn.",
                               "- Blue Origin got $2.4bn."])
    assert is_summary(bullets)
    assert not is_summary(relays()[0])
    opinion = relay("op", ["I think the deal is a mistake.", "In my view, Bezos is right.",
                           *FACTS])
    assert is_opinion(opinion)
    assert not is_opinion(relays()[0])


def test_the_store_keeps_a_reference_per_corpus(tmp_path: Path):
    store = Store(tmp_path / "s.sqlite")
    assert store.get_reference("/corpus/a") is None
    store.set_reference("/corpus/a", "x")
    store.set_reference("/corpus/b", "y")
    store.set_reference("/corpus/a", "z")
    assert (store.get_reference("/corpus/a"), store.get_reference("/corpus/b")) == ("z", "y")
    store.forget_reference("/corpus/a")
    assert store.get_reference("/corpus/a") is None
    assert Store(tmp_path / "s.sqlite").get_reference("/corpus/b") == "y"  # on disk


def test_a_reference_asked_for_once_is_used_until_auto(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, lines in enumerate(WORDINGS):
        (corpus / f"r{n}.txt").write_text("\n".join(cited(lines)), encoding="utf-8")
    store = Store(tmp_path / "s.sqlite")
    first = analyze_corpus([corpus], store=store, mode="monotonic")
    other = next(a.id for a in first.articles if a.id != first.reference_id)
    asked = analyze_corpus([corpus], reference=other, store=store, mode="monotonic")
    assert asked.reference_id == other and asked.references[0].how == "requested"
    assert stored_reference([corpus], store) == other
    again = analyze_corpus([corpus], store=store, mode="monotonic")  # told nothing
    assert again.reference_id == other and "reference:" + other in str(again.signature)
    back = analyze_corpus([corpus], reference="auto", store=store, mode="monotonic")
    assert back.reference_id == first.reference_id
    assert stored_reference([corpus], store) is None


def test_the_cited_original_does_not_depart_from_its_relays():
    from provenance.reference import judge_story

    # the original says "spoke"; three independent relays all say "met": the relays
    # drifted together, the original did not depart from them
    met = [[line.replace("talked to", "met").replace("phone talks with", "meetings with")
            .replace("spoke", "met") for line in wording] for wording in WORDINGS]
    story = [relay(f"r{n}", cited(met[n]), published=f"2025-06-2{6 + n}") for n in range(3)]
    story.append(relay("wsj", FACTS, published="2025-06-26"))  # syndicated, unattributed
    facts = corpus_facts(story, GLOSSARY)
    provenance = analyze_provenance(story, [], GLOSSARY, facts)[0]
    choice, collation = judge_story(0, story, facts=facts, provenance=provenance,
                                    glossary=GLOSSARY)
    assert (choice.article_id, choice.how) == ("wsj", "cited original")
    assert collation is not None and collation.claims
    assert not collation.departures_of("wsj", duplicates=True)
