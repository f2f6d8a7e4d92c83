"""Add a glossary form from the text of a sentence.

Select the words in the sentence (or type them), name the concept they render and say
whether the form is preferred, admitted or deprecated (a known mistranslation, e.g.
"Space Force Command" for the US Space Force). Errors from the glossary validator are
shown here, inline; a saved form triggers a re-analysis in the background.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, TextArea
from textual.worker import Worker, WorkerState

from provenance.errors import ProvenanceError
from provenance.lang import glossary_code
from tui.components.dialog import buttons, field
from tui.errorlog import log_error
from tui.messages import GlossaryChanged
from tui.plain import plain

STATUSES = ("preferred", "admitted", "deprecated")


class VariantModal(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("ctrl+u", "use_selection", "Use selection")]

    def __init__(self, *, sentence: str = "", lang: str = "en", concept_id: str = "") -> None:
        super().__init__()
        self.sentence, self.lang, self.concept_id = sentence, lang, concept_id

    def compose(self) -> ComposeResult:
        # One line per field (label beside a borderless input), the buttons docked at
        # the bottom: the whole dialog fits 80x24 with the sentence shown.
        with Vertical(classes="modal"):
            if self.sentence:
                yield Label("Select words in the sentence, then ctrl+u to use them:")
                yield TextArea(self.sentence, read_only=True, id="sentence",
                               soft_wrap=True)
            yield field("Form", Input(id="form", placeholder="as written, e.g. Space Force "
                                      "Command", compact=True))
            yield field("Concept id", Input(value=self.concept_id, id="concept",
                                            placeholder="an existing concept, e.g. "
                                                        "us-space-force", compact=True))
            yield field("Language", Input(value=glossary_code(self.lang), id="lang",
                                          compact=True))
            yield field("Status", RadioSet(
                *[RadioButton(status, value=status == "preferred", compact=True)
                  for status in STATUSES], id="status", compact=True))
            yield Label("", id="variant-error", classes="error")
            yield buttons(Button("Save", variant="primary", id="save"),
                          Button("Cancel", id="cancel"))

    def action_use_selection(self) -> None:
        area = self.query("#sentence")
        if area:
            selected = area.first(TextArea).selected_text.strip()
            if selected:
                self.query_one("#form", Input).value = selected

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        status_index = self.query_one("#status", RadioSet).pressed_index
        self.query_one("#variant-error", Label).update("")
        self.save(
            self.query_one("#concept", Input).value.strip(),
            self.query_one("#lang", Input).value.strip(),
            self.query_one("#form", Input).value.strip(),
            STATUSES[max(status_index, 0)],
        )

    @work(thread=True, exclusive=True, group="glossary-save", exit_on_error=False)
    def save(self, concept_id: str, lang: str, text: str, status: str) -> str:
        """Write the form; returns what happened (the state handler shows it)."""
        from provenance.glossary.edit import add_variant

        glossary = self.app.glossary  # type: ignore[attr-defined]
        if not text:
            raise ProvenanceError("type or select the form to add")
        if glossary is None or concept_id not in glossary:
            raise ProvenanceError(f"no concept {concept_id!r} in the glossary")
        add_variant(glossary.get(concept_id).source, concept_id, lang, text, status,
                    context=glossary.paths)
        return f"added {status} {lang} form {text!r} to {concept_id}"

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log_error("adding a glossary form failed", error)
            self.query_one("#variant-error", Label).update(plain(error))
        elif event.state == WorkerState.SUCCESS:
            self.app.post_message(GlossaryChanged(str(event.worker.result)))
            self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
