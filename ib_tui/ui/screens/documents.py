"""Previews of the meeting's documents, one key to switch between them, one to export.

The secretary reads the minnesanteckningar (what IB publishes) and the protokoll side by side in
time (docs/scenarios.md 4): `v` steps through föredragningslista → protokoll →
minnesanteckningar."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown, Static

from ib_tui.errors import IbTuiError, StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.services.documents import DocumentKind
from ib_tui.ui.deliver import deliver
from ib_tui.ui.messages import DataChanged
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter


def export_document(
    screen: Screen, services: Services, meeting_id: int, kind: DocumentKind | str,
    *, include_confidential: bool = False,
) -> None:  # fmt: skip
    """Writes the document to the export folder (or, in a browser, sends it as a download)
    and says where it went."""
    kind = DocumentKind(kind)
    try:
        text = services.documents.render(
            kind, meeting_id, include_confidential=include_confidential
        )
        deliver(screen, services.documents.default_path(kind, meeting_id), text, kind.label)
    except (MeetingError, StoreError, OSError) as error:
        screen.notify(f"Kunde inte exportera: {error}", severity="error")


class DocumentScreen(Screen[None]):
    HELP = """
## Dokument

Förhandsvisning av sammanträdets **föredragningslista**, **protokoll** och
**minnesanteckningar** (det IB publicerar), gjorda av samma uppgifter.
**v** byter dokument, **x** exporterar det som visas till en Markdown-fil och **w** till en
Word-fil (.docx, från mallen i config.toml eller standardmallen); sökvägen visas, och i
webbläsaren (`ib-tui serve`) hämtas filen i stället,
**c** tar med eller utelämnar sekretessmarkerade ärenden (utelämnas som standard).
**Esc** går tillbaka.
"""
    BINDINGS = [
        HELP_BINDING,
        Binding("v", "switch", "Byt dokument", id="documents.switch"),
        Binding("x", "export", "Exportera", id="documents.export"),
        Binding("w", "export_docx", "Word", id="documents.export_docx"),
        Binding("c", "confidential", "Sekretess", id="documents.confidential"),
        Binding("escape", "back", "Tillbaka", id="documents.back"),
    ]

    def __init__(
        self, services: Services, meeting_id: int, kind: DocumentKind = DocumentKind.AGENDA
    ) -> None:
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.kind = kind
        self.include_confidential = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="document-title", classes="section-title")
        with VerticalScroll(id="document-scroll"):
            yield Markdown(id="document")
        yield AppFooter()

    def on_mount(self) -> None:
        self.render_document()
        self.query_one("#document-scroll").focus()

    def render_document(self) -> None:
        try:
            text = self.services.documents.render(
                self.kind, self.meeting_id, include_confidential=self.include_confidential
            )
        except (MeetingError, StoreError) as error:
            self.notify(str(error), severity="error")
            return
        secrecy = "med" if self.include_confidential else "utan"
        others = " · ".join(
            kind.label for kind in self.services.documents.kinds() if kind is not self.kind
        )
        self.query_one("#document-title", Static).update(
            f"{self.kind.label} ({secrecy} sekretessärenden) · v: {others}"
        )
        self.sub_title = self.kind.label
        self.query_one("#document", Markdown).update(text)

    def action_switch(self) -> None:
        kinds = self.services.documents.kinds()
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)]
        self.render_document()
        self.query_one("#document-scroll", VerticalScroll).scroll_home(animate=False)

    def action_confidential(self) -> None:
        self.include_confidential = not self.include_confidential
        self.render_document()

    def action_export(self) -> None:
        export_document(
            self, self.services, self.meeting_id, self.kind,
            include_confidential=self.include_confidential,
        )  # fmt: skip

    def action_export_docx(self) -> None:
        documents = self.services.documents
        try:
            content = documents.render_docx(
                self.kind, self.meeting_id, include_confidential=self.include_confidential
            )
            path = documents.default_path(self.kind, self.meeting_id, ".docx")
            deliver(self, path, content, f"{self.kind.label} (Word)")
        except (IbTuiError, OSError) as error:
            self.notify(f"Kunde inte exportera: {error}", severity="error")

    @on(DataChanged)
    def _changed(self) -> None:
        self.render_document()

    def action_back(self) -> None:
        self.dismiss(None)
