"""`ib-tui check FIL` and `ib-tui import FIL`: judge the items in a file, or store them all."""

from __future__ import annotations

import argparse
from pathlib import Path

from ib_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    Progress,
    db_path,
    open_services,
    print_errors,
    print_json,
    say,
)
from ib_tui.cli.common import user as user_of
from ib_tui.domain.dates import format_amount
from ib_tui.domain.text import clean
from ib_tui.services import InvalidFile, OnExisting
from ib_tui.services.files import (
    check_items,
    import_documents,
    load_item_file,
    notice_of,
    prevalidate,
    read_file,
)


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check", parents=[common], help="bedöm ärendena i en fil utan att spara dem"
    )
    check.add_argument("file", type=Path, metavar="FIL", help="ärendefil (.json eller .csv)")
    check.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")

    importer = commands.add_parser(
        "import", parents=[common], help="importera alla ärenden i en fil, eller inget"
    )
    importer.add_argument("file", type=Path, metavar="FIL", help="ärendefil (.json eller .csv)")
    importer.add_argument(
        "--existing", choices=[policy.value for policy in OnExisting], default="skip",
        help="ärenden vars dnr redan finns: skip hoppar över dem (standard), update ändrar de "
        "fält filen anger (ett fält som saknas behåller sitt värde, null tömmer det)",
    )  # fmt: skip
    importer.add_argument(
        "--lift-confidential", metavar="SKÄL",
        help="med --existing update: tillåt att filen häver sekretessen för ärenden som har "
        "den; skälet skrivs i historiken",
    )  # fmt: skip
    importer.add_argument(
        "--next-open-meeting", action="store_true",
        help="ett ärende vars sammanträde (meeting) redan är justerat läggs på nästa öppna "
        "sammanträde (annars avbryts importen)",
    )  # fmt: skip


def check(args: argparse.Namespace) -> int:
    path, database = args.file, db_path(args)
    try:
        loaded = load_item_file(path)
    except InvalidFile as error:
        print_errors(error)
        return EXIT_INVALID
    if loaded.notice:  # how the file was read, when it was not UTF-8 and comma
        say(f"ib-tui: {loaded.notice}", error=True)
    items = loaded.items
    # Judge with the database's settings when there is one; never create (or write) one.
    if database.exists():
        services = open_services(database, read_only=True)
    else:
        services = open_services(":memory:")
    try:
        checked = check_items(items, services.items)
    finally:
        services.close()
    if args.json:
        print_json({"items": [entry.as_json() for entry in checked]})
        return EXIT_OK
    for number, entry in enumerate(checked, start=1):
        item, judgement = entry.item, entry.judgement
        cost = f", {format_amount(item.costs.total)}" if item.costs.total else ""
        say(f"{number}. {clean(item.title)} ({item.kind.label}{cost})")
        say(f"   Forum: {judgement.forum_label}. {judgement.forum_reason}")
        for assessment in judgement.assessments:
            say(
                f"   {assessment.verdict.marker:<10} {assessment.title} "
                f"(avsnitt {assessment.section}): {clean(assessment.reason)}"
            )
        if not judgement.assessments:
            say("   Ingen princip i strategin är tillämplig.")
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    path, database = args.file, db_path(args)
    policy = OnExisting(args.existing)
    try:
        read = read_file(path)
        if notice := notice_of(path, read):
            say(f"ib-tui: {notice}", error=True)
        documents = read.documents
        # Checked before the database is opened (or created): only what a stored item could
        # mend, a partial document in an update, waits for the import.
        items = prevalidate(documents, policy if database.exists() else OnExisting.SKIP)
    except InvalidFile as error:
        print_errors(error)
        say("ib-tui: inget importerades.", error=True)
        return EXIT_INVALID
    services = open_services(database, user_of(args))
    try:
        report = import_documents(
            documents, services.context, on_existing=policy, progress=Progress(),
            source=path.name, validated=items, lift_confidential=args.lift_confidential,
            next_open=args.next_open_meeting,
        )  # fmt: skip
    except InvalidFile as error:
        print_errors(error)
        say("ib-tui: inget importerades.", error=True)
        return EXIT_INVALID
    finally:
        services.close()
    say(f"{report.summary()} till {database}.")
    if report.skipped:
        say("Använd --existing update för att uppdatera dem med filens värden.")
    return EXIT_OK


COMMANDS = {"check": check, "import": import_}
