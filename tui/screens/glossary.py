"""The glossary screen: browse and search concepts, add forms.

It opens with the keyboard in the search box, so typing searches: every key is text
there ("space" does not press ``a``, "blue" does not press ``e``). Escape (or Down, or
Enter) moves to the table, where the keys act: ``a`` adds a form to the highlighted
concept, ``/`` goes back to the box, Escape leaves the screen.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from provenance.lang import FULL, glossary_codes, languages
from tui.components.search_box import SearchBox
from tui.plain import plain

#: One column per fully supported language (zh-Hans stands for Chinese: the table has
#: no room for both scripts; the detail pane shows every form).
LANGS = glossary_codes(languages(tier=FULL, one_per_base=True))
#: The heading of the column the other languages share on a narrow screen.
OTHERS = "other languages"


class ConceptTable(DataTable[object]):
    """The concepts; the screen's keys are bound here, so they act only while the
    table, not the search box, has the keyboard."""

    BINDINGS = [
        Binding("a", "screen.add_variant", "Add form"),
        Binding("slash", "screen.focus_search", "Search"),
    ]


class GlossaryScreen(Screen[None]):
    AUTO_FOCUS = "#glossary-search"
    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(target="#concepts", id="glossary-search",
                        placeholder="type to search id, category or any form; Esc: the table")
        with Container(id="glossary-body"):
            yield ConceptTable(id="concepts", cursor_type="row", zebra_stripes=True)
            yield Static(id="concept-detail")
        yield Footer(compact=True, show_command_palette=False)  # ^p: in the help

    def on_mount(self) -> None:
        self.refill("")

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")
        self.refill(self.query_one("#glossary-search", Input).value)

    def _wide(self) -> bool:
        return self.size.width >= 120

    def _columns(self, table: DataTable) -> None:
        # Wide: one column per language, sharing what id and category leave in the
        # table's 2/3 of the screen. Narrow, five columns of six cells would show
        # "Blue O" and "Дональ": English gets a column, the other languages share one
        # (each form after its language), and the pane below shows every form.
        width = self.size.width * 2 // 3 if self._wide() else self.size.width
        fixed = {"id": 18, "category": 10}
        names = list(LANGS) if self._wide() else ["en", OTHERS]
        # each column padded by one a side, a scrollbar and a margin
        free = width - sum(fixed.values()) - 2 * (len(fixed) + len(names)) - 4
        sizes = ([max(6, free // len(names))] * len(names) if self._wide()
                 else [free * 2 // 5, free - free * 2 // 5])
        table.clear(columns=True)
        for name, size in [*fixed.items(), *zip(names, sizes, strict=True)]:
            table.add_column(name, key=name, width=size)

    def show_analysis(self, analysis: object) -> None:
        # A saved form re-runs the analysis; the glossary was reloaded with it.
        self.refill(self.query_one("#glossary-search", Input).value)

    def refill(self, query: str) -> None:
        glossary = self.app.glossary  # type: ignore[attr-defined]
        table = self.query_one("#concepts", DataTable)
        self._columns(table)
        if glossary is None:
            self.query_one("#concept-detail", Static).update("loading the glossary...")
            return
        needle = query.strip().casefold()
        for concept in sorted(glossary.concepts.values(), key=lambda c: c.id):
            forms = {lang: ", ".join(f.text for f in concept.forms.get(lang, []))
                     for lang in LANGS}
            haystack = " ".join([concept.id, concept.category, concept.canonical,
                                 *(f.text for _, f in concept.all_forms())]).casefold()
            if needle and needle not in haystack:
                continue
            cells = ([forms[lang] for lang in LANGS] if self._wide() else
                     [forms["en"], " · ".join(f"{lang} {forms[lang]}" for lang in LANGS
                                              if lang != "en" and forms[lang])])
            table.add_row(plain(concept.id), plain(concept.category),
                          *(plain(cell) for cell in cells), key=concept.id)
        self._show_detail()

    @on(Input.Changed, "#glossary-search")
    def _search(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#glossary-search")
    def _to_results(self) -> None:
        self.query_one("#concepts", DataTable).focus()

    @on(DataTable.RowHighlighted, "#concepts")
    def _highlighted(self) -> None:
        self._show_detail()

    def _selected_id(self) -> str | None:
        table = self.query_one("#concepts", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show_detail(self) -> None:
        detail = self.query_one("#concept-detail", Static)
        concept_id = self._selected_id()
        glossary = self.app.glossary  # type: ignore[attr-defined]
        if concept_id is None or glossary is None:
            detail.update("no concept matches")
            return
        concept = glossary.get(concept_id)
        text = Text(f"{concept.canonical}", style="bold")
        text.append(f"  {concept.id} · {concept.category}\n", style="dim")
        for lang, form in concept.all_forms():
            style = "strike red" if form.status == "deprecated" else ""
            text.append(f"  {lang:<8} ")
            text.append(form.text, style=style)
            text.append(f"  {form.status}\n", style="dim")
        if concept.notes:
            text.append(f"\n{concept.notes}\n", style="italic")
        detail.update(text)

    def action_focus_search(self) -> None:
        self.query_one("#glossary-search", Input).focus()

    def action_add_variant(self) -> None:
        from tui.components.variant_modal import VariantModal

        self.app.push_screen(VariantModal(concept_id=self._selected_id() or ""))

    def action_back(self) -> None:
        self.app.pop_screen()
