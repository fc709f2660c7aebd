"""The item list's queries: a first page fast, then the ordered ids of every match.

The list never loads the table. It shows the first page from an indexed `ORDER BY … LIMIT`
straight away, then (in the background) reads the ordered ids of all matches into an array:
that gives the exact count and lets any row n be fetched by primary key (`ids[n]`), so
scrolling, End and jumps never use OFFSET. 1,000,000 ids are 4 MB (`array("i")`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace

from ib_tui.domain.model import Item
from ib_tui.domain.query import ItemQuery, SortOrder
from ib_tui.errors import ListingInterrupted
from ib_tui.store.db import Store
from ib_tui.store.items import ItemRepository

ORDER_BY = {
    SortOrder.RECEIVED: "received DESC, id DESC",
    SortOrder.STARTS: "starts DESC, id DESC",
    SortOrder.COST: "cost_total DESC, id DESC",
}

# Rows of the list order examined per step by `_first_matches` before giving up on windows.
FIRST_PAGE_WINDOWS = (500, 2_000, 8_000, 32_000)
SCAN_CACHE_KIB = 256
CACHE_QUERIES = 8
CACHE_IDS = 1_500_000  # 12 MB of ids at most: the whole list of a million, and a search or two
FEW_MATCHES = 3_000  # up to this many matches, materialising them all is the faster plan
_WORD = re.compile(r"\w[\w/:.-]*", re.UNICODE)


def fts_match(text: str) -> str | None:
    """User text → an FTS5 query: every word must match, the last ones as a prefix.

    Each word is quoted, so FTS syntax in the user's text (AND, *, -, quotes) is plain text."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def where_clause(query: ItemQuery, *, text: bool = True) -> tuple[str, list[object]]:
    """The WHERE of `query`; `text=False` leaves the full-text condition out."""
    clauses: list[str] = []
    params: list[object] = []
    if query.kinds:
        clauses.append(f"kind IN ({','.join('?' * len(query.kinds))})")
        params.extend(sorted(kind.value for kind in query.kinds))
    if query.statuses:
        clauses.append(f"status IN ({','.join('?' * len(query.statuses))})")
        params.extend(sorted(status.value for status in query.statuses))
    if not query.include_confidential:
        clauses.append("confidential = 0")
    if text and (match := fts_match(query.text)):
        clauses.append("id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(match)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _superseded(error: sqlite3.Error) -> bool:
    """Interrupted by a newer query, or the view closed its connections (quitting)."""
    return "interrupt" in str(error) or "closed" in str(error)


class ItemListing:
    """Reads for one list view, callable from worker threads.

    Two connections: one for short page reads, one for the long id scan, which `interrupt()`
    can stop when a newer keystroke supersedes it."""

    def __init__(self, store: Store) -> None:
        self._repository = ItemRepository(store)
        self._pages = store.reader()
        self._scan = store.reader()
        # The scan reads each page once, in order: a big page cache buys nothing there and is
        # memory held for as long as the view lives (SQLite's default is 2 MB per connection).
        self._scan.execute(f"PRAGMA cache_size = {-SCAN_CACHE_KIB}")
        self._pages_lock = threading.Lock()
        self._scan_lock = threading.Lock()
        # Recent queries' id arrays and total costs, valid while nobody has committed since:
        # going back to an earlier search (Backspace, Esc to the whole list) costs no scan.
        self._ids_cache: OrderedDict[ItemQuery, tuple[int, array]] = OrderedDict()
        self._total_cache: OrderedDict[ItemQuery, tuple[int, int]] = OrderedDict()

    def first_page(self, query: ItemQuery, limit: int) -> list[Item]:
        with self._pages_lock:
            ids = None
            if (match := fts_match(query.text)) and query.sort is SortOrder.RECEIVED:
                ids = self._first_matches(query, match, limit)
            if ids is None:
                where, params = where_clause(query)
                sql = f"SELECT id FROM items{where} ORDER BY {ORDER_BY[query.sort]} LIMIT ?"
                ids = [row[0] for row in self._pages.execute(sql, [*params, limit])]
            return self._repository.get_many(ids, self._pages)

    def _first_matches(self, query: ItemQuery, match: str, limit: int) -> list[int] | None:
        """The newest `limit` matches of a text search, without computing every match.

        `id IN (SELECT rowid … MATCH …)` materialises all matches before the first row: 0.5 s
        for "e" at 1M items (330k matches). Instead walk the list order in growing windows
        (indexed keyset), and ask FTS only for the window's rowid range, which is cheap when
        ids grow with `received` (they do: items are registered as they arrive). A rare word
        has few matches: then the plain query is the fast one, and None says so.
        """
        (few,) = self._pages.execute(
            "SELECT count(*) < ? FROM (SELECT rowid FROM items_fts WHERE items_fts MATCH ? "
            "LIMIT ?)",
            (FEW_MATCHES, match, FEW_MATCHES),
        ).fetchone()
        if few:
            return None
        where, params = where_clause(query, text=False)
        conjunction = " AND " if where else " WHERE "
        found: list[int] = []
        after: tuple[str, int] | None = None
        for window in FIRST_PAGE_WINDOWS:
            keyset = ""
            keyset_params: list[object] = []
            if after is not None:
                keyset = f"{conjunction}(received < ? OR (received = ? AND id < ?))"
                keyset_params = [after[0], after[0], after[1]]
            rows = self._pages.execute(
                f"SELECT id, received FROM items{where}{keyset} "
                f"ORDER BY received DESC, id DESC LIMIT ?",
                [*params, *keyset_params, window],
            ).fetchall()
            if not rows:
                return found
            ids = [row[0] for row in rows]
            matching = {
                row[0]
                for row in self._pages.execute(
                    "SELECT rowid FROM items_fts WHERE items_fts MATCH ? AND rowid BETWEEN ? AND ?",
                    (match, min(ids), max(ids)),
                )
            }
            found.extend(item_id for item_id in ids if item_id in matching)
            if len(found) >= limit:
                return found[:limit]
            after = (rows[-1][1], rows[-1][0])
        return None

    def _data_version(self) -> int:
        """Changes when any other connection commits (this one never writes)."""
        try:
            return self._scan.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.ProgrammingError as error:  # closed: the view went away (quitting)
            raise ListingInterrupted from error

    def ids(self, query: ItemQuery) -> array:
        """Every matching id in list order. Raises ListingInterrupted if interrupted."""
        where, params = where_clause(query)
        sql = f"SELECT id FROM items{where} ORDER BY {ORDER_BY[query.sort]}"
        with self._scan_lock:
            version = self._data_version()
            cached = self._ids_cache.get(query)
            if cached is not None and cached[0] == version:
                self._ids_cache.move_to_end(query)
                return cached[1]
            try:
                # 4 bytes an id while they fit (every real register): 4 MB per million.
                (top,) = self._scan.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()
                typecode = "i" if top < 2**31 and array("i").itemsize == 4 else "q"
                ids = array(typecode, (row[0] for row in self._scan.execute(sql, params)))
            except (sqlite3.OperationalError, sqlite3.ProgrammingError) as error:
                if _superseded(error):
                    raise ListingInterrupted from error
                raise
            self._remember(self._ids_cache, query, (version, ids), len)
            return ids

    def total_cost(self, query: ItemQuery) -> int:
        key = replace(query, sort=SortOrder.RECEIVED)  # the sum does not depend on the order
        where, params = where_clause(query)
        with self._scan_lock:
            version = self._data_version()
            cached = self._total_cache.get(key)
            if cached is not None and cached[0] == version:
                return cached[1]
            try:
                row = self._scan.execute(
                    f"SELECT coalesce(sum(cost_total), 0) FROM items{where}", params
                ).fetchone()
            except (sqlite3.OperationalError, sqlite3.ProgrammingError) as error:
                if _superseded(error):
                    raise ListingInterrupted from error
                raise
            self._remember(self._total_cache, key, (version, row[0]), lambda _: 1)
        return row[0]

    @staticmethod
    def _remember(cache: OrderedDict, key: ItemQuery, value: tuple, size: Callable) -> None:
        """Keeps the most recent entries, at most CACHE_QUERIES of them and CACHE_IDS ids."""
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHE_QUERIES or (
            len(cache) > 1 and sum(size(entry[1]) for entry in cache.values()) > CACHE_IDS
        ):
            cache.popitem(last=False)

    def items(self, ids: Sequence[int]) -> list[Item]:
        with self._pages_lock:
            return self._repository.get_many(list(ids), self._pages)

    def interrupt(self) -> None:
        """Stops a running id scan (called from another thread)."""
        self._scan.interrupt()

    def close(self) -> None:
        """Stops a running scan and waits for it: closing a connection under a running
        statement makes pysqlite raise odd errors (MemoryError) in the worker."""
        self._scan.interrupt()
        with self._scan_lock:
            self._scan.close()
        with self._pages_lock:
            self._pages.close()
