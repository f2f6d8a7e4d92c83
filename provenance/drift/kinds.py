"""The drift vocabulary: how every surface orders, names, marks and colours drift.

One table of kinds and one of severities, read by the reports (HTML, SVG, Markdown, JSON
ordering) and the terminal UI, and meant for the CLI text output too, so that ``◷`` means a date and
``@`` an entity wherever a reader meets them, and the chart, the legend and the TUI
agree on colours.

Adding a kind is one line in :data:`KINDS`. A kind a newer detector emits before this
table knows it still renders everywhere: it takes the neutral :data:`OTHER_KIND` look
and sorts after the known kinds, alphabetically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from provenance.errors import BadInput
from provenance.model import SEVERITIES, SEVERITY_WEIGHTS


@dataclass(frozen=True)
class DriftKind:
    """How one kind of drift is shown.

    ``symbol`` is one terminal cell wide. Colour is never the only carrier of the kind
    (print, colour blindness): every highlight shows the symbol too.
    """

    name: str  # as in Finding.kind
    order: int  # display position: legends, columns, stacked bars
    symbol: str
    label: str  # a heading or legend entry
    description: str  # one line for help screens: what a reader should check
    colour: str  # "#rrggbb" for HTML and SVG (Okabe–Ito based)
    terminal: str  # a Rich colour name, as close in hue to ``colour`` as 16 colours allow


@dataclass(frozen=True)
class SeverityLevel:
    """How one severity is weighed and shown; ``order`` 0 is the least severe."""

    name: str  # as in Finding.severity
    order: int
    label: str
    weight: int  # MQM weight: scores add up across findings
    mark: str  # one cell, shown before the severity in the TUI
    colour: str  # a CSS colour for HTML
    terminal: str  # a Rich style for the terminal


def _kinds(*rows: tuple[str, str, str, str, str, str]) -> dict[str, DriftKind]:
    return {name: DriftKind(name, order, symbol, label, description, colour, terminal)
            for order, (name, symbol, label, description, colour, terminal) in enumerate(rows)}


#: Every kind the detectors emit, in display order.
KINDS: dict[str, DriftKind] = _kinds(
    ("number", "#", "Number", "a number, amount, count or percentage differs",
     "#d55e00", "red"),
    ("date", "◷", "Date", "a date or time differs", "#e69f00", "yellow"),
    ("entity", "@", "Entity", "a person, organisation or place changed, appeared or vanished",
     "#0072b2", "blue"),
    ("term", "≈", "Term", "a glossary concept is rendered by another concept", "#56b4e9", "cyan"),
    ("attribution", "❝", "Attribution",
     "the cited source changed, appeared or vanished (a claim stated as fact)",
     "#cc79a7", "magenta"),
    ("certainty", "?", "Certainty", "a hedge (reportedly, may, 据报道) added or removed",
     "#009e73", "green"),
    ("negation", "¬", "Negation", "a negation added or removed: the polarity flipped",
     "#a50026", "bright_red"),
    ("relation", "↔", "Relation", "how the actors relate changed (spoke with → met with)",
     "#7b6bb0", "bright_blue"),
    ("omission", "−", "Omission", "a reference sentence the relay does not carry",
     "#777777", "bright_black"),
    ("addition", "+", "Addition", "a relay sentence the reference does not have",
     "#b8a000", "bright_yellow"),
)

#: The look of a kind this table does not describe (``name`` and ``label`` are filled in).
OTHER_KIND = DriftKind("other", len(KINDS), "•", "Other", "a kind this version does not describe",
                       "#444444", "white")

_SEVERITY_LOOK: dict[str, tuple[str, str, str, str]] = {
    # name: (label, mark, HTML colour, terminal style)
    "minor": ("Minor", "·", "#555", "cyan"),
    "major": ("Major", "▲", "#b35900", "yellow"),
    "critical": ("Critical", "✖", "#b00020", "bold red"),
}



def _severity(order: int, name: str) -> SeverityLevel:
    label, mark, colour, terminal = _SEVERITY_LOOK[name]
    return SeverityLevel(name, order, label, SEVERITY_WEIGHTS[name], mark, colour, terminal)


#: The severities, least severe first; the order and weights are the model's.
SEVERITY_LEVELS: dict[str, SeverityLevel] = {
    name: _severity(order, name) for order, name in enumerate(SEVERITIES)
}


def drift_kind(name: str) -> DriftKind:
    """The look of ``name``; an unknown kind gets :data:`OTHER_KIND`'s, under its own name."""
    known = KINDS.get(name)
    return known if known is not None else replace(OTHER_KIND, name=name, label=name)


def kind_symbol(name: str) -> str:
    known = KINDS.get(name)  # called once per highlighted span: no object built
    return known.symbol if known is not None else OTHER_KIND.symbol


def kind_colour(name: str) -> str:
    known = KINDS.get(name)
    return known.colour if known is not None else OTHER_KIND.colour


def kind_order(kinds: Iterable[str]) -> list[str]:
    """Known kinds in their display order, then any others alphabetically (no repeats)."""
    present = set(kinds)
    return [k for k in KINDS if k in present] + sorted(present - KINDS.keys())


def severity_level(name: str) -> SeverityLevel:
    """The severity called ``name``; BadInput for anything else."""
    try:
        return SEVERITY_LEVELS[name]
    except KeyError:
        raise BadInput(f"unknown severity {name!r} (choose from {', '.join(SEVERITIES)})")\
            from None


def worst_first(counts: Mapping[str, int], *, keep_zero: bool = False
                ) -> list[tuple[SeverityLevel, int]]:
    """(severity, count) pairs, critical first, from counts by severity name; severities
    with no finding left out unless ``keep_zero``."""
    return [(level, counts.get(level.name, 0)) for level in reversed(SEVERITY_LEVELS.values())
            if keep_zero or counts.get(level.name)]


def count_severities(severities: Iterable[str]) -> dict[str, int]:
    """How many findings of each severity name."""
    return dict(Counter(severities))


def severity_mark(name: str) -> str:
    """The one-cell mark of a severity (``▲`` for major); ``•`` for a name the table
    does not know (a report of a newer analysis still renders)."""
    level = SEVERITY_LEVELS.get(name)
    return level.mark if level is not None else OTHER_KIND.symbol


def severity_rank(name: str) -> int:
    """0 for minor, 1 for major, 2 for critical; BadInput for anything else."""
    return severity_level(name).order


def sentence_numbers(indices: Iterable[int], sep: str = ", ") -> str:
    """Sentence indices as a person reads them: 1-based, runs as ranges.

    ``(3, 9, 10, 11, 12)`` -> ``"4, 10–13"``. Every surface a person reads (CLI text,
    TUI, HTML, Markdown, CSV) numbers sentences this way; JSON keeps 0-based indices.
    """
    runs: list[list[int]] = []
    for n in sorted({i + 1 for i in indices}):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return sep.join(str(r[0]) if len(r) == 1 else f"{r[0]}{sep}{r[1]}" if len(r) == 2
                    else f"{r[0]}–{r[-1]}" for r in runs)


def weights_text() -> str:
    """``minor 1, major 5, critical 25``: the weights as reports state them."""
    return ", ".join(f"{s.name} {s.weight}" for s in SEVERITY_LEVELS.values())
