"""`ib-tui locate [--json]`: where ib-tui keeps its files."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, config_of, db_path, print_json, say
from ib_tui.config import config_path, default_export_dir
from ib_tui.paths import log_path

LABELS = {"database": "databas", "config": "config", "export_dir": "exporter", "log": "logg"}


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    locate = commands.add_parser(
        "locate", parents=[common], help="visa var ib-tui lagrar sina filer"
    )
    locate.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")


def locate(args: argparse.Namespace) -> int:
    places = {
        "database": db_path(args),
        "config": config_path(),
        "export_dir": config_of(args).export_dir or default_export_dir(),
        "log": log_path(),
    }
    if args.json:
        print_json({key: str(path) for key, path in places.items()})
        return EXIT_OK
    for key, path in places.items():
        say(f"{LABELS[key] + ':':<10}{path}")
    return EXIT_OK


COMMANDS = {"locate": locate}
