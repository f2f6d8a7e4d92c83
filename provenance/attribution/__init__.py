"""Attribution: who an article cites, in en, zh, ko, uk and ru.

* :func:`extract_attributions` reads one sentence;
* :func:`article_attributions` reads a whole article and resolves "the Journal";
* :func:`citation_markers` finds aggregator footnote digits ("Journal12").
"""

from provenance.attribution.extract import extract_attributions
from provenance.attribution.markers import citation_markers
from provenance.attribution.outlets import is_relay, looks_like_outlet
from provenance.attribution.references import article_attributions, resolve_short_references

__all__ = ["article_attributions", "citation_markers", "extract_attributions", "is_relay",
           "looks_like_outlet", "resolve_short_references"]
