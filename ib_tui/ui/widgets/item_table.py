"""The item list: a Line-API view that renders only the rows on screen.

Data comes from a `ListSource` (the listing service) a page at a time, always in worker
threads: first the top rows of a query (shown at once), then the ordered ids of every match
(the exact count), then pages of rows by id as the view scrolls. `render_line` only reads the
cache; a row not yet fetched shows as a dim placeholder for the few milliseconds it takes.
"""

from __future__ import annotations

import contextlib
import logging
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from ib_tui.domain.dates import format_amount
from ib_tui.domain.model import Item, Verdict
from ib_tui.domain.query import ItemQuery, SortOrder
from ib_tui.errors import ListingInterrupted
from ib_tui.services import ListRow
from ib_tui.ui.text import clean

log = logging.getLogger(__name__)

PAGE = 100
FIRST_PAGE_MARGIN = 40
SCAN_DELAY = 0.12  # seconds a keystroke waits before the full count scan: typing supersedes it
CACHE_LIMIT = 4 * PAGE * 10


class ListSource(Protocol):
    def first_page(self, query: ItemQuery, limit: int) -> list[ListRow]: ...
    def ids(self, query: ItemQuery) -> array: ...
    def rows(self, ids: Sequence[int]) -> list[ListRow]: ...
    def total_cost(self, query: ItemQuery) -> int: ...
    def summary(self, query: ItemQuery) -> tuple[int, int] | None: ...
    def interrupt(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    width: int  # 0: takes the rest
    right: bool = False


COLUMNS = (
    Column("verdict", "Bedömning", 10),
    Column("dnr", "Dnr", 12),
    Column("kind", "Typ", 11),
    Column("title", "Rubrik", 0),
    Column("status", "Status", 15),
    Column("date", "Inkom", 10),
    Column("cost", "Kostnad", 13, right=True),
)
DROP_ORDER = ("kind", "date", "dnr", "cost", "status")  # first dropped when the view is narrow
MIN_TITLE = 24


def layout(width: int) -> list[tuple[Column, int]]:
    """Columns that fit `width`, each with its width; the title takes what is left."""
    shown = list(COLUMNS)
    for key in DROP_ORDER:
        fixed = sum(column.width + 1 for column in shown if column.width)
        if width - fixed >= MIN_TITLE:
            break
        shown = [column for column in shown if column.key != key]
    fixed = sum(column.width + 1 for column in shown if column.width)
    return [(column, column.width or max(1, width - fixed)) for column in shown]


def fit(text: str, size: int) -> str:
    """Pads or cuts to exactly `size` cells; a cut text ends in an ellipsis."""
    if cell_len(text) <= size:
        return set_cell_size(text, size)
    return set_cell_size(text, size - 1) + "…" if size > 1 else set_cell_size(text, size)


def cell_text(column: Column, row: ListRow, sort: SortOrder) -> str:
    item: Item = row.item
    match column.key:
        case "verdict":
            return row.verdict.marker if row.verdict else "– ingen"
        case "dnr":
            return clean(item.dnr or "")
        case "kind":
            return item.kind.short
        case "title":
            return ("(sekr.) " if item.confidential else "") + clean(item.title)
        case "status":
            return item.status.label
        case "date":
            day = item.starts if sort is SortOrder.STARTS else item.received
            return day.isoformat() if day else ""
        case "cost":
            return format_amount(item.costs.total) if item.costs.total else ""
    return ""


class ItemTable(ScrollView, can_focus=True):
    """The virtual list of items. Set a query with `load()`; rows arrive from the source."""

    DEFAULT_CSS = """
    ItemTable {
        height: 1fr;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    ItemTable > .item-table--header { text-style: bold; background: $panel; }
    ItemTable > .item-table--cursor { background: $block-cursor-blurred-background; }
    ItemTable:focus > .item-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ItemTable > .item-table--conflict { color: $error; text-style: bold; }
    ItemTable > .item-table--warning { color: $warning; }
    ItemTable > .item-table--ok { color: $success; }
    ItemTable > .item-table--placeholder { color: $text-disabled; }
    """
    COMPONENT_CLASSES = {
        "item-table--header",
        "item-table--cursor",
        "item-table--conflict",
        "item-table--warning",
        "item-table--ok",
        "item-table--placeholder",
    }
    BINDINGS = [
        Binding("j,down", "cursor_down", "Nästa", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Föregående", show=False, id="list.up"),
        Binding("pagedown,space", "page_down", "Sida ned", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Sida upp", show=False, id="list.page_up"),
        Binding("g,home", "first", "Första", show=False, id="list.first"),
        Binding("G,end", "last", "Sista", show=False, id="list.last"),
        Binding("enter", "select", "Öppna", id="list.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on a row (None: the list is empty)."""

        def __init__(self, row: ListRow | None) -> None:
            super().__init__()
            self.row = row

    class Selected(Message):
        def __init__(self, row: ListRow) -> None:
            super().__init__()
            self.row = row

    class Counted(Message):
        """How many rows the query has; `exact` is False while the scan runs."""

        def __init__(self, count: int, exact: bool, total_cost: int | None) -> None:
            super().__init__()
            self.count = count
            self.exact = exact
            self.total_cost = total_cost

    def __init__(self, source: ListSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.item_query = ItemQuery()
        self._generation = 0
        self._ids: array | None = None
        self._first_count = 0
        self._total: int | None = None  # the query's cost sum, once known
        self._cache: dict[int, ListRow] = {}
        self._pending: set[int] = set()
        self._layout_width = -1
        self._layout: list[tuple[Column, int]] = []
        self._styles: dict[str, Style] = {}
        self._last_highlighted: int | None = None

    # --- public -------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._ids) if self._ids is not None else self._first_count

    @property
    def counting(self) -> bool:
        return self._ids is None

    @property
    def current_row(self) -> ListRow | None:
        return self._cache.get(self.cursor)

    def loaded_row(self, index: int) -> ListRow | None:
        """The row at `index` once its page has been read; None while it loads."""
        return self._cache.get(index)

    @property
    def first_page_size(self) -> int:
        return max(self.size.height, 20) + FIRST_PAGE_MARGIN

    def load(
        self,
        query: ItemQuery,
        *,
        keep_position: bool = False,
        first: list[ListRow] | None = None,
    ) -> None:
        """Shows `query`'s rows. With `keep_position` (after an edit, or another instance's
        change) the old rows stay on screen until the new ones arrive, and the cursor stays on
        the same item even if rows were added above it (else on the same row number).

        `first` is the query's first page when the caller already has it (start-up): shown
        at once, and only the count runs in the worker."""
        self.item_query = query
        self._generation += 1
        self._total = None
        self.source.interrupt()  # a running count scan for the old query is now useless
        keep_id = self.current_row.item.id if keep_position and self.current_row else None
        if first is not None:
            self._apply_first(self._generation, first)
        self._load(
            query, self._generation, self.first_page_size, keep_position, keep_id,
            skip_first=first is not None,
        )  # fmt: skip

    def replace_item(self, row: ListRow) -> None:
        """Shows an edited item at once, before the reload confirms its place."""
        for index, cached in list(self._cache.items()):
            if cached.item.id == row.item.id:
                self._cache[index] = row
                self.refresh_line(index - int(self.scroll_y) + 1)
        if self.current_row and self.current_row.item.id == row.item.id:
            self.post_message(self.Highlighted(row))

    # --- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="item-table-load", exit_on_error=False)
    def _load(
        self,
        query: ItemQuery,
        generation: int,
        limit: int,
        keep_position: bool,
        keep_id: int | None = None,
        skip_first: bool = False,
    ) -> None:
        worker = get_current_worker()
        try:
            if not keep_position and not skip_first:
                first = self.source.first_page(query, limit)
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self._apply_first, generation, first)
            # The kept totals give the exact count and sum at once (no text in the query).
            summary = self.source.summary(query)
            if summary is not None and not worker.is_cancelled:
                self.app.call_from_thread(self._apply_summary, generation, *summary)
            if not keep_position and not skip_first:
                deadline = time.monotonic() + SCAN_DELAY
                while time.monotonic() < deadline:
                    if worker.is_cancelled:
                        return
                    time.sleep(0.01)
            ids = self.source.ids(query)
            if worker.is_cancelled:
                return
            index = None
            if keep_id is not None:
                with contextlib.suppress(ValueError):  # the item left the list
                    index = ids.index(keep_id)  # C speed, and off the UI thread
            self.app.call_from_thread(self._apply_ids, generation, ids, keep_position, index)
            if summary is not None:
                return
            total = self.source.total_cost(query)
            if not worker.is_cancelled:
                self.app.call_from_thread(self._apply_total, generation, total)
        except ListingInterrupted:
            return
        except Exception:
            log.exception("loading the item list failed")
            self.app.call_from_thread(
                self.notify, "Listan kunde inte läsas; se loggfilen.", severity="error"
            )

    def _apply_first(self, generation: int, rows: list[ListRow]) -> None:
        if generation != self._generation:
            return
        self._ids = None
        self._first_count = len(rows)
        self._total = None
        self._cache = dict(enumerate(rows))
        self._pending.clear()
        self._set_height()
        self.scroll_to(y=0, animate=False)
        self._last_highlighted = None
        self.cursor = 0
        self.post_message(self.Counted(len(rows), exact=False, total_cost=None))

    def _apply_ids(
        self, generation: int, ids: array, keep_position: bool, index: int | None = None
    ) -> None:
        if generation != self._generation:
            return
        self._ids = ids
        self._pending.clear()
        if keep_position:
            self._cache.clear()
            self._last_highlighted = None
        self._set_height()
        self.post_message(self.Counted(len(ids), exact=True, total_cost=self._total))
        target = self.cursor if index is None else index
        self.cursor = min(target, max(0, len(ids) - 1))
        self._fetch_visible()
        self.refresh()

    def _apply_summary(self, generation: int, count: int, total: int) -> None:
        if generation != self._generation:
            return
        self._total = total
        self.post_message(self.Counted(count, exact=True, total_cost=total))

    def _apply_total(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self._total = total
            self.post_message(self.Counted(self.row_count, exact=True, total_cost=total))

    def _set_height(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count + 1)  # + the header line

    def _fetch_visible(self) -> None:
        """Requests the pages on screen and one page either side."""
        if self._ids is None or not self.row_count:
            return
        top = int(self.scroll_y)
        bottom = top + max(self.size.height, 1)
        for index in (top - PAGE, top, self.cursor, bottom, bottom + PAGE):
            if 0 <= index < self.row_count and index not in self._cache:
                self._request_page(index // PAGE)

    def _request_page(self, page: int) -> None:
        if page in self._pending or self._ids is None:
            return
        self._pending.add(page)
        ids = self._ids[page * PAGE : (page + 1) * PAGE].tolist()
        generation = self._generation
        self.run_worker(
            lambda: self._fetch_page(generation, page, ids),
            thread=True,
            group="item-table-pages",
            exit_on_error=False,
        )

    def _fetch_page(self, generation: int, page: int, ids: list[int]) -> None:
        try:
            rows = self.source.rows(ids)
        except Exception:
            log.exception("reading a page of the item list failed")
            return
        self.app.call_from_thread(self._apply_page, generation, page, ids, rows)

    def _apply_page(self, generation: int, page: int, ids: list[int], rows: list[ListRow]) -> None:
        self._pending.discard(page)
        if generation != self._generation:
            return
        by_id = {row.item.id: row for row in rows}
        for offset, item_id in enumerate(ids):
            if (row := by_id.get(item_id)) is not None:
                self._cache[page * PAGE + offset] = row
        self._trim_cache()
        self.refresh()
        if page * PAGE <= self.cursor < (page + 1) * PAGE:
            self._announce()

    def _trim_cache(self) -> None:
        if len(self._cache) <= CACHE_LIMIT:
            return
        centre = int(self.scroll_y)
        for index in sorted(self._cache, key=lambda i: abs(i - centre))[CACHE_LIMIT // 2 :]:
            del self._cache[index]

    # --- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count - 1)) if self.row_count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh_line(old - int(self.scroll_y) + 1)
        self.refresh_line(new - int(self.scroll_y) + 1)
        if new not in self._cache:
            self._fetch_visible()
        self._announce()

    def _announce(self) -> None:
        row = self._cache.get(self.cursor)
        if row is None and self.row_count:
            return  # it is on its way; `_apply_page` announces it
        key = row.item.id if row else None
        if key != self._last_highlighted or row is not None:
            self._last_highlighted = key
            self.post_message(self.Highlighted(row))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.size.height - 1, 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._fetch_visible()

    def on_resize(self, event: events.Resize) -> None:
        self._set_height()
        self._fetch_visible()

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(self.size.height - 2, 1)

    def action_page_up(self) -> None:
        self.cursor -= max(self.size.height - 2, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_select(self) -> None:
        if row := self.current_row:
            self.post_message(self.Selected(row))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self.cursor = int(self.scroll_y) + event.y - 1
            if event.chain == 2:
                self.action_select()

    # --- rendering ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        if name not in self._styles:
            self._styles[name] = self.get_component_rich_style(f"item-table--{name}")
        return self._styles[name]

    def _columns(self, width: int) -> list[tuple[Column, int]]:
        if width != self._layout_width:
            self._layout_width, self._layout = width, layout(width)
        return self._layout

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self._columns(width)
        if y == 0:
            style = base + self._style("header")
            title = "Start" if self.item_query.sort is SortOrder.STARTS else "Inkom"
            cells = [
                (title if column.key == "date" else column.title, column, size)
                for column, size in columns
            ]
            return self._strip(cells, style, {}, width)
        index = int(self.scroll_y) + y - 1
        if index >= self.row_count:
            return Strip.blank(width, base)
        style = base + self._style("cursor") if index == self.cursor else base
        row = self._cache.get(index)
        if row is None:
            return Strip([Segment(set_cell_size("  …", width), base + self._style("placeholder"))])
        cells = [
            (cell_text(column, row, self.item_query.sort), column, size) for column, size in columns
        ]
        verdict_style = {}
        if row.verdict is not None and index != self.cursor:
            verdict_style["verdict"] = style + self._style(_VERDICT_STYLE[row.verdict])
        return self._strip(cells, style, verdict_style, width)

    @staticmethod
    def _strip(
        cells: list[tuple[str, Column, int]],
        style: Style,
        overrides: dict[str, Style],
        width: int,
    ) -> Strip:
        segments = []
        for text, column, size in cells:
            if column.right and cell_len(text) < size:
                text = " " * (size - cell_len(text)) + text
            segments.append(Segment(fit(text, size), overrides.get(column.key, style)))
            segments.append(Segment(" ", style))
        return Strip(segments).crop_extend(0, width, style)


_VERDICT_STYLE = {Verdict.CONFLICT: "conflict", Verdict.WARNING: "warning", Verdict.OK: "ok"}
