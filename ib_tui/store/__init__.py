"""SQLite persistence. The only package that imports sqlite-utils."""

from ib_tui.store.backup import DatabaseCheck, backup_database, check_database, restore_database
from ib_tui.store.bulk import HISTORY_COLUMNS, ITEM_COLUMNS, BulkWriter, DatabaseNotEmpty
from ib_tui.store.db import Store, StoreBusy, StoreError
from ib_tui.store.items import ItemNotFound, ItemRepository, VersionConflict
from ib_tui.store.listing import ItemListing, ListingInterrupted, fts_match
from ib_tui.store.meetings import MeetingRepository
from ib_tui.store.migrations import LATEST, SchemaTooNewError, schema_version
from ib_tui.store.settings import SettingsRepository

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
    "fts_match",
    "restore_database",
    "schema_version",
]
