"""`ib-tui items [filters] --json|--csv`: the register's items in the item format, for scripts
(the output reads back with `ib-tui import`). Sekretess: confidential items are left out unless
`--include-confidential` is given, and stderr says how many were left out."""

from __future__ import annotations

import argparse
import sys

from ib_tui.cli.common import EXIT_OK, db_path, existing, say
from ib_tui.domain.confidentiality import hidden_count, shown
from ib_tui.domain.model import Item, Kind, Status
from ib_tui.domain.query import ItemQuery
from ib_tui.exports.items import items_csv, items_json

CHUNK = 1_000  # ids per read: memory stays flat on a large register


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    items = commands.add_parser(
        "items", parents=[common],
        help="skriv ärendena i ärendeformatet (JSON eller CSV) för skript; läses in med import",
    )  # fmt: skip
    items.add_argument("--search", default="", metavar="TEXT", help="samma sökning som / i appen")
    items.add_argument(
        "--kind", action="append", choices=[kind.value for kind in Kind], metavar="TYP",
        help="bara den typen (kan upprepas): " + ", ".join(kind.value for kind in Kind),
    )  # fmt: skip
    items.add_argument(
        "--status", action="append", choices=[status.value for status in Status],
        metavar="STATUS",
        help="bara den statusen (kan upprepas): " + ", ".join(status.value for status in Status),
    )  # fmt: skip
    items.add_argument(
        "--include-confidential", action="store_true",
        help="ta med sekretessmarkerade ärenden (utelämnas annars)",
    )  # fmt: skip
    output = items.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help='JSON: {"items": [...]} (standard)')
    output.add_argument("--csv", action="store_true", help="CSV med en rad per ärende")


def list_items(args: argparse.Namespace) -> int:
    query = ItemQuery(
        text=args.search,
        kinds=frozenset(Kind(kind) for kind in args.kind or ()),
        statuses=frozenset(Status(status) for status in args.status or ()),
    )
    with existing(db_path(args)) as services:
        found = _all(services, query)
    visible = shown(found, include_confidential=args.include_confidential)
    hidden = hidden_count(found, include_confidential=args.include_confidential)
    sys.stdout.write(items_csv(visible) if args.csv else items_json(visible))
    if hidden:
        say(
            f"ib-tui: {hidden} sekretessmarkerade ärenden utelämnades "
            f"(--include-confidential tar med dem)",
            error=True,
        )
    return EXIT_OK


def _all(services, query: ItemQuery) -> list[Item]:  # type: ignore[no-untyped-def]
    listing = services.listing()
    try:
        ids = listing.ids(query)
        items: list[Item] = []
        for start in range(0, len(ids), CHUNK):
            items += [row.item for row in listing.rows(ids[start : start + CHUNK])]
        return items
    finally:
        listing.close()


COMMANDS = {"items": list_items}
