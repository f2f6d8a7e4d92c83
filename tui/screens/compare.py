"""The compare screen: the reference beside one relay, sentence pairs on shared rows.

Under the table, the highlighted row's findings, and for a foreign sentence beside an
English one the words matched across (:func:`provenance.explain.explain_pair`), read in
a worker thread: the first row loads the dictionaries (about a second), later rows take
milliseconds and are kept.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from provenance.crosslingual.wordlink import WordLink
from provenance.drift.kinds import kind_order
from provenance.lang import base
from provenance.model import SEVERITIES, CorpusAnalysis, Finding, Link
from tui.components.aligned_table import AlignedTable
from tui.components.findings_panel import FindingsPanel
from tui.components.search_box import SearchBox, letter_actions, typing
from tui.plain import styled
from tui.screens.base import AnalysisScreen


class CompareScreen(AnalysisScreen):
    AUTO_FOCUS = "#aligned"
    BINDINGS = [
        Binding("n", "next_finding", "Next finding"),
        Binding("p", "previous_finding", "Prev finding"),
        Binding("f", "filter", "Filter"),
        Binding("r", "switch_reference", "Reference"),
        Binding("slash", "search", "Search"),
        Binding("a", "add_term", "Add term"),
        Binding("escape", "back", "Back"),
    ]
    LETTER_ACTIONS = letter_actions(BINDINGS)

    def __init__(self, relay_id: str) -> None:
        super().__init__()
        self.relay_id = relay_id
        self.kinds: set[str] = set()  # empty: every kind
        self.min_severity = "minor"
        self._search = ""
        #: (reference sentences, relay sentences) -> the words matched across them
        self._words: dict[tuple[tuple[int, ...], tuple[int, ...]], list[WordLink]] = {}
        self._words_for: tuple[str, object] | None = None  # (reference, alignment) of those

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="pair-title")
        yield SearchBox(target="#aligned", hide_on_leave=True, id="search",
                        placeholder="search both sides, Enter for next match, Esc: done")
        yield AlignedTable(id="aligned")
        yield FindingsPanel(id="findings")
        yield Footer(compact=True, show_command_palette=False)  # ^p: in the help

    # -- rendering ---------------------------------------------------------------------
    def visible_findings(self, findings: list[Finding]) -> list[Finding]:
        floor = SEVERITIES.index(self.min_severity)
        return [f for f in findings if SEVERITIES.index(f.severity) >= floor
                and (not self.kinds or f.kind in self.kinds)]

    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        pair = analysis.pair_for(self.relay_id)
        if pair is None:  # the relay became the reference: nothing to compare here
            self.app.pop_screen()
            return
        reference = analysis.article(pair.reference_id)
        relay = analysis.article(self.relay_id)
        if self._words_for != (reference.id, pair.alignment):
            self._words, self._words_for = {}, (reference.id, pair.alignment)
        findings = self.visible_findings(pair.findings)
        table = self.query_one(AlignedTable)
        cursor = table.cursor_row
        table.show_pair(reference, relay, pair, findings, self._term_finder(), self.size.width)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        filt = "all kinds" if not self.kinds else ", ".join(kind_order(self.kinds))
        # One line for who is compared with whom (each name cut to half the width), one
        # for the counts: the table keeps the height.
        room = max(12, (self.size.width - 32) // 2)  # the rest of the line is 30 cells
        self.query_one("#pair-title", Static).update(styled(
            "ref ", (_cut(reference.label, room), "bold"), f" ({reference.lang}) ⇄ relay ",
            (_cut(relay.label, room), "bold"), f" ({relay.lang})\n",
            f"drift {pair.drift_score} · {len(findings)}/{len(pair.findings)} findings "
            f"({filt}, ≥ {self.min_severity}) · {pair.alignment.mode} alignment"))
        self._show_row_findings()

    def _term_finder(self):  # type: ignore[no-untyped-def]
        glossary = self.app.glossary  # type: ignore[attr-defined]
        if glossary is None:
            return None
        return lambda text, lang: [(m.start, m.end) for m in glossary.match(text, lang)]

    @on(AlignedTable.RowHighlighted, "#aligned")
    def _row_highlighted(self) -> None:
        self._show_row_findings()

    def _show_row_findings(self) -> None:
        table = self.query_one(AlignedTable)
        if not table.rows_data:
            self.query_one(FindingsPanel).show([], "no sentences")
            return
        row = table.rows_data[min(table.cursor_row, len(table.rows_data) - 1)]
        key = (row.link.src, row.link.tgt)
        self.query_one(FindingsPanel).show(row.findings, _row_label(row.link),
                                           self._words.get(key, ()))
        if key not in self._words and row.link.src and row.link.tgt:
            self._match_words(row.link)

    @work(thread=True, exclusive=True, group="words", description="matching words")
    def _match_words(self, link: Link) -> None:
        from provenance.explain import explain_pair

        analysis = self.app.analysis  # type: ignore[attr-defined]
        pair = analysis.pair_for(self.relay_id)
        if pair is None:
            return
        reference, relay = analysis.article(pair.reference_id), analysis.article(self.relay_id)
        src_lang = reference.sentences[link.src[0]].lang or reference.lang
        tgt_lang = relay.sentences[link.tgt[0]].lang or relay.lang
        if (base(src_lang) == "en") == (base(tgt_lang) == "en"):
            words: list[WordLink] = []  # same side of English: the words speak for themselves
        else:
            words = explain_pair(" ".join(reference.sentences[i].text for i in link.src),
                                 src_lang,
                                 " ".join(relay.sentences[j].text for j in link.tgt),
                                 tgt_lang, self.app.glossary)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._words_matched, link, words)

    def _words_matched(self, link: Link, words: list[WordLink]) -> None:
        self._words[(link.src, link.tgt)] = words
        table = self.query_one(AlignedTable)
        if words and table.rows_data and table.rows_data[
                min(table.cursor_row, len(table.rows_data) - 1)].link == link:
            self._show_row_findings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in self.LETTER_ACTIONS and typing(self.app))

    # -- navigation --------------------------------------------------------------------
    def _jump(self, step: int) -> None:
        table = self.query_one(AlignedTable)
        rows = table.rows_data
        here = table.cursor_row
        for offset in range(1, len(rows) + 1):
            index = here + step * offset
            if not 0 <= index < len(rows):
                break
            if rows[index].findings:
                table.move_cursor(row=index)
                return
        self.notify("no further finding" + (" with this filter" if self.kinds else ""),
                    timeout=2)

    def action_next_finding(self) -> None:
        self._jump(+1)

    def action_previous_finding(self) -> None:
        self._jump(-1)

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.query_one(AlignedTable).focus()
            return
        self.app.pop_screen()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        needle = event.value.strip().lower()
        if not needle:
            return
        table = self.query_one(AlignedTable)
        analysis = self.app.analysis  # type: ignore[attr-defined]
        pair = analysis.pair_for(self.relay_id)
        reference = analysis.article(pair.reference_id)
        relay = analysis.article(self.relay_id)
        rows = table.rows_data
        start = table.cursor_row + (1 if needle == self._search else 0)
        self._search = needle
        for offset in range(len(rows)):
            index = (start + offset) % len(rows)
            link = rows[index].link
            texts = [reference.sentences[i].text for i in link.src]
            texts += [relay.sentences[j].text for j in link.tgt]
            if any(needle in t.lower() for t in texts):
                table.move_cursor(row=index)
                return
        self.notify(f"{event.value!r} not found", timeout=2, markup=False)

    def action_filter(self) -> None:
        from tui.components.filter_modal import FilterModal

        analysis = self.app.analysis  # type: ignore[attr-defined]
        pair = analysis.pair_for(self.relay_id)
        kinds = kind_order(f.kind for f in pair.findings)

        def apply(result: tuple[set[str], str] | None) -> None:
            if result is not None:
                self.kinds, self.min_severity = result
                self.show_analysis(self.app.analysis)  # type: ignore[attr-defined]

        self.app.push_screen(FilterModal(kinds, self.kinds, self.min_severity), apply)

    def action_switch_reference(self) -> None:
        self.app.choose_reference()  # type: ignore[attr-defined]

    def action_add_term(self) -> None:
        from tui.components.variant_modal import VariantModal

        analysis = self.app.analysis  # type: ignore[attr-defined]
        table = self.query_one(AlignedTable)
        if not table.rows_data:
            return
        relay = analysis.article(self.relay_id)
        link = table.rows_data[table.cursor_row].link
        sentence = " ".join(relay.sentences[j].text for j in link.tgt)
        lang = (relay.sentences[link.tgt[0]].lang if link.tgt else None) or relay.lang
        self.app.push_screen(VariantModal(sentence=sentence, lang=lang))


def _row_label(link: Link) -> str:
    return f"ref {sentence_numbers(link.src)} ⇄ relay {sentence_numbers(link.tgt)}"


def sentence_numbers(indices: tuple[int, ...]) -> str:
    """Sentence numbers as every surface writes them (:func:`provenance.drift.kinds.
    sentence_numbers`: from 1, runs as ranges); ``—`` for none (a gap)."""
    from provenance.drift.kinds import sentence_numbers as numbered

    return numbered(indices) or "—"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
