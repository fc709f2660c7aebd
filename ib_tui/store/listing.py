"""The item list's queries: a first page fast, then the ordered ids of every match.

The list never loads the table. It shows the first page from an indexed `ORDER BY … LIMIT`
straight away, then (in the background) reads the ordered ids of all matches into an array:
that gives the exact count and lets any row n be fetched by primary key (`ids[n]`), so
scrolling, End and jumps never use OFFSET. 1,000,000 ids are 8 MB.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from array import array
from collections.abc import Sequence

from ib_tui.domain.model import Item
from ib_tui.domain.query import ItemQuery, SortOrder
from ib_tui.store.db import Store
from ib_tui.store.items import ItemRepository

ORDER_BY = {
    SortOrder.RECEIVED: "received DESC, id DESC",
    SortOrder.STARTS: "starts DESC, id DESC",
    SortOrder.COST: "cost_total DESC, id DESC",
}

_WORD = re.compile(r"\w[\w/:.-]*", re.UNICODE)


class ListingInterrupted(Exception):
    """A newer query superseded this one."""


def fts_match(text: str) -> str | None:
    """User text → an FTS5 query: every word must match, the last ones as a prefix.

    Each word is quoted, so FTS syntax in the user's text (AND, *, -, quotes) is plain text."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def where_clause(query: ItemQuery) -> tuple[str, list[object]]:
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
    if match := fts_match(query.text):
        clauses.append("id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(match)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class ItemListing:
    """Reads for one list view, callable from worker threads.

    Two connections: one for short page reads, one for the long id scan, which `interrupt()`
    can stop when a newer keystroke supersedes it."""

    def __init__(self, store: Store) -> None:
        self._repository = ItemRepository(store)
        self._pages = store.reader()
        self._scan = store.reader()
        self._pages_lock = threading.Lock()
        self._scan_lock = threading.Lock()

    def first_page(self, query: ItemQuery, limit: int) -> list[Item]:
        where, params = where_clause(query)
        sql = f"SELECT id FROM items{where} ORDER BY {ORDER_BY[query.sort]} LIMIT ?"
        with self._pages_lock:
            ids = [row[0] for row in self._pages.execute(sql, [*params, limit])]
            return self._repository.get_many(ids, self._pages)

    def ids(self, query: ItemQuery) -> array:
        """Every matching id in list order. Raises ListingInterrupted if interrupted."""
        where, params = where_clause(query)
        sql = f"SELECT id FROM items{where} ORDER BY {ORDER_BY[query.sort]}"
        with self._scan_lock:
            try:
                return array("q", (row[0] for row in self._scan.execute(sql, params)))
            except sqlite3.OperationalError as error:
                if "interrupt" in str(error):
                    raise ListingInterrupted from error
                raise

    def total_cost(self, query: ItemQuery) -> int:
        where, params = where_clause(query)
        with self._scan_lock:
            try:
                row = self._scan.execute(
                    f"SELECT coalesce(sum(cost_total), 0) FROM items{where}", params
                ).fetchone()
            except sqlite3.OperationalError as error:
                if "interrupt" in str(error):
                    raise ListingInterrupted from error
                raise
        return row[0]

    def items(self, ids: Sequence[int]) -> list[Item]:
        with self._pages_lock:
            return self._repository.get_many(list(ids), self._pages)

    def interrupt(self) -> None:
        """Stops a running id scan (called from another thread)."""
        self._scan.interrupt()

    def close(self) -> None:
        self._pages.close()
        self._scan.close()
