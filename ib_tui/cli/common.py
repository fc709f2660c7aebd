"""What every command module shares: exit codes, the usage error, the database path, opening a
database that must exist, finding an item, JSON output and the progress line."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ib_tui.config import ENV_DB, Config, defaults
from ib_tui.domain.model import Item
from ib_tui.domain.text import clean
from ib_tui.errors import InvalidInput, ItemNotFound, StoreError
from ib_tui.paths import default_db_path, take_notices
from ib_tui.services import InvalidFile, Services

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


class UsageError(InvalidInput):
    """Bad arguments, in Swedish; exit 2."""


def config_of(args: argparse.Namespace) -> Config:
    return getattr(args, "config", None) or defaults(ignored=True)


def db_path(args: argparse.Namespace) -> Path:
    """--db, else $IB_TUI_DB, else `database` in config.toml, else ib.db in the data dir."""
    given = getattr(args, "db", None) or os.environ.get(ENV_DB)
    return Path(given).expanduser() if given else (config_of(args).database or default_db_path())


def user(args: argparse.Namespace) -> str | None:
    return getattr(args, "user", None) or config_of(args).user


def open_services(
    path: Path | str,
    user: str | None = None,
    config: Config | None = None,
    *,
    read_only: bool = False,
    interactive: bool = False,
) -> Services:
    """Services.open, telling the user on stderr where the copy taken before a migration is
    and which permissions were tightened; with the config's export folder. `read_only` for
    reading commands (the file is never written), `interactive` for the TUI."""
    services = Services.open(path, user, read_only=read_only, interactive=interactive)
    if config is not None:
        services.context.export_dir = config.export_dir
        services.context.docx_template = config.docx_template
    show_notices(services)
    return services


def show_notices(services: Services) -> None:
    """What opening the files did for the user's sake (permissions tightened, a copy before a
    migration), on stderr."""
    migrated = services.store.migration_notice()
    for notice in [*take_notices(), *services.store.notices, *([migrated] if migrated else [])]:
        say(f"ib-tui: {notice}", error=True)
    services.store.notices.clear()


@contextlib.contextmanager
def existing(
    path: Path, config: Config | None = None, *, writes: bool = False
) -> Iterator[Services]:
    """Services over a database that must exist: never created; for reading (the default)
    also never migrated or written. `writes` for a command that records something."""
    if not path.exists():
        raise StoreError(f"databasen {path} finns inte")
    services = open_services(path, config=config, read_only=not writes)
    try:
        yield services
    finally:
        services.close()


def say(text: object = "", *, error: bool = False) -> None:
    """The one way the CLI writes a line for a person, on stdout (or stderr): control
    characters from titles, names and paths (ESC, BEL, CR, C1, bidi overrides) are shown as
    visible stand-ins, so no file can move the cursor, retitle the window or hide a line."""
    stream = sys.stderr if error else sys.stdout
    stream.write(clean(text) + "\n")


# JSON escapes C0 controls itself; DEL, C1, bidi overrides and line separators it leaves raw.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(document: object) -> str:
    """One JSON document, UTF-8 readable, with every control character as a \\u escape."""
    text = json.dumps(document, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def find(services: Services, reference: str) -> Item:
    try:
        return services.items.find(reference)
    except ItemNotFound:
        raise UsageError(f"inget ärende med dnr eller id {clean(reference)}") from None


def print_json(document: object) -> None:
    sys.stdout.write(json_text(document) + "\n")


def print_errors(error: InvalidFile) -> None:
    for line in str(error).splitlines():
        say(line, error=True)


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inte ett heltal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("måste vara minst 1")
    return value


class Progress:
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
