"""`ib-tui config path|show`: where the config file is, and what it sets."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, say
from ib_tui.config import KEYS, config_path, default_export_dir, load_config


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    config = commands.add_parser(
        "config", parents=[common],
        help="visa konfigurationsfilen (tema, tangenter, standarddatabas, exportmapp)",
    )  # fmt: skip
    actions = config.add_subparsers(dest="config_command", metavar="ÅTGÄRD")
    actions.add_parser("path", parents=[common], help="skriv filens sökväg (standard)")
    actions.add_parser("show", parents=[common], help="visa vad filen ställer in")


def config(args: argparse.Namespace) -> int:
    if args.config_command != "show":
        say(config_path())
        return EXIT_OK
    loaded = load_config()  # a broken file: ConfigError, with the line, exit 2
    state = "" if loaded.exists else " (finns inte: standardvärden gäller)"
    say(f"# {loaded.path}{state}")
    values = {
        "theme": loaded.theme,
        "database": loaded.database,
        "export_dir": loaded.export_dir,
        "user": loaded.user,
        "docx_template": loaded.docx_template,
    }
    shown_defaults = {"export_dir": default_export_dir()}
    for key, value in values.items():
        if value is not None:
            say(f"{key} = {str(value)!r}".replace("'", '"'))
        else:
            default = shown_defaults.get(key)
            note = f" (standard: {default})" if default else ""
            say(f"# {key}: inte satt{note}. {KEYS[key][1]}")
    if loaded.keys:
        say()
        say("[keys]")
        for binding_id, keys in loaded.keys.items():
            say(f'"{binding_id}" = "{keys}"')
    return EXIT_OK


COMMANDS = {"config": config}
