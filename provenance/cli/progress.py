"""A rich progress bar on stderr that plugs into the library's progress callbacks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from provenance.pipeline import Progress as ProgressCallback
from provenance.pipeline import describe_progress

#: stages whose throughput is worth showing, and what they count (a compared pair is
#: one relay article)
RATE_UNITS = {"ingest": "articles", "facts": "articles", "compare": "articles",
              "stories": "stories"}


class RateColumn(ProgressColumn):
    """Items per second of the stages in :data:`RATE_UNITS` (blank for the others)."""

    def render(self, task: Task) -> Text:
        unit = RATE_UNITS.get(task.fields.get("stage", ""))
        if not unit or not task.speed:
            return Text("")
        return Text(f"{task.speed:,.1f} {unit}/s", style="dim")


@contextmanager
def progress_bar() -> Iterator[ProgressCallback]:
    """Yields a ``progress(stage, done, total)`` callback drawing one bar per stage."""
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  RateColumn(), TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            description = describe_progress(stage, done, total)
            if stage not in tasks:
                tasks[stage] = bar.add_task(description, total=total, stage=stage)
            bar.update(tasks[stage], completed=done, total=total, description=description)

        yield update
