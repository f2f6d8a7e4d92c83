"""Collation: claims across witnesses, the consensus of independent ones, departures.

Stories are written here by hand (English, no sentence vectors): what must hold is the
rule, whatever the story.
"""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.collation import collate
from provenance.collation.consensus import ClaimWitnesses, Collator, shown_first
from provenance.collation.readings import WitnessReading, refines
from provenance.collation.shared import mark_duplicates, mark_repeats, shared_edges
from provenance.drift import default_detectors
from provenance.facts import sentence_facts
from provenance.glossary import default_glossary
from provenance.model import (
    Alignment,
    Collation,
    CorpusAnalysis,
    Departure,
    DerivationEdge,
    Finding,
    PairAnalysis,
)
from provenance.signature import Signature

GLOSSARY = default_glossary()

#: each witness's own wording around the claim (copies share theirs: see below)
OTHER_NEWS = [
    "Markets in Asia closed higher on Tuesday after a quiet session in Europe.",
    "The weather service expects heavy rain along the northern coast this weekend.",
    "A new museum of modern design opened its doors to visitors in the old harbour.",
    "Local officials approved the budget for road repairs after a long debate.",
    "The national football team named three new players for the autumn friendlies.",
    "Researchers described a rare orchid found on a remote mountain slope.",
    "Train services resumed after engineers repaired a damaged signal box overnight.",
    "A bakery chain announced plans to open forty shops in the south by spring.",
    "Fishermen reported the largest catch of herring in a decade off the western isles.",
    "The city library will extend its opening hours during the exam season.",
    "An amateur astronomer photographed a comet passing close to the moon.",
    "Volunteers planted two thousand trees along the river banks on Saturday.",
    "The ferry operator added a night crossing to meet summer demand.",
    "A chess prodigy aged eleven won the regional championship without losing a game.",
]


def witness(article_id: str, claim: str, *, published: str = "2025-03-04") -> object:
    """An English article: a line of its own, its form of the claim, another line."""
    n = sum(map(ord, article_id))
    # two lines of its own: witnesses that share a line would be copies of one another
    return article_from_lines(article_id, [OTHER_NEWS[2 * (n % 7)], claim,
                                           OTHER_NEWS[2 * (n % 7) + 1]], "en",
                              published=published)


def departures_of(collation, article_id: str) -> list[Departure]:
    return collation.departures_of(article_id, duplicates=True)


CONTACT_LINES = [
    "Minister Dave Limp spoke with President Donald Trump at least twice in June.",
    "Dave Limp also spoke with Donald Trump at least twice in June, officials said.",
    "In June Dave Limp spoke with President Trump at least twice.",
    "According to officials, Dave Limp spoke with Donald Trump at least twice in June.",
    "Minister Dave Limp met with President Donald Trump at least twice in June.",
]


@pytest.fixture(scope="module")
def contact_story():
    """Four witnesses say the minister spoke with the president at least twice; one
    says they met."""
    return [witness(x, text) for x, text in zip("abcde", CONTACT_LINES, strict=True)]


def test_a_witness_that_departs_from_the_independent_witnesses_is_reported(contact_story):
    collation = collate([contact_story], GLOSSARY, vectors=False)
    claim = next(c for c in collation.claims if c.reading_of("e") is not None
                 and "twice" in c.text)
    assert {r.article_id for r in claim.readings} == set("abcde")
    assert claim.witnesses == 5
    (met,) = [d for d in departures_of(collation, "e") if d.finding.kind == "relation"]
    assert met.claim == claim.id
    assert met.finding.severity == "major"
    assert "independent witnesses say “spoke" in met.finding.message
    assert "this one says “met" in met.finding.message
    assert met.support >= 2 * (met.voters - met.support)
    # the finding is the relay's: its sentence and the words that changed
    assert met.finding.tgt == (1,)
    (sentence, start, end), = met.finding.tgt_spans
    assert contact_story[4].sentences[sentence].text[start:end] == "met"
    assert not met.finding.src  # the consensus is no single article's text
    assert met.consensus_article in set("abcd")
    # nobody else departs on that claim
    assert not [d for d in collation.departures if d.claim == claim.id and d.article_id != "e"]


def test_the_consensus_reading_is_the_witnesses_not_the_reference(contact_story):
    # even when the drifted article is the reference, the others outvote it
    collation = collate([contact_story], GLOSSARY, vectors=False, references=["e"])
    assert [d for d in departures_of(collation, "e") if d.finding.kind == "relation"]
    claim = next(c for c in collation.claims if "twice" in c.text)
    assert claim.article_id != "e"


def test_copies_of_one_text_vote_once(contact_story):
    # three copies of the drifted text: one witness against four, not three against four
    copies = [witness("e", contact_story[4].sentences[1].text) for _ in range(3)]
    for n, copy in enumerate(copies):
        copy.id = f"e{n}"
    collation = collate([contact_story[:4] + copies], GLOSSARY, vectors=False)
    assert len({collation.groups[f"e{n}"] for n in range(3)}) == 1
    assert len({collation.groups[x] for x in "abcd"}) == 4
    for n in range(3):
        assert [d for d in departures_of(collation, f"e{n}") if d.finding.kind == "relation"]


def test_no_departure_without_a_clear_majority(contact_story):
    # two say "spoke", two say "met": no consensus to depart from
    story = contact_story[:2] + [witness(x, contact_story[4].sentences[1].text) for x in "xy"]
    collation = collate([story], GLOSSARY, vectors=False)
    assert not [d for d in collation.departures if d.finding.kind == "relation"]


def test_stories_of_fewer_than_three_articles_are_not_collated(contact_story):
    assert not collate([contact_story[:2]], GLOSSARY, vectors=False).claims


def test_a_qualifier_others_keep_is_a_departure_however_many_drop_it():
    # most headlines drop "at least"; the bodies keep it: dropping it is the departure
    full = "Ukraine would promise not to join NATO for at least 20 years, advisers said."
    short = "Ukraine would promise not to join NATO for 20 years, advisers said."
    story = [witness("k", full), witness("l", full.replace("advisers said", "they said")),
             witness("m", short), witness("n", short.replace("advisers", "aides")),
             witness("o", short.replace("would", "will"))]
    collation = collate([story], GLOSSARY, vectors=False)
    dropped = {d.article_id for d in collation.departures if d.finding.kind == "number"}
    assert dropped == {"m", "n", "o"}
    one = next(d for d in collation.departures if d.article_id == "m")
    assert one.consensus == "at least 20 years" and one.reading == "20 years"
    assert set(one.shared_with) == {"n", "o"}


def test_a_rounded_conversion_departs_and_a_correct_one_does_not():
    # 800 miles is 1,287.5 km: "1,290 km" rounds it (two relays share the rounding),
    # "1,287 km" converts it right, "800-mile (1,300 km)" keeps it and adds a rounding
    line = "Both sides would agree to a {} demilitarized zone along the front, aides said."
    story = [witness("p", line.format("800-mile")),
             witness("q", line.format("800-mile").replace("aides", "advisers")),
             witness("r", line.format("800-mile").replace("would", "will")),
             witness("s", line.format("1,287-kilometer")),
             witness("t", line.format("1,290-kilometer")),
             witness("u", line.format("1,290-kilometer").replace("aides", "officials")),
             witness("v", line.format("800-mile (1,300 kilometers)"))]
    collation = collate([story], GLOSSARY, vectors=False)
    rounded = {d.article_id: d for d in collation.departures
               if d.finding.evidence.get("change") == "rounded"}
    assert set(rounded) == {"t", "u", "v"}
    assert rounded["t"].consensus == "800 miles" and rounded["t"].shared_with == ["u"]


def test_a_negation_on_one_side_is_no_departure_but_a_hedge_is():
    # the readings of a claim are grouped, not aligned: one topic's sentences differ
    # in negation without contradicting each other, so the vote says nothing; the
    # consensus still shows how many affirm it
    line = "Minister Dave Limp approved the $5 billion budget for Ukraine, officials said."
    story = [witness("f", line), witness("g", line.replace("officials", "aides")),
             witness("h", line.replace("budget", "new budget")),
             witness("i", line.replace("approved", "did not approve"))]
    collation = collate([story], GLOSSARY, vectors=False)
    assert not [d for d in departures_of(collation, "i") if d.finding.kind == "negation"]
    claim = next(c for c in collation.claims if c.reading_of("i") is not None)
    assert any(s.slot == "negation" for s in claim.consensus)
    # a hedge added against the same vote is a departure, worth a look
    story[3] = witness("i", line.replace("approved", "may have approved"))
    collation = collate([story], GLOSSARY, vectors=False)
    (hedged,) = [d for d in departures_of(collation, "i") if d.finding.kind == "certainty"]
    assert hedged.finding.severity == "minor"


def test_refinement_of_quantities_and_dates():
    assert refines("q:count:20:year:at_least", "q:count:20:year:")
    assert not refines("q:count:20:year:", "q:count:20:year:at_least")
    assert not refines("q:count:21:year:at_least", "q:count:20:year:")
    assert refines("date:2022-10", "date:2022")
    assert not refines("date:2022", "date:2022-10")
    # the part of a year: "late 2023" states "2023" more precisely, October "late 2022"
    assert refines("date:2023~late", "date:2023")
    assert refines("date:2022-10", "date:2022~late")
    assert not refines("date:2022-03", "date:2022~late")
    assert not refines("date:2023", "date:2023~late")


def test_a_witness_dropping_the_part_of_the_year_departs_as_less_precise():
    line = "Putin asked Musk in {} not to activate Starlink over Taiwan, officials said."
    story = [witness("a", line.format("late 2023")),
             witness("b", line.format("late 2023").replace("officials", "aides")),
             witness("c", line.format("late 2023").replace("asked", "urged")),
             witness("d", line.format("2023"))]
    collation = collate([story], GLOSSARY, vectors=False)
    (dated,) = [d for d in departures_of(collation, "d") if d.slot == "dates"]
    assert dated.consensus == "late 2023" and dated.reading == "2023"
    assert dated.finding.severity == "minor"


def test_shared_departures_point_to_a_common_intermediate():
    story = [witness("a", "Chief of staff Susie Wiles met Blue Origin's Dave Limp."),
             witness("b", "Susie Wiles, the chief of staff, met Dave Limp of Blue Origin."),
             witness("c", "Dave Limp of Blue Origin met chief of staff Susie Wiles."),
             witness("d", "Dave Limp met the chief of staff, Susie Wiles, at the White House."),
             witness("e", "Chief of staff Susan Wiles met Blue Origin's Dave Limp.",
                     published="2025-03-05"),
             witness("f", "Susan Wiles, the chief of staff, met Dave Limp of Blue Origin.",
                     published="2025-03-06")]
    collation = collate([story], GLOSSARY, vectors=False)
    susan = [d for d in collation.departures if d.reading.startswith("Susan")]
    assert {d.article_id for d in susan} == {"e", "f"}
    assert all(d.shared_with for d in susan)
    edges = shared_edges(collation)
    assert {e.target for e in edges} == {"e", "f"}
    assert len({e.source for e in edges}) == 1 and all(e.external for e in edges)
    assert all(e.evidence["reason"] == "shared departure from the consensus" for e in edges)
    assert {e.evidence["shared_with"] for e in edges} == {"e", "f"}


def test_one_sentence_departing_in_two_claims_is_reported_once():
    def met(claim: str, support: int, voters: int, start: int = 20) -> Departure:
        finding = Finding("relation", "major", (), (1,), "met", tgt_spans=[(1, start, start + 3)])
        return Departure(claim, "e", finding, "relation", "spoke (remote)", "met (meet)",
                         support, voters, "a", (1,))
    loose, firm, elsewhere = met("1.1", 2, 4), met("1.2", 4, 5), met("1.3", 2, 4, start=60)
    collation = Collation(departures=[loose, firm, elsewhere])
    mark_repeats(collation)
    assert not firm.duplicate and not elsewhere.duplicate
    assert loose.duplicate and loose.finding.evidence["same_as_claim"] == "1.2"


def test_names_the_pair_already_says_an_article_never_states_depart_once():
    def left_out(claim: str, names: list[str], instead: str) -> Departure:
        finding = Finding("entity", "minor", (), (2,), f"never states {names}",
                          tgt_spans=[(2, 0, 9)],
                          evidence={"change": "article_facts", "left_out": names,
                                    "brought_in": [instead]})
        return Departure(claim, "e", finding, "names", ", ".join(names), instead, 3, 4,
                         "a", (1,))
    trump, wiles = left_out("1.1", ["Donald Trump"], "Kiriyenko"), left_out(
        "1.2", ["Susie Wiles"], "Susan Wiles")
    said = Finding("entity", "minor", (1,), (), "the relay never states Donald Trump",
                   src_spans=[(1, 0, 12)],
                   evidence={"change": "article_facts", "left_out": ["Donald Trump", "NASA"]})
    pair = PairAnalysis("a", "e", Alignment("en", "en", "monotonic", []), [said])
    collation = Collation(departures=[trump, wiles])
    mark_duplicates(collation, [pair])
    # "never states Donald Trump" is the pair's; what the reading names instead is not a
    # replacement of it
    assert trump.duplicate and trump.finding.evidence["pair_finding"] == said.message
    assert not wiles.duplicate


def test_a_collation_survives_the_store(contact_story):
    collation = collate([contact_story], GLOSSARY, vectors=False)
    analysis = CorpusAnalysis(Signature(), contact_story, {}, [], "a", collation=collation)
    again = CorpusAnalysis.from_dict(analysis.to_dict()).collation
    assert again is not None
    assert again.to_dict() == collation.to_dict()
    assert again.departures[0].finding.message == collation.departures[0].finding.message


def test_a_clean_analysis_stores_no_collation_key():
    analysis = CorpusAnalysis(Signature(), [], {}, [])
    assert "collation" not in analysis.to_dict() and "references" not in analysis.to_dict()


def test_candidate_edges_strengthen_an_edge_already_there():
    from provenance.derivation import add_candidate_edges
    from provenance.model import ArticleProvenance

    prov = {"e": ArticleProvenance("e", "re-report", 0.8, derived_from=[
        DerivationEdge("X", "e", 0.5, True, {"reason": "attribution"})])}
    add_candidate_edges(prov, [DerivationEdge("X", "e", 0.6, True, {"reason": "shared"}),
                               DerivationEdge("Y", "e", 0.3, True, {"reason": "shared"}),
                               DerivationEdge("Y", "nobody", 0.3, True, {})])
    edges = prov["e"].derived_from
    assert [(e.source, e.score) for e in edges] == [("X", 0.6), ("Y", 0.3)]
    assert edges[0].evidence["also"] == [{"reason": "shared"}]


def test_near_identical_reads_packed_shingles_as_hashes():
    # StoryFeatures keeps shingles packed as 32-bit hashes: compared byte by byte, any two
    # texts looked identical and every article of a story became one witness
    from provenance.collation.witnesses import near_identical
    from provenance.facts import shingle_hashes

    a = shingle_hashes(" ".join(OTHER_NEWS[:4]), "en")
    b = shingle_hashes(" ".join(OTHER_NEWS[4:8]), "en")
    assert near_identical(a, a)
    assert not near_identical(a, b)


_COLLATE_STORY = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/unit"]
import test_collation as t
from provenance.collation import collate

story = [t.witness(x, text) for x, text in zip("abcde", t.CONTACT_LINES, strict=True)]
for claim in collate([story], t.GLOSSARY, vectors=False).claims:
    print(claim.id, [(c.slot, c.form, c.support) for c in claim.consensus])
"""


def test_claims_do_not_depend_on_the_hash_seed(tmp_path):
    # the consensus and the sentence candidates come from sets: ties must not be broken
    # by their order, which Python changes from run to run
    import os
    import subprocess
    import sys
    from pathlib import Path

    tests = str(Path(__file__).resolve().parents[1])
    runs = [subprocess.run([sys.executable, "-c", _COLLATE_STORY, tests], capture_output=True,
                           text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed,
                                "PROVENANCE_HOME": str(tmp_path)}).stdout
            for seed in ("1", "2", "3")]
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_a_term_put_for_the_claims_own_term_departs_even_in_a_loose_reading():
    line = "Europeans would police an 800-mile demilitarized zone, a Trump adviser said."
    story = [witness("a", line), witness("b", line.replace("police", "patrol")),
             witness("c", line.replace("Europeans", "European troops")),
             witness("d", "Europeans would police an 800-mile buffer zone.")]
    collation = collate([story], GLOSSARY, vectors=False)
    (zone,) = [d for d in departures_of(collation, "d") if d.slot == "names"]
    assert zone.consensus == "demilitarized zone" and zone.reading == "buffer zone"


def test_a_rounded_conversion_outside_the_claim_departs_by_the_claims_vote():
    claim = "The plan would freeze the front line along an 800-mile demilitarized zone."
    story = [witness("a", claim), witness("b", claim.replace("freeze", "fix")),
             witness("c", claim.replace("The plan", "The proposal")),
             article_from_lines("k", [
                 "Trump's team mulls freezing the front line, the newspaper reports.",
                 "Markets in Asia closed higher on Tuesday after a quiet session.",
                 "It is unclear who would police the 800-mile (1,300 kilometers) zone."],
                 "en", published="2025-03-04")]
    collation = collate([story], GLOSSARY, vectors=False)
    rounded = [d for d in departures_of(collation, "k")
               if d.finding.evidence.get("change") == "rounded"]
    assert rounded and {d.finding.tgt for d in rounded} == {(2,)}
    assert rounded[0].consensus == "800 miles" and "1,300" in rounded[0].reading
    # a conversion right to its precision ("1,287 km") is no departure
    story[3] = article_from_lines("k", [
        "Trump's team mulls freezing the front line, the newspaper reports.",
        "Markets in Asia closed higher on Tuesday after a quiet session.",
        "It is unclear who would police the 800-mile (1,287 kilometers) zone."],
        "en", published="2025-03-04")
    collation = collate([story], GLOSSARY, vectors=False)
    assert not [d for d in departures_of(collation, "k")
                if d.finding.evidence.get("change") == "rounded"]


def test_a_witness_that_never_gives_the_claims_figure_leaves_it_out():
    # three independent witnesses give the zone's length (one in kilometres); a relay
    # that keeps the zone but never its length leaves it out; one giving it in another
    # sentence does not
    line = "Both sides would agree to a {}demilitarized zone along the front, aides said."
    story = [witness("a", line.format("800-mile ")),
             witness("b", line.format("800-mile ").replace("aides", "advisers")),
             witness("c", line.format("1,287-kilometer ").replace("would", "will")),
             witness("d", line.format("")),
             article_from_lines("e", [line.format("").replace("aides", "officials"),
                                      "A new museum of modern design opened its doors.",
                                      "The zone would run for 800 miles."], "en",
                                published="2025-03-04")]
    collation = collate([story], GLOSSARY, vectors=False)
    left = [d for d in collation.departures if d.finding.evidence.get("change") == "left_out"]
    assert [d.article_id for d in left] == ["d"]
    assert left[0].consensus == "800 miles" and left[0].finding.kind == "number"
    assert left[0].finding.message.startswith("4 of 5 independent witnesses")


def _story_naming(lines: list[str]) -> list:
    return [witness(x, text) for x, text in zip("abcde", lines, strict=True)]


def test_a_reading_naming_other_things_is_no_name_put_for_another():
    # four witnesses name the company in the claim; the fifth's reading of it names a
    # person and a place instead: two parts of a story, not a replaced name
    story = _story_naming([
        "Tesla and the Pentagon signed a launch contract worth $1.8 billion in 2021.",
        "In 2021 Tesla signed a $1.8 billion launch contract with the Pentagon.",
        "The Pentagon gave Tesla a launch contract worth $1.8 billion in 2021.",
        "Tesla won a $1.8 billion launch contract from the Pentagon in 2021.",
        "Ian Bremmer said a $1.8 billion launch contract was signed in Crimea in 2021.",
    ])
    collation = collate([story], GLOSSARY, vectors=False)
    assert not [d for d in departures_of(collation, "e") if d.slot == "names"]


def test_one_place_put_for_another_in_a_claim_departs():
    story = _story_naming([
        "Get the Poles, Germans, British and French to do it, one adviser said.",
        "One adviser said the Poles, Germans, British and French should do it.",
        "Let the Poles, Germans, British and French do it, an adviser said.",
        "The Poles, Germans, British and French must do it, said one adviser.",
        "Get the Poles, Germans, English and French to do it, one adviser said.",
    ])
    collation = collate([story], GLOSSARY, vectors=False)
    (swap,) = [d for d in departures_of(collation, "e") if d.slot == "names"]
    assert "United Kingdom" in swap.finding.message and "England" in swap.finding.message


def test_one_name_for_another_needs_two_known_concepts_of_one_kind():
    from provenance.collation.consensus import Collator

    collator = Collator({}, GLOSSARY, [])
    assert collator._one_for_another(frozenset({"c:united-kingdom"}), frozenset({"c:england"}))
    # a name the glossary lacks has no kind, even when its key spells a concept's id
    assert not collator._one_for_another(frozenset({"n:england"}), frozenset({"c:united-kingdom"}))
    assert not collator._one_for_another(frozenset({"c:tesla"}), frozenset({"c:global-times"}))


def test_a_part_of_the_claim_the_witness_states_elsewhere_is_no_swap():
    # the claim holds two things (no U.S. troops, no U.S. funding); a witness whose
    # reading names the funding and whose next sentence names the troops swapped nothing
    line = "Adviser Dave Limp said the March mission in Kosovo would have no U.S. troops."
    story = [witness(x, line.replace("Adviser", word)) for x, word in
             zip("abc", ("Adviser", "The adviser", "Senior adviser"), strict=True)]
    story.append(article_from_lines("d", [
        OTHER_NEWS[0],
        "Adviser Dave Limp said the March mission in Kosovo would get no U.S. funding.",
        "The Pentagon keeps its troops at home.", OTHER_NEWS[1]], "en"))
    collation = collate([story], GLOSSARY, vectors=False)
    assert not [d for d in departures_of(collation, "d") if d.finding.kind == "relation"]
    # without the troops anywhere in its text, the funding is put for them
    story[3] = article_from_lines("d", [
        OTHER_NEWS[0],
        "Adviser Dave Limp said the March mission in Kosovo would get no U.S. funding.",
        OTHER_NEWS[1]], "en")
    collation = collate([story], GLOSSARY, vectors=False)
    assert [d for d in departures_of(collation, "d") if d.finding.kind == "relation"]


def test_a_list_joined_by_or_where_the_witnesses_say_and_departs():
    # four witnesses coordinate the four peoples with "and"; a Ukrainian relay with
    # "чи" (or): all of them became any one of them
    story = [witness(x, text) for x, text in zip("abcd", [
        "Get the Poles, Germans, British and French to do it, one adviser said.",
        "One adviser said the Poles, Germans, British and French should do it.",
        "Let the Poles, Germans, British and French do it, an adviser said.",
        "The Poles, Germans, British and French must do it, said one adviser.",
    ], strict=True)]
    story.append(article_from_lines("e", [
        OTHER_NEWS[0], "Це мають робити Польща, Німеччина, Британія чи Франція, сказав радник.",
        OTHER_NEWS[1]], "uk", published="2025-03-04"))
    collation = collate([story], GLOSSARY, vectors=False)
    (joined,) = [d for d in departures_of(collation, "e") if d.slot == "lists"]
    assert joined.finding.evidence["change"] == "conjunction"
    assert joined.consensus.endswith("(and)") and joined.reading.endswith("(or)")
    assert "Британія чи Франція" in joined.reading
    assert joined.finding.message.startswith("4 of 5 independent witnesses say")
    assert joined.finding.evidence["witness_keys"] == ["list:or"]
    # nobody departs on the list when all join it alike
    assert not [d for d in collation.departures if d.slot == "lists" and d.article_id != "e"]


def test_an_or_under_a_negation_is_no_list_feature():
    from provenance.collation.readings import sentence_features
    from provenance.facts import sentence_facts

    def lists(text: str) -> list[str]:
        article = article_from_lines("x", [text], "en")
        return [x.key for f in sentence_facts(article, GLOSSARY)
                for x in sentence_features(f) if x.slot == "lists"]

    assert lists("Get the Poles, Germans, British or French to do it.") == ["list:or"]
    # "no troops from the Poles or the French" is "and" said otherwise
    assert lists("No troops will come from the Poles, Germans, British or French.") == []


SOURCES_LINE = "Ukraine would not join NATO for 20 years, {} said."


def test_one_source_where_the_witnesses_count_three_departs():
    story = [witness("a", SOURCES_LINE.format("three people close to Trump")),
             witness("b", SOURCES_LINE.format("three people close to Trump").replace(
                 "would not join", "would stay out of")),
             witness("c", SOURCES_LINE.format("sources close to Trump")),
             witness("d", "According to three people close to Trump, Ukraine would not "
                          "join NATO for 20 years."),
             article_from_lines("e", [
                 OTHER_NEWS[0],
                 "По словам источника, Украина не будет вступать в НАТО в течение 20 лет.",
                 OTHER_NEWS[1]], "ru", published="2025-03-04")]
    collation = collate([story], GLOSSARY, vectors=False)
    (counted,) = [d for d in departures_of(collation, "e") if d.slot == "source_count"]
    assert counted.finding.kind == "attribution"
    assert "3 sources" in counted.consensus and "one source" in counted.reading
    # "sources" and "three people" can be the same people: c votes with the consensus
    assert counted.finding.message.startswith("4 of 5 independent witnesses say")
    # ... and does not depart itself
    assert not [d for d in collation.departures if d.slot == "source_count"
                and d.article_id != "e"]


def test_how_a_claim_is_stated_does_not_group_claims():
    from provenance.collation.links import _content_keys
    from provenance.collation.readings import WitnessReading
    from provenance.facts import sentence_facts

    article = article_from_lines("x", [
        "Get the Poles and French to do it, three people close to Trump said."], "en")
    reading = WitnessReading("x", "en", sentence_facts(article, GLOSSARY), 0)
    assert {"list:and", "count:3", "count:several"} <= reading.keys
    assert not [k for k in _content_keys(reading) if k.startswith(("list:", "count:"))]


def test_a_date_put_for_another_in_loosely_linked_readings_does_not_depart():
    # four witnesses date the contract 2021; the fifth's reading, which vectors put in the
    # claim, shares only Starlink with theirs and dates another event
    contract = "SpaceX, which operates Starlink, won a $1.8 billion contract in 2021"
    story = [witness(x, contract + tail) for x, tail in zip(
        "abcd", (".", ", officials said.", " (the WSJ).", ", reports say."), strict=True)]
    story.append(witness("e", "Russian forces were buying Starlink terminals in 2023."))
    readings = [WitnessReading(a.id, "en", [sentence_facts(a, GLOSSARY)[1]], n)
                for n, a in enumerate(story)]
    collator = Collator({a.id: a for a in story}, GLOSSARY, default_detectors())
    found = collator.departures(ClaimWitnesses("1.1", readings))
    assert [d.finding.message for d in found if d.article_id == "e" and d.slot == "dates"] == []
    # a reading that renders the claim with another year departs
    readings[4] = WitnessReading("e", "en", [sentence_facts(witness(
        "e", contract.replace("2021", "2023") + "."), GLOSSARY)[1]], 4)
    story[4] = witness("e", contract.replace("2021", "2023") + ".")
    collator = Collator({a.id: a for a in story}, GLOSSARY, default_detectors())
    (changed,) = [d for d in collator.departures(ClaimWitnesses("1.1", readings))
                  if d.slot == "dates"]
    assert changed.article_id == "e" and "2023" in changed.finding.message


def test_the_claim_is_shown_by_a_reading_that_states_what_the_witnesses_agree_on():
    # three short readings share the most words with the others, but only two readings
    # give the count and the month every witness that gives them agrees on
    lines = {"a": "Minister Dave Limp spoke with President Donald Trump at least twice in June.",
             "b": "In June Dave Limp spoke with Donald Trump at least twice, officials said.",
             "c": "Dave Limp and Donald Trump spoke, officials said.",
             "d": "Dave Limp and Donald Trump spoke, officials told reporters.",
             "e": "Dave Limp and Donald Trump spoke, officials said in a statement."}
    story = [witness(x, line) for x, line in lines.items()]
    readings = [WitnessReading(a.id, "en", [sentence_facts(a, GLOSSARY)[1]], n)
                for n, a in enumerate(story)]
    witnesses = ClaimWitnesses("1.1", readings)
    ranked = witnesses.ranked()
    assert ranked[0].article_id in "cde"
    shown = shown_first(witnesses, ranked)
    assert shown[0].article_id == "b"
    # readings stating as much keep their rank (here the others state less than b, and
    # a, which names no officials, least)
    assert [r.article_id for r in shown[1:]] == [r.article_id for r in ranked if r is not shown[0]]
