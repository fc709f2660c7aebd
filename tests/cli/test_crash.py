"""Crash: `ib-tui import` of a large file is SIGKILLed at random moments. Afterwards the database
passes `PRAGMA integrity_check` and holds either all of the file's items or none of them.

Two kinds of moment: a random time after the start (start-up, reading, checking, storing,
committing, or already done), and a random point of the store's progress, read from the
progress line the CLI writes when stderr is a terminal (a pty here): those land inside the
transaction, including just before COMMIT (progress N/N)."""

from __future__ import annotations

import json
import os
import pty
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ib_tui.services import Services
from tests.conftest import make_item

MIN_KILLS = 20
MAX_RUNS = 30
ITEMS = 2000
PROGRESS = re.compile(rb"Importerar ([\d\xc2\xa0]+)/")


def _big_file(path: Path) -> Path:
    items = [
        {"kind": "conference", "title": f"Konferens {n}", "dnr": f"KS 2030/{n}",
         "city": "Bryssel", "summary": "Sammanfattning " * 20, "costs": {"travel": n},
         "participants": [{"name": "Anna Berg", "role": "politician"}]}
        | ({"meeting": "2030-01-15"} if n % 10 == 0 else {})
        for n in range(ITEMS)
    ]  # fmt: skip
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def _state(db: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(db)
    try:
        (integrity,) = connection.execute("PRAGMA integrity_check").fetchone()
        (items,) = connection.execute("SELECT count(*) FROM items").fetchone()
        (trail,) = connection.execute(
            "SELECT count(*) FROM item_history WHERE action = 'import'"
        ).fetchone()
        return integrity, items, trail
    finally:
        connection.close()


def _command(source: Path, db: Path) -> list[str]:
    code = "import sys; from ib_tui.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code, "import", str(source), "--db", str(db)]


def _run_and_kill(command: list[str], env: dict[str, str], *, at_time: float | None,
                  at_progress: int | None) -> bool:  # fmt: skip
    """Starts the import with stderr on a pty and SIGKILLs it at the chosen moment.
    True if it was still running when killed."""
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    started, buffer = time.monotonic(), b""
    try:
        while process.poll() is None:
            if at_time is not None and time.monotonic() - started >= at_time:
                break
            ready, _, _ = select.select([master], [], [], 0.002)
            if ready:
                try:
                    buffer = (buffer + os.read(master, 4096))[-200:]
                except OSError:
                    break
                done = [int(m.replace(b"\xc2\xa0", b"")) for m in PROGRESS.findall(buffer)]
                if at_progress is not None and done and done[-1] >= at_progress:
                    break
        alive = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return alive
    finally:
        os.close(master)


@pytest.mark.slow
def test_sigkill_during_import_leaves_all_or_none(tmp_path: Path) -> None:
    seed = int(os.environ.get("IB_TUI_CRASH_SEED", time.time()))
    rng = random.Random(seed)
    source = _big_file(tmp_path / "stor.json")
    template = tmp_path / "mall.db"
    services = Services.open(template)
    for n in range(3):
        services.items.register(make_item(title=f"Fanns före {n}"))
    services.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    # One run to the end tells how long an import takes on this machine.
    calibration = tmp_path / "kalibrering.db"
    shutil.copy(template, calibration)
    started = time.monotonic()
    subprocess.run(_command(source, calibration), env=env, check=True, capture_output=True)
    duration = time.monotonic() - started
    assert _state(calibration) == ("ok", 3 + ITEMS, ITEMS)

    outcomes = {"none": 0, "all": 0}
    kills = runs = 0
    while kills < MIN_KILLS and runs < MAX_RUNS:
        run, runs = runs, runs + 1
        db = tmp_path / f"krasch-{run}.db"
        shutil.copy(template, db)
        if run % 3 == 0:
            plan = {"at_time": rng.uniform(0.05, duration * 1.1), "at_progress": None}
        else:
            plan = {"at_time": None, "at_progress": rng.randint(1, ITEMS)}
        kills += _run_and_kill(_command(source, db), env, **plan)
        integrity, items, trail = _state(db)
        assert integrity == "ok", (seed, run, plan)
        assert (items, trail) in ((3, 0), (3 + ITEMS, ITEMS)), (seed, run, plan, items)
        outcomes["none" if items == 3 else "all"] += 1
        db.unlink()
    assert kills >= MIN_KILLS, (seed, kills)
    assert outcomes["none"] > 0  # the kills did land before the commit
    print(
        f"\ncrash: {runs} runs, {kills} SIGKILLs of a running import of {ITEMS} items "
        f"({duration:.2f} s uncut): integrity ok in all; none stored {outcomes['none']}, "
        f"all stored {outcomes['all']}, partial 0 (seed {seed})"
    )
