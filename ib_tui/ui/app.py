"""The Textual application: global keys, the palette, and the first screen. Screens own their
own behaviour; this module stays small.

It also holds what every screen relies on: notifications and titles shown as plain text, undo and
redo, noticing other instances' changes, and errors routed to the log file, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from ib_tui.config import Config, ConfigError, save_value
from ib_tui.paths import log_path
from ib_tui.services import Direction, Services
from ib_tui.ui import patches
from ib_tui.ui.answers import on_yes
from ib_tui.ui.commands import binding_commands
from ib_tui.ui.messages import broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.palette import open_palette, open_theme_palette, system_commands
from ib_tui.ui.screens.main import MainScreen
from ib_tui.ui.text import clean
from ib_tui.ui.undo import UndoController

log = logging.getLogger(__name__)
patches.apply()
SWITCH_INTERVAL = 0.0005  # seconds


class IBApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "IB – Internationella beredningen"
    POLL_SECONDS = 1.0  # how often to look for other instances' changes (one cheap PRAGMA)
    BINDINGS = [
        Binding("question_mark,f1", "help", "Hjälp", id="app.help"),
        Binding("q", "quit", "Avsluta", id="app.quit"),
        Binding(
            "ctrl+p", "command_palette", "Kommandon", show=False, priority=True, id="app.palette"
        ),
    ]

    def __init__(
        self, services: Services, *, demo: bool = False, config: Config | None = None
    ) -> None:
        super().__init__()
        self.services = services
        self.demo = demo
        self.config = config
        self.undo = UndoController(self, services)
        self._data_version: int | None = None

    def on_mount(self) -> None:
        # The list's workers release the GIL at every SQLite step and then wait to get it back
        # while the UI thread renders; the default 5 ms switch interval made a search's first
        # page several times slower than the query itself at 1M items (benchmarks/run.py).
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.config is not None:
            self._apply_config(self.config)
        # Who is recorded in the history, in view: under `ib-tui serve --user` several people
        # may have the app open in browsers.
        place = "DEMO" if self.demo else self.services.location
        self.sub_title = f"{place} · {self.services.user}"
        self.push_screen(MainScreen(self.services))
        notice = self.services.migration_notice()
        if notice:
            self.notify(notice, timeout=15)
        self._data_version = self.services.data_version()
        self.set_interval(self.POLL_SECONDS, self._poll_changes)

    def _apply_config(self, config: Config) -> None:
        """The theme and key overrides from config.toml; a theme changed in the app is saved
        there (keeping the file's comments), unless started with --no-config."""
        if config.keys:
            self.set_keymap(dict(config.keys))
        if config.theme:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                self.notify(
                    f"Okänt tema {config.theme!r} i {config.path}; standardtemat används.",
                    severity="warning",
                )
        if config.saves:
            self.theme_changed_signal.subscribe(self, self._save_theme)

    def _save_theme(self, theme: Theme) -> None:
        assert self.config is not None
        try:
            save_value(self.config.path, "theme", theme.name)
        except (OSError, ConfigError) as error:  # the theme still changed; only saving failed
            log.warning("could not save the theme: %s", error)
            self.notify(
                f"Temat kunde inte sparas i {self.config.path}: {error}", severity="warning"
            )

    def action_help(self) -> None:
        from ib_tui.ui.modals.help import HelpModal  # rich.markdown: ~35 ms, not at start-up

        if isinstance(self.screen, HelpModal):
            return
        self.push_screen(HelpModal(self.screen))

    async def action_quit(self) -> None:
        """Quits, but never silently drops an unsaved form somewhere in the stack."""
        if any(getattr(screen, "dirty", False) for screen in self.screen_stack):
            self.push_screen(
                ConfirmModal("Det finns osparade ändringar. Avsluta ändå?", yes="Avsluta"),
                on_yes(self.exit),
            )
            return
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from system_commands(self, screen)
        yield from binding_commands(screen)

    def action_command_palette(self) -> None:
        open_palette(self)

    def search_themes(self) -> None:
        open_theme_palette(self)

    # --- undo (the keys are in the screens' UNDO_BINDINGS) -------------------------------------

    def action_undo(self) -> None:
        self.undo.run(Direction.UNDO)

    def action_redo(self) -> None:
        self.undo.run(Direction.REDO)

    # --- other instances ----------------------------------------------------------------------

    def _poll_changes(self) -> None:
        """`PRAGMA data_version` on the UI's own connection: it changes only when another
        connection commits, costs microseconds, and the re-reading happens in workers."""
        try:
            version = self.services.data_version()
        except Exception:  # a poll must never take the app down; the next one will retry
            log.exception("polling for changes failed")
            return
        if self._data_version is not None and version != self._data_version:
            broadcast(self)
        self._data_version = version

    # --- user text and errors -----------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages often quote a title or a dnr, which may
        hold markup or control characters. (`markup` is accepted and ignored.)"""
        super().notify(
            clean(message, multiline=True),
            title=clean(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        return super().format_title(clean(title), clean(sub_title))

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: the full trace to the log file, a Swedish line to the user.

        Textual would print a traceback with local variables (user data among them) to the
        terminal. Writes are transactions, so nothing saved is lost by stopping here."""
        log.error("unexpected error in the TUI", exc_info=error)
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it for the tests
            self._exception = error
            self._exception_event.set()
        self.panic(
            Text(
                f"ib-tui: ett oväntat fel inträffade och appen stängdes. Allt som sparats finns "
                f"kvar. Detaljer finns i {log_path()}"
            )
        )
