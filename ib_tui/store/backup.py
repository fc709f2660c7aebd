"""Backup and restore through SQLite's online backup API.

The API copies a consistent snapshot page by page while other connections keep reading and
writing (WAL), so a backup can be taken with the app open. Restore goes the other way through
the same API, into the live database: every open instance sees the restored data on its next
read, and nobody's file handle points at a deleted file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ib_tui.store import trail
from ib_tui.store.db import StoreError, connect, create_private_file, translate
from ib_tui.store.migrations import LATEST, migrate, schema_version


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    """What `check_database` found in a file."""

    path: Path
    integrity: str  # "ok", or SQLite's first complaint
    schema: int
    items: int

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and 1 <= self.schema <= LATEST


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"{path} finns inte")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"kan inte öppna {path}: {error}") from error


def check_database(path: Path) -> DatabaseCheck:
    """Integrity, schema version and item count of a database file, read-only."""
    connection = _open_read_only(path)
    try:
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            schema = schema_version(connection)
        except sqlite3.DatabaseError as error:  # not a database at all
            return DatabaseCheck(path, str(error), 0, 0)
        has_items = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'"
        ).fetchone()
        items = connection.execute("SELECT count(*) FROM items").fetchone()[0] if has_items else 0
        integrity = "ok" if problems == ["ok"] else "; ".join(problems[:3])
        return DatabaseCheck(path, integrity, schema if has_items else 0, items)
    finally:
        connection.close()


@dataclass(frozen=True, slots=True)
class Verification:
    """`PRAGMA integrity_check` and the trail's chains of one file, read-only."""

    path: Path
    integrity: list[str]  # ["ok"], or SQLite's first complaints
    chains: list[trail.ChainReport]
    chained: bool  # False: the file is older than the chain (schema before the trail)

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and all(chain.broken is None for chain in self.chains)

    @property
    def first_broken(self) -> str | None:
        if self.integrity != ["ok"]:
            return "databasfilen är skadad: " + "; ".join(self.integrity[:3])
        for chain in self.chains:
            if chain.broken is not None:
                return str(chain.broken)
        return None


class ChainBroken(StoreError):
    """A backup whose trail does not verify: restoring it would rewrite history unseen."""


def _record_restore(
    live: sqlite3.Connection,
    source: Path,
    kept: Path,
    verification: Verification,
    user: str,
    at: datetime | None,
    force: bool,
) -> None:
    """The restore is itself a row of the trail, in the restored database."""
    if verification.ok:
        state = "kedjan verifierad" if verification.chained else "äldre kopia utan kedja"
    else:
        state = f"kedjan bruten ({verification.first_broken}); återställd med --force"
    with live:
        trail.AuditRepository(live).record(
            "database", "restore_forced" if force and not verification.ok else "restore",
            user=user, at=at or datetime.now().astimezone(), new_value=str(source),
            old_value=str(kept), note=state,
        )  # fmt: skip


def verify_database(path: Path) -> Verification:
    """Walks the integrity check and every chain of the trail, without writing to the file."""
    connection = _open_read_only(path)
    try:
        trail.register(connection)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")][:10]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            columns = (
                {row[1] for row in connection.execute("PRAGMA table_info(item_history)")}
                if "item_history" in tables
                else set()
            )
        except sqlite3.DatabaseError as error:  # not a database at all
            return Verification(path, [str(error)], [], False)
        chained = "hash" in columns and "audit" in tables
        chains: list[trail.ChainReport] = []
        if chained and integrity == ["ok"]:
            try:
                chains = trail.verify_all(connection)
            except sqlite3.DatabaseError as error:
                integrity = [str(error)]
        return Verification(path, integrity, chains, chained)
    finally:
        connection.close()


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    try:
        source.backup(target)
    except sqlite3.Error as error:
        raise StoreError(f"kopieringen misslyckades: {error}") from error


def backup_database(source: Path, target: Path) -> DatabaseCheck:
    """Copies the live database `source` to a new owner-only file `target`, checked afterwards.

    The copy is made under a temporary name beside `target` and linked to `target` only once it
    is complete and checked: a backup killed midway leaves no `target` (and the next backup
    removes the dead one's temporary file), and an existing `target` is never replaced."""
    if target.exists():
        raise StoreError(f"{target} finns redan; välj ett nytt filnamn")
    if not source.is_file():
        raise StoreError(f"databasen {source} finns inte")
    if target.is_dir() or not target.parent.is_dir():
        raise StoreError(f"{target.parent} är ingen katalog att spara i")
    _remove_dead_partials(target)
    partial = _partial_name(target, os.getpid())
    try:
        create_private_file(partial)
        live = connect(source, read_only=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                _copy(live, copy)
                # A backup is one self-contained file: no -wal beside it.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            live.close()
        check = check_database(partial)
        if not check.ok:
            raise StoreError(
                f"säkerhetskopian av {source} klarade inte kontrollen: {check.integrity}"
            )
        try:
            os.link(partial, target)  # unlike rename, never replaces a file made meanwhile
        except FileExistsError:
            raise StoreError(f"{target} finns redan; välj ett nytt filnamn") from None
        except OSError:  # a file system without hard links
            if target.exists():
                raise StoreError(f"{target} finns redan; välj ett nytt filnamn") from None
            os.replace(partial, target)
    except OSError as error:
        translated = translate(error, target)
        if translated is error:
            raise StoreError(f"säkerhetskopian kunde inte skrivas: {error.strerror}") from error
        raise translated from error
    finally:
        _remove_partial(partial)
    return DatabaseCheck(target, check.integrity, check.schema, check.items)


def _partial_name(target: Path, pid: int) -> Path:
    return target.with_name(f".{target.name}.{pid}.ib-tui-partial")


def _remove_partial(partial: Path) -> None:
    for path in (partial, Path(f"{partial}-journal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _remove_dead_partials(target: Path) -> None:
    """Temporary files of backups to `target` whose process is gone (killed, power cut)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.ib-tui-partial")
    for path in target.parent.glob(f".{target.name}.*.ib-tui-partial"):
        match = pattern.fullmatch(path.name)
        if match and not _alive(int(match[1])):
            _remove_partial(path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier, failed attempt of this very process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def restore_database(
    live_path: Path,
    source: Path,
    kept: Path,
    *,
    user: str = "okänd",
    at: datetime | None = None,
    force: bool = False,
) -> DatabaseCheck:
    """Replaces the content of `live_path` with `source`, keeping the replaced data in `kept`.

    `source` is checked first (integrity, and a schema this version knows); nothing is touched
    if it fails. The current data is then copied to `kept` (owner-only), and only then is
    `source` copied into the live database, which other instances may have open."""
    check = check_database(source)
    if check.integrity != "ok":
        raise StoreError(f"{source} är skadad ({check.integrity}); inget återställdes")
    if check.schema == 0:
        raise StoreError(f"{source} är ingen ib-tui-databas; inget återställdes")
    if check.schema > LATEST:
        raise StoreError(
            f"{source} har schemaversion {check.schema}, men den här versionen av ib-tui känner "
            f"bara till version {LATEST}; inget återställdes"
        )
    verification = verify_database(source)
    if not verification.ok and not force:
        raise ChainBroken(
            f"historiken i {source} stämmer inte ({verification.first_broken}): kopian har "
            "ändrats efter att den skrevs; inget återställdes. Med --force återställs den ändå, "
            "och det skrivs i historiken."
        )
    if live_path.is_file():
        backup_database(live_path, kept)
    incoming = _open_read_only(source)
    live = connect(live_path)
    try:
        _copy(incoming, live)
        live.execute("PRAGMA journal_mode = WAL")
        migrate(live)  # an older backup is brought up to this version's schema
        _record_restore(live, source, kept, verification, user, at, force)
    finally:
        incoming.close()
        live.close()
    restored = check_database(live_path)
    if not restored.ok:
        raise StoreError(
            f"återställningen gav en databas som inte klarar kontrollen ({restored.integrity}); "
            f"den tidigare finns kvar i {kept}"
        )
    return restored
