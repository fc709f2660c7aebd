"""The import screen: a file path, a check of every item (errors listed by item and field), a
question about items already in the register, a progress bar, and the report.

Reading, checking and storing run in worker threads with their own connection; the store writes
all items in one transaction, so cancelling or a crash leaves none of them half-stored.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, ProgressBar, Static

from ib_tui.domain.dates import format_count, format_items
from ib_tui.domain.itemformat import FieldError
from ib_tui.errors import StoreError
from ib_tui.services import InvalidFile, OnExisting, Services
from ib_tui.services.files import (
    ImportPlan,
    ImportReport,
    read_file,
)
from ib_tui.ui.answers import on_answer
from ib_tui.ui.messages import broadcast
from ib_tui.ui.modals.existing import ExistingItemsModal
from ib_tui.ui.text import plain
from ib_tui.ui.widgets.footer import AppFooter

ERRORS_SHOWN = 500
PROGRESS_EVERY = 0.05  # seconds between progress bar updates from the worker


def error_text(error: FieldError | str) -> str:
    """Swedish, naming the item (as a person counts) and the field as the file spells it."""
    if isinstance(error, FieldError):
        where = f"Ärende {error.index}" + (f", fält {error.field}" if error.field else "")
        return f"{where}: {error.message}"
    return str(error)


class ImportScreen(Screen[None]):
    HELP = """
## Importera ärenden

Skriv sökvägen till en JSON- eller CSV-fil i ärendeformatet och tryck **Enter**: varje ärende
kontrolleras, och alla fel listas med ärendets nummer och fältet. Inget sparas förrän alla
ärenden är giltiga.

**F2** (eller knappen) importerar: alla ärenden i en enda transaktion, eller inget. Finns
ärenden med samma diarienummer redan får du välja om de ska **uppdateras** eller **hoppas
över**; samma fil två gånger ger aldrig dubbletter. **Esc** går tillbaka.
"""
    BINDINGS = [
        Binding("f2", "start_import", "Importera", id="import.start"),
        Binding("escape", "back", "Tillbaka", id="import.back"),
    ]

    def __init__(self, services: Services, path: str = "") -> None:
        super().__init__()
        self.services = services
        self.initial_path = path
        self.plan: ImportPlan | None = None
        self.checked_path: Path | None = None
        self.running = False
        self.report: ImportReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-body"):
            yield Label("Fil att importera (.json eller .csv)", classes="section-title")
            with Horizontal(id="import-path-row"):
                yield Input(
                    self.initial_path,
                    placeholder="t.ex. ~/ärenden.json – Enter kontrollerar filen",
                    id="import-path",
                )
                yield Button("Importera (F2)", variant="primary", id="import-start", disabled=True)
            yield Static("", id="import-status")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Label("", id="import-errors-title", classes="section-title")
            with VerticalScroll(id="import-errors-scroll"):
                yield Static("", id="import-errors")
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = "Importera ärenden"
        self.query_one("#import-progress").display = False
        self.query_one("#import-path", Input).focus()

    # --- checking -----------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def check_file(self) -> None:
        if self.running:
            return
        text = self.query_one("#import-path", Input).value.strip()
        if not text:
            self._status(Text("Skriv sökvägen till en fil först.", "bold"))
            return
        path = Path(text).expanduser()
        self.plan = self.checked_path = self.report = None
        self.query_one("#import-start", Button).disabled = True
        self._show_errors([])
        self._status(plain(f"Kontrollerar {path} …"))
        self._check(path)

    @work(thread=True, exclusive=True, group="import-check")
    def _check(self, path: Path) -> None:
        try:
            read = read_file(path)
            with self.services.worker() as services:
                plan = services.plan_import(read.documents)
        except InvalidFile as invalid:
            self.app.call_from_thread(self._invalid, path, invalid.errors)
            return
        except StoreError as error:
            self.app.call_from_thread(self._invalid, path, [str(error)])
            return
        self.app.call_from_thread(self._checked, path, plan, read.notice)

    def _invalid(self, path: Path, errors: list[FieldError | str]) -> None:
        text = Text()
        text.append("✖ ", "bold")
        text.append_text(plain(f"{path.name}: {len(errors)} fel. Inget importeras."))
        self._status(text)
        self._show_errors(errors)

    def _checked(self, path: Path, plan: ImportPlan, notice: str | None = None) -> None:
        self.plan, self.checked_path = plan, path
        text = Text()
        text.append("✔ ", "bold")
        text.append_text(
            plain(
                f"{path.name}: {format_count(len(plan.items), 'giltigt ärende', 'giltiga ärenden')}"
            )
        )
        if plan.existing:
            text.append(f"; {plan.new_count} nya, {len(plan.existing)} finns redan (samma dnr)")
        text.append(". F2 importerar.")
        if notice:  # e.g. "läst med teckenkodning Windows-1252 och semikolon som avgränsare"
            text.append_text(plain(f" ({notice[:1].upper()}{notice[1:]}.)"))
        self._status(text)
        self.query_one("#import-start", Button).disabled = not plan.items

    def _status(self, text: Text) -> None:
        self.query_one("#import-status", Static).update(text)

    def _show_errors(self, errors: list[FieldError | str]) -> None:
        title = self.query_one("#import-errors-title", Label)
        title.update(f"Fel ({len(errors)})" if errors else "")
        lines = Text()
        for error in errors[:ERRORS_SHOWN]:
            lines.append("• ")
            lines.append_text(plain(error_text(error)))
            lines.append("\n")
        if len(errors) > ERRORS_SHOWN:
            lines.append(
                f"… och {len(errors) - ERRORS_SHOWN} fel till (ib-tui check FIL visar alla)"
            )
        lines.rstrip()
        self.query_one("#import-errors", Static).update(lines)

    # --- importing ----------------------------------------------------------------------------

    @on(Button.Pressed, "#import-start")
    def action_start_import(self) -> None:
        if self.running:
            return
        plan, path = self.plan, self.checked_path
        if plan is None or path is None:
            self.notify("Kontrollera filen först: skriv sökvägen och tryck Enter.")
            return
        if not plan.existing:
            self._begin(path, plan, OnExisting.SKIP)
            return
        dnrs = [plan.items[index].dnr or "" for index in sorted(plan.existing)]

        def begin(policy: OnExisting) -> None:
            self._begin(path, plan, policy)

        self.app.push_screen(
            ExistingItemsModal(len(plan.existing), plan.new_count, dnrs), on_answer(begin)
        )

    def _begin(self, path: Path, plan: ImportPlan, policy: OnExisting) -> None:
        self.running = True
        self.query_one("#import-start", Button).disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=len(plan.items), progress=0)
        bar.display = True
        self._status(plain(f"Importerar {format_items(len(plan.items))} från {path.name} …"))
        self._import(path, plan, policy)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path, plan: ImportPlan, policy: OnExisting) -> None:
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done == total or now - last >= PROGRESS_EVERY:
                last = now
                self.app.call_from_thread(self._progress, done, total)

        try:
            with self.services.worker() as services:
                report = services.import_documents(
                    plan.documents, on_existing=policy, progress=progress, source=path.name
                )
        except InvalidFile as invalid:
            self.app.call_from_thread(self._failed, path, invalid.errors)
            return
        except StoreError as error:
            self.app.call_from_thread(self._failed, path, [str(error)])
            return
        self.app.call_from_thread(self._imported, path, report)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total, progress=done)

    def _failed(self, path: Path, errors: list[FieldError | str]) -> None:
        self.running = False
        self.query_one("#import-progress").display = False
        self._invalid(path, errors)
        self.query_one("#import-path", Input).focus()

    def _imported(self, path: Path, report: ImportReport) -> None:
        self.running = False
        self.report = report
        self.plan = None
        text = Text()
        text.append("✔ Klart: ", "bold")
        text.append_text(plain(f"{report.summary()} (från {path.name})."))
        self._status(text)
        self.notify(f"Import klar: {report.summary()}", timeout=6)
        self.query_one("#import-path", Input).focus()
        broadcast(self.app)

    def action_back(self) -> None:
        if self.running:
            self.notify("Importen pågår; vänta tills den är klar.", severity="warning")
            return
        self.dismiss(None)
