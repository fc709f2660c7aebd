"""The virtual list over generated data: paging, jumps, search and filters show the right rows,
and no query pages with OFFSET."""

from __future__ import annotations

import pytest

from ib_tui.domain.model import Kind, Status
from ib_tui.domain.query import ItemQuery
from ib_tui.services import Services
from ib_tui.services.generate import generate
from ib_tui.ui.app import IBApp
from tests.ui.pilot import screen_text, wait_for, wait_for_list

COUNT = 3000


@pytest.fixture
def big(services: Services) -> Services:
    generate(services.context, COUNT)
    return services


def _expected_ids(services: Services, where: str = "", params: tuple = ()) -> list[int]:
    """The list order (received ↓, id ↓), straight from SQL."""
    return [
        row[0]
        for row in services.store.connection.execute(
            f"SELECT id FROM items {where} ORDER BY received DESC, id DESC", params
        )
    ]


# "eurocit": a substring of a short column, or a word prefix in the summary.
EUROCIT = (
    "(id IN (SELECT rowid FROM items_trigram WHERE items_trigram MATCH ?) "
    "OR id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?))"
)
EUROCIT_PARAMS = ('"eurocit"', 'summary : "eurocit"*')


def _trace(table) -> list[str]:
    statements: list[str] = []
    listing = table.source._listing
    listing._pages.set_trace_callback(statements.append)
    listing._scan.set_trace_callback(statements.append)
    return statements


async def test_paging_and_jumps_show_the_right_rows(big: Services) -> None:
    expected = _expected_ids(big)
    app = IBApp(big)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        statements = _trace(table)
        assert table.row_count == COUNT
        assert table.current_row.item.id == expected[0]

        async def at(index: int) -> None:
            await wait_for(pilot, lambda: table.cursor == index and table.current_row)
            assert table.current_row.item.id == expected[index]
            await pilot.pause()
            assert (table.current_row.item.dnr or "") in screen_text(pilot)

        step = table.size.height - 2
        await pilot.press("pagedown")
        await at(step)
        await pilot.press("pagedown", "pagedown")
        await at(3 * step)
        await pilot.press("pageup")
        await at(2 * step)
        await pilot.press("end")
        await at(COUNT - 1)
        # Every row on screen at the end is the right one, not a placeholder.
        top = int(table.scroll_y)
        for index in range(top, COUNT):
            assert table.loaded_row(index).item.id == expected[index]
        await pilot.press("home")
        await at(0)
        table.cursor = 1234  # a jump (a scrollbar drag, a click far down)
        await at(1234)
        await pilot.press("j", "j", "k")
        await at(1235)
        table.scroll_to(y=2500, animate=False)  # scrolling without moving the cursor
        await wait_for(pilot, lambda: all(table.loaded_row(i) for i in range(2500, 2530)))
        assert [table.loaded_row(i).item.id for i in range(2500, 2530)] == expected[2500:2530]
        assert statements and not any("OFFSET" in sql.upper() for sql in statements)


async def test_search_and_filters_show_the_right_rows(big: Services) -> None:
    app = IBApp(big)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        statements = _trace(table)
        await pilot.press("slash", *"eurocit")
        await wait_for(pilot, lambda: not table.counting and table.item_query.text == "eurocit")
        expected = _expected_ids(big, f"WHERE {EUROCIT}", EUROCIT_PARAMS)
        assert expected and table.row_count == len(expected)
        await wait_for(pilot, lambda: table.current_row is not None)
        assert [table.loaded_row(i).item.id for i in range(20)] == expected[:20]
        await wait_for(pilot, lambda: f"{len(expected)} ärenden" in screen_text(pilot))
        await pilot.press("enter")  # leave the search box
        await pilot.press("t")  # kind: konferensresa
        await wait_for(pilot, lambda: not table.counting and table.item_query.kinds)
        expected = _expected_ids(big, f"WHERE kind = 'conference' AND {EUROCIT}", EUROCIT_PARAMS)
        assert table.row_count == len(expected)
        await pilot.press("end")
        await wait_for(pilot, lambda: table.current_row is not None)
        assert table.current_row.item.id == expected[-1]
        assert table.current_row.item.kind is Kind.CONFERENCE
        await pilot.press("escape")
        await wait_for(pilot, lambda: not table.counting and table.row_count == COUNT)
        assert not any("OFFSET" in sql.upper() for sql in statements)


def test_the_windowed_first_page_equals_the_plain_query(big: Services) -> None:
    """Also when ids do not follow `received` (items imported late with old dates)."""
    connection = big.store.connection
    with big.store.transaction():  # scramble: the newest ids get the oldest dates
        connection.execute(
            "UPDATE items SET received = date('2000-01-01', '+' || (id % 97) || ' days') "
            "WHERE id % 3 = 0"
        )
    listing = big.listing()
    try:
        for text, kinds, statuses in [
            ("e", (), ()),
            ("eu", (Kind.CONFERENCE,), ()),
            ("delegation", (), (Status.DECIDED,)),
            ("stockh", (), ()),
            ("smörgåsbordets", (), ()),
            ("holm", (), ()),  # inside "Stockholm": a substring
            ("ockh del", (Kind.VISIT,), ()),
        ]:
            query = ItemQuery(text=text, kinds=frozenset(kinds), statuses=frozenset(statuses))
            page = [item.id for item in listing._listing.first_page(query, 60)]
            assert page == list(listing.ids(query)[:60]), text
    finally:
        listing.close()


def test_prefix_search_keeps_a_ring_and_dots_apart(services: Services) -> None:
    from tests.conftest import make_item

    for title in ("Rådhusbesök", "Rapport om ramar", "Räksmörgås i Åbo", "Rökfria städer",
                  "Rosengård"):  # fmt: skip
        services.items.register(make_item(title=title))
    listing = services.listing()

    def titles(text: str) -> set[str]:
        items = listing.rows(listing.ids(ItemQuery(text=text)))
        return {row.item.title for row in items}

    try:
        assert titles("rå") == {"Rådhusbesök"}
        assert titles("ra") == {"Rapport om ramar"}
        assert titles("rä") == {"Räksmörgås i Åbo"}
        assert titles("rö") == {"Rökfria städer"}
        assert titles("ro") == {"Rosengård"}
        assert titles("åbo") == {"Räksmörgås i Åbo"}
        assert titles("abo") == set()
        assert titles("RÅD") == {"Rådhusbesök"}  # case folds, letters do not
        assert titles("rap ram") == {"Rapport om ramar"}  # every word, each as a prefix
    finally:
        listing.close()


def test_counts_and_totals_are_cached_until_a_commit(big: Services) -> None:
    listing = big.listing()
    try:
        query = ItemQuery(text="eurocities")
        first = listing.ids(query)
        assert listing.ids(query) is first  # no second scan
        total = listing.total_cost(query)
        assert listing.total_cost(query) == total
        statements: list[str] = []
        listing._listing._scan.set_trace_callback(statements.append)
        listing.total_cost(query)
        assert not any("sum(" in sql for sql in statements)
        item = big.items.get(first[0])
        other = Status.IN_PREPARATION if item.status is Status.READY else Status.READY
        big.items.set_status(item.id, other)  # any commit invalidates
        assert listing.ids(query) is not first
        assert list(listing.ids(query)) == list(first)
    finally:
        listing.close()


def test_a_newer_query_interrupts_the_running_scan(big: Services) -> None:
    from ib_tui.store import ListingInterrupted

    listing = big.listing()
    inner = listing._listing
    try:
        # Interrupt from inside the scan (as the UI thread does when a key arrives mid-scan).
        inner._scan.set_progress_handler(lambda: inner.interrupt() or 0, 50)
        with pytest.raises(ListingInterrupted):
            listing.ids(ItemQuery(text="e"))
        with pytest.raises(ListingInterrupted):
            listing.total_cost(ItemQuery(text="e"))
        inner._scan.set_progress_handler(None, 0)
        assert len(listing.ids(ItemQuery())) == COUNT  # the connection still works
    finally:
        listing.close()
    with pytest.raises(ListingInterrupted):  # a closed view's late worker ends quietly
        listing.ids(ItemQuery(text="eu"))
