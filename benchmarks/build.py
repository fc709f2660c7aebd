"""Builds (once) the benchmark databases under benchmarks/.work/ with `ib-tui demo generate`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work"


def database(items: int) -> tuple[Path, float | None]:
    """The path of a database with `items` generated items, and the seconds it took to
    generate it now (None when it already existed)."""
    WORK.mkdir(exist_ok=True)
    path = WORK / f"items-{items}.db"
    if path.exists():
        try:
            connection = sqlite3.connect(path)
            (count,) = connection.execute("SELECT count(*) FROM items").fetchone()
            connection.close()
            if count == items:
                return path, None
        except sqlite3.Error:
            pass
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ib_tui", "demo", "generate", "--items", str(items),
         "--db", str(path)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return path, time.perf_counter() - started


if __name__ == "__main__":
    for count in map(int, sys.argv[1:]):
        print(count, database(count))
