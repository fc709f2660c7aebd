"""`ib-tui locate`: where ib-tui keeps its files."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path
from ib_tui.paths import log_path


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    commands.add_parser("locate", parents=[common], help="visa var ib-tui lagrar sina filer")


def locate(args: argparse.Namespace) -> int:
    print(f"databas:  {db_path(args)}")
    print(f"logg:     {log_path()}")
    return EXIT_OK


COMMANDS = {"locate": locate}
