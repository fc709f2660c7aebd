"""Item files: `check` (assess without storing) and `import` (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from ib_tui.domain.itemformat import (
    FieldError,
    FormatError,
    ValidationResult,
    read_documents,
    validate_documents,
)
from ib_tui.domain.model import Item, Status
from ib_tui.errors import InvalidInput
from ib_tui.services.context import ServiceContext
from ib_tui.services.items import ItemService, Judgement
from ib_tui.store import ItemRepository, MeetingRepository

Progress = Callable[[int, int], None]


class InvalidFile(InvalidInput):
    """The file cannot be used; `errors` name item and field, `str()` is one line per error."""

    def __init__(self, errors: Sequence[FieldError | str]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".csv"):
        return suffix[1:]
    raise InvalidFile(
        [f"{path.name}: okänt filformat {suffix or '(inget)'}; använd .json eller .csv"]
    )


def read_item_file(path: Path | str) -> list[Any]:
    path = Path(path)
    fmt = file_format(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidFile([f"{path}: filen finns inte"]) from None
    except UnicodeDecodeError:
        raise InvalidFile([f"{path}: filen är inte UTF-8"]) from None
    except OSError as error:
        raise InvalidFile([f"{path}: kan inte läsas ({error.strerror})"]) from None
    try:
        return read_documents(text, fmt)
    except FormatError as error:
        raise InvalidFile([f"{path.name}: {error}"]) from None


def validate_file(path: Path | str) -> list[Item]:
    result: ValidationResult = validate_documents(read_item_file(path))
    if not result.ok:
        raise InvalidFile(result.errors)
    return result.items


@dataclass(frozen=True, slots=True)
class CheckedItem:
    item: Item
    judgement: Judgement

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.item.title,
            "forum": self.judgement.forum.value,
            "forum_reason": self.judgement.forum_reason,
            "assessments": [assessment.as_json() for assessment in self.judgement.assessments],
        }


def check_items(items: Sequence[Item], service: ItemService) -> list[CheckedItem]:
    return [CheckedItem(item, service.judge(item)) for item in items]


class OnExisting(StrEnum):
    """What importing does with an item whose dnr is already in the register."""

    SKIP = "skip"
    UPDATE = "update"

    @property
    def label(self) -> str:
        return "hoppas över" if self is OnExisting.SKIP else "uppdateras"


def duplicate_dnr_errors(items: Sequence[Item]) -> list[FieldError]:
    """Two items in one file with the same dnr: which one should the register keep?"""
    first: dict[str, int] = {}
    errors = []
    for index, item in enumerate(items, start=1):
        if not item.dnr:
            continue
        if item.dnr in first:
            errors.append(
                FieldError(index, "dnr", f"samma dnr som item {first[item.dnr]} ({item.dnr})")
            )
        else:
            first[item.dnr] = index
    return errors


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do now: which items are new and which dnrs already exist."""

    items: list[Item]
    existing: dict[int, int]  # index in `items` → id of the stored item with the same dnr

    @property
    def new_count(self) -> int:
        return len(self.items) - len(self.existing)


def plan_import(items: Sequence[Item], context: ServiceContext) -> ImportPlan:
    """Checks the items against each other and the register, without writing.

    Raises InvalidFile if two items in the file share a dnr."""
    if errors := duplicate_dnr_errors(items):
        raise InvalidFile(errors)
    ids = ItemRepository(context.store).ids_by_dnr(item.dnr for item in items if item.dnr)
    existing = {n: ids[item.dnr] for n, item in enumerate(items) if item.dnr in ids}
    return ImportPlan(list(items), existing)


@dataclass
class ImportReport:
    on_existing: OnExisting = OnExisting.SKIP
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # same dnr, and nothing differed
    skipped: list[str] = field(default_factory=list)  # dnrs already in the register
    meetings_created: list[date] = field(default_factory=list)
    placed_on_agenda: int = 0

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.skipped)

    def summary(self) -> str:
        parts = [f"{len(self.created)} ärenden importerade"]
        if self.updated:
            parts.append(f"{len(self.updated)} befintliga (samma dnr) uppdaterade")
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} befintliga var redan likadana")
        if self.skipped:
            parts.append(f"{len(self.skipped)} fanns redan (samma dnr) och hoppades över")
        if self.placed_on_agenda:
            parts.append(f"{self.placed_on_agenda} lagda på föredragningslistor")
        if self.meetings_created:
            days = ", ".join(day.isoformat() for day in self.meetings_created)
            parts.append(f"nya sammanträden: {days}")
        return "; ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {
            "on_existing": self.on_existing.value,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "placed_on_agenda": self.placed_on_agenda,
            "meetings_created": [day.isoformat() for day in self.meetings_created],
        }


def import_items(
    items: Sequence[Item],
    context: ServiceContext,
    *,
    on_existing: OnExisting = OnExisting.SKIP,
    statuses: Sequence[tuple[Status, str | None]] | None = None,
    progress: Progress | None = None,
    source: str | None = None,
) -> ImportReport:
    """Stores every item in one transaction: all of them, or (on any error) none.

    An item whose dnr is already in the register is skipped or updated (`on_existing`), never
    stored twice; the trail of an updated item names the file (`source`)."""
    if errors := duplicate_dnr_errors(items):
        raise InvalidFile(errors)
    repository = ItemRepository(context.store)
    meetings = MeetingRepository(context.store)
    report = ImportReport(on_existing)
    at = context.now()
    with context.store.transaction():
        # Looked up inside the transaction: another instance may have added a dnr meanwhile.
        existing = repository.ids_by_dnr(item.dnr for item in items if item.dnr)
        for number, item in enumerate(items):
            item_id = existing.get(item.dnr) if item.dnr else None
            if item_id is None:
                status, note = statuses[number] if statuses else (Status.RECEIVED, None)
                item_id = repository.insert(
                    item, user=context.user, at=at, action="import", status=status, note=note
                )
                report.created.append(item_id)
            elif on_existing is OnExisting.SKIP:
                report.skipped.append(item.dnr or "")
                item_id = None
            else:
                stored = repository.get(item_id)
                edited = replace(item, id=item_id, version=stored.version, status=stored.status)
                saved = repository.update(
                    edited, user=context.user, at=at, action="import", note=source
                )
                (report.updated if saved.version != stored.version else report.unchanged).append(
                    item_id
                )
            if item_id is not None and item.meeting:
                meeting_id, created = meetings.schedule.ensure(item.meeting)
                if created:
                    report.meetings_created.append(item.meeting)
                if meetings.agenda.add_to_agenda(meeting_id, item_id):
                    report.placed_on_agenda += 1
                    repository.log(
                        item_id, user=context.user, at=at, action="agenda",
                        new_value=item.meeting.isoformat(),
                    )  # fmt: skip
            if progress:
                progress(number + 1, len(items))
    return report
