"""Backup and restore of the whole database, for the CLI (and scripts, cron)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ib_tui.store import DatabaseCheck, backup_database, check_database, restore_database
from ib_tui.store.backup import Verification, verify_database


@dataclass(frozen=True, slots=True)
class RestoreReport:
    restored: DatabaseCheck
    kept: Path | None  # where the replaced data is now; None if there was no database


def kept_path(db_path: Path, at: datetime) -> Path:
    """Where restore keeps the data it replaces: beside the database, named by the time."""
    stamp = at.strftime("%Y%m%d-%H%M%S")
    path = db_path.with_name(f"{db_path.stem}.ersatt-{stamp}{db_path.suffix}")
    number = 1
    while path.exists():  # two restores in one second keep both replaced databases
        number += 1
        path = db_path.with_name(f"{db_path.stem}.ersatt-{stamp}-{number}{db_path.suffix}")
    return path


def backup(db_path: Path, target: Path) -> DatabaseCheck:
    """A checked, owner-only copy of the database, taken while it may be in use."""
    return backup_database(db_path, target)


def restore(
    db_path: Path, source: Path, at: datetime, *, user: str = "okänd", force: bool = False
) -> RestoreReport:
    """Checks `source` (integrity, schema, the trail's chain), keeps the current data, then
    restores `source`; the restore is a row of the restored trail. A backup whose chain does
    not verify is refused (ChainBroken) unless `force`, which the trail then records."""
    existed = db_path.is_file()
    kept = kept_path(db_path, at)
    restored = restore_database(db_path, source, kept, user=user, at=at, force=force)
    return RestoreReport(restored, kept if existed else None)


def check(path: Path) -> DatabaseCheck:
    return check_database(path)


def verify(path: Path) -> Verification:
    """`ib-tui verify`: integrity check and the trail's chains, read-only."""
    return verify_database(path)
