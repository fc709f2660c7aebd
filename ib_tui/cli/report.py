"""`ib-tui report costs`: where the money went, as Markdown for the årsredovisning, CSV for
Swedish Excel, or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ib_tui.cli.common import EXIT_OK, UsageError, db_path, existing, say
from ib_tui.domain.costs import CostFilter, Grouping
from ib_tui.domain.dates import parse_date
from ib_tui.exports.costs import costs_csv, costs_json, costs_markdown
from ib_tui.services.costs import CostService
from ib_tui.services.documents import write_private

GROUPINGS = {grouping.value: grouping for grouping in Grouping}


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", parents=[common], help="rapporter: kostnader")
    reports = report.add_subparsers(dest="report", metavar="RAPPORT", required=True)
    costs = reports.add_parser(
        "costs", parents=[common],
        help="kostnaderna per år och typ, begärt, tillstyrkt, avstyrkt och utfall var för sig",
    )  # fmt: skip
    costs.add_argument("--from", dest="start", metavar="DATUM", help="från och med (evenemangets "
                       "startdatum, annars inkommen)")  # fmt: skip
    costs.add_argument("--to", dest="end", metavar="DATUM", help="till och med")
    costs.add_argument(
        "--by", choices=list(GROUPINGS), default="year", metavar="GRUPPERING",
        help="rader per: " + ", ".join(f"{g.value} ({g.label})" for g in Grouping)
        + " (standard: year)",
    )  # fmt: skip
    formats = costs.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_const", dest="format", const="json",
                         help="ett JSON-dokument")  # fmt: skip
    formats.add_argument("--csv", action="store_const", dest="format", const="csv",
                         help="CSV för svenska Excel (semikolon, UTF-8 med BOM)")  # fmt: skip
    formats.add_argument("--markdown", action="store_const", dest="format", const="markdown",
                         help="avsnittet till årsredovisningen (standard)")  # fmt: skip
    costs.add_argument("-o", "--output", type=Path, metavar="FIL", help="fil (standard: stdout)")
    costs.add_argument(
        "--exclude-confidential", action="store_true",
        help="räkna inte ärenden med sekretess (de största åtagandena namnger dem aldrig)",
    )  # fmt: skip


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise UsageError(f"{option}: ogiltigt datum {text!r} (skriv t.ex. 2026-01-01)") from error


RENDER = {"markdown": costs_markdown, "csv": costs_csv, "json": costs_json}


def report(args: argparse.Namespace) -> int:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start and end and start > end:
        raise UsageError("--from ligger efter --to")
    flt = CostFilter(start, end, include_confidential=not args.exclude_confidential)
    with existing(db_path(args)) as services:
        result = CostService(services.context).report(flt, GROUPINGS[args.by])
    text = RENDER[args.format or "markdown"](result)
    if args.output is None:
        if args.format == "csv":  # the BOM is for a file Excel opens, not for a pipe
            text = text.removeprefix("\ufeff")
        sys.stdout.write(text)
        return EXIT_OK
    path = write_private(args.output, text)
    say(f"Kostnadsrapporten sparad i {path}")
    return EXIT_OK


COMMANDS = {"report": report}
