"""SQLite persistence. The only package that imports sqlite-utils."""

from ib_tui.store.db import Store, StoreError
from ib_tui.store.items import ItemNotFound, ItemRepository, VersionConflict
from ib_tui.store.listing import ItemListing, ListingInterrupted, fts_match
from ib_tui.store.meetings import MeetingRepository
from ib_tui.store.migrations import LATEST, SchemaTooNewError, schema_version
from ib_tui.store.settings import SettingsRepository

__all__ = [
    "LATEST",
    "ItemListing",
    "ItemNotFound",
    "ItemRepository",
    "ListingInterrupted",
    "MeetingRepository",
    "SchemaTooNewError",
    "SettingsRepository",
    "Store",
    "StoreError",
    "VersionConflict",
    "fts_match",
    "schema_version",
]
