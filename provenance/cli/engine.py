"""The ``--engine`` / ``--scheduler`` options turned into an engine for the pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from provenance.errors import BadInput

if TYPE_CHECKING:
    from provenance.engine import Engine

DASK_MISSING = "--engine dask needs Dask: pip install 'provenance[dask]'"


@contextmanager
def chosen_engine(name: str, scheduler: str | None, jobs: int) -> Iterator[Engine | None]:
    """The engine for ``analyze_corpus`` (None: the local pool), closed afterwards."""
    if name != "dask":
        if scheduler:
            raise BadInput("--scheduler needs --engine dask")
        yield None
        return
    try:
        import distributed  # noqa: F401 - only to say what is missing, in one line
    except ImportError:
        raise BadInput(DASK_MISSING) from None
    from provenance.engine import open_engine

    engine = open_engine(name, scheduler=scheduler, workers=jobs)
    try:
        yield engine
    finally:
        if engine is not None:
            engine.close()
