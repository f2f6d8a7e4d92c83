"""Attribution: who an article cites, in en, zh, ko, uk and ru.

* :func:`extract_attributions` reads one sentence;
* :func:`article_attributions` reads a whole article and resolves "the Journal" (and
  "WJS" beside "Wall Street Journal": :mod:`provenance.attribution.spelling`);
* :func:`citation_markers` finds aggregator footnote digits ("Journal12");
* :func:`provenance.attribution.counts.source_count` reads how many people an unnamed
  source is ("three people close to Trump", "по словам источника").
"""

from provenance.attribution.extract import extract_attributions
from provenance.attribution.markers import citation_markers
from provenance.attribution.outlets import is_relay, looks_like_outlet
from provenance.attribution.references import article_attributions, resolve_short_references

__all__ = ["article_attributions", "citation_markers", "extract_attributions", "is_relay",
           "looks_like_outlet", "resolve_short_references"]
