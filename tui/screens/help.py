"""Keys and marks, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from provenance.drift.kinds import KINDS, SEVERITY_LEVELS

HELP = """\
# provenance

**Everywhere**: `c` corpus · `k` claims · `l` glossary · `e` export · `?` help ·
`ctrl+p` command palette (themes too) · `q` quit

**Corpus**: `enter` compare the selected relay with the reference · `s` or click a
header to sort · `r` re-analyse from scratch

**Compare**: `n` / `p` next / previous finding · `f` filter by kind and severity ·
`r` switch the reference article · `/` search both sides (`escape`: done) · `a` add a
glossary form from the selected row's relay sentence · `escape` back. Under the table:
the row's findings, and for a foreign sentence beside an English one the words matched
across (glossary, quantity, dictionary, transliteration)

**Claims**: one row per claim (what one source sentence asserts, as every witness
carries it), the witnesses' readings below, `✗` where one departs from the consensus of
independent witnesses · `d` next claim with a departure (of the relay you came from) ·
`r` switch the reference · `escape` back

**Glossary**: type to search (the search box has the keyboard: every key is text) ·
`escape` to the table, then `a` add a form to the highlighted concept · `/` back to
the search box · `escape` back

Rows pair reference and relay sentences; `· · ·` is a gap (a sentence with no
counterpart). Underlined words are glossary terms. Drifted spans are shown in reverse
video with a mark before them:

"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        marks = "\n".join(f"- `{k.symbol}` {k.name}: {k.description}" for k in KINDS.values())
        severities = " · ".join(f"`{s.mark}` {s.name}" for s in SEVERITY_LEVELS.values())
        analysis = self.app.analysis  # type: ignore[attr-defined]
        # the settings of the analysis, which the corpus screen shows only when wide
        signature = f"\n\nThis analysis: `{analysis.signature}`\n" if analysis else ""
        with VerticalScroll(classes="modal"):
            yield Markdown(HELP + marks + f"\n\nSeverity: {severities}\n" + signature)
