"""`ib-tui`: open the TUI, or run a sub-command for scripts and CI.

One module per command group builds its part of the parser (`add_parsers`) and names its
handlers (`COMMANDS`); this module puts them together and maps errors to exit codes:
0 done, 1 a problem with the database or the environment, 2 invalid input.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ib_tui import __version__
from ib_tui.cli import (
    backup,
    completion,
    config,
    demo,
    export,
    files,
    history,
    items,
    locate,
    meetings,
    precedent,
    recount,
    report,
    serve,
    settings,
    swedish,
)
from ib_tui.cli.common import EXIT_ERROR, EXIT_INVALID, EXIT_OK, UsageError, say
from ib_tui.cli.tui import LaunchTui, run_tui
from ib_tui.config import Config, defaults, load_config
from ib_tui.errors import IbTuiError, InvalidInput, NotFound
from ib_tui.logs import configure_logging
from ib_tui.paths import log_path

log = logging.getLogger("ib_tui")

# In the order `ib-tui --help` lists them.
GROUPS = (
    files,
    items,
    history,
    backup,
    recount,
    settings,
    demo,
    precedent,
    report,
    locate,
    export,
    meetings,
    serve,
    config,
    completion,
)
Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    swedish.install()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, metavar="FIL",
        help="databasfil (standard: ib.db i användarens datakatalog)",
    )  # fmt: skip
    common.add_argument(
        "--user", default=argparse.SUPPRESS, metavar="NAMN",
        help="namn i ändringshistoriken (standard: user i config.toml, annars inloggad användare)",
    )  # fmt: skip
    common.add_argument(
        "--no-config", action="store_true", default=argparse.SUPPRESS,
        help="läs inte config.toml: standardinställningar (t.ex. om filen är trasig)",
    )  # fmt: skip

    parser = argparse.ArgumentParser(
        prog="ib-tui",
        description="Internationella beredningen: registrera och bereda stadens "
        "internationella åtaganden.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"ib-tui {__version__}",
        help="visa versionen och avsluta",
    )  # fmt: skip
    parser.add_argument(
        "--demo", action="store_true",
        help="öppna en ny tillfällig databas med demodata (med --db: fyll den filen)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for group in GROUPS:
        group.add_parsers(commands, common)
    return parser


COMMANDS: dict[str, Command] = {
    name: command for group in GROUPS for name, command in group.COMMANDS.items()
}


def main(argv: Sequence[str] | None = None, launch_tui: LaunchTui | None = None) -> int:
    """Runs a sub-command, or the TUI through `launch_tui` (given by `ib_tui.main`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    try:
        args.config = _config(args)
        code = _dispatch(args, launch_tui)
        sys.stdout.flush()  # a full stdout fails here, where it can still be told
        return code
    except (InvalidInput, NotFound) as error:
        say(f"ib-tui: {error}", error=True)
        return EXIT_INVALID
    except IbTuiError as error:
        say(f"ib-tui: {error}", error=True)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `ib-tui check --json | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            log.exception("unexpected error")
            say(f"ib-tui: ett oväntat fel inträffade; detaljer finns i {log_path()}", error=True)
            return EXIT_ERROR
        # stdout (`> /dev/full`, a full disk): nothing more can go there, not even at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        say("ib-tui: utdata kunde inte skrivas: disken (eller enheten) är full", error=True)
        return EXIT_ERROR
    except Exception:
        log.exception("unexpected error")
        say(f"ib-tui: ett oväntat fel inträffade; detaljer finns i {log_path()}", error=True)
        return EXIT_ERROR


def _config(args: argparse.Namespace) -> Config:
    """The config file, read once per run; `config` reads it itself (to report a broken one),
    and --no-config gives the defaults."""
    if getattr(args, "no_config", False) or args.command == "config":
        return defaults(ignored=True)
    return load_config()


def _dispatch(args: argparse.Namespace, launch_tui: LaunchTui | None) -> int:
    if args.command in COMMANDS:
        return COMMANDS[args.command](args)
    if launch_tui is None:
        raise UsageError("ange ett kommando (se ib-tui --help)")
    return run_tui(args, launch_tui)


__all__ = ["EXIT_ERROR", "EXIT_INVALID", "EXIT_OK", "build_parser", "main"]
