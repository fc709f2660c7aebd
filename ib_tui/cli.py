"""`ib-tui`: open the TUI, or run a sub-command for scripts and CI.

Exit codes: 0 done, 1 a problem with the database or the environment, 2 invalid input.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ib_tui import __version__
from ib_tui.domain.dates import format_amount
from ib_tui.paths import default_db_path, log_path
from ib_tui.policy import SettingError
from ib_tui.services import InvalidFile, Services
from ib_tui.services.demo import load_demo
from ib_tui.services.files import check_items, import_items, validate_file
from ib_tui.store import SchemaTooNewError, StoreError

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

    commands.add_parser("locate", parents=[common], help="visa var ib-tui lagrar sina filer")
    return parser


LaunchTui = Callable[[Services, bool], None]


def main(argv: Sequence[str] | None = None, launch_tui: LaunchTui | None = None) -> int:
    """Runs a sub-command, or the TUI through `launch_tui` (given by `ib_tui.main`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging()
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


def _configure_logging() -> None:
    try:
        path = log_path()
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _dispatch(args: argparse.Namespace, launch_tui: LaunchTui | None) -> int:
    user = getattr(args, "user", None)
    match args.command:
        case "check":
            return _check(args.file, _db_path(args), as_json=args.json)
        case "import":
            return _import(args.file, _db_path(args), user)
        case "settings":
            return _settings(args, _db_path(args), user)
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
        print(error, file=sys.stderr)
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
        print(f"{number}. {item.title} ({item.kind.label}{cost})")
        print(f"   Forum: {judgement.forum.label}. {judgement.forum_reason}")
        for assessment in judgement.assessments:
            print(
                f"   {assessment.verdict.marker:<10} {assessment.title} "
                f"(avsnitt {assessment.section}): {assessment.reason}"
            )
        if not judgement.assessments:
            print("   Ingen princip i strategin är tillämplig.")
    return EXIT_OK


def _import(path: Path, db_path: Path, user: str | None) -> int:
    try:
        items = validate_file(path)
    except InvalidFile as error:
        print(error, file=sys.stderr)
        print("ib-tui: inget importerades.", file=sys.stderr)
        return EXIT_INVALID
    services = Services.open(db_path, user)
    try:
        report = import_items(items, services.context)
    finally:
        services.close()
    print(f"{report.summary()} till {db_path}.")
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
        launch_tui(services, args.demo)
    finally:
        services.close()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return EXIT_OK
