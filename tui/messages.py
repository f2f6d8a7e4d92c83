"""Messages that workers post back to the UI thread: only their handlers touch widgets."""

from __future__ import annotations

from textual.message import Message

from provenance.model import CorpusAnalysis


class AnalysisProgress(Message):
    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


class AnalysisReady(Message):
    def __init__(self, analysis: CorpusAnalysis, from_store: bool) -> None:
        super().__init__()
        self.analysis = analysis
        self.from_store = from_store


class AnalysisFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class GlossaryChanged(Message):
    """A glossary file was written: the analysis that leans on it must be redone."""

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description
