"""Quantities and dates across scripts: the normaliser that makes number drift visible.

``extract_quantities(text, lang, published)`` finds numbers, money, percentages,
ordinals, counts, dates and times with their spans; ``Quantity.compare`` tells whether
two of them say the same thing ("$5.9 billion" and "59亿美元" do, "5.9亿美元" is ten times
smaller).
"""

from provenance.quantities.extract import extract_quantities
from provenance.quantities.model import Comparison, Quantity

__all__ = ["Comparison", "Quantity", "extract_quantities"]
