"""`ib-tui meetings [list|add|plan|members|member]`: the schedule and the members from the
command line, over the same services as the TUI."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ib_tui.cli.common import EXIT_OK, UsageError, db_path, open_services, print_json, say, user
from ib_tui.domain.dates import (
    DateError,
    format_amount,
    format_clock,
    format_count,
    format_date,
    format_meetings,
    parse_date,
    parse_time,
)
from ib_tui.domain.meeting import Meeting, Member, MemberRole
from ib_tui.errors import StoreError
from ib_tui.services import Services
from ib_tui.services.meetings import REPEATS, SeriesInputError, series_rule


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    meetings = commands.add_parser(
        "meetings", parents=[common], help="visa och planera sammanträden"
    )
    actions = meetings.add_subparsers(dest="meetings_command", metavar="ÅTGÄRD")
    listing = actions.add_parser("list", parents=[common], help="alla sammanträden (standard)")
    for parser in (meetings, listing):
        parser.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS,
            help="skriv ett JSON-dokument på stdout",
        )  # fmt: skip
    add = actions.add_parser("add", parents=[common], help="lägg till ett sammanträde")
    add.add_argument("date", metavar="DATUM")
    add.add_argument("--time", default="13:00", help="tid (standard 13:00)")
    add.add_argument("--place", default="Stadshuset", help="plats (standard Stadshuset)")
    plan = actions.add_parser(
        "plan", parents=[common],
        help="lägg till en serie; helgdagar och sommaruppehåll hoppas över",
    )  # fmt: skip
    plan.add_argument("--from", dest="start", required=True, metavar="DATUM")
    plan.add_argument("--until", required=True, metavar="DATUM", help="till och med")
    plan.add_argument("--weekday", required=True, help="t.ex. onsdag")
    plan.add_argument(
        "--repeat", default="w2", choices=list(REPEATS),
        help="w1 varje vecka, w2 varannan (standard), m1 första i månaden … m-1 sista",
    )  # fmt: skip
    plan.add_argument("--time", default="13:00")
    plan.add_argument("--place", default="Stadshuset")
    plan.add_argument("--summer-from", default="", metavar="DATUM", help="sommaruppehåll från")
    plan.add_argument("--summer-to", default="", metavar="DATUM", help="sommaruppehåll till")
    plan.add_argument("--dry-run", action="store_true", help="visa dagarna utan att skapa något")
    actions.add_parser("members", parents=[common], help="ledamöter och tjänstepersoner")
    member = actions.add_parser(
        "member", parents=[common], help="sätt namnet på ett uppdrag, eller lägg till ett"
    )
    member.add_argument("title", metavar="UPPDRAG", help="t.ex. ”KS ordförande”")
    member.add_argument("name", metavar="NAMN", help='tomt ("") tar bort namnet')
    member.add_argument(
        "--role", choices=[role.value for role in MemberRole], default=None,
        help="för ett nytt uppdrag (standard official)",
    )  # fmt: skip


def meetings(args: argparse.Namespace) -> int:
    action = args.meetings_command
    dry_run = action == "plan" and args.dry_run
    database = db_path(args)
    target: Path | str = database
    if not database.exists():  # only adding meetings creates a database; reading never does
        if dry_run:
            target = ":memory:"
        elif action not in ("add", "plan", "member"):
            raise StoreError(f"databasen {database} finns inte")
    reading = action in (None, "list", "members") and target != ":memory:"
    services = open_services(target, user(args), read_only=reading)
    try:
        match action:
            case "add":
                return _add(services, args)
            case "plan":
                return _plan(services, args)
            case "members":
                return _members(services)
            case "member":
                return _member(services, args)
            case _:
                return _list(services, as_json=getattr(args, "json", False))
    finally:
        services.close()


def _list(services: Services, *, as_json: bool = False) -> int:
    summaries = services.meetings.summaries()
    meetings = services.meetings.meetings()
    if as_json:
        print_json({"meetings": [_meeting_document(meeting, summaries) for meeting in meetings]})
        return EXIT_OK
    if not meetings:
        say("Inga sammanträden. Lägg till med: ib-tui meetings add DATUM")
    for meeting in meetings:
        count, cost = summaries.get(meeting.id or 0, (0, 0))
        say(
            f"{format_date(meeting.day):<17}  {format_clock(meeting.time)}  "
            f"{meeting.status.label:<9}  {format_count(count, 'ärende ', 'ärenden'):>11}  "
            f"{format_amount(cost):>12}  "
            f"{meeting.place}"
        )
    return EXIT_OK


def _meeting_document(meeting: Meeting, summaries: dict) -> dict[str, object]:
    count, cost = summaries.get(meeting.id or 0, (0, 0))
    optional_days = {
        "adjusted_on": meeting.adjusted_on, "posted_on": meeting.posted_on,
    }  # fmt: skip
    return {
        "date": meeting.day.isoformat(),
        "time": meeting.time.strftime("%H:%M"),
        "place": meeting.place,
        "status": meeting.status.value,
        "status_label": meeting.status.label,
        "items": count,
        "cost": cost,
        "justerare": meeting.justerare,
    } | {key: day.isoformat() for key, day in optional_days.items() if day is not None}


def _add(services: Services, args: argparse.Namespace) -> int:
    day = parse_date(args.date)
    try:
        clock = parse_time(args.time)
    except DateError as error:
        raise UsageError(f"--time: {error}") from None
    meeting = services.meetings.create(day, clock, args.place)
    say(f"Sammanträde {format_date(meeting.day)} kl. {format_clock(meeting.time)} tillagt.")
    return EXIT_OK


_FIELD_OPTIONS = {
    "start": "--from", "until": "--until", "weekday": "--weekday", "repeat": "--repeat",
    "time": "--time", "summer_from": "--summer-from",
}  # fmt: skip


def _plan(services: Services, args: argparse.Namespace) -> int:
    try:
        rule = series_rule(
            start=args.start, until=args.until, weekday=args.weekday, repeat=args.repeat,
            at=args.time, summer_from=args.summer_from, summer_to=args.summer_to,
        )  # fmt: skip
        plan = services.meetings.plan_series(rule)
    except SeriesInputError as error:
        raise UsageError(f"{_FIELD_OPTIONS.get(error.field, error.field)}: {error}") from None
    for day, reason in plan.skipped:
        say(f"hoppar över {format_date(day)} ({reason})")
    if args.dry_run:
        for day in plan.dates:
            say(f"{format_date(day)} kl. {format_clock(rule.time)}")
        say(f"{format_meetings(len(plan.dates))} (inget skapat: --dry-run)")
        return EXIT_OK
    created, existing = services.meetings.create_many(plan.dates, rule.time, args.place)
    for meeting in created:
        say(f"{format_date(meeting.day)} kl. {format_clock(meeting.time)} tillagt")
    for day in existing:
        say(f"{format_date(day)} fanns redan")
    say(f"{format_count(len(created), 'sammanträde tillagt', 'sammanträden tillagda')}.")
    return EXIT_OK


def _members(services: Services) -> int:
    for member in services.meetings.members():
        say(f"{member.title:<28} {member.role.label:<14} {member.name or '(namn saknas)'}")
    return EXIT_OK


def _member(services: Services, args: argparse.Namespace) -> int:
    title = args.title.strip()
    found = next((m for m in services.meetings.members() if m.title == title), None)
    name = args.name.strip() or None
    if found is None:
        role = MemberRole(args.role or MemberRole.OFFICIAL)
        saved = services.meetings.save_member(Member(title, role, name))
        say(f"{saved.title} ({saved.role.label}) tillagd: {saved.name or '(namn saknas)'}")
        return EXIT_OK
    role = MemberRole(args.role) if args.role else found.role
    saved = services.meetings.save_member(replace(found, name=name, role=role))
    say(f"{saved.title} ({saved.role.label}): {saved.name or '(namn saknas)'}")
    return EXIT_OK


COMMANDS = {"meetings": meetings}
