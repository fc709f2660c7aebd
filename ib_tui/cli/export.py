"""`ib-tui export agenda|minutes|notes DATUM`, `ib-tui export calendar`, `ib-tui export
delegations --from DATUM --to DATUM` (the anmälan to kommunstyrelsen) and `ib-tui export
decision ÄRENDE` (one decision for the diarium), over the same services as the TUI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ib_tui.cli.common import EXIT_OK, config_of, db_path, existing, find, say
from ib_tui.domain.dates import parse_date
from ib_tui.services import DocumentKind
from ib_tui.services.documents import write_private


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[common],
        help="skriv föredragningslista, protokoll, minnesanteckningar eller kalender",
    )  # fmt: skip
    documents = export.add_subparsers(dest="document", metavar="DOKUMENT", required=True)
    for kind, what in (
        (DocumentKind.AGENDA, "föredragningslistan"),
        (DocumentKind.MINUTES, "protokollet"),
        (DocumentKind.NOTES, "minnesanteckningarna"),
    ):
        document = documents.add_parser(
            kind.value, parents=[common], help=f"{what} för sammanträdet DATUM (Markdown, Word)"
        )
        document.add_argument(
            "date", metavar="DATUM", help="t.ex. 2026-12-09 eller 9 december 2026"
        )
        document.add_argument(
            "-o", "--output", type=Path, metavar="FIL",
            help="fil (standard: stdout; för docx exportmappen)",
        )  # fmt: skip
        document.add_argument(
            "--format", choices=["md", "docx"], default="md",
            help="md: Markdown (standard); docx: Word, från mallen i config.toml "
            "(docx_template) eller standardmallen",
        )  # fmt: skip
        document.add_argument(
            "--include-confidential", action="store_true",
            help="ta med sekretessmarkerade ärenden (utelämnas annars)",
        )  # fmt: skip
    delegations = documents.add_parser(
        "delegations", parents=[common],
        help="anmälan av delegationsbeslut till kommunstyrelsen för en period (Markdown)",
    )  # fmt: skip
    delegations.add_argument("--from", dest="start", required=True, metavar="DATUM")
    delegations.add_argument("--to", dest="end", required=True, metavar="DATUM")
    delegations.add_argument(
        "-o", "--output", type=Path, metavar="FIL", help="fil (standard: stdout)"
    )
    delegations.add_argument(
        "--utkast", action="store_true",
        help="förhandsgranska: anteckna inte besluten som anmälda",
    )  # fmt: skip
    delegations.add_argument(
        "--include-confidential", action="store_true",
        help="ta med beslut i sekretessärenden (utelämnas annars)",
    )  # fmt: skip
    decision = documents.add_parser(
        "decision", parents=[common], help="ärendets registrerade beslut, för diariet (Markdown)"
    )
    decision.add_argument("item", metavar="ÄRENDE", help="dnr eller id")
    decision.add_argument("-o", "--output", type=Path, metavar="FIL", help="fil (standard: stdout)")
    decision.add_argument("--include-confidential", action="store_true")
    calendar = documents.add_parser(
        "calendar", parents=[common], help="sammanträdena som iCalendar (.ics)"
    )
    calendar.add_argument("-o", "--output", type=Path, metavar="FIL", help="fil (standard: stdout)")


def export(args: argparse.Namespace) -> int:
    if getattr(args, "format", "md") == "docx":
        return _export_docx(args)
    # Only the delegation report writes (it records the day it was reported to KS).
    records = args.document == "delegations" and not getattr(args, "utkast", False)
    with existing(db_path(args), writes=records) as services:
        if args.document == "calendar":
            text, what = services.documents.calendar(), "Kalendern"
        elif args.document == "delegations":
            text = services.documents.delegation_report(
                parse_date(args.start), parse_date(args.end), record=not args.utkast,
                include_confidential=args.include_confidential,
            )  # fmt: skip
            what = "Anmälan av delegationsbeslut"
        elif args.document == "decision":
            item = find(services, args.item)
            assert item.id is not None
            text = services.documents.decision_record(
                item.id, include_confidential=args.include_confidential
            )
            what = "Beslutet"
        else:
            kind = DocumentKind(args.document)
            text = services.documents.render_on(
                kind, parse_date(args.date), include_confidential=args.include_confidential
            )
            what = kind.label
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    path = write_private(args.output, text)
    say(f"{what} sparad i {path}")
    return EXIT_OK


def _export_docx(args: argparse.Namespace) -> int:
    """A Word file is never written to a terminal: to -o, or to the export folder."""
    kind = DocumentKind(args.document)
    with existing(db_path(args), config_of(args)) as services:
        documents = services.documents
        meeting_id = documents.meeting_on(parse_date(args.date))
        content = documents.render_docx(
            kind, meeting_id, include_confidential=args.include_confidential
        )
        target = args.output or documents.default_path(kind, meeting_id, ".docx")
    if str(target) == "-":
        sys.stdout.buffer.write(content)
        return EXIT_OK
    path = write_private(target, content)
    say(f"{kind.label} sparad i {path}")
    return EXIT_OK


COMMANDS = {"export": export}
