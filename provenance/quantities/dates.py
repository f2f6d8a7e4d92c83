"""Dates and times in text (filled in below the number core)."""

from __future__ import annotations

import datetime as dt

from provenance.quantities.model import Quantity


def find_dates(text: str, lang: str, published: dt.date | None) -> list[Quantity]:
    """Date and time quantities in ``text`` (``lang`` is a base code)."""
    return []
