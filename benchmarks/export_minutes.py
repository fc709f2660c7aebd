"""How long the minutes of a long meeting take to write: 500 entries.

Run: python benchmarks/export_minutes.py [entries] [runs]
Prints the median (min–max) of the runs against the goal (< 200 ms for 500 entries), twice:
the Markdown alone from a record built in memory, and the whole export as `ib-tui export
minutes` does it (read the meeting from SQLite, judge each item, write the Markdown). Not a
pytest test on purpose: a timed test fails on a busy CI machine and says nothing about the code.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from ib_tui.domain.meeting import (
    AgendaEntry,
    Decision,
    MeetingRecord,
    Outcome,
    PrincipleNote,
    Remark,
    RemarkKind,
)
from ib_tui.domain.model import Costs, Item, Kind, Verdict
from ib_tui.exports import minutes_markdown
from ib_tui.services import DocumentKind, Services

GOAL_MS = 200


def build(entries: int) -> MeetingRecord:
    """The test fixture's meeting, its items repeated until it has `entries` entries."""
    sys.path.insert(0, ".")
    from tests.exports.fixtures import build_record  # a realistic meeting to grow from

    base = build_record()
    summary = (
        "Ärendet gäller deltagande i en konferens om hållbar stadsutveckling. " * 6
        + "Kostnaderna ryms i budgeten för internationellt arbete."
    )
    grown = [
        AgendaEntry(
            f"Ärende {n}: deltagande i konferens #{n} | *{n}* <b>",
            item=Item(
                Kind.CONFERENCE, f"Ärende {n}", dnr=f"KS 2026/{n}", summary=summary,
                starts=date(2026, 9, 1), costs=Costs(travel=5_000 + n, accommodation=3_000),
            ),
            presenter="Maria Sund",
            proposal=("godkänna deltagandet", "kostnaderna belastar budgeten"),
            decision=Decision(
                Outcome.APPROVED, ("godkänna deltagandet", "kostnaderna belastar budgeten")
            ),
            remarks=(Remark("Sara Nyberg", RemarkKind.NOTE, "Resan bör samordnas med KF."),)
            if n % 10 == 0
            else (),
            principles=(PrincipleNote(Verdict.OK, "Måttfullhet"),),
            paragraph=n,
        )
        for n in range(1, entries - len(base.entries) + 1)
    ]  # fmt: skip
    return replace(base, entries=(*base.entries, *grown))


def timed(label: str, entries: int, runs: int, export: Callable[[], object]) -> None:
    export()  # warm up: imports, regex compilation, SQLite's page cache
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        export()
        timings.append((time.perf_counter() - started) * 1000)
    median = statistics.median(timings)
    print(
        f"{label} for {entries} entries: {median:.1f} ms (min {min(timings):.1f}, max "
        f"{max(timings):.1f}; goal < {GOAL_MS} ms): ratio {median / GOAL_MS:.2f}"
    )


def stored_meeting(folder: Path, entries: int) -> tuple[Services, int]:
    """A database whose one meeting has `entries` entries: the standard six and the items."""
    services = Services.open(folder / "bench.db", user="benchmark")
    meeting = services.meetings.create(date(2026, 12, 9))
    assert meeting.id is not None
    repository = services.items.repository
    with services.store.transaction():
        for n in range(entries - 6):
            item = Item(
                Kind.CONFERENCE, f"Konferens {n} om hållbar stadsutveckling", dnr=f"KS 2026/{n}",
                summary="Deltagande i en konferens om hållbar stadsutveckling. " * 6,
                costs=Costs(travel=5_000 + n, accommodation=3_000), starts=date(2027, 2, 1),
            )  # fmt: skip
            item_id = repository.insert(item, user="benchmark", at=services.context.now())
            services.meetings.repository.agenda.add_to_agenda(meeting.id, item_id)
    return services, meeting.id


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    record = build(entries)
    assert len(record.entries) == entries
    timed("minutes (Markdown only)", entries, runs, lambda: minutes_markdown(record))
    with tempfile.TemporaryDirectory() as folder:
        services, meeting_id = stored_meeting(Path(folder), entries)
        try:
            timed(
                "minutes (from the database)", entries, runs,
                lambda: services.documents.render(DocumentKind.MINUTES, meeting_id),
            )  # fmt: skip
        finally:
            services.close()


if __name__ == "__main__":
    main()
