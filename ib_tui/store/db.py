"""Opening the database file: owner-only permissions, WAL, foreign keys, a busy timeout.

An ib-tui file carries `PRAGMA application_id` = APPLICATION_ID. A file without it is adopted
when it is empty or has ib-tui's tables; any other SQLite database is another program's, and is
refused before anything is written to it (not even the WAL switch).
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ib_tui.errors import (
    DiskFull,
    ForeignDatabase,
    OldSchema,
    ReadOnlyDatabase,
    SchemaTooNewError,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    WriteUnderWay,
)
from ib_tui.paths import tighten
from ib_tui.store import trail
from ib_tui.store.migrations import LATEST, migrate, schema_version

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5_000
BUSY_RETRIES = 3  # after the busy timeout: each retry waits the full timeout again
# A person at the keyboard is told at once that someone else is writing, rather than kept
# waiting up to 20 s: long enough to ride out another instance's ordinary save.
INTERACTIVE_WAIT_MS = 300
APPLICATION_ID = int.from_bytes(b"IBtu")  # PRAGMA application_id of every ib-tui file
IB_TUI_TABLES = frozenset({"items", "item_history"})  # with these and no id: an old ib-tui file


def is_busy(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


_SQLITE_READONLY, _SQLITE_FULL = 8, 13


def is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.Error) and (
        (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in str(error)
    )


def is_read_only(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.Error) and (
        (code is not None and code & 0xFF == _SQLITE_READONLY) or "readonly" in str(error)
    )


_SQLITE_IOERR = 10
LOW_SPACE = 256 * 1024  # below this, an I/O error is the full disk (SQLite could not grow -shm)


def _io_error_on_a_full_disk(error: BaseException, path: Path | str) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    io_error = (code is not None and code & 0xFF == _SQLITE_IOERR) or "disk I/O error" in str(error)
    if not io_error or str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < LOW_SPACE
    except OSError:
        return False


def translate(error: BaseException, path: Path | str) -> BaseException:
    """The project's error for a full disk or a read-only file, else the error itself."""
    if is_disk_full(error) or _io_error_on_a_full_disk(error, path):
        return DiskFull()
    if is_read_only(error):
        return ReadOnlyDatabase(path)
    return error


def _translated(error: sqlite3.Error, path: Path | str) -> BaseException:
    translated = translate(error, path)
    return translated if translated is not error else StoreError(f"databasfel: {error}")


def create_private_file(path: Path) -> None:
    """Creates the file readable by its owner only, before SQLite opens it.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(
    path: Path | str, *, check_same_thread: bool = True, read_only: bool = False
) -> sqlite3.Connection:
    """A connection with the project's PRAGMAs to an ib-tui file (ForeignDatabase otherwise).
    `read_only` never writes to the file, not even to create it. `:memory:` is for tests."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if read_only and not path.is_file():
            raise StoreError(f"databasen {path} finns inte")
        if not path.exists():
            create_private_file(path)
    connection: sqlite3.Connection | None = None
    try:
        if read_only and not memory:
            connection = _open_read_only(Path(path), check_same_thread)
        else:
            connection = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread
            )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        trail.register(connection)  # every history row is chained as it is inserted
        connection.execute("PRAGMA foreign_keys = ON")
        _claim(connection, path, adopt=not read_only)
        if not memory and not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable in WAL mode against application crashes; only an OS crash or power
        # cut can lose the last transactions, never corrupt the file.
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        if connection is not None:
            connection.close()
        translated = translate(error, path)
        if translated is not error:
            raise translated from error
        raise StoreError(f"kan inte öppna databasen {path}: {error}") from error
    except StoreError:
        if connection is not None:
            connection.close()
        raise
    return connection


def _open_read_only(path: Path, check_same_thread: bool) -> sqlite3.Connection:
    """`mode=ro`; on a read-only file system, where SQLite cannot make a WAL file's -shm,
    `immutable=1` as well (nobody can be writing it then)."""
    uri = path.resolve().as_uri()
    options = {
        "uri": True,
        "timeout": BUSY_TIMEOUT_MS / 1000,
        "check_same_thread": check_same_thread,
    }
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", **options)  # type: ignore[arg-type, call-overload, unused-ignore]
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            connection.close()
            raise
        return connection
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", **options)  # type: ignore[arg-type, call-overload, unused-ignore]


def _claim(connection: sqlite3.Connection, path: Path | str, *, adopt: bool) -> None:
    """Refuses another program's database; marks an empty or old ib-tui file as ib-tui's."""
    found = connection.execute("PRAGMA application_id").fetchone()[0]
    if found == APPLICATION_ID:
        return
    if found != 0:
        raise ForeignDatabase(path)
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    }
    if tables and not tables >= IB_TUI_TABLES:
        raise ForeignDatabase(path)
    if adopt:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")


QUICK_CHECK_ROWS = 10  # SQLite's first complaints are enough to name the damage


class SoundnessCheck:
    """`PRAGMA quick_check` on its own connection, in a background thread.

    Measured at 1M items (1.6 GB): 3.6–4.1 s, too slow to wait for at start-up, so the app
    opens at once and only a write waits for the answer (`Store.transaction`). Closing the store
    interrupts a check still running."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] | None = None  # None until answered (or when interrupted)
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name="ib-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._lock:
                if self._cancelled:
                    return
                self._connection = sqlite3.connect(str(self.path), check_same_thread=False)
            rows = self._connection.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()
            self.problems = [] if rows == [("ok",)] else [str(row[0]) for row in rows]
        except sqlite3.OperationalError as error:
            if not self._cancelled:
                self.problems = [] if is_busy(error) else [str(error)]
        except sqlite3.DatabaseError as error:  # "database disk image is malformed"
            self.problems = [str(error)]
        finally:
            with self._lock:
                if self._connection is not None:
                    self._connection.close()
                    self._connection = None
            self._done.set()

    def wait(self) -> list[str]:
        self._done.wait()
        return self.problems or []

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._connection is not None:
                self._connection.interrupt()
        self._thread.join()


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """The same check on the caller's connection, for the rare open that must migrate first."""
    try:
        rows = connection.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == [("ok",)] else [str(row[0]) for row in rows]


class Store:
    """The one object that holds the write connection and knows the file.

    Use cases wrap their writes in `transaction()`: BEGIN IMMEDIATE takes the write lock at the
    start, so two instances on one file queue on the busy timeout instead of failing half-way."""

    def __init__(
        self, path: Path | str, *, read_only: bool = False, interactive: bool = False
    ) -> None:
        """`read_only` for reading commands: the file is never written (an older schema is an
        error, not a migration). `interactive` for the TUI: a write that finds another one
        under way fails at once with WriteUnderWay instead of waiting."""
        self.path = path if str(path) == ":memory:" else Path(path)
        self.read_only = read_only
        self.interactive = interactive
        self.notices: list[str] = []  # for the user: permissions tightened
        if isinstance(self.path, Path) and self.path.exists():
            self.notices = [
                notice
                for candidate in (self.path, *_companions(self.path))
                if (notice := tighten(candidate))
            ]
        self.connection = connect(self.path, read_only=read_only)
        self._db: sqlite_utils.Database | None = None
        self._lock = threading.RLock()
        self._soundness: SoundnessCheck | None = None
        self._sound = read_only  # nothing is written through a read-only store
        self.migration_backup: Path | None = None  # the copy taken before this open's migration
        try:
            if read_only:
                self._check_schema()
            else:
                self._open_for_writing()
        except sqlite3.Error as error:
            self.connection.close()
            translated = translate(error, self.path)
            if translated is error:
                raise
            raise translated from error
        except Exception:
            self.connection.close()
            raise

    def _check_schema(self) -> None:
        found = schema_version(self.connection)
        if found > LATEST:
            raise SchemaTooNewError(found, LATEST)
        if found < LATEST:
            raise OldSchema(self.path, found, LATEST)

    def _open_for_writing(self) -> None:
        """A corrupted database is found before it is written to: a migration writes, so a
        file that needs one is checked first, here; otherwise the check runs in the background
        and the first write waits for it."""
        if str(self.path) == ":memory:":
            self._sound = True
            migrate(self.connection)
            return
        try:
            needs_migration = schema_version(self.connection) < LATEST
        except sqlite3.DatabaseError as error:
            raise StoreError(f"kan inte öppna databasen {self.path}: {error}") from error
        if needs_migration:
            # A new file (empty) has nothing to check.
            if Path(self.path).stat().st_size > 0 and (problems := quick_check(self.connection)):
                raise StoreCorrupt(self.path, problems)
            self._sound = True
            self.migration_backup = self._backup_before_migration()
        migrate(self.connection)
        if not self._sound:
            self._soundness = SoundnessCheck(self.path)  # type: ignore[arg-type]

    def require_sound(self) -> None:
        """Waits for the background check; raises StoreCorrupt if it found damage."""
        if self._sound:
            return
        assert self._soundness is not None
        if problems := self._soundness.wait():
            raise StoreCorrupt(self.path, problems)
        self._sound = True

    def _backup_before_migration(self) -> Path | None:
        """A copy of the file beside it, before a schema change touches it: a migration keeps
        the data, but a mistake in one should never cost the user theirs. Named after the
        version it holds and the time, e.g. `ib.kopia-schema3-20261202-150102.db`."""
        current = schema_version(self.connection)
        if not isinstance(self.path, Path) or current == 0 or current >= LATEST:
            return None  # a new file, or nothing to migrate (a too-new one is refused later)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.kopia-schema{current}-{stamp}.db")
        create_private_file(target)
        copy = sqlite3.connect(target)
        try:
            self.connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as error:
            copy.close()
            target.unlink(missing_ok=True)
            raise StoreError(
                f"kunde inte göra en säkerhetskopia före uppgraderingen av {self.path}: {error}; "
                f"inget ändrades"
            ) from error
        copy.close()
        return target

    def migration_notice(self) -> str | None:
        """What to tell the user after an open that migrated, naming the copy."""
        if self.migration_backup is None:
            return None
        return (
            f"Databasen uppgraderades till schemaversion {LATEST}. En kopia från före "
            f"uppgraderingen finns i {self.migration_backup}"
        )

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the write connection, imported on first use: it costs ~50 ms of
        start-up, and the first screen only reads."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.connection)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        with self._lock:
            if self.connection.in_transaction:  # nested use case: a savepoint
                with self.db.atomic():
                    yield self.db
                return
            if self.read_only:
                raise StoreError("databasen öppnades för läsning; inget sparades")
            self.require_sound()
            self._begin()
            try:
                yield self.db
                self.connection.execute("COMMIT")
            except BaseException as error:
                if self.connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.connection.execute("ROLLBACK")
                translated = translate(error, self.path)
                if translated is error:
                    raise
                raise translated from error

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another instance's write to finish.

        SQLite's busy handler already waits up to BUSY_TIMEOUT_MS; a few retries with jitter
        cover a long import in another instance. "database is locked" never reaches the user:
        it becomes StoreBusy, in Swedish, with nothing written. The interactive app waits
        INTERACTIVE_WAIT_MS once and says WriteUnderWay: the user keeps the change and retries."""
        if self.interactive:
            self.connection.execute(f"PRAGMA busy_timeout = {INTERACTIVE_WAIT_MS}")
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if is_busy(error):
                    raise WriteUnderWay() from error
                raise _translated(error, self.path) from error
            finally:
                self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for attempt in range(BUSY_RETRIES + 1):
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise _translated(error, self.path) from error
                if attempt == BUSY_RETRIES:
                    raise StoreBusy() from error
                time.sleep(random.uniform(0.01, 0.1) * (attempt + 1))

    def reader(self) -> sqlite3.Connection:
        """A new connection for a background thread (one connection per thread)."""
        if str(self.path) == ":memory:":
            raise StoreError("an in-memory store has no second connection")
        return connect(self.path, check_same_thread=False, read_only=self.read_only)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice other instances."""
        return self.connection.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._soundness is not None:
            self._soundness.cancel()
        self.connection.close()


def _companions(path: Path) -> tuple[Path, ...]:
    return tuple(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))
