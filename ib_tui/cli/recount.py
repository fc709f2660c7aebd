"""`ib-tui recount`: checks the kept counts and cost sums behind the list's footer against the
items, and rebuilds them."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path, existing, say
from ib_tui.domain.dates import format_amount
from ib_tui.domain.text import clean
from ib_tui.services.listing import recount as recount_totals


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    commands.add_parser(
        "recount", parents=[common],
        help="kontrollera och bygg om antal och kostnadssummor per typ och status",
        description="Listans antal och kostnadssummor hålls uppdaterade vid varje ändring. "
        "Kommandot räknar om dem från ärendena, visar det som skilde och bygger om dem.",
    )  # fmt: skip


def recount(args: argparse.Namespace) -> int:
    with existing(db_path(args), writes=True) as services:
        differed = recount_totals(services.context)
    if not differed:
        say("Antal och kostnadssummor stämmer.")
        return EXIT_OK
    for kind, status, confidential, count, cost, actual_count, actual_cost in differed:
        secret = ", sekretess" if confidential else ""
        say(
            f"{clean(str(kind))}/{clean(str(status))}{secret}: {count} ärenden, "
            f"{format_amount(int(str(cost)))} (rätt: {actual_count} ärenden, "
            f"{format_amount(int(str(actual_cost)))})"
        )
    say(f"{len(differed)} grupper skilde sig; antal och summor är ombyggda.")
    return EXIT_OK


COMMANDS = {"recount": recount}
