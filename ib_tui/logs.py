"""The log file in the data dir (owner-only): full tracebacks go here, never to the user."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ib_tui.paths import log_path

LOGGER = "ib_tui"
_HANDLER_NAME = "ib-tui-file"


def configure_logging() -> Path | None:
    """Sends the `ib_tui` loggers to the log file; idempotent per log path."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    try:
        path = log_path()
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        return None
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            if Path(getattr(handler, "baseFilename", "")) == path.resolve():
                return path
            logger.removeHandler(handler)
            handler.close()
    file_handler = logging.FileHandler(path, encoding="utf-8")
    file_handler.set_name(_HANDLER_NAME)
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(file_handler)
    return path
