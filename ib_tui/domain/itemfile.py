"""Reading item files: bytes in, raw documents out, for `itemformat` to validate.

What a spreadsheet or an editor hands us varies: Swedish Excel saves CSV with semicolons, in
Windows-1252 or UTF-8 with a BOM, with CRLF line ends and Swedish column names. This module
detects the encoding and the delimiter (and says which, when they are not UTF-8 and comma), maps
Swedish column headers and values to the format's codes, and refuses what cannot be read safely:
a JSON key given twice, a quote that never closes, nesting no item needs, a number with thousands
of digits. Errors name the item and the field where there is one, otherwise the line.

sqlite-utils' `rows_from_file` was measured as the reader (10,000 Excel rows: 21 ms against
csv.reader's 11 ms; this module's whole read, typed cells included, 79–85 ms, the old v1 reader
61 ms) and not used: it needs the encoding given (Windows-1252 raises UnicodeDecodeError),
sniffs the delimiter from a sample with csv.Sniffer rather than from the header's names, keeps
a never-closed quote as a cell with line breaks, lets the last of two JSON keys win, and has no
line numbers to name; and only the store may import sqlite-utils (the domain stays pure).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ib_tui.domain.itemformat import (
    AGREEMENT_FIELDS,
    AID_FIELDS,
    ALL_FIELDS,
    BOOL_FIELDS,
    LONG_TEXT_FIELDS,
    MEMBERSHIP_FIELDS,
    OPTIONAL_BOOL_FIELDS,
    RECEPTION_COUNTS,
    RECEPTION_FIELDS,
    FieldError,
    FormatError,
)
from ib_tui.domain.model import (
    AGREEMENT_LABELS,
    COST_KEYS,
    COST_LABELS,
    KIND_LABELS,
    KIND_SHORT,
    ORIENTATIONS,
    AgreementType,
    Kind,
    Role,
)
from ib_tui.domain.text import clean

# The deepest an item-format file goes is {"items": [{"participants": [{...}]}]}: four levels.
MAX_DEPTH = 10
# Ten billion kronor has 11 digits; a longer number is refused as too large without converting
# it (Python refuses to convert more than 4,300 digits, and converting is quadratic below that).
MAX_DIGITS = 30
TOO_LARGE = 10**MAX_DIGITS  # larger than every limit, so the validator says "orimligt stort"

ENCODING_UTF8, ENCODING_UTF8_BOM, ENCODING_CP1252, ENCODING_UTF16 = (
    "UTF-8", "UTF-8 med BOM", "Windows-1252", "UTF-16",
)  # fmt: skip
DELIMITER_NAMES = {",": "komma", ";": "semikolon", "\t": "tabb"}


class FileErrors(FormatError):
    """Errors that belong to items and fields of the file, found while reading it."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True, slots=True)
class ReadFile:
    """The documents of one file and how they were read."""

    documents: list[Any]
    encoding: str = ENCODING_UTF8
    delimiter: str | None = None  # CSV only
    aliases: dict[str, str] = field(default_factory=dict)  # Swedish header → field used

    @property
    def notice(self) -> str | None:
        """One Swedish line when the file was read other than as UTF-8 and comma, else None."""
        parts = []
        if self.encoding not in (ENCODING_UTF8, ENCODING_UTF8_BOM):
            parts.append(f"teckenkodning {self.encoding}")
        if self.delimiter not in (None, ","):
            parts.append(f"{DELIMITER_NAMES[self.delimiter]} som avgränsare")
        return ("läst med " + " och ".join(parts)) if parts else None


def read_item_bytes(data: bytes, fmt: str) -> ReadFile:
    """The documents in a file's bytes; `fmt` is "json" or "csv"."""
    if fmt not in ("json", "csv"):
        raise FormatError(f"okänt filformat {fmt!r}; använd .json eller .csv")
    text, encoding = decode(data)
    if fmt == "json":
        return ReadFile(documents_from_json(text), encoding)
    delimiter, aliases, documents = _read_csv(text)
    return ReadFile(documents, encoding, delimiter, aliases)


def read_documents(text: str, fmt: str) -> list[Any]:
    """Raw documents from text already decoded (tests, the edit form's paste)."""
    if fmt == "json":
        return documents_from_json(text)
    if fmt == "csv":
        return documents_from_csv(text)
    raise FormatError(f"okänt filformat {fmt!r}; använd .json eller .csv")


# --- encoding -----------------------------------------------------------------------------------

# A valid UTF-8 sequence for a non-ASCII character. Windows-1252 Swedish text almost never holds
# one (å is 0xE5 followed by a letter), so a file with such sequences *and* invalid bytes is
# broken UTF-8, to be refused, not Windows-1252 to be read as mojibake.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", ENCODING_UTF8_BOM), ENCODING_UTF8_BOM
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return _strict(data, "utf-16", ENCODING_UTF16), ENCODING_UTF16
    try:
        return data.decode("utf-8"), ENCODING_UTF8
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            line = data.count(b"\n", 0, error.start) + 1
            raise FormatError(
                f"rad {line}: filen är UTF-8 men har en ogiltig byte (0x{data[error.start]:02x}); "
                "spara den igen som UTF-8"
            ) from None
    return _strict(data, "cp1252", ENCODING_CP1252), ENCODING_CP1252


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError(
            f"rad {line}: filen kan inte läsas som {name} (byte 0x{data[error.start]:02x}); "
            "spara den som UTF-8"
        ) from None


# --- JSON ---------------------------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A JSON object that named a key more than once: which value is meant is unknowable."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = _Object(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen and key not in marked.duplicates:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) <= MAX_DIGITS:
        return int(text)
    return int(-TOO_LARGE if text.startswith("-") else TOO_LARGE)


def documents_from_json(text: str) -> list[Any]:
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        where = f"rad {error.lineno}, kolumn {error.colno}"
        raise FormatError(f"ogiltig JSON på {where}: {error.msg}") from None
    except RecursionError:
        raise FormatError(
            f"rad {_too_deep_line(text)}: JSON-filen är nästlad djupare än {MAX_DEPTH} nivåer"
        ) from None
    if isinstance(data, dict) and set(data) == {"items"}:
        if isinstance(data, _Object):
            raise FormatError('nyckeln "items" förekommer flera gånger')
        data = data["items"]
        if not isinstance(data, list):
            raise FormatError('"items" måste vara en lista')
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise FormatError('filen ska innehålla ett ärende, en lista av dem eller {"items": [...]}')
    if errors := _structure_errors(data):
        raise FileErrors(errors)
    return data


def _structure_errors(documents: list[Any]) -> list[FieldError]:
    """Keys given twice and nesting deeper than the format has, per item and field."""
    errors = []
    for index, document in enumerate(documents, start=1):
        if not isinstance(document, dict):
            if _depth(document) > MAX_DEPTH - 2:
                errors.append(FieldError(index, None, "är nästlat djupare än formatet tillåter"))
            continue
        for path, value in _objects(document):
            errors.extend(
                FieldError(index, ".".join([*path, key]), "anges mer än en gång; ta bort den ena")
                for key in getattr(value, "duplicates", ())
            )
        for name, value in document.items():
            if isinstance(value, (list, dict)) and _depth(value) > MAX_DEPTH - 3:
                errors.append(FieldError(index, name, "är nästlat djupare än formatet tillåter"))
    return errors


def _objects(document: dict[str, Any]) -> Iterator[tuple[list[str], Any]]:
    """The item and the objects in its fields (`costs`, `participants.2`): where keys live."""
    yield [], document
    for name, value in document.items():
        if isinstance(value, dict):
            yield [name], value
        elif isinstance(value, list):
            for number, entry in enumerate(value, start=1):
                if isinstance(entry, dict):
                    yield [name, str(number)], entry


def _depth(value: Any) -> int:
    """How deep lists and objects nest in `value`, without recursion (and stopping early)."""
    deepest, level = 0, [(value, 0)]
    while level:
        current, depth = level.pop()
        if isinstance(current, (list, dict)):
            deepest = max(deepest, depth + 1)
            if deepest > MAX_DEPTH:
                return deepest
            children = current.values() if isinstance(current, dict) else current
            level.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep_line(text: str) -> int:
    """The line where brackets first nest deeper than MAX_DEPTH (strings skipped)."""
    depth, line, in_string, escaped = 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth -= 1
    return line


# --- CSV ----------------------------------------------------------------------------------------

_CSV_TRUE = {"true", "ja", "yes", "1", "x", "sant"}  # SANT/FALSKT: Swedish Excel's booleans
_CSV_FALSE = {"false", "nej", "no", "0", "falskt"}
CSV_NULL = "null"
MULTILINE_FIELDS = frozenset(LONG_TEXT_FIELDS)  # Alt+Enter in a cell: fine here, nowhere else
_CSV_BOOLS = frozenset({*BOOL_FIELDS, *OPTIONAL_BOOL_FIELDS, "aid.fully_funded", "membership.new"})
_CSV_INTEGERS = frozenset(
    {"guests", "staff_commitment"}
    | {f"costs.{key}" for key in COST_KEYS}
    | {f"actual_costs.{key}" for key in COST_KEYS}
    | {f"reception.{key}" for key in RECEPTION_COUNTS}
)
_NUMBER = re.compile(r"(-?)([0-9]+)(?:[.,]0+)?(?:\s*kr)?", re.ASCII)
_SPACES = re.compile(r"[ \u00a0\u202f]")  # digit grouping: space, no-break, narrow no-break

# Swedish column headers (compared case-insensitively, spaces collapsed) → field names.
SWEDISH_COLUMNS: dict[str, str] = {
    "typ": "kind", "ärendetyp": "kind",
    "rubrik": "title", "titel": "title", "ärendemening": "title",
    "diarienummer": "dnr", "diarienr": "dnr",
    "begärt av": "requested_by", "begärd av": "requested_by", "avsändare": "requested_by",
    "inkom": "received", "inkommen": "received", "inkom datum": "received",
    "startar": "starts", "startdatum": "starts", "slutar": "ends", "slutdatum": "ends",
    "sammanfattning": "summary", "beskrivning": "summary",
    "stad": "city", "ort": "city", "land": "country",
    "digitalt": "digital", "deltagare": "participants",
    "antal gäster": "guests", "gäster": "guests",
    "inbjudningsbrev": "invitation_letter", "prioriterat besök": "priority_visit",
    "hög politisk nivå": "political_level", "utrikespolitik": "foreign_policy",
    "ökad resursbörda": "extra_resources", "stadsövergripande": "city_wide",
    "eu-projekt": "eu_project", "sekretess": "confidential",
    "avtalstyp": "agreement.type", "avtal.typ": "agreement.type",
    "avtalspart": "agreement.partner", "avtal.part": "agreement.partner",
    "avtal.tema": "agreement.theme", "avtal.slutar": "agreement.ends",
    "avtal.undertecknat": "agreement.signed", "undertecknat": "agreement.signed",
    "finansiär": "aid.funder", "bistånd.finansiär": "aid.funder",
    "helt finansierat": "aid.fully_funded", "bistånd.helt finansierat": "aid.fully_funded",
    "inriktning": "orientation", "sammanträde": "meeting",
    "syfte": "purpose", "syfte och nytta": "purpose",
    "på kommunstyrelsens uppdrag": "on_behalf_of_ks", "på ks uppdrag": "on_behalf_of_ks",
    "budgeterat": "budgeted", "åtagande av personaltid": "staff_commitment",
    "personaltid": "staff_commitment", "medlemskap.typ": "membership.type",
    "medlemskap.nytt": "membership.new", "mottagning.evenemang": "reception.event",
    "mottagning.deltagare": "reception.participants",
    "mottagning.deltagare från utlandet": "reception.participants_abroad",
    "mottagning.nivå": "reception.level",
    **{f"kostnad {label}": f"costs.{key}" for key, label in COST_LABELS.items()},
    **{f"kostnad.{label}": f"costs.{key}" for key, label in COST_LABELS.items()},
    **{f"faktisk kostnad {label}": f"actual_costs.{key}" for key, label in COST_LABELS.items()},
}  # fmt: skip
# Swedish values of the coded fields (also compared case-insensitively).
SWEDISH_KINDS: dict[str, str] = {
    **{label: kind.value for kind, label in KIND_LABELS.items()},
    **{label: kind.value for kind, label in KIND_SHORT.items()},
    "konferensresa": Kind.CONFERENCE.value, "resa": Kind.CONFERENCE.value,
    "deklaration": Kind.DECLARATION.value, "initiativ": Kind.DECLARATION.value,
    "representation": Kind.REPRESENTATION.value, "avtal": Kind.COOPERATION.value,
}  # fmt: skip
SWEDISH_ROLES: dict[str, str] = {
    "förtroendevald": Role.POLITICIAN.value, "politiker": Role.POLITICIAN.value,
    "tjänsteperson": Role.OFFICIAL.value, "tjänsteman": Role.OFFICIAL.value,
}  # fmt: skip
SWEDISH_AGREEMENTS: dict[str, str] = {
    **{label: kind.value for kind, label in AGREEMENT_LABELS.items()},
    "samarbete": AgreementType.COOPERATION.value, "intention": AgreementType.INTENT.value,
    "vänort": AgreementType.TWIN_CITY.value,
}  # fmt: skip
SWEDISH_ORIENTATIONS: dict[str, str] = {label: key for key, label in ORIENTATIONS.items()}

_NESTED = {
    "costs": COST_KEYS, "actual_costs": COST_KEYS, "agreement": AGREEMENT_FIELDS, "aid": AID_FIELDS,
    "membership": MEMBERSHIP_FIELDS, "reception": RECEPTION_FIELDS,
}  # fmt: skip
KNOWN_COLUMNS = frozenset(
    ALL_FIELDS | {f"{parent}.{child}" for parent, children in _NESTED.items() for child in children}
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def column_field(header: str) -> str:
    """The field a column header stands for: the field name itself (any case) or a Swedish
    alias; anything else is returned stripped, for the validator to call unknown."""
    key = _key(header)
    if key in KNOWN_COLUMNS:
        return key
    return SWEDISH_COLUMNS.get(key, header.strip())


def documents_from_csv(text: str) -> list[Any]:
    return _read_csv(text)[2]


def _read_csv(text: str) -> tuple[str, dict[str, str], list[Any]]:
    """Delimiter, the Swedish headers used, and the rows as documents. Nested fields are
    flattened (`costs.travel`); lists use `;` (`orientation`: "profilering;samverkan",
    `participants`: "Anna Berg:politician; Ola Ek")."""
    text = text.removeprefix("\ufeff")
    first_line = 1
    if match := re.match(r"sep=(.)\r?\n", text):  # Excel's hint line: "sep=;"
        delimiter, text, first_line = match[1], text[match.end() :], 2
    else:
        delimiter = detect_delimiter(text)
    rows = _CsvRows(text, delimiter, first_line)
    header = rows.header()
    columns = [column_field(name) for name in header]
    aliases = {
        name.strip(): column for name, column in zip(header, columns, strict=True)
        if _key(name) in SWEDISH_COLUMNS
    }  # fmt: skip
    _check_header(header, columns, first_line)
    documents: list[Any] = []
    errors: list[FieldError] = []
    for start, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # Excel's empty rows: ";;;;"
        index = len(documents) + 1
        if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
            # The columns are shifted: nothing in this row is safe to store.
            raise FormatError(f"rad {start}: fler celler än kolumnrubriker")
        document, problems = _document(index, start, columns, cells)
        documents.append(document)
        errors.extend(problems)
    if errors:
        raise FileErrors(errors)
    return delimiter, aliases, documents


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most known column names; a tie (or
    no known name at all) goes to the one that gives the most cells, then to comma."""
    line = text.split("\n", 1)[0].rstrip("\r")

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return (-1, 0)
        known = sum(column_field(cell) in KNOWN_COLUMNS for cell in cells)
        return (known, len(cells))

    return max((",", ";", "\t"), key=score)  # max keeps the first of equals: comma


def _check_header(header: list[str], columns: list[str], line: int) -> None:
    if not any(column in KNOWN_COLUMNS for column in columns):
        shown = clean(",".join(header))[:80]
        raise FormatError(
            f"rad {line}: rubrikraden känns inte igen ({shown!r}); den ska namnge kolumner som "
            "kind och title (eller typ och rubrik)"
        )
    seen: dict[str, int] = {}
    for number, column in enumerate(columns, start=1):
        if not column:
            continue
        if column in seen:
            raise FormatError(
                f'rad {line}: kolumnen "{clean(column)}" finns två gånger '
                f"(kolumn {seen[column]} och {number})"
            )
        seen[column] = number


def _document(
    index: int, start: int, columns: list[str], cells: list[str]
) -> tuple[dict[str, Any], list[FieldError]]:
    document: dict[str, Any] = {}
    errors = []
    for number, (column, raw) in enumerate(zip(columns, cells, strict=False), start=1):
        value = raw.strip()
        if value == "":
            continue
        if not column:
            errors.append(FieldError(index, "", f"rad {start}, kolumn {number} saknar rubrik"))
            continue
        if ("\n" in value or "\r" in value) and column not in MULTILINE_FIELDS:
            message = f"innehåller en radbrytning (från rad {start}); saknas ett citattecken?"
            errors.append(FieldError(index, column, message))
            continue
        convert = _CONVERTERS.get(column)
        if value == CSV_NULL:  # clears the field, as JSON null does (import --existing update)
            converted: Any = None
        else:
            converted = convert(value) if convert else value
        parent, dot, child = column.partition(".")
        if dot:
            nested = document.setdefault(parent, {})
            if isinstance(nested, dict):
                nested[child] = converted
        else:
            document[parent] = converted
    return document, errors


def _flag(value: str) -> Any:
    lowered = _key(value)
    if lowered in _CSV_TRUE:
        return True
    if lowered in _CSV_FALSE:
        return False
    return value


def _number(value: str) -> Any:
    """ "12 500", "12500,00" and "12 500 kr" are 12500; "--5", "²" and "1e9" stay text, for the
    validator to call not a whole number; a number longer than any limit becomes TOO_LARGE."""
    if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
        return int(value)  # the common case, without the regular expressions
    match = _NUMBER.fullmatch(_SPACES.sub("", value))
    if match is None:
        return value
    sign, digits = match.groups()
    if len(digits) > MAX_DIGITS:
        return -TOO_LARGE if sign else TOO_LARGE
    return int(sign + digits)


def _orientation(value: str) -> list[str]:
    parts = [_key(part) for part in re.split(r"[;,]", value) if part.strip()]
    return [SWEDISH_ORIENTATIONS.get(part, part) for part in parts]


def _participants(value: str) -> list[dict[str, str]]:
    people = []
    for part in value.split(";"):
        name, _, role = part.partition(":")
        if name.strip():
            person = {"name": name.strip()}
            if role.strip():
                person["role"] = SWEDISH_ROLES.get(_key(role), role.strip())
            people.append(person)
    return people


# How a cell becomes the JSON type its column (dotted field) expects; text columns stay text,
# and whatever does not convert is left for the validator to name.
_CONVERTERS: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(_CSV_BOOLS, _flag),
    **dict.fromkeys(_CSV_INTEGERS, _number),
    "kind": lambda value: SWEDISH_KINDS.get(_key(value), value),
    "agreement.type": lambda value: SWEDISH_AGREEMENTS.get(_key(value), value),
    "orientation": _orientation,
    "participants": _participants,
}


class _CsvRows:
    """The records of a CSV text with the line each starts on; csv errors become FormatErrors
    that name the line, and for a quote that never closes, the item and the field."""

    def __init__(self, text: str, delimiter: str, first_line: int) -> None:
        self.text, self.delimiter, self.offset = text, delimiter, first_line - 1
        self.reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        self.columns: list[str] = []
        self.count = 0

    def _next(self) -> tuple[int, list[str]] | None:
        start = self.reader.line_num + 1
        try:
            cells = next(self.reader)
        except StopIteration:
            return None
        except csv.Error as error:
            raise self._error(start, error) from None
        return start + self.offset, cells

    def header(self) -> list[str]:
        first = self._next()
        if first is None:
            raise FormatError("CSV-filen saknar rubrikrad")
        self.columns = [column_field(name) for name in first[1]]
        return first[1]

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        while (row := self._next()) is not None:
            if any(cell.strip() for cell in row[1]):
                self.count += 1
            yield row

    def _error(self, start: int, error: csv.Error) -> FormatError:
        line = start + self.offset
        cell = _open_quote_cell(self.text, start, self.delimiter)
        if cell is not None and self.columns:
            name = self.columns[cell] if cell < len(self.columns) else ""
            message = (
                f"citattecknet på rad {line} avslutas aldrig (eller följs av annat än "
                f"{DELIMITER_NAMES[self.delimiter]}); inget lästes"
            )
            return FileErrors([FieldError(self.count + 1, name, message)])
        return FormatError(f"rad {line}: CSV-filen kan inte läsas ({error})")


def _open_quote_cell(text: str, line: int, delimiter: str) -> int | None:
    """The 0-based cell of the record starting on `line` whose quote is still open at the end
    of the file (or is followed by stray text), if any."""
    lines = text.split("\n")
    record = "\n".join(lines[line - 1 :])
    cell, at_start, quoted, index = 0, True, False, 0
    opened: int | None = None
    while index < len(record):
        char = record[index]
        if quoted:
            if char == '"':
                if record[index + 1 : index + 2] == '"':
                    index += 1
                else:
                    quoted = False
                    following = record[index + 1 : index + 2]
                    if following not in ("", delimiter, "\n", "\r"):
                        return opened  # stray text after a closing quote: the quote was wrong
        elif char == '"' and at_start:
            quoted, opened = True, cell
        elif char == delimiter:
            cell += 1
            at_start = True
            index += 1
            continue
        elif char in "\r\n":
            return None  # the record ended with every quote closed
        at_start = False
        index += 1
    return opened if quoted else None
