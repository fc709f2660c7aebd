"""SQLite persistence. The only package that imports sqlite-utils."""

import importlib
from typing import TYPE_CHECKING, Any

from ib_tui.store.db import Store, StoreBusy, StoreError
from ib_tui.store.items import ItemNotFound, ItemRepository, VersionConflict
from ib_tui.store.listing import ItemListing, ListingInterrupted, search_terms
from ib_tui.store.migrations import LATEST, SchemaTooNewError, schema_version
from ib_tui.store.settings import SettingsRepository

if TYPE_CHECKING:
    from ib_tui.store.backup import (
        DatabaseCheck,
        backup_database,
        check_database,
        restore_database,
    )
    from ib_tui.store.bulk import HISTORY_COLUMNS, ITEM_COLUMNS, BulkWriter, DatabaseNotEmpty
    from ib_tui.store.meetings import MeetingRepository

# Imported on first use: backups, bulk loads and meetings are not needed to show the list.
LAZY = {
    "DatabaseCheck": "backup", "backup_database": "backup", "check_database": "backup",
    "restore_database": "backup",
    "HISTORY_COLUMNS": "bulk", "ITEM_COLUMNS": "bulk", "BulkWriter": "bulk",
    "DatabaseNotEmpty": "bulk",
    "MeetingRepository": "meetings",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in LAZY:
        return getattr(importlib.import_module(f"ib_tui.store.{LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HISTORY_COLUMNS",
    "ITEM_COLUMNS",
    "LATEST",
    "BulkWriter",
    "DatabaseCheck",
    "DatabaseNotEmpty",
    "ItemListing",
    "ItemNotFound",
    "ItemRepository",
    "ListingInterrupted",
    "MeetingRepository",
    "SchemaTooNewError",
    "SettingsRepository",
    "Store",
    "StoreBusy",
    "StoreError",
    "VersionConflict",
    "backup_database",
    "check_database",
    "restore_database",
    "schema_version",
    "search_terms",
]
