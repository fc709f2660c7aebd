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
from ib_tui.store.totals import Totals, totals

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


# A term of a text search: the alternatives (FTS table, MATCH expression) any of which may
# hold the word. The search is the AND of its terms.
Term = tuple[tuple[str, str], ...]
WORD_INDEX = "items_fts"  # word prefixes, every text column (migration 1)
SUBSTRING_INDEX = "items_trigram"  # substrings of 3+ letters, the short columns (issue 14)
MIN_SUBSTRING = 3  # the trigram index cannot find less


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def search_terms(text: str) -> list[Term]:
    """User text → what must match: every word, in any column.

    A word of 3+ letters matches inside a word of title, city, country, requester or dnr
    (Swedish compounds: "konferens" finds "Klimatkonferensen") or as a word prefix in the
    summary; a shorter word matches as a word prefix anywhere (a substring of one or two
    letters would match nearly everything). Case folds; å, ä, ö stay letters of their own.
    Each word is quoted, so FTS syntax in the user's text (AND, *, -, quotes) is plain text."""
    words = _WORD.findall(text)
    short = [word for word in words if len(word) < MIN_SUBSTRING]
    terms: list[Term] = []
    if short:
        terms.append(((WORD_INDEX, " ".join(_quoted(word) + "*" for word in short)),))
    for word in words:
        if len(word) >= MIN_SUBSTRING:
            terms.append(
                ((SUBSTRING_INDEX, _quoted(word)), (WORD_INDEX, f"summary : {_quoted(word)}*"))
            )
    return terms


def _term_sql(term: Term, *, union: str = "UNION") -> tuple[str, list[object]]:
    """The rowids matching any of the term's alternatives, as one compound SELECT."""
    sql = f" {union} ".join(f"SELECT rowid FROM {table} WHERE {table} MATCH ?" for table, _ in term)
    return sql, [match for _, match in term]


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
    if text:
        for term in search_terms(query.text):
            sql, term_params = _term_sql(term)
            clauses.append(f"id IN ({sql})")
            params.extend(term_params)
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
            if (terms := search_terms(query.text)) and query.sort is SortOrder.RECEIVED:
                ids = self._first_matches(query, terms, limit)
            if ids is None:
                where, params = where_clause(query)
                sql = f"SELECT id FROM items{where} ORDER BY {ORDER_BY[query.sort]} LIMIT ?"
                ids = [row[0] for row in self._pages.execute(sql, [*params, limit])]
            return self._repository.get_many(ids, self._pages)

    def _first_matches(self, query: ItemQuery, terms: list[Term], limit: int) -> list[int] | None:
        """The newest `limit` matches of a text search, without computing every match.

        `id IN (SELECT rowid … MATCH …)` materialises all matches before the first row: 0.5 s
        for "e" at 1M items (330k matches). Instead walk the list order in growing windows
        (indexed keyset), and ask FTS only for the window's rowid range, which is cheap when
        ids grow with `received` (they do: items are registered as they arrive). A rare word
        has few matches: then the plain query is the fast one, and None says so.
        """
        for term in terms:
            # UNION ALL streams, so LIMIT stops early; its count bounds the term's matches.
            sql, params = _term_sql(term, union="UNION ALL")
            (few,) = self._pages.execute(
                f"SELECT count(*) < ? FROM ({sql} LIMIT ?)", (FEW_MATCHES, *params, FEW_MATCHES)
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
            matching = self._matches_between(terms, min(ids), max(ids))
            found.extend(item_id for item_id in ids if item_id in matching)
            if len(found) >= limit:
                return found[:limit]
            after = (rows[-1][1], rows[-1][0])
        return None

    def _matches_between(self, terms: list[Term], low: int, high: int) -> set[int]:
        """The rowids in [low, high] that match every term (FTS5 applies the rowid range)."""
        matching: set[int] | None = None
        for term in terms:
            found = {
                row[0]
                for table, match in term
                for row in self._pages.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ?",
                    (match, low, high),
                )
            }
            matching = found if matching is None else matching & found
            if not matching:
                break
        return matching or set()

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

    def summary(self, query: ItemQuery) -> Totals | None:
        """The exact count and cost sum from the kept totals, for a query without text (the
        whole list, or kind/status filters): a few rows, whatever the table's size. None for
        a text search, whose count comes from its ids."""
        if search_terms(query.text):
            return None
        with self._pages_lock:
            try:
                return totals(
                    self._pages,
                    kinds=(kind.value for kind in query.kinds),
                    statuses=(status.value for status in query.statuses),
                    include_confidential=query.include_confidential,
                )
            except sqlite3.ProgrammingError as error:  # closed: the view went away
                raise ListingInterrupted from error

    def total_cost(self, query: ItemQuery) -> int:
        if (kept := self.summary(query)) is not None:
            return kept.cost
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
