"""The Textual application: global keys, the palette, and the first screen. Screens own their
own behaviour; this module stays small."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ib_tui.services import Services
from ib_tui.ui.commands import binding_commands
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.help import HelpModal
from ib_tui.ui.screens.main import MainScreen


class IBApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "IB – Internationella beredningen"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Hjälp", id="app.help"),
        Binding("q", "quit", "Avsluta", id="app.quit"),
    ]

    def __init__(self, services: Services, *, demo: bool = False) -> None:
        super().__init__()
        self.services = services
        self.demo = demo

    def on_mount(self) -> None:
        self.sub_title = "DEMO" if self.demo else str(self.services.store.path)
        self.push_screen(MainScreen(self.services))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpModal):
            return
        self.push_screen(HelpModal(self.screen))

    async def action_quit(self) -> None:
        """Quits, but never silently drops an unsaved form somewhere in the stack."""
        if any(getattr(screen, "dirty", False) for screen in self.screen_stack):
            self.push_screen(
                ConfirmModal("Det finns osparade ändringar. Avsluta ändå?", yes="Avsluta"),
                lambda leave: leave and self.exit(),
            )
            return
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(screen)
