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

from ib_tui.errors import StoreBusy, StoreError
from ib_tui.store import trail
from ib_tui.store.migrations import migrate

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


class Store:
    """The one object that holds the write connection and knows the file.

    Use cases wrap their writes in `transaction()`: BEGIN IMMEDIATE takes the write lock at the
    start, so two instances on one file queue on the busy timeout instead of failing half-way."""

    def __init__(self, path: Path | str) -> None:
        self.path = path if str(path) == ":memory:" else Path(path)
        self.connection = connect(self.path)
        self._db: sqlite_utils.Database | None = None
        self._lock = threading.RLock()
        try:
            migrate(self.connection)
        except Exception:
            self.connection.close()
            raise

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
        self.connection.close()
