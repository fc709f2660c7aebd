"""`ib-tui backup FIL`, `ib-tui restore FIL` and `ib-tui verify`: a checked copy of the
database, the way back, and the check that the trail has not been rewritten."""

from __future__ import annotations

import argparse
from pathlib import Path

from ib_tui.cli.common import EXIT_OK, db_path, print_json, say
from ib_tui.cli.common import user as user_of
from ib_tui.domain.dates import format_items
from ib_tui.domain.text import clean
from ib_tui.services import backup as backups
from ib_tui.services.context import default_user, local_now


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
    restore.add_argument(
        "--force", action="store_true",
        help="återställ även en kopia vars historik inte stämmer (skrivs i historiken)",
    )  # fmt: skip
    verify = commands.add_parser(
        "verify", parents=[common],
        help="kontrollera databasfilen och att historiken inte har ändrats i efterhand",
        description="Kör SQLites integritetskontroll och går igenom historikens kedja av "
        "kontrollsummor. Slutstatus: 0 allt stämmer, 1 databasen kan inte öppnas, "
        "3 filen är skadad eller historiken har ändrats (första brutna länken visas).",
    )  # fmt: skip
    verify.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")


def backup(args: argparse.Namespace) -> int:
    check = backups.backup(db_path(args), args.target)
    say(f"Säkerhetskopia sparad i {args.target} ({format_items(check.items)}, kontrollerad: ok).")
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    database = db_path(args)
    report = backups.restore(
        database, args.source, local_now(), user=user_of(args) or default_user(), force=args.force
    )
    say(f"Återställt {database} från {args.source} ({format_items(report.restored.items)}).")
    if report.kept:
        say(f"Den tidigare databasen finns kvar i {report.kept}.")
    return EXIT_OK


EXIT_BROKEN = 3  # the file opened, and the check found damage or a rewritten trail


def verify(args: argparse.Namespace) -> int:
    database = db_path(args)
    found = backups.verify(database)
    if args.json:
        print_json(
            {
                "ok": found.ok,
                "integrity": found.integrity,
                "chained": found.chained,
                "first_broken": found.first_broken,
                "chains": [
                    {"table": chain.table, "rows": chain.rows, "head": chain.head,
                     "broken_row": chain.broken.row_id if chain.broken else None}
                    for chain in found.chains
                ],
            }
        )  # fmt: skip
        return EXIT_OK if found.ok else EXIT_BROKEN
    say(f"Integritetskontroll: {'ok' if found.integrity == ['ok'] else 'FEL'}")
    if not found.chained:
        say("Historiken saknar kedja (databasen är från en äldre version av ib-tui).")
    for chain in found.chains:
        name = "Ärendehistorik" if chain.table == "item_history" else "Ändringslogg"
        state = "ok" if chain.broken is None else "BRUTEN"
        head = f", senaste kontrollsumma {chain.head[:16]}" if chain.head else ""
        say(f"{name}: {chain.rows} rader kontrollerade, {state}{head}")
    if found.ok:
        say(f"{database}: allt stämmer.")
        return EXIT_OK
    say(f"ib-tui: första felet: {clean(found.first_broken or '')}", error=True)
    return EXIT_BROKEN


COMMANDS = {"backup": backup, "restore": restore, "verify": verify}
