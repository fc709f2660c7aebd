"""`ib-tui` with no command (or `ib-tui --demo`): open the TUI over the chosen database."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ib_tui.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    config_of,
    db_path,
    open_services,
    user,
)
from ib_tui.config import Config
from ib_tui.services import Services
from ib_tui.services.demo import load_demo

# Runs the TUI (services, demo?, the config file), returns its exit status.
LaunchTui = Callable[[Services, bool, Config], int]


def run_tui(args: argparse.Namespace, launch_tui: LaunchTui) -> int:
    config = config_of(args)
    demo_dir: Path | None = None
    if args.demo:
        path = getattr(args, "db", None)
        if path is None:
            demo_dir = Path(tempfile.mkdtemp(prefix="ib-tui-demo-"))
            path = demo_dir / "demo.db"
        elif path.exists() and path.stat().st_size > 0:
            raise UsageError(f"{path} finns redan; --demo fyller bara en ny databas")
        services = open_services(path, user(args), config, interactive=True)
        load_demo(services.context)
    else:
        services = open_services(db_path(args), user(args), config, interactive=True)
    try:
        return_code = launch_tui(services, args.demo, config)
    finally:
        services.close()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return EXIT_ERROR if return_code else EXIT_OK
