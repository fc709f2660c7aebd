"""The log file in the data dir (owner-only): full tracebacks go here, never to the user.

It rotates at LOG_BYTES, keeping LOG_BACKUPS older files (ib-tui.log.1 …), so a long-lived
installation never fills the disk with it."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from ib_tui.paths import log_path, note, tighten

LOGGER = "ib_tui"
_HANDLER_NAME = "ib-tui-file"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens, the first and each one after a rollover, is owner-only."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    # It never prints "--- Logging error ---" and a traceback to the user's terminal when the
    # file cannot be written (a full disk): losing a log line beats burying the Swedish message
    # that says what happened.
    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:
            self.failed = True

    def close(self) -> None:
        try:
            super().close()
        except OSError:
            self.failed = True


def configure_logging() -> Path | None:
    """Sends the `ib_tui` loggers to the log file; idempotent per log path."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    try:
        path = log_path()
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        else:
            note(tighten(path))
    except OSError:
        return None
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            if Path(getattr(handler, "baseFilename", "")) == path.resolve():
                return path
            logger.removeHandler(handler)
            handler.close()
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    file_handler.set_name(_HANDLER_NAME)
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(file_handler)
    return path
