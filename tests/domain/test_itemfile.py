"""Reading item files as Swedish offices save them, and refusing what cannot be read safely."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ib_tui.domain.dates import DateError, parse_date
from ib_tui.domain.itemfile import (
    TOO_LARGE,
    FileErrors,
    column_field,
    decode,
    documents_from_csv,
    documents_from_json,
    read_item_bytes,
)
from ib_tui.domain.itemformat import FormatError, validate_document, validate_documents

EXCEL = (
    "Typ;Rubrik;Dnr;Inkom;Kostnad resor;Kostnad logi;Digitalt;Deltagare;Inriktning\r\n"
    "Konferensresa;Eurocities årsmöte i Göteborg;KS 2025/1;2025-03-03;12 500;3 000,00;FALSKT;"
    '"Åsa Öberg:politiker; Ola Ek:tjänsteperson";profilering, påverkan\r\n'
    ";;;;;;;;\r\n"
    "Delegationsbesök;Besök från Åbo;KS 2025/2;3 mars 2025;;;SANT;;\r\n"
)


def test_swedish_excel_csv_in_windows_1252_is_read_and_says_so() -> None:
    read = read_item_bytes(EXCEL.encode("cp1252"), "csv")
    assert (read.encoding, read.delimiter) == ("Windows-1252", ";")
    assert read.notice == "läst med teckenkodning Windows-1252 och semikolon som avgränsare"
    assert read.aliases["Rubrik"] == "title" and read.aliases["Kostnad resor"] == "costs.travel"
    result = validate_documents(read.documents)
    assert result.ok, result.errors
    first, second = result.items
    assert first.kind.value == "conference" and first.title == "Eurocities årsmöte i Göteborg"
    assert (first.costs.travel, first.costs.accommodation, first.digital) == (12500, 3000, False)
    assert [(p.name, p.role.value) for p in first.participants] == [
        ("Åsa Öberg", "politician"), ("Ola Ek", "official"),
    ]  # fmt: skip
    assert first.orientation == ("profilering", "paverkan")
    assert second.kind.value == "visit" and second.digital is True
    assert second.received == date(2025, 3, 3)


@pytest.mark.parametrize(
    ("data", "encoding", "notice"),
    [
        (EXCEL.encode("utf-8-sig"), "UTF-8 med BOM", "läst med semikolon som avgränsare"),
        (EXCEL.encode("utf-8"), "UTF-8", "läst med semikolon som avgränsare"),
        (
            EXCEL.replace(";", "\t").replace("r\t Ola", "r; Ola").encode("utf-16"), "UTF-16",
            "läst med teckenkodning UTF-16 och tabb som avgränsare",
        ),
        (b"kind,title\nvisit,A\n", "UTF-8", None),
    ],
)  # fmt: skip
def test_encodings_and_delimiters(data: bytes, encoding: str, notice: str | None) -> None:
    read = read_item_bytes(data, "csv")
    assert read.encoding == encoding
    assert read.notice == notice
    assert validate_documents(read.documents).ok


def test_excels_sep_line_names_the_delimiter() -> None:
    read = read_item_bytes(b"sep=|\r\nkind|title\r\nvisit|A\r\n", "csv")
    assert read.documents == [{"kind": "visit", "title": "A"}]


def test_broken_utf8_is_refused_not_read_as_windows_1252() -> None:
    data = "kind,title\nvisit,Möte i Åbo\n".encode() + b"visit,Caf\xe9\n"
    with pytest.raises(FormatError, match=r"rad 3: filen är UTF-8 men har en ogiltig byte"):
        decode(data)


def test_undefined_windows_1252_bytes_are_refused() -> None:
    with pytest.raises(FormatError, match="rad 2: filen kan inte läsas som Windows-1252"):
        decode(b"kind,title\nvisit,\x81\n")


def test_a_quote_that_never_closes_names_item_and_field() -> None:
    text = 'kind,title,dnr\nvisit,A,KS 1\nvisit,"Besök från Åbo,KS 2\nvisit,C,KS 3\n'
    with pytest.raises(FileErrors) as raised:
        documents_from_csv(text)
    assert [str(error) for error in raised.value.errors] == [
        'item 2: field "title": citattecknet på rad 3 avslutas aldrig (eller följs av annat än '
        "komma); inget lästes"
    ]


def test_a_quote_closed_lines_later_is_an_error_not_a_stored_newline() -> None:
    swallowed = 'kind,title,dnr\nvisit,"A,KS 1\nvisit,B",KS 2\n'
    with pytest.raises(FileErrors) as raised:
        documents_from_csv(swallowed)
    (error,) = raised.value.errors
    assert (error.index, error.field) == (1, "title")
    assert "radbrytning" in error.message
    stray = 'kind,title,dnr\nvisit,"A,KS 1\nvisit,"B",KS 2\n'
    with pytest.raises(FileErrors) as raised:
        documents_from_csv(stray)
    assert [(e.index, e.field) for e in raised.value.errors] == [(1, "title")]


def test_a_summary_may_hold_line_breaks() -> None:
    (document,) = documents_from_csv('kind,title,summary\r\nvisit,A,"rad ett\r\nrad två"\r\n')
    assert document["summary"] == "rad ett\r\nrad två"


def test_the_header_must_name_known_columns_once() -> None:
    with pytest.raises(FormatError, match="rad 1: rubrikraden känns inte igen"):
        documents_from_csv("\x01\x02\x1b[2J\x07\n\x03\n")
    with pytest.raises(FormatError, match='kolumnen "title" finns två gånger'):
        documents_from_csv("kind,Rubrik,title\nvisit,A,B\n")


def test_shifted_and_headless_cells() -> None:
    # Excel's trailing empty cells are harmless; a value beyond the header is not.
    assert documents_from_csv("kind;title;;\nvisit;A;;\n") == [{"kind": "visit", "title": "A"}]
    with pytest.raises(FormatError, match="rad 2: fler celler än kolumnrubriker"):
        documents_from_csv("kind,title\nvisit,A,extra\n")
    with pytest.raises(FileErrors, match="kolumn 3 saknar rubrik"):
        documents_from_csv("kind;title;\nvisit;A;B\n")


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("--5", "måste vara ett heltal (kronor)"),
        ("²", "måste vara ett heltal (kronor)"),
        ("1e9", "måste vara ett heltal (kronor)"),
        ("12.5", "måste vara ett heltal (kronor)"),
        ("9" * 5000, "är orimligt stort"),
        ("-" + "9" * 5000, "måste vara ≥ 0"),
    ],
)
def test_hostile_numbers_in_csv_name_the_field(cell: str, message: str) -> None:
    (document,) = documents_from_csv(f"kind,title,costs.travel\nvisit,A,{cell}\n")
    _, errors = validate_document(document, 1)
    assert [error.field for error in errors] == ["costs.travel"]
    assert errors[0].message.startswith(message)


@pytest.mark.parametrize(
    ("cell", "amount"), [("12 500", 12500), ("12\u00a0500 kr", 12500), ("3000,00", 3000)]
)
def test_swedish_amounts(cell: str, amount: int) -> None:
    (document,) = documents_from_csv(f'kind;title;kostnad resor\nvisit;A;"{cell}"\n')
    assert document["costs"]["travel"] == amount


def test_swedish_headers_and_kinds() -> None:
    assert column_field(" Antal  gäster ") == "guests"
    assert column_field("TITLE") == "title"
    assert column_field("kostnad gåvor") == "costs.gifts"
    assert column_field("hittepå") == "hittepå"
    kinds = "konferens,deklaration/initiativ,besök,representationsmottagning,samarbete/avtal"
    text = "typ;rubrik\n" + "".join(f"{kind};A\n" for kind in [*kinds.split(","), "Medlemskap"])
    assert [d["kind"] for d in documents_from_csv(text)] == [
        "conference", "declaration", "visit", "representation", "cooperation", "membership",
    ]  # fmt: skip


def test_duplicate_json_keys_name_item_and_field() -> None:
    text = json.dumps([{"kind": "visit", "title": "A"}])[:-1] + (
        ', {"kind": "visit", "title": "B", "costs": {"travel": 1, "travel": 2}, "title": "C",'
        ' "participants": [{"name": "X", "name": "Y"}]}]'
    )
    with pytest.raises(FileErrors) as raised:
        documents_from_json(text)
    assert [str(error) for error in raised.value.errors] == [
        'item 2: field "title": anges mer än en gång; ta bort den ena',
        'item 2: field "costs.travel": anges mer än en gång; ta bort den ena',
        'item 2: field "participants.1.name": anges mer än en gång; ta bort den ena',
    ]
    with pytest.raises(FormatError, match='"items" förekommer flera gånger'):
        documents_from_json('{"items": [], "items": [{"kind": "visit"}]}')


@pytest.mark.parametrize("depth", [5_000, 20_000, 100_000])
def test_json_nested_thousands_deep_names_the_line(depth: int) -> None:
    text = '{"kind": "visit",\n"summary": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(FormatError, match=r"rad 2: JSON-filen är nästlad djupare än 10 nivåer"):
        documents_from_json(text)


def test_json_nested_deeper_than_the_format_names_the_field() -> None:
    text = json.dumps({"kind": "visit", "title": "A", "aid": [[[[[[[[[["x"]]]]]]]]]]})
    with pytest.raises(FileErrors, match='item 1: field "aid": är nästlat djupare'):
        documents_from_json(text)


def test_a_5000_digit_json_number_is_too_large_not_a_crash() -> None:
    (document,) = documents_from_json(
        '{"kind": "visit", "title": "A", "guests": ' + "7" * 5000 + "}"
    )
    assert document["guests"] == TOO_LARGE
    _, errors = validate_document(document)
    assert [(e.field, e.message.split(" (")[0]) for e in errors] == [
        ("guests", "är orimligt stort")
    ]


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "1 januari 2201"])
def test_dates_outside_1900_2200_are_errors(text: str) -> None:
    with pytest.raises(DateError, match="ligger utanför 1900–2200"):
        parse_date(text)


def test_the_range_edges_are_dates() -> None:
    assert parse_date("1900-01-01") == date(1900, 1, 1)
    assert parse_date("31 december 2200") == date(2200, 12, 31)


def test_agreement_signed_in_9999_is_a_field_error() -> None:
    document = {
        "kind": "cooperation",
        "title": "A",
        "agreement": {"type": "intent", "signed": "9999-01-01"},
    }
    _, errors = validate_document(document)
    assert [error.field for error in errors] == ["agreement.signed"]


def test_every_swedish_alias_is_documented() -> None:
    from pathlib import Path

    from ib_tui.domain.itemfile import SWEDISH_COLUMNS, SWEDISH_KINDS, SWEDISH_ROLES

    doc = (Path(__file__).resolve().parents[2] / "docs" / "item-format.md").read_text("utf-8")
    for alias in [*SWEDISH_COLUMNS, *SWEDISH_KINDS, *SWEDISH_ROLES]:
        assert f"`{alias}`" in doc, alias
