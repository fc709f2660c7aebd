"""Item files: `check` (assess without storing) and `import` (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from ib_tui.domain.dates import format_count, format_date
from ib_tui.domain.itemfile import FileErrors, ReadFile, read_item_bytes
from ib_tui.domain.itemformat import (
    FieldError,
    FormatError,
    item_to_document,
    validate_document,
    validate_documents,
)
from ib_tui.domain.meeting import MeetingStatus
from ib_tui.domain.model import Item, Status
from ib_tui.domain.update import lifts_confidential, overlay
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


def read_file(path: Path | str) -> ReadFile:
    """The raw documents of an item file, and how it was read (encoding, delimiter). A file
    without a single item is an error: an import of nothing is a mistake to tell."""
    path = Path(path)
    fmt = file_format(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile([f"{path}: filen finns inte"]) from None
    except IsADirectoryError:
        raise InvalidFile([f"{path}: är en katalog, inte en fil"]) from None
    except OSError as error:
        raise InvalidFile([f"{path}: kan inte läsas ({error.strerror})"]) from None
    try:
        read = read_item_bytes(data, fmt)
    except FileErrors as error:
        raise InvalidFile(error.errors) from None
    except FormatError as error:
        raise InvalidFile([f"{path.name}: {error}"]) from None
    if not read.documents:
        raise InvalidFile([f"{path.name}: filen innehåller inga ärenden"])
    return read


def read_item_file(path: Path | str) -> list[Any]:
    return read_file(path).documents


def notice_of(path: Path | str, read: ReadFile) -> str | None:
    """ "inkorg.csv: läst med teckenkodning Windows-1252 …", when it was not UTF-8 and comma."""
    return f"{Path(path).name}: {read.notice}" if read.notice else None


@dataclass(frozen=True, slots=True)
class ItemFile:
    """A valid item file: its items, and a note on how it was read when that was not UTF-8 and
    comma (for the user to check, e.g. "läst med teckenkodning Windows-1252")."""

    items: list[Item]
    notice: str | None = None


def load_item_file(path: Path | str) -> ItemFile:
    """Reads and validates a file exactly as `import` will: every item valid, no dnr twice, at
    least one item. `check` and `import` both start here, so they never disagree on a file."""
    read = read_file(path)
    result = validate_documents(read.documents)
    if not result.ok:
        raise InvalidFile(result.errors)
    if errors := duplicate_dnr_errors(result.items):
        raise InvalidFile(errors)
    return ItemFile(result.items, notice_of(path, read))


def validate_file(path: Path | str) -> list[Item]:
    return load_item_file(path).items


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
    documents: list[Any] = field(default_factory=list)  # as read: what an update names

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


def _document_dnr(document: Any) -> str | None:
    dnr = document.get("dnr") if isinstance(document, Mapping) else None
    return dnr.strip() or None if isinstance(dnr, str) else None


def resolve_documents(
    documents: Sequence[Any],
    repository: ItemRepository,
    on_existing: OnExisting,
    *,
    lift_confidential: str | None = None,
    validated: Sequence[Item | None] | None = None,
) -> tuple[list[Item], dict[int, int]]:
    """The item each document stands for, and index → stored id for the dnrs already there.

    A new item is validated as it stands (or taken from `validated`, the same documents
    already validated). A document whose dnr is stored is laid over the stored item
    (domain/update.py: only the named fields change) and the result validated, so a partial
    file is valid for the items it updates; with `on_existing` UPDATE, lifting sekretess that
    way needs `lift_confidential` (the reason). Raises InvalidFile naming every wrong item and
    field; nothing is written."""
    ids = repository.ids_by_dnr(dnr for d in documents if (dnr := _document_dnr(d)))
    existing = {n: ids[dnr] for n, d in enumerate(documents) if (dnr := _document_dnr(d)) in ids}
    wanted = sorted(set(existing.values()))
    stored = {
        item.id: item
        for start in range(0, len(wanted), 500)  # stay under SQLite's parameter limit
        for item in repository.get_many(wanted[start : start + 500])
    }
    items: list[Item] = []
    errors: list[FieldError | str] = []
    for number, document in enumerate(documents):
        index = number + 1
        current = stored.get(existing.get(number, -1))
        valid = validated[number] if validated is not None else None
        if current is None and valid is not None:
            items.append(valid)
            continue
        if current is not None and isinstance(document, Mapping):
            before = item_to_document(current)
            document = overlay(before, document)
            lifting = lifts_confidential(before, document) and on_existing is OnExisting.UPDATE
            if lifting and not (lift_confidential or "").strip():
                errors.append(FieldError(index, "confidential", LIFT_NEEDS_REASON))
        item, found = validate_document(document, index)
        errors.extend(found)
        if item is not None:
            items.append(item)
    if not errors:
        errors.extend(duplicate_dnr_errors(items))
    if errors:
        raise InvalidFile(errors)
    return items, existing


def prevalidate(documents: Sequence[Any], on_existing: OnExisting) -> list[Item | None]:
    """Validates the documents as full items before the import takes the write lock.

    Raises InvalidFile for every error that no stored item can mend. In an update a document
    with a dnr may name only some fields; it is left (None) for the import to lay over the
    stored item with that dnr, and validated there."""
    results: list[Item | None] = []
    errors: list[FieldError | str] = []
    for index, document in enumerate(documents, start=1):
        item, found = validate_document(document, index)
        if found and not (on_existing is OnExisting.UPDATE and _document_dnr(document)):
            errors.extend(found)
        results.append(item)
    if errors:
        raise InvalidFile(errors)
    return results


LIFT_NEEDS_REASON = (
    "ärendet har sekretess och filen skulle häva den; det görs bara uttryckligen, med ett skäl "
    '(ib-tui import FIL --existing update --lift-confidential "SKÄL", eller i formuläret)'
)


def plan_documents(
    documents: Sequence[Any], context: ServiceContext, on_existing: OnExisting = OnExisting.SKIP
) -> ImportPlan:
    """What importing these documents would do, validated as the import will validate them
    (an update as laid over the stored item), without writing."""
    items, existing = resolve_documents(documents, ItemRepository(context.store), on_existing)
    return ImportPlan(items, existing, list(documents))


@dataclass
class ImportReport:
    on_existing: OnExisting = OnExisting.SKIP
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # same dnr, and nothing differed
    skipped: list[str] = field(default_factory=list)  # dnrs already in the register
    meetings_created: list[date] = field(default_factory=list)
    placed_on_agenda: int = 0
    moved_to_open: dict[date, date] = field(default_factory=dict)  # justerat → next open

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.skipped)

    def summary(self) -> str:
        parts = [format_count(len(self.created), "ärende importerat", "ärenden importerade")]
        if self.updated:
            parts.append(f"{len(self.updated)} befintliga (samma dnr) uppdaterade")
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} befintliga var redan likadana")
        if self.skipped:
            parts.append(f"{len(self.skipped)} fanns redan (samma dnr) och hoppades över")
        if self.placed_on_agenda:
            parts.append(f"{self.placed_on_agenda} lagda på föredragningslistor")
        for closed_day, open_day in self.moved_to_open.items():
            parts.append(
                f"{closed_day.isoformat()} är justerat: ärendena lades på {open_day.isoformat()}"
            )
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
    stored twice; an update changes only the fields the item states (an empty field is not a
    field the item names: it never wipes). The trail of an updated item names the file."""
    documents = [item_to_document(item) for item in items]
    return import_documents(
        documents, context, on_existing=on_existing, statuses=statuses, progress=progress,
        source=source, validated=items,
    )  # fmt: skip


def import_documents(
    documents: Sequence[Any],
    context: ServiceContext,
    *,
    on_existing: OnExisting = OnExisting.SKIP,
    lift_confidential: str | None = None,
    statuses: Sequence[tuple[Status, str | None]] | None = None,
    progress: Progress | None = None,
    source: str | None = None,
    validated: Sequence[Item | None] | None = None,
    next_open: bool = False,
) -> ImportReport:
    """Stores the file's documents in one transaction: all of them, or (on any error) none.

    `validated`: the documents already validated as full items (`prevalidate`, outside the
    write lock), so they are not validated twice. An update changes only the fields a
    document names (domain/update.py); lifting sekretess needs `lift_confidential`, the reason,
    which the trail keeps."""
    repository = ItemRepository(context.store)
    meetings = MeetingRepository(context.store)
    report = ImportReport(on_existing)
    at = context.now()
    closed: list[FieldError | str] = []  # items aimed at a justerat meeting
    with context.store.transaction():
        # Resolved inside the transaction: another instance may have added a dnr meanwhile.
        items, existing = resolve_documents(
            documents, repository, on_existing, lift_confidential=lift_confidential,
            validated=validated,
        )  # fmt: skip
        for number, item in enumerate(items):
            item_id = existing.get(number)
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
                note = source
                if stored.confidential and not item.confidential:
                    note = f"{source or 'import'}: sekretessen hävd: {lift_confidential}"
                saved = repository.update(
                    edited, user=context.user, at=at, action="import", note=note
                )
                (report.updated if saved.version != stored.version else report.unchanged).append(
                    item_id
                )
            if item_id is not None and item.meeting:
                placed = _open_meeting(meetings, item.meeting, number + 1, next_open, closed)
                if placed is not None:
                    meeting_id, day, created = placed
                    if created:
                        report.meetings_created.append(day)
                    if day != item.meeting:
                        report.moved_to_open[item.meeting] = day
                    if meetings.agenda.add_to_agenda(meeting_id, item_id):
                        report.placed_on_agenda += 1
                        repository.log(
                            item_id, user=context.user, at=at, action="agenda",
                            new_value=day.isoformat(),
                            note=None if day == item.meeting else
                            f"{item.meeting.isoformat()} är justerat; nästa öppna sammanträde",
                        )  # fmt: skip
            if progress:
                progress(number + 1, len(items))
        if closed:
            raise InvalidFile(closed)  # rolls the whole import back: nothing is stored
    return report


def _open_meeting(
    meetings: MeetingRepository,
    day: date,
    index: int,
    next_open: bool,
    closed: list[FieldError | str],
) -> tuple[int, date, bool] | None:
    """The meeting an imported item goes onto: the one on `day` (created if there is none),
    unless its record is approved (justerat): then the next open meeting if `next_open`, else
    an error naming the meeting (collected in `closed`). A justerat protokoll never gains a §."""
    meeting_id, created = meetings.schedule.ensure(day)
    meeting = meetings.schedule.get(meeting_id)
    if meeting.status is not MeetingStatus.ADJUSTED:
        return meeting_id, day, created
    if next_open:
        following = meetings.schedule.following(day)
        while following is not None and following.status is not MeetingStatus.PLANNED:
            following = meetings.schedule.following(following.day)
        if following is not None and following.id is not None:
            return following.id, following.day, False
        closed.append(
            FieldError(index, "meeting", f"inget öppet sammanträde efter {format_date(day)}; "
                       "lägg till ett (ib-tui meetings add DATUM)")
        )  # fmt: skip
        return None
    closed.append(
        FieldError(
            index, "meeting",
            f"sammanträdet {format_date(day)} är justerat (protokollet är godkänt) och får inga "
            "nya ärenden; ange --next-open-meeting för att lägga ärendet på nästa öppna "
            "sammanträde",
        )
    )  # fmt: skip
    return None
