"""One measurement in a fresh process; prints one JSON line. Run by benchmarks/run.py.

Modes:
  startup-empty                 an empty Textual app: script start → first painted screen
  startup DB                    ib-tui on DB: script start → first painted list rows
  rss DB                        ib-tui on DB: peak RSS after the exact count, End, and a search
  keys-empty                    an empty app with an Input: Input.Changed → repainted label
  keys DB                       ib-tui: Input.Changed → the new rows painted, per keystroke
  datatable DB                  a plain DataTable with every item: open, then re-filter
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any heavy import: start-up includes importing Textual

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

QUERIES = ("eurocities", "stockh", "delegation", "rå", "smör")


def emit(**values: object) -> None:
    values["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(values), flush=True)


def _ib_app(db: str):
    from ib_tui.services import Services
    from ib_tui.ui.app import IBApp

    return IBApp(Services.open(db, user="bench"))


def _hook_first_page(callback) -> None:
    """Calls `callback()` after the refresh that paints a query's first rows."""
    from ib_tui.ui.widgets.item_table import ItemTable

    original = ItemTable._apply_first

    def apply_first(self, generation, rows):
        original(self, generation, rows)
        if generation == self._generation:
            self.call_after_refresh(callback)

    ItemTable._apply_first = apply_first


def startup_empty() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Empty(App[None]):
        def compose(self):
            yield Header()
            yield Static("tom")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            emit(seconds=time.perf_counter() - T0)
            self.exit()

    Empty().run(headless=True, size=(120, 40))


def startup(db: str) -> None:
    app = _ib_app(db)

    def done() -> None:
        emit(seconds=time.perf_counter() - T0)
        app.exit()

    _hook_first_page(done)
    app.run(headless=True, size=(120, 40))


async def _wait(pilot, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        await pilot.pause(0.005)


def rss(db: str) -> None:
    from ib_tui.ui.widgets.item_table import ItemTable

    app = _ib_app(db)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            table = app.screen.query_one(ItemTable)
            await _wait(pilot, lambda: not table.counting and table.current_row)
            await pilot.press("G")
            await _wait(pilot, lambda: table.current_row is not None)
            await pilot.press("slash", *"eu")
            await _wait(pilot, lambda: not table.counting and table.query.text == "eu")
            await pilot.pause(0.5)  # the total-cost scan
        emit()

    asyncio.run(run())


def keys_empty() -> None:
    from textual.app import App
    from textual.widgets import Input, Static

    times: list[float] = []
    walls: list[float] = []
    state: dict[str, float] = {}

    class Empty(App[None]):
        def compose(self):
            yield Input(id="search")
            yield Static(id="echo")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one("#echo", Static).update(event.value)
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            now = time.perf_counter()
            times.append(now - state["t0"])
            walls.append(now - state["press"])

    def hook(message: object) -> None:
        if type(message).__name__ == "Changed":
            state["t0"] = time.perf_counter()

    app = Empty()

    async def run() -> None:
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            for query in QUERIES:
                for char in query:
                    count = len(times)
                    state["press"] = time.perf_counter()
                    await pilot.press(char)
                    await _wait(pilot, lambda count=count: len(times) > count)
                count = len(times)
                await pilot.press(*["backspace"] * len(query))
                await pilot.pause(0.05)
                del times[count:], walls[count:]  # only typing forwards is measured

    asyncio.run(run())
    emit(keystrokes=times, walls=walls)


def keys(db: str) -> None:
    from textual.widgets import Input

    from ib_tui.ui.widgets.item_table import ItemTable

    times: list[float] = []
    walls: list[float] = []
    state: dict[str, object] = {"t0": None, "press": 0.0}
    app = _ib_app(db)

    def painted() -> None:
        if state["t0"] is not None:
            now = time.perf_counter()
            times.append(now - state["t0"])  # type: ignore[operator]
            walls.append(now - state["press"])  # type: ignore[operator]
            state["t0"] = None

    _hook_first_page(painted)

    def hook(message: object) -> None:
        if isinstance(message, Input.Changed):
            state["t0"] = time.perf_counter()

    async def run() -> None:
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            table = app.screen.query_one(ItemTable)
            await _wait(pilot, lambda: not table.counting and table.current_row)
            await pilot.press("slash")
            for query in QUERIES:
                for char in query:
                    count = len(times)
                    state["press"] = time.perf_counter()
                    await pilot.press(char)
                    await _wait(pilot, lambda count=count: len(times) > count)
                await pilot.press("escape")  # clears the search (and leaves the box)
                await _wait(pilot, lambda: table.query.text == "" and table.current_row)
                await _wait(pilot, lambda: not table.counting)  # the whole list's count
                await pilot.press("slash")
                state["t0"] = None

    asyncio.run(run())
    emit(keystrokes=times, walls=walls)


def datatable(db: str) -> None:
    import sqlite3

    from textual.app import App
    from textual.widgets import DataTable

    connection = sqlite3.connect(db)
    sql = "SELECT dnr, kind, title, status, received, cost_total FROM items ORDER BY received DESC"
    state: dict[str, float] = {}

    class Plain(App[None]):
        def compose(self):
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Dnr", "Typ", "Rubrik", "Status", "Inkom", "Kostnad")
            table.add_rows(connection.execute(sql))
            self.call_after_refresh(self.opened)

        def opened(self) -> None:
            state["open"] = time.perf_counter() - T0
            start = time.perf_counter()
            table = self.query_one(DataTable)
            table.clear()
            # A DataTable has no filter: the usual way is to clear and add the matching rows.
            needle = "eurocities"
            table.add_rows(
                row for row in connection.execute(sql) if needle in (row[2] or "").casefold()
            )
            state["start"] = start
            self.call_after_refresh(self.filtered)

        def filtered(self) -> None:
            emit(open=state["open"], refilter=time.perf_counter() - state["start"])
            self.exit()

    Plain().run(headless=True, size=(120, 40))


def list_filter(db: str) -> None:
    """This app's list doing what `datatable` does: open, then filter for one word at once."""
    from textual.widgets import Input

    app = _ib_app(db)
    state: dict[str, float] = {}

    def painted() -> None:
        now = time.perf_counter()
        if "open" not in state:
            state["open"] = now - T0
            state["start"] = time.perf_counter()
            app.screen.query_one("#search", Input).value = "eurocities"
        else:
            emit(open=state["open"], refilter=now - state["start"])
            app.exit()

    _hook_first_page(painted)
    app.run(headless=True, size=(120, 40))


MODES = {
    "startup-empty": startup_empty,
    "startup": startup,
    "rss": rss,
    "keys-empty": keys_empty,
    "keys": keys,
    "datatable": datatable,
    "list-filter": list_filter,
}

if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    MODES[mode](*args)
