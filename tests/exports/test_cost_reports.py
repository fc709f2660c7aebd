"""`report costs` documents: golden files for Markdown, CSV and JSON, and what Excel needs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ib_tui.domain.costs import CostFilter, Grouping
from ib_tui.exports.costs import costs_csv, costs_json, costs_markdown
from ib_tui.services import Services
from ib_tui.services.costs import CostService
from tests.costs_data import load
from tests.exports.golden import check_golden


@pytest.fixture
def report_of(services: Services):
    load(services)
    service = CostService(services.context)
    return lambda grouping=Grouping.YEAR, flt=None: service.report(flt or CostFilter(), grouping)


def test_markdown_is_the_annual_report_section(report_of) -> None:
    check_golden("costs-report.md", costs_markdown(report_of()))


def test_markdown_per_requester(report_of) -> None:
    check_golden("costs-report-requester.md", costs_markdown(report_of(Grouping.REQUESTER)))


def test_csv_golden(report_of) -> None:
    check_golden("costs-report.csv", costs_csv(report_of()))


def test_csv_per_country_golden(report_of) -> None:
    check_golden("costs-report-country.csv", costs_csv(report_of(Grouping.COUNTRY)))


def test_json_golden(report_of) -> None:
    check_golden("costs-report.json", costs_json(report_of(Grouping.STATUS)))


def test_csv_opens_in_swedish_excel(report_of) -> None:
    text = costs_csv(report_of(Grouping.REQUESTER))
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header, *body, total = rows
    assert header[0] == "Nämnd/bolag" and header[2] == "Begärt (kr)"
    assert total[0] == "Totalt"
    assert sum(int(row[2]) for row in body) == int(total[2])
    # Percentages carry a decimal comma, never a point.
    deviations = [row[header.index("Avvikelse (%)")] for row in rows[1:]]
    assert all("." not in value for value in deviations)


def test_csv_cells_never_start_a_formula(services: Services) -> None:
    from tests.conftest import make_item

    services.items.register(make_item(requested_by='=HYPERLINK("x")', costs={"fees": 10}))
    report = CostService(services.context).report(CostFilter(), Grouping.REQUESTER)
    assert "'=HYPERLINK" in costs_csv(report)


def test_json_figures_are_the_markdown_figures(report_of) -> None:
    report = report_of()
    document = json.loads(costs_json(report))
    assert document["total"]["requested"] == report.total.requested
    assert "tillstyrkts eller beslutats" in costs_markdown(report)
    assert {row["key"] for row in document["rows"]} == {"2025", "2026"}


def test_an_empty_register_reads_right(services: Services) -> None:
    report = CostService(services.context).report(CostFilter())
    text = costs_markdown(report)
    assert "Inga ärenden med kostnader" in text
    assert json.loads(costs_json(report))["rows"] == []
    assert costs_csv(report).count("\r\n") == 2  # header and the total
