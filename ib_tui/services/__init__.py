"""Use cases shared by the CLI and the TUI. Neither talks to the store directly."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ib_tui.domain.model import HistoryEntry, Item
from ib_tui.services.context import ServiceContext
from ib_tui.services.items import ItemService, Judgement, ReasonRequired
from ib_tui.services.journal import Direction
from ib_tui.services.listing import ListingService, ListRow
from ib_tui.services.settings import SettingsService
from ib_tui.services.undo import NothingToUndo, UndoConflict, UndoService
from ib_tui.store import Store

if TYPE_CHECKING:
    from ib_tui.domain.precedent import Precedents
    from ib_tui.services.audit import AuditService
    from ib_tui.services.costs import CostService
    from ib_tui.services.documents import DocumentKind, DocumentService
    from ib_tui.services.files import ImportPlan, ImportReport, InvalidFile, OnExisting
    from ib_tui.services.meetings import DecisionResult, MeetingError, MeetingService

# Imported on first use, not at start-up: the item list needs none of them (start-up is
# measured against an empty Textual app, see benchmarks/run.py).
LAZY = {
    "DocumentKind": "documents", "DocumentService": "documents",
    "InvalidFile": "files", "OnExisting": "files",
    "DecisionResult": "meetings", "MeetingError": "meetings", "MeetingService": "meetings",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in LAZY:
        return getattr(importlib.import_module(f"ib_tui.services.{LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Services:
    """The app's use cases over one database, for one user."""

    def __init__(self, store: Store, user: str | None = None) -> None:
        self.context = ServiceContext(store) if user is None else ServiceContext(store, user)
        self.items = ItemService(self.context)
        self.settings = SettingsService(self.context)
        self.undo = UndoService(self.context)

    @cached_property
    def audit(self) -> AuditService:
        from ib_tui.services.audit import AuditService

        return AuditService(self.context)

    @cached_property
    def meetings(self) -> MeetingService:
        from ib_tui.services.meetings import MeetingService

        return MeetingService(self.context)

    @cached_property
    def documents(self) -> DocumentService:
        from ib_tui.services.documents import DocumentService

        return DocumentService(self.context, self.meetings)

    @classmethod
    def open(
        cls,
        path: Path | str,
        user: str | None = None,
        *,
        read_only: bool = False,
        interactive: bool = False,
    ) -> Services:
        """`read_only`: reading commands, which never write to the file (nor create it).
        `interactive`: the TUI, told at once when another write is under way."""
        return cls(Store(path, read_only=read_only, interactive=interactive), user)

    @property
    def store(self) -> Store:
        return self.context.store

    @property
    def location(self) -> str:
        """Which database this is, for a title bar: its path, or ":memory:"."""
        return str(self.store.path)

    @property
    def user(self) -> str:
        """Who the history records for this session's changes."""
        return self.context.user

    def today(self) -> date:
        return self.context.today()

    def setting(self, key: str) -> Any:
        """A principle setting as this database has it (`mattfullhet.max_gifts_per_guest`)."""
        return self.context.catalogue.setting(key)

    def migration_notice(self) -> str | None:
        """What to tell the user when opening migrated the file (naming the backup), or None."""
        return self.store.migration_notice()

    @contextlib.contextmanager
    def worker(self) -> Iterator[Services]:
        """Services of their own for a worker thread, over the same file, user and clock: SQLite
        objects stay in the thread that made them. The one way a worker gets a connection."""
        services = Services.open(self.store.path, self.context.user)
        services.context.clock = self.context.clock
        try:
            yield services
        finally:
            services.close()

    @contextlib.contextmanager
    def cost_reader(self) -> Iterator[CostService]:
        """A cost service over a read connection of its own, for a worker thread."""
        from ib_tui.services.costs import CostService

        reader = self.store.reader()
        try:
            yield CostService(self.context, reader)
        finally:
            reader.close()

    def find_precedents(self, item: Item, *, include_confidential: bool = False) -> Precedents:
        from ib_tui.services.precedent import find_precedents

        return find_precedents(self.context, item, include_confidential=include_confidential)

    def plan_import(self, documents: Sequence[Any]) -> ImportPlan:
        from ib_tui.services.files import plan_documents

        return plan_documents(documents, self.context)

    def import_documents(self, documents: Sequence[Any], **options: Any) -> ImportReport:
        """`services.files.import_documents` as this user; `options` are its keywords."""
        from ib_tui.services.files import import_documents

        return import_documents(documents, self.context, **options)

    def data_version(self) -> int:
        """Changes whenever another connection (another instance, or a worker) commits."""
        return self.store.data_version()

    def read_item_with_history(self, item_id: int) -> tuple[Item, list[HistoryEntry]]:
        """The item and its trail over a connection of its own: for worker threads, since
        SQLite objects stay in the thread that made them."""
        with self.worker() as services:
            return services.items.get(item_id), services.items.history(item_id)

    def listing(self) -> ListingService:
        """A listing with its own connections, for one list view's worker threads."""
        return ListingService(self.context)

    def close(self) -> None:
        self.store.close()


__all__ = [
    "DecisionResult",
    "Direction",
    "DocumentKind",
    "DocumentService",
    "InvalidFile",
    "ItemService",
    "Judgement",
    "ListRow",
    "ListingService",
    "MeetingError",
    "MeetingService",
    "NothingToUndo",
    "OnExisting",
    "ReasonRequired",
    "ServiceContext",
    "Services",
    "SettingsService",
    "UndoConflict",
    "UndoService",
]
