"""`ib-tui backup FIL` and `ib-tui restore FIL`: a checked copy of the database, and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from ib_tui.cli.common import EXIT_OK, db_path
from ib_tui.services import backup as backups
from ib_tui.services.context import local_now


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common], help="säkerhetskopiera databasen (går medan appen är öppen)"
    )
    backup.add_argument("target", type=Path, metavar="FIL", help="ny fil för kopian")
    restore = commands.add_parser(
        "restore", parents=[common],
        help="återställ databasen från en säkerhetskopia (den nuvarande sparas bredvid)",
    )  # fmt: skip
    restore.add_argument("source", type=Path, metavar="FIL", help="säkerhetskopian")


def backup(args: argparse.Namespace) -> int:
    check = backups.backup(db_path(args), args.target)
    print(f"Säkerhetskopia sparad i {args.target} ({check.items} ärenden, kontrollerad: ok).")
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    database = db_path(args)
    report = backups.restore(database, args.source, local_now())
    print(f"Återställt {database} från {args.source} ({report.restored.items} ärenden).")
    if report.kept:
        print(f"Den tidigare databasen finns kvar i {report.kept}.")
    return EXIT_OK


COMMANDS = {"backup": backup, "restore": restore}
