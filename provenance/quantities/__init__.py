"""Quantities and dates across scripts: the normaliser that makes number drift visible.

``extract_quantities(text, lang, published)`` finds numbers, money, percentages,
ordinals, counts, dates and times with their spans; ``Quantity.compare`` tells whether
two of them say the same thing ("$5.9 billion" and "59亿美元" do, "5.9亿美元" is ten times
smaller).

Conventions other modules can rely on:
- ``Quantity.date`` is ISO 8601 text: "2025-06-26", "2025-06", "2025",
  "2025-06-26T17:15", "T17:15" (a time alone), periods "2024-06/2024-08" (last summer)
  and "1880/1889" (the 1880s); without a publication date a year-less date keeps an
  unknown year ("--06-26", "--06", "---26" for a bare day). `DateValue.parse` reads them.
- ``Quantity.note`` says how a date was obtained: "year from the publication date",
  "day of the publication month", "decade", or "relative:<key>" with a language-neutral
  key ("relative:month+0", "relative:year-1", "relative:season-1:summer",
  "relative:weekday=4", "relative:ago:31:minute"); relative dates without a
  publication date have ``date=None`` and still compare by that key.
- ``Comparison.verdict`` judges the magnitude (value, currency, date); qualifier, unit
  and currency changes are listed in ``notes`` ("qualifier dropped: at_least").
"""

from provenance.quantities.datevalue import DateValue
from provenance.quantities.extract import extract_quantities
from provenance.quantities.model import Comparison, Quantity

__all__ = ["Comparison", "DateValue", "Quantity", "extract_quantities"]
