"""Credits: an uncredited copy of another article of the corpus, and a story source that
most independent witnesses credit but an article never names (provenance.credits)."""

from __future__ import annotations

from support.analysis_factory import article_from_lines

from provenance.credits import credit_findings
from provenance.facts import corpus_facts
from provenance.glossary import default_glossary
from provenance.model import (
    ArticleProvenance,
    Claim,
    Collation,
    DerivationEdge,
    Reading,
    ReferenceChoice,
)

GLOSSARY = default_glossary()

CLAIMS = [
    "Advisers to the president-elect proposed freezing the war along the front line.",
    "Ukraine would promise not to join NATO for at least 20 years.",
    "The plan includes an 800-mile demilitarized zone along the front.",
    "European troops would police the zone, one adviser said.",
]


def witness(article_id: str, lead: str, **fields):
    return article_from_lines(article_id, [lead, *CLAIMS], "en",
                              url=f"https://site{article_id}.com/story", **fields)


def collation_of(articles, groups: dict[str, int] | None = None) -> Collation:
    """Every article states every claim (sentences 1..4), each its own witness group."""
    groups = groups or {a.id: n for n, a in enumerate(articles)}
    claims = [Claim(f"c{k}", 0, text, articles[0].id, (k + 1,), len(set(groups.values())),
                    [Reading(a.id, (k + 1,), text, groups[a.id]) for a in articles])
              for k, text in enumerate(CLAIMS)]
    return Collation(claims, [], groups)


def run(articles, provenance=None, collations=(), reference="ref"):
    facts = corpus_facts(articles, GLOSSARY)
    provenance = provenance or {a.id: ArticleProvenance(a.id, "re-report", 0.5)
                                for a in articles}
    choice = ReferenceChoice(0, reference, "best witness")
    return credit_findings([[a.id for a in articles]], provenance, facts, list(collations),
                           [choice], GLOSSARY)


# --- uncredited copies ---------------------------------------------------------------

ORIGINAL = ["Trump team weighs a 20-year pause in Ukraine's NATO bid, the WSJ reports.",
            "According to The Wall Street Journal, advisers proposed freezing the war.",
            "Ukraine would promise not to join NATO for at least 20 years.",
            "Copyright © 2024 Euromaidanpress.com. The work of Euromaidan Press is "
            "supported by readers."]


def copy_corpus(copy_lines: list[str], direction: str = "names its own outlet, the other none",
                kind: str = "copy"):
    ref = witness("ref", "A plan to end the war is under discussion.")
    original = article_from_lines("ep", ORIGINAL, "en",
                                  url="https://euromaidanpress.com/2024/11/07/plan")
    copy = article_from_lines("copy", copy_lines, "en",
                              url="https://like123.com/plan")
    articles = [ref, original, copy]
    provenance = {a.id: ArticleProvenance(a.id, "re-report", 0.5) for a in articles}
    provenance["copy"].origin_article = "ep"
    provenance["copy"].derived_from = [DerivationEdge(
        "ep", "copy", 0.87, False, {"reason": kind, "direction": direction,
                                    "reuse": kind, "shared_sentences": 3})]
    return articles, provenance


def test_a_copy_that_credits_only_the_source_of_its_source_is_reported():
    articles, provenance = copy_corpus(ORIGINAL[:3])
    found = run(articles, provenance)["copy"]
    assert len(found) == 1
    f = found[0]
    assert (f.kind, f.severity, f.detector) == ("attribution", "minor", "credits")
    # named as the copied article writes its outlet, not as its host
    assert "Euromaidan Press" in f.message and "The Wall Street Journal" in f.message
    assert f.evidence["copies"] == "ep" and f.evidence["change"] == "copy_uncredited"
    assert f.evidence["copied_site"] == "euromaidanpress.com"
    assert "3 of its 3 sentences" in f.message
    # it sits on the sentences that credit someone else instead
    assert f.tgt and all(j in (0, 1) for j in f.tgt)


def test_a_copy_that_names_its_source_in_any_form_is_not_reported():
    for credit in ("Source: Euromaidan Press.", "Read more at euromaidanpress.com today."):
        articles, provenance = copy_corpus([*ORIGINAL[:3], credit])
        assert "copy" not in run(articles, provenance), credit


def test_a_copy_whose_direction_derivation_only_assumed_is_not_reported():
    articles, provenance = copy_corpus(ORIGINAL[:3], direction="assumed: the longer text")
    assert "copy" not in run(articles, provenance)


def test_a_translation_crediting_the_source_its_parent_credits_is_not_reported():
    # two relays translating one original read as translations of each other
    articles, provenance = copy_corpus(ORIGINAL[:3], direction="published earlier",
                                       kind="translation")
    assert "copy" not in run(articles, provenance)
    articles, provenance = copy_corpus(["Advisers proposed freezing the war.",
                                        "Ukraine would not join NATO for 20 years."],
                                       direction="published earlier", kind="translation")
    assert "translates Euromaidan Press's article" in run(articles, provenance)["copy"][0].message


def test_a_copy_of_a_text_credited_to_its_author_may_credit_the_author():
    ref = witness("ref", "A plan to end the war is under discussion.")
    lead = "据《华尔街日报》报道，特朗普团队考虑冻结战争。"
    second = "乌克兰将承诺至少20年不加入北约。"
    wire = article_from_lines("wire", ["【环球网报道】" + lead, second], "zh-cn",
                              url="https://wirenews.cn/a")
    copy = article_from_lines("copy", [lead, second], "zh-cn", url="https://contentfarm.org/b")
    credited = article_from_lines("credited", ["环球网：" + lead, second], "zh-cn",
                                  url="https://otherblog.org/c")
    articles = [ref, wire, copy, credited]
    provenance = {a.id: ArticleProvenance(a.id, "re-report", 0.5) for a in articles}
    for target in ("copy", "credited"):
        provenance[target].origin_article = "wire"
        provenance[target].derived_from = [DerivationEdge(
            "wire", target, 0.87, False, {"reason": "copy", "direction": "published earlier",
                                          "reuse": "copy", "shared_sentences": 2})]
    found = run(articles, provenance)
    assert "credited" not in found
    (f,) = found["copy"]
    assert "Global Times" in f.message and f.evidence["text_credited_to"] == ["Global Times"]


# --- the story's source never named ----------------------------------------------------

def story(*others):
    crediting = [witness(f"w{n}", f"The Wall Street Journal reported the plan on day {n}.")
                 for n in range(4)]
    ref = witness("ref", "A plan to end the war is under discussion.",
                  title="Plan", outlet=None)
    return [ref, *crediting, *others]


def test_an_article_never_naming_the_source_most_witnesses_credit_is_reported():
    quiet = witness("quiet", "According to sources, a plan to end the war is discussed.")
    articles = story(quiet)
    found = run(articles, collations=[collation_of(articles)])
    assert set(found) == {"quiet"}
    (f,) = found["quiet"]
    assert f.kind == "attribution" and f.severity == "minor"
    assert "4 of 5 independent witnesses" in f.message
    assert "The Wall Street Journal" in f.message and "sources" in f.message
    assert f.evidence["change"] == "source_never_named" and f.evidence["source_key"] == "wsj"
    assert f.tgt == (0,)


def test_naming_the_source_in_any_language_or_by_its_site_is_enough():
    for lead in ("华尔街日报 wrote about it first.", "Details at wsj.com/articles/plan.",
                 "The WSJ has the details."):
        articles = story(witness("named", lead))
        assert "named" not in run(articles, collations=[collation_of(articles)]), lead


def test_the_outlets_own_text_and_short_mentions_are_not_reported():
    own = witness("own", "A plan to end the war is discussed.")
    own.url = "https://www.wsj.com/world/plan"
    brief = article_from_lines("brief", ["A plan to end the war is discussed.", CLAIMS[0]],
                               "en")
    articles = story(own, brief)
    collation = collation_of(articles)
    for claim in collation.claims[1:]:  # the brief states only the first claim
        claim.readings = [r for r in claim.readings if r.article_id != "brief"]
    assert run(articles, collations=[collation]) == {}


def test_a_source_few_witnesses_credit_is_no_story_source():
    quiet = witness("quiet", "According to sources, a plan to end the war is discussed.")
    others = [witness(f"o{n}", "Officials discussed a plan to end the war.") for n in range(3)]
    articles = story(quiet, *others)
    # four of eight groups credit the WSJ: not two thirds
    assert run(articles, collations=[collation_of(articles)]) == {}
    # copies vote once: the four crediting articles as one group are one witness
    groups = {a.id: (0 if a.id.startswith("w") else n + 1) for n, a in enumerate(articles)}
    assert run(story(quiet), collations=[collation_of(story(quiet), {
        k: v for k, v in groups.items() if k in {a.id for a in story(quiet)}})]) == {}
