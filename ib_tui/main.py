"""The entry point: the composition root that hands the CLI a way to start the TUI.

Keeping this wiring here lets `cli` (and everything under it) stay free of Textual, as the
layering contract requires; Textual is imported only when the TUI is really wanted."""

from __future__ import annotations

from collections.abc import Sequence

from ib_tui import cli
from ib_tui.services import Services


def launch_tui(services: Services, demo: bool) -> int:
    from ib_tui.ui.app import IBApp

    app = IBApp(services, demo=demo)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, launch_tui=launch_tui)
