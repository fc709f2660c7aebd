"""Opening the database file: owner-only permissions, WAL, foreign keys, a busy timeout."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ib_tui.errors import StoreBusy, StoreCorrupt, StoreError
from ib_tui.store import trail
from ib_tui.store.migrations import LATEST, migrate, schema_version

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5_000
BUSY_RETRIES = 3  # after the busy timeout: each retry waits the full timeout again


def is_busy(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


def create_private_file(path: Path) -> None:
    """Creates the file readable by its owner only, before SQLite opens it.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: Path | str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection with the project's PRAGMAs. `:memory:` is allowed for tests."""
    if str(path) != ":memory:":
        path = Path(path)
        if not path.exists():
            create_private_file(path)
    try:
        connection = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        trail.register(connection)  # every history row is chained as it is inserted
        connection.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable in WAL mode against application crashes; only an OS crash or power
        # cut can lose the last transactions, never corrupt the file.
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"kan inte öppna databasen {path}: {error}") from error
    return connection


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

    def __init__(self, path: Path | str) -> None:
        self.path = path if str(path) == ":memory:" else Path(path)
        self.connection = connect(self.path)
        self._db: sqlite_utils.Database | None = None
        self._lock = threading.RLock()
        self._soundness: SoundnessCheck | None = None
        self._sound = False
        self.migration_backup: Path | None = None  # the copy taken before this open's migration
        try:
            self._open_for_writing()
        except Exception:
            self.connection.close()
            raise

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
            self.require_sound()
            self._begin()
            try:
                yield self.db
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
            else:
                self.connection.execute("COMMIT")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another instance's write to finish.

        SQLite's busy handler already waits up to BUSY_TIMEOUT_MS; a few retries with jitter
        cover a long import in another instance. "database is locked" never reaches the user:
        it becomes StoreBusy, in Swedish, with nothing written."""
        for attempt in range(BUSY_RETRIES + 1):
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                if attempt == BUSY_RETRIES:
                    raise StoreBusy() from error
                time.sleep(random.uniform(0.01, 0.1) * (attempt + 1))

    def reader(self) -> sqlite3.Connection:
        """A new connection for a background thread (one connection per thread)."""
        if str(self.path) == ":memory:":
            raise StoreError("an in-memory store has no second connection")
        return connect(self.path, check_same_thread=False)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice other instances."""
        return self.connection.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._soundness is not None:
            self._soundness.cancel()
        self.connection.close()
