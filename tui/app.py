"""The provenance terminal UI: one factory for the CLI and the tests.

The app owns the analysis (a ``CorpusAnalysis`` from the library) and the glossary; the
screens present them. Analysis runs in a thread worker that posts messages back, so the
UI never blocks: a corpus analysed before opens at once from the store.

No traceback reaches the screen. Expected failures (bad input, a busy store) are
notifications; the library's warnings (a damaged store replaced, files skipped) are
notifications too while the app runs; all of them are logged in
``$PROVENANCE_HOME/logs/tui.log``. An unexpected exception, which Textual answers by
stopping the app, is logged with its traceback and the app closes cleanly:
:func:`run` then raises :class:`UIStopped`, one ``error:`` line from the CLI.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from provenance.errors import ProvenanceError, ProvenanceWarning, RepairedInput, SkippedInput
from provenance.model import CorpusAnalysis
from provenance.store import Store
from tui.components.search_box import letter_actions, typing
from tui.errorlog import log_error, log_warning
from tui.messages import AnalysisFailed, AnalysisProgress, AnalysisReady, GlossaryChanged


class UIStopped(ProvenanceError):
    """The terminal UI closed after an internal error (details in the log)."""

    exit_code = 3


class ProvenanceApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "provenance"
    BINDINGS = [
        Binding("c", "corpus", "Corpus"),
        # Not in the footer (the help screen and the command palette list it): the
        # footers of the other screens stay as they were.
        Binding("k", "claims", "Claims", show=False),
        Binding("l", "glossary", "Glossary"),
        Binding("e", "export", "Export"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    #: Actions of the keys above that type a character: off while a text field types.
    LETTER_ACTIONS = letter_actions(BINDINGS)

    def __init__(self, paths: Sequence[str | Path], *, reference: str | None = None,
                 store: Store | None = None, glossary_paths: Sequence[str | Path] = (),
                 analysis: CorpusAnalysis | None = None, strict: bool = False) -> None:
        """``analysis``, when given, is shown at start-up in place of the stored or freshly
        computed one (a saved analysis; the tests' frozen fixture); later re-analyses
        (another reference, a glossary edit) run the pipeline as usual. ``strict``: a
        file that cannot be used as it is fails the analysis instead of being skipped."""
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.reference = reference
        self.strict = strict
        self._store = store
        self.glossary_paths = [Path(p) for p in glossary_paths]
        self._given = analysis
        self.analysis: CorpusAnalysis | None = None
        self.glossary = None  # loaded with the analysis, in the worker
        self.sub_title = ", ".join(p.name for p in self.paths)
        #: The internal error that closed the app, as one line (None while all is well).
        self.crash: str | None = None
        self._shown_warning: Any = None

    @property
    def store(self) -> Store:
        # Opened on first use, in the worker: a damaged store is then replaced with a
        # warning the UI shows, not an exception before the UI exists.
        if self._store is None:
            self._store = Store()
        return self._store

    # -- start-up and analysis ---------------------------------------------------------
    def on_mount(self) -> None:
        from tui.screens.corpus import CorpusScreen

        self._shown_warning = warnings.showwarning
        warnings.showwarning = self._show_warning
        self.push_screen(CorpusScreen())
        self.analyze()

    def on_unmount(self) -> None:
        if self._shown_warning is not None:
            warnings.showwarning = self._shown_warning

    # -- errors and warnings -----------------------------------------------------------
    def _show_warning(self, message: Warning | str, category: type[Warning], filename: str,
                      lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
        """Warnings, from any thread, go to the log; ours are shown as notifications
        (input issues as one summary when the analysis arrives)."""
        log_warning(f"{category.__name__}: {message}")
        if issubclass(category, ProvenanceWarning) and not issubclass(
                category, SkippedInput | RepairedInput):
            self.notify(str(message), title="warning", severity="warning", timeout=10,
                        markup=False)  # notify posts a message: safe from a worker thread

    def _handle_exception(self, error: Exception) -> None:
        """Log an unexpected error with its traceback and close the app cleanly.

        Textual stops the message loop that raised, so the app cannot go on; what it
        would print (a traceback holding the article's text) is replaced by the log and
        by :class:`UIStopped`, raised from :func:`run`.
        """
        _close_after(self, error)

    @work(thread=True, exclusive=True, group="analysis", description="analysing corpus")
    def analyze(self, fresh: bool = False) -> None:
        from provenance.glossary import Glossary
        from provenance.pipeline import analyze_corpus, load_previous, stored_reference

        try:
            # Always a fresh load: the file may have been edited since the last one.
            self.glossary = Glossary.load(self.glossary_paths or None)
            if self._given is not None:  # shown once, as it was given
                given, self._given = self._given, None
                self.post_message(AnalysisReady(given, from_store=True))
                return
            if not fresh:
                previous = load_previous(self.paths, self.glossary, self.store)
                # the reference asked for, else the one chosen for the corpus before
                wanted = self.reference or stored_reference(self.paths, self.store)
                if (previous and wanted in (None, previous.reference_id)
                        and not (self.strict and previous.issues)):
                    self.post_message(AnalysisReady(previous, from_store=True))
                    return
            analysis = analyze_corpus(
                self.paths, reference=self.reference, store=self.store,
                glossary_paths=self.glossary_paths or None, glossary=self.glossary,
                # In the UI's worker thread, not a process pool: spawning processes from
                # under Textual's driver fails (its stdio is not a real file).
                reuse=not fresh, workers=1, strict=self.strict,
                progress=lambda stage, done, total: self.post_message(
                    AnalysisProgress(stage, done, total)),
            )
        except ProvenanceError as exc:
            log_error(f"analysis failed: {exc}")
            self.post_message(AnalysisFailed(str(exc)))
            return
        except Exception as exc:  # shown on screen; the app and the store stay usable
            path = log_error("analysis failed with an internal error", exc)
            self.post_message(AnalysisFailed(
                f"internal error: {type(exc).__name__}: {_one_line(exc)} (details in {path})"))
            return
        self.post_message(AnalysisReady(analysis, from_store=False))

    def reanalyze(self, reference: str | None = None) -> None:
        """Analyse again, e.g. against another reference article (which the pipeline then
        keeps for the corpus, as ``analyze --reference`` does) or a changed glossary."""
        if reference is not None:
            self.reference = reference
        self.analyze(fresh=False)

    def choose_reference(self) -> None:
        """Open the reference picker (on the current reference); analyse again against
        the article chosen, if it is another one."""
        from tui.components.reference_modal import ReferenceModal

        analysis = self.analysis
        if analysis is None:  # still analysing: nothing to choose from yet
            return

        def switch(article_id: str | None) -> None:
            if article_id and article_id != analysis.reference_id:
                self.notify(f"comparing against {article_id}...", timeout=3, markup=False)
                self.reanalyze(reference=article_id)

        self.push_screen(ReferenceModal(analysis), switch)

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self.analysis = message.analysis
        for screen in self.screen_stack:
            if hasattr(screen, "show_analysis"):
                screen.show_analysis(message.analysis)
        if not message.from_store:
            self.notify("analysis done and stored", timeout=3)
        if issues := message.analysis.issues:
            for issue in issues:
                log_warning(str(issue))
            skipped = sum(issue.skipped for issue in issues)
            self.notify(f"{skipped} file(s) or article(s) skipped, {len(issues) - skipped} "
                        f"repaired: first {issues[0]}; all in the log", title="input issues",
                        severity="warning", timeout=15, markup=False)

    @on(AnalysisProgress)
    def _analysis_progress(self, message: AnalysisProgress) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "show_progress"):
                screen.show_progress(message.stage, message.done, message.total)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.notify(message.error, title="analysis failed", severity="error", timeout=15,
                    markup=False)

    @on(GlossaryChanged)
    def _glossary_changed(self, message: GlossaryChanged) -> None:
        self.notify(f"{message.description}; re-analysing", timeout=4, markup=False)
        self.analyze(fresh=False)  # the glossary digest is in the signature: pairs redo

    # -- actions -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a search box or a form field has the keyboard, "c" or "q" is a letter:
        # the footer must not offer them (the field takes the key before any binding).
        return not (action in self.LETTER_ACTIONS and typing(self))

    def action_corpus(self) -> None:
        # The stack is [default, corpus, ...]: back to the corpus screen.
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_claims(self) -> None:
        """The claims table; from a compare screen, focused on its relay."""
        from tui.screens.claims import ClaimsScreen

        if self.analysis is None:
            self.notify("no claims yet: the analysis is still running")
            return
        if isinstance(self.screen, ClaimsScreen):
            return
        if not (self.analysis.collation and self.analysis.collation.claims):
            self.notify("no claims: a story needs three or more articles to collate",
                        timeout=4)
            return
        self.push_screen(ClaimsScreen(focus=getattr(self.screen, "relay_id", None)))

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
        yield SystemCommand("Claims", "Every witness's reading of each claim, and who departs "
                            "from the consensus", self.action_claims)
        yield SystemCommand("Glossary", "Browse and extend the term glossary",
                            self.action_glossary)
        yield SystemCommand("Export report", "Write html, md, json, csv or tmx",
                            self.action_export)
        yield SystemCommand("Re-analyse", "Recompute the analysis from scratch",
                            lambda: self.analyze(fresh=True))
        yield SystemCommand("Help", "Keys and what the marks mean", self.action_help)


def _close_after(app: ProvenanceApp | ResultSetApp, error: Exception) -> None:
    path = log_error(f"the terminal UI stopped: {type(error).__name__}", error)
    if app.crash is None:
        app.crash = (f"the terminal UI stopped after an internal error "
                     f"({type(error).__name__}: {_one_line(error)}); details in {path}")
    app._return_code = 3
    app._exception_event.set()  # a Pilot waiting on the app stops waiting
    app._close_messages_no_wait()


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300]


class ResultSetApp(App[None]):
    """A Parquet result set (``analyze --results DIR``), browsed story by story: the
    analysis of a run too large to hold is never loaded, only the rows shown."""

    CSS_PATH = "app.tcss"
    TITLE = "provenance"

    def __init__(self, folder: str | Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.sub_title = f"result set {self.folder.name}"
        self.crash: str | None = None

    def on_mount(self) -> None:
        from tui.screens.results import ResultsScreen

        self.push_screen(ResultsScreen(self.folder))

    def _handle_exception(self, error: Exception) -> None:
        _close_after(self, error)  # as ProvenanceApp does


def run_results(folder: str | Path) -> None:
    """Browse a result set; raises :class:`UIStopped` if it closed after an error."""
    app = ResultSetApp(folder)
    app.run()
    if app.crash:
        raise UIStopped(app.crash)


def run(paths: Sequence[str | Path], *, reference: str | None = None,
        glossary_paths: Sequence[str | Path] = (), strict: bool = False) -> None:
    """Run the app (``glossary_paths``: files or folders in place of the bundled
    glossaries); raises :class:`UIStopped` if it closed after an internal error."""
    app = ProvenanceApp(paths, reference=reference, glossary_paths=glossary_paths,
                        strict=strict)
    app.run()
    if app.crash:
        raise UIStopped(app.crash)
