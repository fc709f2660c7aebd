"""`ib-tui`: open the TUI, or run a sub-command for scripts and CI.

Exit codes: 0 done, 1 a problem with the database or the environment, 2 invalid input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ib_tui import __version__, cli_meetings
from ib_tui.domain.changes import field_label
from ib_tui.domain.dates import format_amount
from ib_tui.domain.model import HISTORY_ACTIONS, HistoryEntry, Item, Status
from ib_tui.domain.precedent import Precedents
from ib_tui.domain.text import clean
from ib_tui.logs import configure_logging
from ib_tui.paths import default_db_path, log_path
from ib_tui.policy import SettingError
from ib_tui.services import InvalidFile, OnExisting, Services
from ib_tui.services import backup as backups
from ib_tui.services.context import local_now
from ib_tui.services.demo import load_demo
from ib_tui.services.files import check_items, import_items, validate_file
from ib_tui.services.generate import DatabaseNotEmpty, generate
from ib_tui.services.precedent import find_precedents
from ib_tui.store import ItemNotFound, SchemaTooNewError, StoreError

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
log = logging.getLogger("ib_tui")


class UsageError(Exception):
    """Bad arguments, in Swedish; exit 2."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS,
        help="databasfil (standard: ib.db i användarens datakatalog)",
    )  # fmt: skip
    common.add_argument(
        "--user", default=argparse.SUPPRESS,
        help="namn i ändringshistoriken (standard: inloggad användare)",
    )  # fmt: skip

    parser = argparse.ArgumentParser(
        prog="ib-tui",
        description="Internationella beredningen: registrera, bereda och besluta om stadens "
        "internationella åtaganden.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"ib-tui {__version__}")
    parser.add_argument(
        "--demo", action="store_true",
        help="öppna en ny tillfällig databas med demodata (med --db: fyll den filen)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

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
        help="ärenden vars dnr redan finns: skip hoppar över dem (standard), update uppdaterar "
        "dem med filens värden",
    )  # fmt: skip

    history = commands.add_parser(
        "history", parents=[common], help="visa ett ärendes ändringshistorik"
    )
    history.add_argument("reference", metavar="DNR|ID", help="diarienummer eller id")
    history.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")

    backup = commands.add_parser(
        "backup", parents=[common], help="säkerhetskopiera databasen (går medan appen är öppen)"
    )
    backup.add_argument("target", type=Path, metavar="FIL", help="ny fil för kopian")
    restore = commands.add_parser(
        "restore", parents=[common],
        help="återställ databasen från en säkerhetskopia (den nuvarande sparas bredvid)",
    )  # fmt: skip
    restore.add_argument("source", type=Path, metavar="FIL", help="säkerhetskopian")

    settings = commands.add_parser(
        "settings", parents=[common], help="visa eller ändra principernas inställningar"
    )
    settings_commands = settings.add_subparsers(dest="settings_command", metavar="ÅTGÄRD")
    settings_commands.add_parser("list", parents=[common], help="visa alla (standard)")
    setter = settings_commands.add_parser("set", parents=[common], help="ändra en inställning")
    setter.add_argument("key", metavar="NYCKEL", help="t.ex. mattfullhet.max_gifts_per_guest")
    setter.add_argument("value", metavar="VÄRDE")
    resetter = settings_commands.add_parser(
        "reset", parents=[common], help="återställ en inställning"
    )
    resetter.add_argument("key", metavar="NYCKEL")

    demo = commands.add_parser("demo", parents=[common], help="demodata för att prova appen")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ÅTGÄRD")
    generate = demo_commands.add_parser(
        "generate", parents=[common], help="fyll en tom databas med många påhittade ärenden"
    )
    generate.add_argument(
        "--items", type=_positive, default=1_000, metavar="N", help="antal ärenden (standard 1000)"
    )
    generate.add_argument("--seed", type=int, default=1, help="slumpfrö (samma frö, samma data)")

    precedent = commands.add_parser(
        "precedent", parents=[common], help="visa tidigare liknande ärenden och deras beslut"
    )
    precedent.add_argument("reference", metavar="DNR|ID", help="diarienummer eller id")
    precedent.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")

    commands.add_parser("locate", parents=[common], help="visa var ib-tui lagrar sina filer")
    cli_meetings.add_parsers(commands, common)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inte ett heltal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("måste vara minst 1")
    return value


LaunchTui = Callable[[Services, bool], int]  # runs the TUI, returns its exit status


def main(argv: Sequence[str] | None = None, launch_tui: LaunchTui | None = None) -> int:
    """Runs a sub-command, or the TUI through `launch_tui` (given by `ib_tui.main`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    try:
        return _dispatch(args, launch_tui)
    except UsageError as error:
        print(f"ib-tui: {error}", file=sys.stderr)
        return EXIT_INVALID
    except (StoreError, SchemaTooNewError) as error:
        print(f"ib-tui: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `ib-tui check --json | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        log.exception("unexpected error")
        print(f"ib-tui: ett oväntat fel inträffade; detaljer finns i {log_path()}", file=sys.stderr)
        return EXIT_ERROR


def _dispatch(args: argparse.Namespace, launch_tui: LaunchTui | None) -> int:
    user = getattr(args, "user", None)
    match args.command:
        case "check":
            return _check(args.file, _db_path(args), as_json=args.json)
        case "import":
            return _import(args.file, _db_path(args), user, OnExisting(args.existing))
        case "history":
            return _history(args.reference, _db_path(args), as_json=args.json)
        case "backup":
            return _backup(_db_path(args), args.target)
        case "restore":
            return _restore(_db_path(args), args.source)
        case "settings":
            return _settings(args, _db_path(args), user)
        case "export" | "meetings":
            try:
                return cli_meetings.run(args, _db_path(args), user)
            except cli_meetings.CommandError as error:
                raise UsageError(str(error)) from None
        case "demo":
            if args.demo_command != "generate":
                raise UsageError("ange en åtgärd: ib-tui demo generate --items N --db FIL")
            return _generate(_db_path(args), args.items, args.seed, user)
        case "precedent":
            return _precedent(args.reference, _db_path(args), as_json=args.json)
        case "locate":
            print(f"databas:  {_db_path(args)}")
            print(f"logg:     {log_path()}")
            return EXIT_OK
    if launch_tui is None:
        raise UsageError("ange ett kommando (se ib-tui --help)")
    return _run_tui(args, user, launch_tui)


def _db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_db_path()


def _check(path: Path, db_path: Path, *, as_json: bool) -> int:
    try:
        items = validate_file(path)
    except InvalidFile as error:
        _print_errors(error)
        return EXIT_INVALID
    # Judge with the database's settings when there is one; never create one just to check.
    services = Services.open(db_path if db_path.exists() else ":memory:")
    try:
        checked = check_items(items, services.items)
    finally:
        services.close()
    if as_json:
        json.dump({"items": [entry.as_json() for entry in checked]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    for number, entry in enumerate(checked, start=1):
        item, judgement = entry.item, entry.judgement
        cost = f", {format_amount(item.costs.total)}" if item.costs.total else ""
        print(f"{number}. {clean(item.title)} ({item.kind.label}{cost})")
        print(f"   Forum: {judgement.forum.label}. {judgement.forum_reason}")
        for assessment in judgement.assessments:
            print(
                f"   {assessment.verdict.marker:<10} {assessment.title} "
                f"(avsnitt {assessment.section}): {clean(assessment.reason)}"
            )
        if not judgement.assessments:
            print("   Ingen princip i strategin är tillämplig.")
    return EXIT_OK


def _print_errors(error: InvalidFile) -> None:
    for line in str(error).splitlines():
        print(clean(line), file=sys.stderr)


class _Progress:
    """ "Importerar 1 234/5 000 (24 %)" on stderr, redrawn at most ten times a second, only when
    stderr is a terminal (never in a pipe or a log)."""

    def __init__(self, verb: str = "Importerar") -> None:
        self.enabled = sys.stderr.isatty()
        self.verb = verb
        self._shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (done < total and now - self._shown < 0.1):
            return
        self._shown = now
        percent = done * 100 // max(total, 1)
        text = f"{done:,}/{total:,}".replace(",", "\u00a0")
        bar = "█" * (percent // 5) + "·" * (20 - percent // 5)
        sys.stderr.write(f"\r{self.verb} {text} ({percent} %) {bar}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _import(path: Path, db_path: Path, user: str | None, on_existing: OnExisting) -> int:
    try:
        items = validate_file(path)
    except InvalidFile as error:
        _print_errors(error)
        print("ib-tui: inget importerades.", file=sys.stderr)
        return EXIT_INVALID
    services = Services.open(db_path, user)
    try:
        report = import_items(
            items, services.context, on_existing=on_existing, progress=_Progress(),
            source=path.name,
        )  # fmt: skip
    except InvalidFile as error:
        _print_errors(error)
        print("ib-tui: inget importerades.", file=sys.stderr)
        return EXIT_INVALID
    finally:
        services.close()
    print(f"{report.summary()} till {db_path}.")
    if report.skipped:
        print("Använd --existing update för att uppdatera dem med filens värden.")
    return EXIT_OK


def _generate(db_path: Path, count: int, seed: int, user: str | None) -> int:
    started = time.monotonic()
    services = Services.open(db_path, user or "demo")
    try:
        done = generate(services.context, count, seed=seed, progress=_Progress("Skapar"))
    except DatabaseNotEmpty as error:
        raise UsageError(str(error)) from None
    finally:
        services.close()
    seconds = time.monotonic() - started
    amount = f"{done:,}".replace(",", "\u00a0")
    print(f"Skapade {amount} ärenden i {db_path} på {seconds:.1f} s.")
    return EXIT_OK


@contextlib.contextmanager
def _existing(db_path: Path) -> Iterator[Services]:
    """Services over a database that must exist: reading never creates one."""
    if not db_path.exists():
        raise StoreError(f"databasen {db_path} finns inte")
    services = Services.open(db_path)
    try:
        yield services
    finally:
        services.close()


def _find(services: Services, reference: str) -> Item:
    try:
        return services.items.find(reference)
    except ItemNotFound:
        raise UsageError(f"inget ärende med dnr eller id {clean(reference)}") from None


def _history(reference: str, db_path: Path, *, as_json: bool) -> int:
    with _existing(db_path) as services:
        item = _find(services, reference)
        entries = services.items.history(item.id or 0)
    if as_json:
        document = {
            "id": item.id,
            "dnr": item.dnr,
            "title": item.title,
            "version": item.version,
            "history": [_history_json(entry) for entry in entries],
        }
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{clean(item.dnr or 'utan dnr')} · {clean(item.title)} (id {item.id}, v{item.version})")
    for entry in entries:
        print(history_line(entry))
    return EXIT_OK


def _precedent(reference: str, db_path: Path, *, as_json: bool) -> int:
    with _existing(db_path) as services:
        item = _find(services, reference)
        found = find_precedents(services.context, item)
    if as_json:
        json.dump(_precedents_json(found), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{clean(item.dnr or 'utan dnr')} · {clean(item.title)}")
    print(f"Tidigare ärenden av samma typ med {clean(found.basis)}: {found.matched}")
    for entry in found.similar:
        other = entry.item
        day = entry.outcome_date.date().isoformat() if entry.outcome_date else ""
        received = other.received.isoformat() if other.received else ""
        cost = format_amount(other.costs.total) if other.costs.total else "–"
        print(clean(f"  {other.dnr or '–':<14} {received:<10}  {other.title}"))
        print(clean(f"  {'':<14} {other.status.label} · {cost} · {entry.outcome} ({day})"))
        if entry.decision_text:
            print(f"  {'':<14} {clean(entry.decision_text)}")
    if found.per_year:
        print("Kostnad per år:")
        for year in found.per_year:
            print(f"  {year.year}  {year.items:>5} ärenden  {format_amount(year.total):>14}")
    return EXIT_OK


def _precedents_json(found: Precedents) -> dict[str, object]:
    def day(value: object) -> str | None:
        return value.isoformat() if value is not None else None  # type: ignore[attr-defined]

    return {
        "id": found.item.id,
        "dnr": found.item.dnr,
        "title": found.item.title,
        "basis": found.basis,
        "matched": found.matched,
        "similar": [
            {
                "id": entry.item.id,
                "dnr": entry.item.dnr,
                "title": entry.item.title,
                "received": day(entry.item.received),
                "status": entry.item.status.value,
                "status_changed": day(entry.item.status_changed),
                "total_cost": entry.item.costs.total,
                "decision": entry.decision,
                "decision_text": entry.decision_text,
                "decided_at": day(entry.decided_at),
                "outcome": entry.outcome,
            }
            for entry in found.similar
        ],
        "per_year": [
            {"year": year.year, "items": year.items, "total_cost": year.total}
            for year in found.per_year
        ],
    }


def _history_json(entry: HistoryEntry) -> dict[str, object]:
    return {
        "at": entry.at.isoformat(),
        "user": entry.user,
        "action": entry.action,
        "field": entry.field,
        "old": entry.old_value,
        "new": entry.new_value,
        "note": entry.note,
        "version": entry.version,
    }


def history_line(entry: HistoryEntry) -> str:
    """One line of the trail for a terminal: time, who, what, and old → new."""
    what = HISTORY_ACTIONS.get(entry.action, entry.action)
    version = f"v{entry.version}" if entry.version else ""
    if entry.field == "status":
        change = f"status: {_status_label(entry.old_value)} → {_status_label(entry.new_value)}"
    elif entry.field:
        change = f"{field_label(entry.field)}: {entry.old_value or '–'} → {entry.new_value or '–'}"
    else:
        change = entry.new_value or ""
    if entry.note:
        change += f" ({entry.note})"
    stamp = entry.at.strftime("%Y-%m-%d %H:%M")
    return clean(f"{stamp}  {entry.user:<12} {what:<18} {version:>4}  {change}")


def _status_label(value: str | None) -> str:
    try:
        return Status(value).label if value else "–"
    except ValueError:
        return value or "–"


def _backup(db_path: Path, target: Path) -> int:
    check = backups.backup(db_path, target)
    print(f"Säkerhetskopia sparad i {target} ({check.items} ärenden, kontrollerad: ok).")
    return EXIT_OK


def _restore(db_path: Path, source: Path) -> int:
    report = backups.restore(db_path, source, local_now())
    print(f"Återställt {db_path} från {source} ({report.restored.items} ärenden).")
    if report.kept:
        print(f"Den tidigare databasen finns kvar i {report.kept}.")
    return EXIT_OK


def _settings(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    services = Services.open(db_path, user)
    try:
        match args.settings_command:
            case "set":
                value = services.settings.set(args.key, args.value)
                print(f"{args.key} = {_setting_text(value)}")
            case "reset":
                services.settings.reset(args.key)
                print(f"{args.key} återställd")
            case _:
                for key, (value, default) in services.settings.effective().items():
                    note = "" if value == default else f"  (standard {_setting_text(default)})"
                    print(f"{key} = {_setting_text(value)}{note}")
    except SettingError as error:
        raise UsageError(str(error)) from None
    finally:
        services.close()
    return EXIT_OK


def _setting_text(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _run_tui(args: argparse.Namespace, user: str | None, launch_tui: LaunchTui) -> int:
    demo_dir: Path | None = None
    if args.demo:
        path = getattr(args, "db", None)
        if path is None:
            demo_dir = Path(tempfile.mkdtemp(prefix="ib-tui-demo-"))
            path = demo_dir / "demo.db"
        elif path.exists() and path.stat().st_size > 0:
            raise UsageError(f"{path} finns redan; --demo fyller bara en ny databas")
        services = Services.open(path, user)
        load_demo(services.context)
    else:
        services = Services.open(_db_path(args), user)
    try:
        return_code = launch_tui(services, args.demo)
    finally:
        services.close()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return EXIT_ERROR if return_code else EXIT_OK
