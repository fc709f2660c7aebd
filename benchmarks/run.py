"""ib-tui at a million items against an empty Textual app, side by side, in one run.

    python benchmarks/run.py           # the full run (~5-8 minutes the first time: it builds
    python benchmarks/run.py --quick   #   the databases under benchmarks/.work/ once)

Every figure is measured in fresh subprocesses (benchmarks/probe.py), several runs each;
the table gives each ratio's median with its min and max over the runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import database  # noqa: E402

PROBE = HERE / "probe.py"


def probe(mode: str, *args: object) -> dict:
    done = subprocess.run(
        [sys.executable, str(PROBE), mode, *map(str, args)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"probe {mode} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def runs(count: int, mode: str, *args: object) -> list[dict]:
    return [probe(mode, *args) for _ in range(count)]


def spread(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def ratios(numerators: list[float], denominators: list[float]) -> tuple[float, float, float]:
    """Pairs the runs in order (run i of each side ran back to back) and gives median/min/max."""
    return spread([a / b for a, b in zip(numerators, denominators, strict=False)])


def machine() -> str:
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cores} cores ({model}), Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (about 2 minutes)")
    args = parser.parse_args()
    n = 2 if args.quick else 5
    started = time.perf_counter()

    print("Databases (built once, kept in benchmarks/.work/):", flush=True)
    dbs = {}
    for count in (1_000, 100_000, 1_000_000):
        dbs[count], seconds = database(count)
        note = f"generated in {seconds:.1f} s" if seconds is not None else "already there"
        print(f"  {count:>9,} items: {dbs[count].name} ({note})", flush=True)
    big = dbs[1_000_000]

    rows: list[tuple[str, str, tuple[float, float, float], str, str]] = []

    # 1. Start-up to the first painted screen: fresh processes, alternating.
    empty, app = [], []
    for _ in range(n + 1):
        empty.append(probe("startup-empty")["seconds"])
        app.append(probe("startup", big)["seconds"])
    empty, app = empty[1:], app[1:]  # the first pair warms the OS file cache
    rows.append(("Start-up to first painted screen, 1M items ÷ empty app",
                 f"{statistics.median(app) * 1000:.0f} ms vs "
                 f"{statistics.median(empty) * 1000:.0f} ms",
                 ratios(app, empty), "≤ 1.5", "low"))  # fmt: skip
    print("  start-up done", flush=True)

    # 2. A keystroke in the search box → the new rows painted, timed inside each app.
    empty_keys, app_keys, empty_walls, app_walls, p95 = [], [], [], [], []
    for _ in range(max(2, n - 2)):
        empty_run, app_run = probe("keys-empty"), probe("keys", big)
        empty_keys.append(statistics.median(empty_run["keystrokes"]))
        app_keys.append(statistics.median(app_run["keystrokes"]))
        empty_walls.append(statistics.median(empty_run["walls"]))
        app_walls.append(statistics.median(app_run["walls"]))
        p95.append(statistics.quantiles(app_run["keystrokes"], n=20)[-1])
    rows.append(("Keystroke → list repainted, end to end (Pilot press → painted), 1M items "
                 "÷ empty app's Input echo",
                 f"{statistics.median(app_walls) * 1000:.0f} ms vs "
                 f"{statistics.median(empty_walls) * 1000:.0f} ms",
                 ratios(app_walls, empty_walls), "≤ 1.5", "low"))  # fmt: skip
    rows.append(("Keystroke → list repainted, in-app (Input.Changed → painted), 1M items "
                 "÷ empty app's Input echo",
                 f"{statistics.median(app_keys) * 1000:.0f} ms (p95 "
                 f"{statistics.median(p95) * 1000:.0f} ms) vs "
                 f"{statistics.median(empty_keys) * 1000:.1f} ms",
                 ratios(app_keys, empty_keys), "≤ 1.5", "low"))  # fmt: skip
    print("  keystrokes done", flush=True)

    # 3. Peak RSS, 1M vs 1k items, after the count, End, and a search.
    rss_big = [r["rss_kb"] for r in runs(max(2, n - 2), "rss", big)]
    rss_small = [r["rss_kb"] for r in runs(max(2, n - 2), "rss", dbs[1_000])]
    rows.append(("Peak RSS, 1M items ÷ 1k items",
                 f"{statistics.median(rss_big) / 1024:.0f} MB vs "
                 f"{statistics.median(rss_small) / 1024:.0f} MB",
                 ratios(rss_big, rss_small), "≤ 1.3", "low"))  # fmt: skip
    print("  memory done", flush=True)

    # 4. A plain DataTable with 100k items vs this list: open, then re-filter.
    table = runs(1 if args.quick else 3, "datatable", dbs[100_000])
    ours = runs(1 if args.quick else 3, "list-filter", dbs[100_000])
    table_s = [r["open"] + r["refilter"] for r in table]
    ours_s = [r["open"] + r["refilter"] for r in ours]
    rows.append(("DataTable open + re-filter, 100k items ÷ this list",
                 f"{statistics.median(table_s):.1f} s vs {statistics.median(ours_s):.2f} s "
                 f"(DataTable {statistics.median([r['open'] for r in table]):.1f} s + "
                 f"{statistics.median([r['refilter'] for r in table]):.1f} s)",
                 ratios(table_s, ours_s), "≥ 20", "high"))  # fmt: skip

    print()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {machine()} · "
          f"`python benchmarks/run.py{' --quick' if args.quick else ''}` · "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    print()
    print("| measure | figures (median) | ratio median | min | max | goal | met |")
    print("|---|---|---|---|---|---|---|")
    for name, figures, (median, low, high), goal, better in rows:
        limit = float(goal.split()[1])
        met = median <= limit if better == "low" else median >= limit
        print(f"| {name} | {figures} | {median:.2f} | {low:.2f} | {high:.2f} | {goal} | "
              f"{'yes' if met else 'no'} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
