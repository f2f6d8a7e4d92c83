"""Sentence alignment of a relay with its source.

``align(src, tgt, src_lang, tgt_lang)`` pairs every source sentence with the target
sentence(s) that render it: 1-1, merges and splits (1-2, 2-1; 2-2, 1-3, 3-1 on request), omissions
(``Link((i,), ())``), additions (``Link((), (j,))``) and, in re-report mode, links that
cross because a block moved. Every source and target index appears in exactly one link.

Texts are compared through English: a non-English side is rendered with a translation
backend (the offline ``gloss`` backend by default); same-language pairs are compared
directly; ``translation=`` supplies the source already rendered in the target language.
Glossary concepts, quantities, numbers and Latin-script names, and sentence lengths
need no translation at all and carry the alignment when the rendering is weak; the
concepts and quantities are the sentences' :mod:`provenance.facts`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from provenance.align.features import (
    SKELETON_WEIGHTS,
    TEXT_WEIGHTS,
    VECTOR_CHEAP_WEIGHTS,
    PairScorer,
    Weights,
    describe_side,
)
from provenance.align.lengths import length_model
from provenance.align.lexical import word_evidence
from provenance.align.monotonic import EXTENDED_MOVES, LINK_MOVES, Step
from provenance.align.passes import VECTOR_BUDGET, run_passes, vector_plan
from provenance.errors import BadInput
from provenance.facts import facts_of_texts
from provenance.lang import base, same_language, script_of
from provenance.model import Alignment, Link
from provenance.signature import Signature

if TYPE_CHECKING:
    from provenance.glossary import Glossary

__all__ = ["MODES", "PHASES", "VECTOR_BUDGET", "align", "order_links"]

MODES = ("auto", "monotonic", "reorder")
#: What ``align`` reports to ``on_phase``, in order (the last one not for every pair).
PHASES = ("translating", "reading sentences", "aligning", "looking for moved blocks")


def align(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    translator: str = "auto",
    translation: Sequence[str] | None = None,
    glossary: Glossary | None = None,
    mode: str = "auto",
    weights: Weights | None = None,
    extended_moves: bool | None = None,
    vectors: bool | None = None,
    vector_budget: int | None = None,
    lexicon: bool | None = None,
    on_phase: Callable[[str], None] | None = None,
) -> Alignment:
    """Align ``src`` sentences with ``tgt`` sentences.

    ``mode``: ``monotonic`` keeps links in order; ``reorder`` also looks for moved
    blocks; ``auto`` runs the in-order pass and switches to ``reorder`` when content
    shows that a block moved. ``Alignment.mode`` says which was used and
    ``Alignment.signature`` records every setting that shaped the result.
    ``extended_moves`` adds 2-2, 1-3 and 3-1 links to 1-1, 1-2 and 2-1 (``None``: only
    where sentence vectors judge them, the only evidence that tells them apart); ``weights``
    overrides the tuned evidence weights (of the pass with vectors, when there is one).

    ``vectors``: multilingual sentence vectors as evidence (``None``: wherever they are
    installed, unless ``$PROVENANCE_VECTORS`` is ``off``; ``False``: never). They are
    computed only for the stretches the cheaper evidence leaves undecided, at most
    ``vector_budget`` texts per pair (default: by the pair's size,
    ``passes.default_budget``), and cached
    (``provenance.align.passes``).
    ``lexicon``: word overlaps as evidence when one side is English and the other
    Chinese (CC-CEDICT: ``provenance.align.lexical``; ``None``: wherever the weights in
    use count them, which is across languages without machine translation or sentence
    vectors; ``False``: never).
    ``on_phase(name)`` is called as each phase starts (see :data:`PHASES`), for progress
    on long pairs.
    """
    phase = on_phase or (lambda name: None)
    if mode not in MODES:
        raise BadInput(f"unknown alignment mode {mode!r}; choose one of {', '.join(MODES)}")
    src, tgt = list(src), list(tgt)
    if translation is not None and len(translation) != len(src):
        raise BadInput(f"translation has {len(translation)} lines for {len(src)} source "
                       "sentences; give one line per source sentence")
    # Blank sentences (empty lines of a presegmented file) carry nothing to align; they
    # stay in the result as omissions/additions under their own index.
    src_keep = [i for i, text in enumerate(src) if text.strip()]
    tgt_keep = [j for j, text in enumerate(tgt) if text.strip()]
    blanks = [Step((i,), (), 0.0) for i in range(len(src)) if not src[i].strip()] + [
        Step((), (j,), 0.0) for j in range(len(tgt)) if not tgt[j].strip()]
    src = [src[i] for i in src_keep]
    tgt = [tgt[j] for j in tgt_keep]
    if translation is not None:
        translation = [translation[i] for i in src_keep]
    if glossary is None:
        from provenance.glossary import default_glossary

        glossary = default_glossary()
    phase("translating")
    src_render, tgt_render, translator_settings = _renderings(
        src, tgt, src_lang, tgt_lang, translator, translation, glossary)
    # Cyrillic against Latin script: transliterated name prefixes bridge the alphabets.
    scripts = {script_of(src_lang) or "latin", script_of(tgt_lang) or "latin"}
    prefixes = scripts == {"cyrillic", "latin"}
    phase("reading sentences")
    # Each side read as plain sentences in its stated language (the sentences' facts
    # are shared with every other pair and step that reads the same text).
    src_side = describe_side(src, src_render, facts_of_texts(src, src_lang, glossary),
                             with_name_prefixes=prefixes)
    tgt_side = describe_side(tgt, tgt_render, facts_of_texts(tgt, tgt_lang, glossary),
                             with_name_prefixes=prefixes)
    # A gloss skeleton holds only names and numbers, which the token evidence already
    # counts; comparing it with a full sentence as text would measure length twice.
    full_text = "gloss" not in str(translator_settings.get("translator"))
    plan = vector_plan(vectors, vector_budget, src_lang, tgt_lang, full_text=full_text,
                       weights=weights, extended_moves=extended_moves)
    cheap = TEXT_WEIGHTS if full_text else SKELETON_WEIGHTS
    if plan is not None and not full_text:
        # the pass that picks the stretches for vectors weighs no word overlaps, as the
        # vector pass does not (features.VECTOR_SKELETON_WEIGHTS)
        cheap = VECTOR_CHEAP_WEIGHTS
    # With vectors, a caller's weights decide the result (plan.weights); the cheap pass
    # that chooses where vectors go keeps its own.
    scorer = PairScorer(src_side, tgt_side, length=length_model(src_lang, tgt_lang),
                        weights=cheap if plan is not None else weights or cheap,
                        use_similarity=full_text)
    if lexicon is not False and (scorer.w.lexicon or (plan and plan.weights.lexicon)):
        scorer.words = word_evidence(src, tgt, src_lang, tgt_lang)
    phase("aligning")
    passes = run_passes(scorer, src, tgt, src_lang, tgt_lang,
                        EXTENDED_MOVES if extended_moves else LINK_MOVES, mode, plan,
                        on_phase=phase)
    steps, search, used = passes.steps, passes.settings, passes.mode
    steps = [Step(tuple(src_keep[i] for i in st.src), tuple(tgt_keep[j] for j in st.tgt),
                  st.score) for st in steps] + blanks
    settings: dict[str, Any] = {
        "align": used,
        "align_requested": mode,
        "expansion": round(scorer.expansion, 3),
        "similarity_signal": round(scorer.sim_signal, 2),
        "glossary": glossary.digest,
        "lexicon": scorer.words.name if scorer.words is not None else "none",
        **search,
        **translator_settings,
        **scorer.w.as_settings(),
    }
    if plan is not None:
        settings["vector_cheap_weights"] = "text" if full_text else "skeleton"
    return Alignment(src_lang, tgt_lang, used, order_links(steps), Signature(settings))


def order_links(steps: Sequence[Step]) -> list[Link]:
    """Links sorted by target position; an omission follows the link holding the
    source sentence just before it, so the list reads in target order."""
    # An omission or addition has no evidence for or against it: score 0.
    links = [Link(s.src, s.tgt, round(s.score, 4) if s.src and s.tgt else 0.0) for s in steps]
    src_key: dict[int, tuple[float, int]] = {}
    for link in links:
        if link.tgt:
            for i in link.src:
                src_key[i] = (link.tgt[0], 0)
    # The key of the nearest linked source sentence at or before each position, built in
    # one pass (looking back from every omission made long one-sided pairs quadratic).
    nearest: list[tuple[float, int]] = []
    for p in range(1 + max((i for link in links for i in link.src), default=-1)):
        nearest.append(src_key.get(p, nearest[-1] if nearest else (-1, 0)))
    keyed = []
    for order, link in enumerate(links):
        if link.tgt:
            key: tuple[float, ...] = (link.tgt[0], 0, order)
        else:
            i = link.src[0]
            prev = nearest[i - 1] if i > 0 else (-1, 0)
            key = (prev[0], 1, order)
        keyed.append((key, link))
    keyed.sort(key=lambda kv: kv[0])
    return [link for _, link in keyed]


def _renderings(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
                translator: str, translation: Sequence[str] | None,
                gloss: Glossary | None) -> tuple[list[str], list[str], dict[str, Any]]:
    """Both sides in one comparable language, and the translator settings used."""
    if translation is not None:
        return list(translation), tgt, {"translator": "file", "translator_version": "user"}
    if same_language(src_lang, tgt_lang):
        return src, tgt, {"translator": "identity", "translator_version": "1"}
    fields: dict[str, Any] = {}
    rendered = []
    for texts, lang, side in ((src, src_lang, "src"), (tgt, tgt_lang, "tgt")):
        if base(lang) == "en" or not texts:
            rendered.append(texts)
            continue
        from provenance.translate import get_translator

        backend = get_translator(lang, "en", translator, glossary=gloss)
        rendered.append(backend.translate(texts))
        fields[f"translator_{side}"] = backend.name
        fields[f"translator_{side}_version"] = backend.version
    names = sorted({v for k, v in fields.items() if not k.endswith("version")})
    fields["translator"] = "+".join(names) or "identity"
    return rendered[0], rendered[1], fields
