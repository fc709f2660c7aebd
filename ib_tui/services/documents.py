"""The meeting's documents: föredragningslista, protokoll and minnesanteckningar in Markdown,
and the schedule as iCalendar; rendered by `ib_tui.exports`, written owner-only."""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import date
from enum import StrEnum
from pathlib import Path

from ib_tui.config import default_export_dir
from ib_tui.errors import DiskFull, NotAFile, StoreError
from ib_tui.services.context import ServiceContext
from ib_tui.services.meetings import MeetingError, MeetingService


class DocumentKind(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return DOCUMENT_LABELS[self]

    @property
    def stem(self) -> str:
        """The file name's part: ASCII, so the file travels well by e-mail."""
        return DOCUMENT_STEMS[self]


DOCUMENT_LABELS = {
    DocumentKind.AGENDA: "Föredragningslista",
    DocumentKind.MINUTES: "Protokoll",
    DocumentKind.NOTES: "Minnesanteckningar",
}
DOCUMENT_STEMS = {
    DocumentKind.AGENDA: "foredragningslista",
    DocumentKind.MINUTES: "protokoll",
    DocumentKind.NOTES: "minnesanteckningar",
}


class DocumentService:
    def __init__(self, context: ServiceContext, meetings: MeetingService) -> None:
        self.context = context
        self.meetings = meetings

    def render(
        self, kind: DocumentKind, meeting_id: int, *, include_confidential: bool = False
    ) -> str:
        # Imported here: the exports are not needed to start the app.
        from ib_tui import exports

        renderers = {
            DocumentKind.AGENDA: exports.agenda_markdown,
            DocumentKind.MINUTES: exports.minutes_markdown,
            DocumentKind.NOTES: exports.notes_markdown,
        }
        record = self.meetings.record(meeting_id)
        if kind not in self.kinds():
            raise MeetingError(
                f"{record.body} är en beredning och för inget protokoll (den beslutar inte); "
                "exportera minnesanteckningarna i stället"
            )
        return renderers[kind](record, include_confidential=include_confidential)

    def kinds(self) -> list[DocumentKind]:
        """The documents this organ writes: a beredning its föredragningslista and
        minnesanteckningar, a deciding organ the protokoll too."""
        if self.meetings.organ().deciding:
            return [DocumentKind.AGENDA, DocumentKind.MINUTES, DocumentKind.NOTES]
        return [DocumentKind.AGENDA, DocumentKind.NOTES]

    def render_on(
        self, kind: DocumentKind, day: date, *, include_confidential: bool = False
    ) -> str:
        return self.render(kind, self.meeting_on(day), include_confidential=include_confidential)

    def meeting_on(self, day: date) -> int:
        meeting = self.meetings.on(day)
        assert meeting.id is not None
        return meeting.id

    def render_docx(
        self, kind: DocumentKind, meeting_id: int, *, include_confidential: bool = False
    ) -> bytes:
        """The same document as a Word file, from the template in config.toml (or the
        default one), built from the Markdown above so both always say the same."""
        from ib_tui.exports.docx import markdown_to_docx

        markdown = self.render(kind, meeting_id, include_confidential=include_confidential)
        day = self.meetings.get(meeting_id).day
        return markdown_to_docx(
            markdown,
            title=f"{kind.label} {day.isoformat()} – Internationella beredningen",
            template=self.context.docx_template,
        )

    def delegation_report(
        self, start: date, end: date, *, record: bool = True, include_confidential: bool = False
    ) -> str:
        """The anmälan of the period's delegation decisions to kommunstyrelsen; with `record`,
        each decision is marked reported today (the first time only)."""
        from ib_tui import exports

        report = self.meetings.delegation_report(start, end, record=record)
        return exports.delegation_report_markdown(
            report.decisions, start, end, report.reported_on,
            include_confidential=include_confidential,
        )  # fmt: skip

    def decision_record(self, item_id: int, *, include_confidential: bool = False) -> str:
        """The item's latest registered decision as a record for the diarium."""
        from ib_tui import exports
        from ib_tui.domain.confidentiality import may_show_delegation

        decisions = self.meetings.decisions_for_item(item_id)
        if not decisions:
            raise MeetingError("inget beslut är registrerat på ärendet")
        decision = decisions[-1]
        if not may_show_delegation(decision, include_confidential=include_confidential):
            raise MeetingError(
                "ärendet omfattas av sekretess; ange --include-confidential för den interna "
                "versionen"
            )
        return exports.decision_record_markdown(decision)

    def calendar(self) -> str:
        from ib_tui import exports

        return exports.calendar_ics(self.meetings.meetings(), stamp=self.context.now())

    def default_path(self, kind: DocumentKind, meeting_id: int, suffix: str = ".md") -> Path:
        """Where the TUI puts an export: the export folder (config.toml's export_dir, else
        Dokument/ib-tui), one name per meeting and document, so a new export of the same
        document replaces the old one."""
        day = self.meetings.get(meeting_id).day
        return self.export_dir() / f"{day.isoformat()}-{kind.stem}{suffix}"

    def calendar_path(self) -> Path:
        return self.export_dir() / "sammantraden.ics"

    def export_dir(self) -> Path:
        return self.context.export_dir or default_export_dir()


def write_private(path: Path, content: str | bytes) -> Path:
    """Writes the file readable by its owner only, atomically: a reader (or a crash) sees the
    old file or the new one, never half of it. Text is written as UTF-8. A directory or a
    device (`/dev/null`, a terminal) is refused: the rename would replace a device node with a
    plain file."""
    path = path.expanduser()
    if path.exists() and not path.is_file():
        raise NotAFile(path, "en katalog" if path.is_dir() else "en enhet eller annan specialfil")
    if path.parent.exists() and not path.parent.is_dir():
        raise NotAFile(path.parent, "ingen katalog")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise StoreError(f"kan inte skriva i {path.parent}: {error.strerror}") from error
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull() from error
        raise
    return path.resolve()
