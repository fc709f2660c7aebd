"""Item files: `check` (assess without storing) and `import` (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
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
from ib_tui.services.context import ServiceContext
from ib_tui.services.items import ItemService, Judgement
from ib_tui.store import ItemRepository, MeetingRepository

Progress = Callable[[int, int], None]


class InvalidFile(Exception):
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


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)
    meetings_created: list[date] = field(default_factory=list)
    placed_on_agenda: int = 0

    def summary(self) -> str:
        parts = [f"{len(self.created)} ärenden importerade"]
        if self.placed_on_agenda:
            parts.append(f"{self.placed_on_agenda} lagda på föredragningslistor")
        if self.meetings_created:
            days = ", ".join(day.isoformat() for day in self.meetings_created)
            parts.append(f"nya sammanträden: {days}")
        return "; ".join(parts)


def import_items(
    items: Sequence[Item],
    context: ServiceContext,
    *,
    statuses: Sequence[tuple[Status, str | None]] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Stores every item in one transaction: all of them, or (on any error) none."""
    repository = ItemRepository(context.store)
    meetings = MeetingRepository(context.store)
    report = ImportReport()
    at = context.now()
    with context.store.transaction():
        for number, item in enumerate(items):
            status, note = statuses[number] if statuses else (Status.RECEIVED, None)
            item_id = repository.insert(
                item, user=context.user, at=at, action="import", status=status, note=note
            )
            report.created.append(item_id)
            if item.meeting:
                meeting_id, created = meetings.ensure(item.meeting)
                if created:
                    report.meetings_created.append(item.meeting)
                if meetings.add_to_agenda(meeting_id, item_id):
                    report.placed_on_agenda += 1
                    repository.log(
                        item_id, user=context.user, at=at, action="agenda",
                        new_value=item.meeting.isoformat(),
                    )  # fmt: skip
            if progress:
                progress(number + 1, len(items))
    return report
