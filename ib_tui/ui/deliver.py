"""Handing an exported file to the user: written to the export folder in a terminal, sent to
the browser as a download under `ib-tui serve` (the file would otherwise land on the server,
where the person in the meeting room never sees it)."""

from __future__ import annotations

import io
import mimetypes
from pathlib import Path

from textual.screen import Screen

from ib_tui.services.documents import write_private

MIME_TYPES = {
    ".md": "text/markdown",
    ".ics": "text/calendar",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def deliver(screen: Screen, path: Path, content: str | bytes, what: str) -> Path | None:
    """Writes or sends `content` and tells the user where it went; returns the written path
    (None when it went to the browser). OSError is the caller's to report."""
    app = screen.app
    if app.is_web:
        mime = MIME_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        if isinstance(content, bytes):
            app.deliver_binary(io.BytesIO(content), save_filename=path.name, mime_type=mime)
        else:
            app.deliver_text(
                io.StringIO(content), save_filename=path.name, mime_type=mime, encoding="utf-8"
            )
        screen.notify(f"{what} hämtas av webbläsaren: {path.name}", timeout=8)
        return None
    written = write_private(path, content)
    screen.notify(f"{what} sparad: {written}", timeout=8)
    return written
