"""`ib-tui demo generate`: fill an empty database with many made-up items."""

from __future__ import annotations

import argparse
import time

from ib_tui.cli.common import (
    EXIT_OK,
    Progress,
    UsageError,
    db_path,
    open_services,
    positive,
    say,
    user,
)
from ib_tui.domain.dates import format_items
from ib_tui.services.generate import generate


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="demodata för att prova appen")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ÅTGÄRD")
    generator = demo_commands.add_parser(
        "generate", parents=[common], help="fyll en tom databas med många påhittade ärenden"
    )
    generator.add_argument(
        "--items", type=positive, default=1_000, metavar="N", help="antal ärenden (standard 1000)"
    )
    generator.add_argument("--seed", type=int, default=1, help="slumpfrö (samma frö, samma data)")


def demo(args: argparse.Namespace) -> int:
    if args.demo_command != "generate":
        raise UsageError("ange en åtgärd: ib-tui demo generate --items N --db FIL")
    database = db_path(args)
    started = time.monotonic()
    services = open_services(database, user(args) or "demo")
    try:
        done = generate(services.context, args.items, seed=args.seed, progress=Progress("Skapar"))
    finally:
        services.close()
    seconds = time.monotonic() - started
    say(f"Skapade {format_items(done)} i {database} på {seconds:.1f} s.")
    return EXIT_OK


COMMANDS = {"demo": demo}
