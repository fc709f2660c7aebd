"""How long the minutes of a long meeting take to write: 500 entries, built in memory.

Run: python benchmarks/export_minutes.py [entries] [runs]
Prints the median of the runs against the goal (< 200 ms for 500 entries). Not a pytest test on
purpose: a timed test fails on a busy CI machine and says nothing about the code.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import date

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


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    record = build(entries)
    assert len(record.entries) == entries
    minutes_markdown(record)  # warm up: imports, regex compilation
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        minutes_markdown(record)
        timings.append((time.perf_counter() - started) * 1000)
    median = statistics.median(timings)
    print(
        f"minutes for {entries} entries: {median:.1f} ms (goal < {GOAL_MS} ms): "
        f"ratio {median / GOAL_MS:.2f}"
    )


if __name__ == "__main__":
    main()
