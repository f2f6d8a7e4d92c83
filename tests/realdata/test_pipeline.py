"""The whole analysis on real text: the seeds, a mixed real-data corpus, reuse, resume."""

from __future__ import annotations

import json
import shutil
import sqlite3
from concurrent.futures import ProcessPoolExecutor

import jsonschema
import pytest
from conftest import CORPORA, PARALLEL, SEEDS
from support.cli import run_cli

from provenance import pairs as pairs_module
from provenance import pipeline
from provenance.corpus import article_from_text
from provenance.engine import pool as pool_module
from provenance.errors import BadInput
from provenance.paths import bundled_seeds_dir
from provenance.pipeline import analyze_corpus, load_glossary, load_previous
from provenance.report.jsonreport import load_schema
from provenance.store import Store


def _by_prefix(analysis, prefix: str):
    return next(v for k, v in analysis.provenance.items() if k.startswith(prefix))


def test_seeds_origins_are_what_a_reader_concludes(seeds_analysis):
    a = seeds_analysis
    assert "The Wall Street Journal" in a.roots
    expected = {"000": ("translation", "zh"), "002": ("translation", "uk"),
                "003": ("translation", "ko"), "001": ("re-report", None),
                "004": ("re-report", None)}
    for prefix, (origin, lang) in expected.items():
        prov = _by_prefix(a, prefix)
        assert prov.origin == origin, (prefix, prov.origin, prov.signals)
        if lang:
            assert prov.origin_language == lang, (prefix, prov.origin_language)
    chain = [x.chain for x in _by_prefix(a, "002").attributions if len(x.chain) > 1]
    assert ["The Wall Street Journal", "Kommersant Ukrainian"] in chain
    reuters = [x for x in _by_prefix(a, "004").attributions if x.source == "Reuters"]
    assert reuters and all(x.negated for x in reuters)


def test_seeds_every_relay_is_compared_and_stamped(seeds_analysis):
    a = seeds_analysis
    assert a.reference_id in {x.id for x in a.articles}
    relays = {x.id for x in a.articles} - {a.reference_id}
    assert {p.relay_id for p in a.pairs} == relays
    for pair in a.pairs:
        ref, relay = a.article(pair.reference_id), a.article(pair.relay_id)
        covered_src = sorted(i for link in pair.alignment.links for i in link.src)
        covered_tgt = sorted(j for link in pair.alignment.links for j in link.tgt)
        assert covered_src == list(range(len(ref.sentences)))
        assert covered_tgt == list(range(len(relay.sentences)))
        assert "glossary" in str(pair.alignment.signature)
    assert a.signature.settings["glossary"] == load_glossary().digest
    kinds = {f.kind for p in a.pairs for f in p.findings}
    assert {"term", "omission"} <= kinds  # "Space Force Command"; paragraphs not relayed


def test_a_stored_analysis_is_reused_until_files_or_glossary_change(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    store = Store(tmp_path / "store.sqlite")
    first = analyze_corpus([corpus], store=store)
    glossary = load_glossary()
    assert load_previous([corpus], glossary, store).to_dict() == first.to_dict()
    again = analyze_corpus([corpus], store=store)
    assert again.to_dict() == first.to_dict()
    victim = next(corpus.glob("001*.md"))
    victim.write_text(victim.read_text(encoding="utf-8") + "\nAn added line.\n",
                      encoding="utf-8")
    assert load_previous([corpus], glossary, store) is None


def test_an_interrupted_run_resumes_with_the_pairs_it_finished(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    calls: list[int] = []

    def stop_after_two(stage: str, done: int, total: int) -> None:
        if stage == "compare":
            calls.append(done)
            if done == 2:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyze_corpus([SEEDS], store=store, progress=stop_after_two)
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM pairs").fetchone()[0] == 2
    full = analyze_corpus([SEEDS], store=store)
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM pairs").fetchone()[0] == len(full.pairs)
    fresh = analyze_corpus([SEEDS], store=Store(tmp_path / "other.sqlite"))
    assert [p.to_dict() for p in full.pairs] == [p.to_dict() for p in fresh.pairs]


def _doc(pair: str, index: int, name: str) -> str:
    folder = sorted(p for p in (PARALLEL / pair).iterdir() if p.is_dir())[index]
    return (folder / name).read_text(encoding="utf-8")


def test_mixed_real_corpus_splits_into_stories_and_aligns_translations(tmp_path):
    if not PARALLEL.is_dir():
        pytest.skip("shared parallel data not available")
    # One English story with its Chinese translation, and an unrelated Ukrainian one.
    en = _doc("en-zh", 0, "en.txt")
    zh = _doc("en-zh", 0, "zh.a.txt")
    uk = _doc("uk-en", 3, "uk.txt")
    uk_en = _doc("uk-en", 3, "en.a.txt")
    articles = [
        article_from_text(en, id="story1-en", lang="en"),
        article_from_text(zh, id="story1-zh", lang="zh-cn"),
        article_from_text(uk, id="story2-uk", lang="uk"),
        article_from_text(uk_en, id="story2-en", lang="en"),
    ]
    analysis = analyze_corpus(articles, store=Store(tmp_path / "s.sqlite"))
    stories = {}
    for article_id, prov in analysis.provenance.items():
        stories.setdefault(prov.story, set()).add(article_id)
    assert sorted(map(sorted, stories.values())) == [["story1-en", "story1-zh"],
                                                     ["story2-en", "story2-uk"]]
    zh_pair = analysis.pair_for("story1-zh")
    assert zh_pair is not None and zh_pair.reference_id == "story1-en"
    links = zh_pair.alignment.links
    paired = sum(1 for link in links if link.src and link.tgt)
    assert paired / len(links) > 0.8, "a faithful translation aligns almost everywhere"
    majors = [f for f in zh_pair.findings if f.severity != "minor"]
    assert len(majors) <= max(2, len(links) // 10), [f.message for f in majors]


def test_unknown_reference_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="not an article"):
        analyze_corpus([SEEDS], reference="nope", store=Store(tmp_path / "s.sqlite"))


def test_cli_analyze_json_on_seeds(warm_home):
    result = run_cli("analyze", str(SEEDS), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["signature"].startswith("align:auto|drift:")
    assert "|glossary:" in data["signature"]
    assert len(data["articles"]) == 5
    assert {a["origin"] for a in data["articles"]} == {"translation", "re-report"}
    assert data["graph"]["edges"]
    # each article in the report's JSON shape: origin_confidence, finding_count, ...
    schema = load_schema()
    article_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"],
                      "$ref": "#/$defs/article"}
    for article in data["articles"]:
        jsonschema.validate(article, article_schema)
    compared = [a for a in data["articles"] if a["compared_with"]]
    assert compared and all(a["finding_count"] > 0 for a in compared)


def test_cli_analyze_bad_input_is_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("analyze", str(empty))
    assert result.exit_code == 2
    assert result.output.strip().startswith("error:")
    assert len(result.output.strip().splitlines()) == 1


def test_seeds_path_is_the_bundled_one():
    # `provenance tui` without a corpus opens the library's bundled seeds
    assert bundled_seeds_dir().resolve() == SEEDS.resolve()
    assert len(list(SEEDS.glob("*.md"))) == 5


def test_second_story_compares_foreign_relays_with_the_english_original(tmp_path):
    corpus = CORPORA / "second_story"
    analysis = analyze_corpus([corpus], store=Store(tmp_path / "s.sqlite"))
    assert analysis.provenance[analysis.reference_id].origin == "original"
    langs = {analysis.article(p.relay_id).lang.split("-")[0] for p in analysis.pairs}
    assert {"zh", "ko", "uk", "ru"} <= langs
    for pair in analysis.pairs:
        paired = [link for link in pair.alignment.links if link.src and link.tgt]
        assert paired, f"{pair.relay_id} shares no sentence with the original"
        assert "translator" in pair.alignment.signature.settings


def test_pairs_compared_in_worker_processes_match_the_serial_run(tmp_path, monkeypatch):
    if not PARALLEL.is_dir():
        pytest.skip("shared parallel data not available")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # three stories whose names and numbers alone cluster them (tests run without
    # sentence vectors): this test is about the pool, not about clustering
    folders = [PARALLEL / "en-zh" / name
               for name in ("abcnews.53861", "dailymail.co.uk.54769", "en.ndtv.com.58686")]
    for n, folder in enumerate(folders):  # three stories: English and two translations
        for name, lang in (("en.txt", "en"), ("zh.a.txt", "zh-cn"), ("zh.b.txt", "zh-cn")):
            text = (folder / name).read_text(encoding="utf-8")
            (corpus / f"s{n}-{name[:-4]}.md").write_text(
                f"---\nlanguage: {lang}\n---\n{text}", encoding="utf-8")
    # Pairs compared in this process go through provenance.pairs.compare_pair (the
    # pipeline's own name for it when serial); tasks sent to the pool go through the
    # executor's submit. Count both: in the pool run, every pair must go out and none
    # may be compared here.
    here: list[str] = []
    submitted: list[str] = []
    real_compare = pairs_module.compare_pair

    def compare_here(ref, relay, *args, **kwargs):
        here.append(relay.id)
        return real_compare(ref, relay, *args, **kwargs)

    class CountingPool(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(fn.__name__)
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(pipeline, "compare_pair", compare_here)
    monkeypatch.setattr(pairs_module, "compare_pair", compare_here)
    monkeypatch.setattr(pool_module, "ProcessPoolExecutor", CountingPool)
    serial = analyze_corpus([corpus], store=Store(tmp_path / "a.sqlite"), workers=1)
    assert len(serial.pairs) == 6 and len(here) == 6 and not submitted
    here.clear()
    parallel = analyze_corpus([corpus], store=Store(tmp_path / "b.sqlite"), workers=2)
    assert submitted.count("compare_story") == 6, "the pairs were not sent to a pool"
    assert here == [], "pairs were compared in the main process"
    assert [p.to_dict() for p in parallel.pairs] == [p.to_dict() for p in serial.pairs]


def _findings(analysis) -> set[tuple]:
    out = {(a.id, f.kind, f.severity, f.message) for a in analysis.articles
           if (pair := analysis.pair_for(a.id)) for f in pair.findings}
    return out | {(d.article_id, d.finding.kind, d.finding.severity, d.finding.message)
                  for d in (analysis.collation.departures if analysis.collation else [])}


def test_the_same_corpus_in_another_file_order_gives_the_same_findings(seeds_analysis,
                                                                       tmp_path):
    files = sorted(SEEDS.glob("*.md"), reverse=True)
    again = analyze_corpus([str(f) for f in files], store=Store(tmp_path / "store.sqlite"))
    assert again.reference_id == seeds_analysis.reference_id
    assert _findings(again) == _findings(seeds_analysis)
    assert _findings(again)
