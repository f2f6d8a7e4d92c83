"""A rich progress bar on stderr that plugs into the library's progress callbacks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from provenance.pipeline import Progress as ProgressCallback
from provenance.pipeline import describe_progress


@contextmanager
def progress_bar() -> Iterator[ProgressCallback]:
    """Yields a ``progress(stage, done, total)`` callback drawing one bar per stage."""
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            description = describe_progress(stage, done, total)
            if stage not in tasks:
                tasks[stage] = bar.add_task(description, total=total)
            bar.update(tasks[stage], completed=done, total=total, description=description)

        yield update
