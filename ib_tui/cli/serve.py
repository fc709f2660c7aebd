"""`ib-tui serve`: the app in a web browser through textual-serve, for the meeting room's
computer that is not a terminal.

Every browser connection starts its own `ib-tui` process over the same database (SQLite's
locking and the app's change polling keep them in step). With `--demo` alone each connection
gets its own temporary demo database; with `--demo --db FIL` the file is filled once, here,
and every connection opens it. The server listens on loopback unless `--allow-remote` is given:
textual-serve has no login of its own.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from ib_tui.cli.common import EXIT_ERROR, EXIT_OK, UsageError, db_path, open_services, say, user
from ib_tui.services.demo import load_demo

TITLE = "IB – Internationella beredningen"


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common],
        help="visa appen i en webbläsare (t.ex. på projektordatorn i sammanträdesrummet)",
        description="Startar en webbserver med appen: öppna adressen i en webbläsare. Varje "
        "flik får en egen session över samma databas.",
    )  # fmt: skip
    serve.add_argument(
        "--host", default="127.0.0.1",
        help="adress att lyssna på (standard 127.0.0.1: bara den här datorn)",
    )  # fmt: skip
    serve.add_argument(
        "--port", type=_port, default=8000, help="port att lyssna på (standard 8000)"
    )
    serve.add_argument(
        "--demo", action="store_true",
        help="demodata: varje anslutning får en egen tillfällig databas; med --db fylls den "
        "filen en gång och delas av alla anslutningar",
    )  # fmt: skip
    serve.add_argument(
        "--allow-remote", action="store_true",
        help="tillåt en adress som andra datorer når (t.ex. 0.0.0.0). Servern har ingen "
        "inloggning: lägg den bakom stadens inloggning (en omvänd proxy) eller nå den genom en "
        "SSH-tunnel (ssh -L 8000:127.0.0.1:8000 server) i stället",
    )  # fmt: skip


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inget portnummer") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("porten ska vara mellan 1 och 65535")
    return port


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def connection_command(args: argparse.Namespace) -> str:
    """The command each browser connection runs; the database is prepared here, once."""
    command = [sys.executable, "-m", "ib_tui"]
    if getattr(args, "no_config", False):
        command.append("--no-config")
    name = user(args)
    if name:
        command += ["--user", name]
    given = getattr(args, "db", None)
    if args.demo and given is None:
        return shlex.join([*command, "--demo"])  # each connection: its own temporary demo
    path = Path(given) if args.demo and given is not None else db_path(args)
    if args.demo:
        _prepare_demo(path)
    else:
        open_services(path, name).close()  # create or migrate it now, not in the first tab
    return shlex.join([*command, "--db", str(path.resolve())])


def _prepare_demo(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        raise UsageError(f"{path} finns redan; --demo fyller bara en ny databas")
    services = open_services(path, "demo")
    try:
        load_demo(services.context)
    finally:
        services.close()


def serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.allow_remote:
        raise UsageError(
            f"{args.host} nås av andra datorer, och servern har ingen inloggning. Använd en "
            f"SSH-tunnel till 127.0.0.1, eller ange --allow-remote om servern ligger bakom "
            f"stadens inloggning"
        )
    command = connection_command(args)
    server = _server(command, args.host, args.port)
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        say(
            f"ib-tui: kan inte lyssna på {args.host}:{args.port}: {error.strerror or error}",
            error=True,
        )
        return EXIT_ERROR
    return EXIT_OK


def _server(command: str, host: str, port: int):  # type: ignore[no-untyped-def]
    from textual_serve.server import Server  # aiohttp and jinja: only when serving

    class IBServer(Server):
        async def on_startup(self, app) -> None:  # type: ignore[no-untyped-def]
            self.console.print(f"ib-tui i webbläsaren: öppna {self.public_url}", highlight=False)
            self.console.print("Avsluta med Ctrl+C.", highlight=False)

    host_in_url = f"[{host}]" if ":" in host else host
    return IBServer(command, host=host, port=port, title=TITLE,
                    public_url=f"http://{host_in_url}:{port}")  # fmt: skip


COMMANDS = {"serve": serve}
