"""Two articles compared: the one path shared by ``provenance align``, ``provenance drift``
and the corpus pipeline.

``read_pair`` loads the two sides of a command line (a file each, and optionally the
source rendered in the relay's language); ``align_pair`` brings both into one language
and aligns them; ``compare_pair`` adds the drift findings. Whatever calls them (a
command, the pipeline, a process-pool worker, a user's script) gets the same alignment
and the same findings for the same articles and settings.

>>> pair = read_pair("en.txt", "uk.txt", presegmented=True)
>>> result = compare_pair(pair.src, pair.tgt, PairSettings(mode="monotonic"), glossary)
>>> [f.kind for f in result.findings]
['number', 'omission']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.errors import BadInput
from provenance.model import Alignment, Article, PairAnalysis, Sentence
from provenance.signature import Signature

if TYPE_CHECKING:
    from provenance.glossary import Glossary

#: Most sentences either side of a comparison may have. Alignment and drift take about
#: a minute for a 5,000-sentence pair here; a longer "article" is a dump of many (a
#: scraped archive on one line), refused with a message rather than compared for hours.
MAX_SENTENCES = 10_000

#: The phases of one comparison, as ``compare_pair`` reports them: ``progress("pair", i,
#: len(PAIR_PHASES))`` as phase ``i`` starts, ``progress("pair", n, n)`` when done.
PAIR_PHASES = ("translating", "reading sentences", "aligning", "looking for moved blocks",
               "finding drift")

#: progress(stage, done, total), as the pipeline's callbacks.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PairSettings:
    """How two articles are brought into one language and aligned.

    ``translator`` is one of :data:`provenance.translate.KINDS`, ``mode`` one of
    :data:`provenance.align.MODES`.
    """

    translator: str = "auto"
    mode: str = "auto"
    #: texts the sentence vectors may embed (None: by the pair's size,
    #: ``align.passes.default_budget``)
    vector_budget: int | None = None


@dataclass(frozen=True)
class PairInput:
    """The two sides of a comparison as read from files, and the optional rendering of
    the source in the relay's language (one line per source sentence)."""

    src: Article
    tgt: Article
    translation: list[str] | None = None


def comparison_signature(settings: Mapping[str, Any], glossary_digest: str) -> Signature:
    """``settings`` plus what every drift comparison depends on: the glossary's content
    and the drift detectors' version. Corpus analyses and single pairs both sign this way."""
    from provenance.drift import DRIFT_VERSION

    return Signature({**settings, "glossary": glossary_digest, "drift": DRIFT_VERSION})


def align_pair(ref: Article, relay: Article, settings: PairSettings, glossary: Glossary, *,
               translation: Sequence[str] | None = None,
               on_phase: Callable[[str], None] | None = None) -> Alignment:
    """Align the sentences of ``relay`` with those of ``ref`` (its source).

    ``translation`` is ``ref`` rendered in ``relay``'s language, one line per ``ref``
    sentence; given, it is what the relay is compared with (the ``file`` translator).
    Raises BadInput when the ``file`` translator is asked for without one, or when a
    side has more than :data:`MAX_SENTENCES` sentences.
    """
    from provenance.align import align

    for article in (ref, relay):
        if len(article.sentences) > MAX_SENTENCES:
            raise BadInput(f"{article.source_path or article.id}: {len(article.sentences):,} "
                           f"sentences, more than one article can have here "
                           f"({MAX_SENTENCES:,}); split it")
    translator = settings.translator
    if translation is not None:
        translator = "file"
    elif translator == "file":
        raise BadInput("--translator file needs --translation FILE")
    return align([s.text for s in ref.sentences], [s.text for s in relay.sentences],
                 ref.lang, relay.lang, translator=translator, translation=translation,
                 glossary=glossary, mode=settings.mode, vector_budget=settings.vector_budget,
                 on_phase=on_phase)


def compare_pair(ref: Article, relay: Article, settings: PairSettings, glossary: Glossary, *,
                 translation: Sequence[str] | None = None,
                 progress: Progress | None = None) -> PairAnalysis:
    """Align a relay with its reference and find what drifted: a pure function.

    ``progress("pair", done, total)`` follows the phases of :data:`PAIR_PHASES`, so that
    a bar moves during a long pair.
    """
    from provenance.drift import detect_drift

    def phase(name: str) -> None:
        if progress:
            progress("pair", PAIR_PHASES.index(name), len(PAIR_PHASES))

    alignment = align_pair(ref, relay, settings, glossary, translation=translation,
                           on_phase=phase)
    phase("finding drift")
    findings = detect_drift(ref, relay, alignment, glossary=glossary)
    if progress:
        progress("pair", len(PAIR_PHASES), len(PAIR_PHASES))
    return PairAnalysis(ref.id, relay.id, alignment, findings)


# -- reading the two sides --------------------------------------------------------------
def read_pair(src_path: str | Path, tgt_path: str | Path, *, src_lang: str | None = None,
              tgt_lang: str | None = None, presegmented: bool = False,
              translation: str | Path | None = None) -> PairInput:
    """Both sides of a comparison, and the ``translation`` file checked against the source."""
    src = load_side(src_path, src_lang, presegmented)
    tgt = load_side(tgt_path, tgt_lang, presegmented)
    return PairInput(src, tgt, read_translation(translation, len(src.sentences)))


def load_side(path: str | Path, lang: str | None, presegmented: bool) -> Article:
    """One side as an article.

    Presegmented files keep every line, blank ones too, so sentence i is line i
    (0-based). Otherwise the file is loaded like a corpus article (boilerplate split
    off, language detected, segmented); a declared ``lang`` is honoured before
    segmentation.
    """
    if presegmented:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        if not any(line.strip() for line in lines):
            raise BadInput(f"{path}: no sentences")
        if not lang:
            from provenance.langid import detect_language

            lang = detect_language(" ".join(lines))[0]
        sentences, pos = [], 0
        for i, text in enumerate(lines):
            sentences.append(Sentence(i, text, pos, pos + len(text), lang))
            pos += len(text) + 1
        return Article(id=Path(path).stem, text="\n".join(lines), language=lang,
                       declared_language=lang, source_path=str(path), sentences=sentences)
    from provenance.corpus import article_from_text, load_corpus

    articles = load_corpus([path])
    if not articles or not articles[0].sentences:
        raise BadInput(f"{path}: no article text found")
    article = articles[0]
    if lang and lang != article.lang:
        # Segment and label again in the language the user says it is.
        again = article_from_text(article.text, id=article.id, lang=lang, title=article.title,
                                  outlet=article.outlet, url=article.url,
                                  published=article.published, source_path=article.source_path)
        again.boilerplate = article.boilerplate
        article = again
    return article


def read_translation(path: str | Path | None, sentences: int) -> list[str] | None:
    """A translation file: exactly one line per source sentence (None without a path)."""
    if not path:
        return None
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if len(lines) != sentences:
        raise BadInput(f"{path}: {len(lines)} lines for {sentences} source sentences "
                       "(one line per source sentence)")
    return lines


# -- what the pair commands print -------------------------------------------------------
def alignment_document(alignment: Alignment) -> dict[str, Any]:
    """The stable JSON contract of an alignment: languages, mode, signature and links."""
    return {
        "src_lang": alignment.src_lang,
        "tgt_lang": alignment.tgt_lang,
        "mode": alignment.mode,
        "signature": str(alignment.signature),
        "links": [link.to_dict() for link in alignment.links],
    }


def drift_document(ref: Article, relay: Article, pair: PairAnalysis,
                   glossary: Glossary) -> dict[str, Any]:
    """The stable JSON contract of one comparison: signature, both sides' sentences,
    alignment links, findings and their summary."""
    from provenance.drift import summarize

    alignment = pair.alignment
    aligned = sum(1 for link in alignment.links if link.src and link.tgt)
    return {
        "signature": str(comparison_signature(alignment.signature.settings, glossary.digest)),
        "src": {"id": ref.id, "lang": ref.lang, "sentences": [s.text for s in ref.sentences]},
        "tgt": {"id": relay.id, "lang": relay.lang,
                "sentences": [s.text for s in relay.sentences]},
        "mode": alignment.mode,
        "links": [link.to_dict() for link in alignment.links],
        "findings": [f.to_dict() for f in pair.findings],
        "summary": summarize(pair.findings, sentence_pairs=aligned).to_dict(),
    }
