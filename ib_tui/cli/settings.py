"""`ib-tui settings [list|set|reset]`: the principles' settings in this database."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path, open_services, print_json, say, user


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    settings = commands.add_parser(
        "settings", parents=[common], help="visa eller ändra principernas inställningar"
    )
    settings_commands = settings.add_subparsers(dest="settings_command", metavar="ÅTGÄRD")
    listing = settings_commands.add_parser("list", parents=[common], help="visa alla (standard)")
    for parser in (settings, listing):
        parser.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS,
            help="skriv ett JSON-dokument på stdout",
        )  # fmt: skip
    setter = settings_commands.add_parser("set", parents=[common], help="ändra en inställning")
    setter.add_argument("key", metavar="NYCKEL", help="t.ex. mattfullhet.max_gifts_per_guest")
    setter.add_argument("value", metavar="VÄRDE")
    resetter = settings_commands.add_parser(
        "reset", parents=[common], help="återställ en inställning"
    )
    resetter.add_argument("key", metavar="NYCKEL")


def settings(args: argparse.Namespace) -> int:
    database = db_path(args)
    if args.settings_command in (None, "list"):  # reading: never create or write the file
        reading = database.exists()
        services = open_services(database if reading else ":memory:", read_only=reading)
    else:
        services = open_services(database, user(args))
    try:
        match args.settings_command:
            case "set":
                value = services.settings.set(args.key, args.value)
                say(f"{args.key} = {_setting_text(value)}")
            case "reset":
                services.settings.reset(args.key)
                say(f"{args.key} återställd")
            case _ if getattr(args, "json", False):
                print_json({
                    "settings": [
                        {"key": key, "value": value, "default": default}
                        for key, (value, default) in services.settings.effective().items()
                    ]
                })  # fmt: skip
            case _:
                for key, (value, default) in services.settings.effective().items():
                    note = "" if value == default else f"  (standard {_setting_text(default)})"
                    say(f"{key} = {_setting_text(value)}{note}")
                for key, problem in services.context.invalid_settings.items():
                    say(f"Obs! Det sparade värdet för {key} används inte: {problem}.")
    finally:
        services.close()
    return EXIT_OK


def _setting_text(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


COMMANDS = {"settings": settings}
