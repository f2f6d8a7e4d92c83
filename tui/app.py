"""The provenance terminal UI: one factory for the CLI and the tests.

The app owns the analysis (a ``CorpusAnalysis`` from the library) and the glossary; the
screens present them. Analysis runs in a thread worker that posts messages back, so the
UI never blocks: a corpus analysed before opens at once from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from provenance.errors import ProvenanceError
from provenance.model import CorpusAnalysis
from provenance.store import Store
from tui.messages import AnalysisFailed, AnalysisProgress, AnalysisReady, GlossaryChanged


class ProvenanceApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "provenance"
    BINDINGS = [
        Binding("c", "corpus", "Corpus"),
        Binding("l", "glossary", "Glossary"),
        Binding("e", "export", "Export"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, paths: Sequence[str | Path], *, reference: str | None = None,
                 store: Store | None = None, glossary_paths: Sequence[str | Path] = (),
                 analysis: CorpusAnalysis | None = None) -> None:
        """``analysis``, when given, is shown at start-up in place of the stored or freshly
        computed one (a saved analysis; the tests' frozen fixture); later re-analyses
        (another reference, a glossary edit) run the pipeline as usual."""
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.reference = reference
        self.store = store or Store()
        self.glossary_paths = [Path(p) for p in glossary_paths]
        self._given = analysis
        self.analysis: CorpusAnalysis | None = None
        self.glossary = None  # loaded with the analysis, in the worker
        self.sub_title = ", ".join(p.name for p in self.paths)

    # -- start-up and analysis ---------------------------------------------------------
    def on_mount(self) -> None:
        from tui.screens.corpus import CorpusScreen

        self.push_screen(CorpusScreen())
        self.analyze()

    @work(thread=True, exclusive=True, group="analysis", description="analysing corpus")
    def analyze(self, fresh: bool = False) -> None:
        from provenance.glossary import Glossary
        from provenance.pipeline import analyze_corpus, load_previous

        try:
            # Always a fresh load: the file may have been edited since the last one.
            self.glossary = Glossary.load(self.glossary_paths or None)
            if self._given is not None:  # shown once, as it was given
                given, self._given = self._given, None
                self.post_message(AnalysisReady(given, from_store=True))
                return
            if not fresh:
                previous = load_previous(self.paths, self.glossary, self.store)
                if previous and (self.reference in (None, previous.reference_id)):
                    self.post_message(AnalysisReady(previous, from_store=True))
                    return
            analysis = analyze_corpus(
                self.paths, reference=self.reference, store=self.store,
                glossary_paths=self.glossary_paths or None, glossary=self.glossary,
                # In the UI's worker thread, not a process pool: spawning processes from
                # under Textual's driver fails (its stdio is not a real file).
                reuse=not fresh, workers=1,
                progress=lambda stage, done, total: self.post_message(
                    AnalysisProgress(stage, done, total)),
            )
        except ProvenanceError as exc:
            self.post_message(AnalysisFailed(str(exc)))
            return
        except Exception as exc:  # shown on screen; the app and the store stay usable
            self.post_message(AnalysisFailed(f"internal error: {type(exc).__name__}: {exc}"))
            return
        self.post_message(AnalysisReady(analysis, from_store=False))

    def reanalyze(self, reference: str | None = None) -> None:
        """Analyse again, e.g. against another reference article or a changed glossary."""
        if reference is not None:
            self.reference = reference
        self.analyze(fresh=False)

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self.analysis = message.analysis
        for screen in self.screen_stack:
            if hasattr(screen, "show_analysis"):
                screen.show_analysis(message.analysis)
        if not message.from_store:
            self.notify("analysis done and stored", timeout=3)

    @on(AnalysisProgress)
    def _analysis_progress(self, message: AnalysisProgress) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "show_progress"):
                screen.show_progress(message.stage, message.done, message.total)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.notify(message.error, title="analysis failed", severity="error", timeout=15)

    @on(GlossaryChanged)
    def _glossary_changed(self, message: GlossaryChanged) -> None:
        self.notify(f"{message.description}; re-analysing", timeout=4)
        self.analyze(fresh=False)  # the glossary digest is in the signature: pairs redo

    # -- actions -----------------------------------------------------------------------
    def action_corpus(self) -> None:
        # The stack is [default, corpus, ...]: back to the corpus screen.
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_glossary(self) -> None:
        from tui.screens.glossary import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen())

    def action_export(self) -> None:
        from tui.components.export_modal import ExportModal

        if self.analysis is None:
            self.notify("nothing to export yet: the analysis is still running")
            return
        self.push_screen(ExportModal(self.analysis))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Corpus", "The articles and the provenance graph", self.action_corpus)
        yield SystemCommand("Glossary", "Browse and extend the term glossary",
                            self.action_glossary)
        yield SystemCommand("Export report", "Write html, md, json, csv or tmx",
                            self.action_export)
        yield SystemCommand("Re-analyse", "Recompute the analysis from scratch",
                            lambda: self.analyze(fresh=True))
        yield SystemCommand("Help", "Keys and what the marks mean", self.action_help)


def run(paths: Sequence[str | Path], *, reference: str | None = None) -> None:
    ProvenanceApp(paths, reference=reference).run()
