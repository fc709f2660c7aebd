"""ib-tui's own errors: one hierarchy, so the UI and the CLI catch `IbTuiError` (or one of its
kinds) and nothing else, and never need to import the store or the policy to name an error.

Every error the project raises on purpose derives from `IbTuiError`; its `str()` is Swedish and
fit to show the user. Anything else that reaches the UI or the CLI is a bug: logged, and shown as
"ett oväntat fel". The errors the store and the policy raise live here (their modules re-export
them); the services' and the domain's own errors stay in their modules and derive from these.

This module imports nothing of the project (a contract in pyproject.toml), so the domain may
use it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: the domain must not be imported from here
    from ib_tui.domain.model import Item


class IbTuiError(Exception):
    """The base of every error ib-tui raises on purpose."""


class InvalidInput(IbTuiError, ValueError):
    """What the user gave cannot be used as it is; nothing was written (the CLI exits 2)."""


class NotFound(IbTuiError, LookupError):
    """The thing asked for is not (or no longer) in the database."""


class StoreError(IbTuiError):
    """A database problem to show the user in Swedish, never as a traceback (the CLI exits 1)."""


class StoreCorrupt(StoreError):
    """`PRAGMA quick_check` found damage: nothing is written to the file (store/db.py)."""

    def __init__(self, path: object, problems: list[str]) -> None:
        shown = "; ".join(problems[:3])
        super().__init__(
            f"databasen {path} är skadad ({shown}); inget sparades, och ib-tui skriver inte "
            "till den. Återställ den senaste säkerhetskopian (ib-tui restore FIL); den skadade "
            "filen sparas då bredvid."
        )
        self.problems = problems


class StoreBusy(StoreError):
    """Another instance held the write lock for longer than we wait; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "databasen är upptagen av en annan användare just nu; inget sparades. Försök igen."
        )


class SchemaTooNewError(StoreError):
    """The file was written by a newer ib-tui; opening it could damage it."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"databasen har schemaversion {found}, men den här versionen av ib-tui känner bara "
            f"till version {supported}: den har skrivits av en nyare ib-tui. Öppna den med "
            f"den nyare versionen (i ib-tui-katalogen: git pull, sedan pip install .), eller "
            f"återställ en säkerhetskopia gjord med den här versionen (ib-tui restore FIL). "
            f"Filen har inte ändrats."
        )
        self.found = found
        self.supported = supported


class WriteUnderWay(StoreBusy):
    """Another instance is writing right now; the interactive app says so at once."""

    def __init__(self) -> None:
        StoreError.__init__(
            self,
            "en annan användare eller ett annat program sparar just nu (t.ex. en import); "
            "inget sparades. Försök igen om en stund.",
        )


class ForeignDatabase(StoreError):
    """The file is another program's SQLite database; nothing was written to it."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path} är inte en ib-tui-databas (den tillhör ett annat program); den öppnades "
            "inte och ändrades inte. Ange en annan fil med --db."
        )


class DiskFull(StoreError):
    """The disk filled up during a write; SQLite rolled the transaction back."""

    def __init__(self) -> None:
        super().__init__("disken är full: inget sparades. Frigör utrymme och försök igen.")


class ReadOnlyDatabase(StoreError):
    """The file (or its file system) cannot be written; reading still works."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"databasen {path} är skrivskyddad: inget sparades. Läsande kommandon fungerar."
        )


class OldSchema(StoreError):
    """A reading command met a file an older ib-tui wrote; upgrading it would be a write."""

    def __init__(self, path: object, found: int, latest: int) -> None:
        super().__init__(
            f"databasen {path} har ett äldre format (version {found} av {latest}) och läsande "
            "kommandon ändrar den inte; öppna den en gång med ib-tui (eller ett skrivande "
            "kommando, t.ex. ib-tui settings set) så uppgraderas den"
        )


class NotAFile(InvalidInput):
    """An output path that is a directory or a device: writing there would replace or fail."""

    def __init__(self, path: object, what: str) -> None:
        super().__init__(
            f"{path} är {what}, inte en vanlig fil; ange ett filnamn (utan -o skrivs till "
            "standard ut)"
        )


class VersionConflict(IbTuiError):
    """Someone saved the item after it was read; carries what is stored now."""

    def __init__(self, current: Item) -> None:
        super().__init__(f"item {current.id} was changed by someone else (now v{current.version})")
        self.current = current


class ItemNotFound(NotFound):
    """No item with that id (or dnr)."""

    def __init__(self, reference: object) -> None:
        super().__init__(f"inget ärende med id eller dnr {reference}")
        self.reference = reference


class MeetingNotFound(NotFound):
    """No meeting (or agenda entry) with that id: perhaps removed in another window."""

    def __init__(self, reference: object) -> None:
        super().__init__(f"sammanträdet eller punkten finns inte längre ({reference})")
        self.reference = reference


class ListingInterrupted(IbTuiError):
    """A newer query superseded this one."""


class DatabaseNotEmpty(InvalidInput):
    """Generated items would mix with real ones."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"databasen innehåller redan {count:,} {'ärende' if count == 1 else 'ärenden'}; demo "
            "generate fyller bara en tom databas (ange en ny fil med --db)".replace(",", "\u00a0")
        )
        self.count = count


class SettingError(InvalidInput):
    """An unknown setting or a value of the wrong type; the message is Swedish."""
