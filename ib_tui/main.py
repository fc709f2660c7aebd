"""The entry point: the composition root that hands the CLI a way to start the TUI.

Keeping this wiring here lets `cli` (and everything under it) stay free of Textual, as the
layering contract requires; Textual is imported only when the TUI is really wanted."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ib_tui import cli
from ib_tui.config import Config
from ib_tui.errors import InvalidInput
from ib_tui.services import Services


class NoTerminal(InvalidInput):
    """The TUI was asked for where there is no terminal (cron, a pipe): exit 2."""

    def __init__(self) -> None:
        super().__init__(
            "appen behöver en terminal, men här finns ingen (körs den från cron eller i ett "
            "rör?). Använd ett kommando för skript, t.ex. ib-tui items --json, eller "
            "ib-tui serve för webbläsaren; se ib-tui --help."
        )


def has_terminal() -> bool:
    """A terminal on stdin and stdout, or Textual's web driver (textual-serve runs the app over
    pipes and sets TEXTUAL_DRIVER)."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def launch_tui(services: Services, demo: bool, config: Config) -> int:
    if not has_terminal():
        raise NoTerminal()
    from ib_tui.ui.app import IBApp
    from ib_tui.ui.keys import check_keys

    check_keys(config)  # an unknown binding id: a clear message before the screen opens
    app = IBApp(services, demo=demo, config=config)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, launch_tui=launch_tui)
