"""What every use case needs: the store, who is acting, the clock, and the catalogue."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ib_tui.errors import SettingError
from ib_tui.policy import Catalogue, load_catalogue
from ib_tui.services.journal import UndoJournal
from ib_tui.store import SettingsRepository, Store
from ib_tui.store.trail import AuditRepository


def local_now() -> datetime:
    return datetime.now().astimezone()


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "okänd"


@dataclass
class ServiceContext:
    store: Store
    user: str = field(default_factory=default_user)
    clock: Callable[[], datetime] = local_now
    # This session's changes, for undo/redo; one per open database in one process.
    journal: UndoJournal = field(default_factory=UndoJournal)
    # Where the TUI writes exports (config.toml's export_dir); None: Dokument/ib-tui.
    export_dir: Path | None = None
    docx_template: Path | None = None  # config.toml's Word template; None: the default one
    catalogue: Catalogue = field(init=False)

    def __post_init__(self) -> None:
        self.settings_changed()

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    def audit(self, entity: str, action: str, **fields: object) -> None:
        """One row of the trail for a change that is not an item's (store/trail.py): call it
        inside the use case's transaction, so the change and its record commit together.
        `fields`: entity_id, field, old_value, new_value, note."""
        AuditRepository(self.store.connection).record(
            entity,
            action,
            user=self.user,
            at=self.now(),
            **fields,  # type: ignore[arg-type]
        )

    def settings_changed(self) -> None:
        """Reloads the catalogue with this database's setting overrides.

        Done eagerly, on the caller's thread: worker threads only read `catalogue`, never the
        connection it comes from."""
        catalogue = load_catalogue()
        known = catalogue.settings()
        self.invalid_settings: dict[str, str] = {}
        for key, value in SettingsRepository(self.store).all().items():
            # A setting a newer catalogue no longer has (ekonomisk-ram.large_cost) is left
            # unused; a stored value this version refuses (out of range) falls back to the
            # default, and says so: neither is a reason the register cannot open.
            if key not in known:
                continue
            try:
                catalogue = catalogue.with_settings({key: value})
            except SettingError as error:
                self.invalid_settings[key] = str(error)
        self.catalogue = catalogue
