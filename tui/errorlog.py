"""What went wrong in the terminal UI, written where the user can find it:
``$PROVENANCE_HOME/logs/tui.log`` (rotated at 1 MB, three old files kept).

The screen never shows a traceback: an error is a notification or an error line in the
UI, and its details (the traceback too) go here.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from provenance.paths import data_dir

_lock = threading.Lock()
_LOGGER = "provenance.tui"


def log_path() -> Path:
    """The log file of the terminal UI (its folder is created when needed)."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "tui.log"


def _logger() -> logging.Logger:
    logger = logging.getLogger(_LOGGER)
    path = str(log_path())
    with _lock:
        # $PROVENANCE_HOME may change between apps (tests): one handler per file in use.
        current = [h for h in logger.handlers
                   if isinstance(h, logging.FileHandler) and h.baseFilename == path]
        if not current:
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
                handler.close()
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            logger.propagate = False  # never to the console the UI is drawn on
    return logger


def log_error(message: str, error: BaseException | None = None) -> Path:
    """Log ``message`` (and the traceback of ``error``); returns the log's path."""
    logger = _logger()
    if error is not None:
        logger.error(message, exc_info=(type(error), error, error.__traceback__))
    else:
        logger.error(message)
    return log_path()


def log_warning(message: str) -> Path:
    _logger().warning(message)
    return log_path()
