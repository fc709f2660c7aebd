"""`report costs` as Markdown (the section KS puts in its årsredovisning to KF), CSV for Swedish
Excel, and JSON. Requested, approved, avstyrkt/avskrivet and actual are separate columns and
are never added together (domain/costs.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from ib_tui.domain.costs import (
    Bucket,
    Commitment,
    CostReport,
    CostRow,
    Figures,
    Grouping,
    bucket_of,
    over_budget,
    signed_amount,
    total,
)
from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.model import Kind, Status
from ib_tui.exports.escape import cell, inline

BOM = "\ufeff"
NBSP = "\u00a0"
MINUS = "\u2212"
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def kind_label(code: str) -> str:
    return Kind(code).label if code in Kind._value2member_map_ else code


def status_label(code: str) -> str:
    return Status(code).label if code in Status._value2member_map_ else code


def percent(part: int, whole: int, *, signed: bool = False) -> str | None:
    """12,5 % (decimal comma); None when there is nothing to compare with."""
    if whole == 0:
        return None
    value = 100 * part / whole
    text = f"{abs(value):,.1f}".replace(",", NBSP).replace(".", ",") + f"{NBSP}%"
    if not signed:
        return text
    return ("+" if value > 0 else MINUS if value < 0 else "") + text


def period_text(report: CostReport) -> str:
    start, end = report.filter.start, report.filter.end
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return f"från och med {format_date(start)}"
    if end:
        return f"till och med {format_date(end)}"
    if report.years:
        first, last = report.years[0], report.years[-1]
        return str(first) if first == last else f"{first}–{last}"
    return "hela registret"


# --- Markdown --------------------------------------------------------------------------------


def _table(header: list[str], rows: Iterable[list[str]], right_from: int = 1) -> str:
    align = ["---" if n < right_from else "---:" for n in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _money_cells(figures: Figures) -> list[str]:
    actual = format_amount(figures.actual) if figures.actual_items else "–"
    return [
        str(figures.items),
        format_amount(figures.requested),
        format_amount(figures.approved),
        format_amount(figures.rejected),
        actual,
    ]


MONEY_HEADER = ["Antal", "Begärt", "Tillstyrkt/beslutat", "Avstyrkt/avskrivet", "Utfall"]


def _summary(report: CostReport) -> str:
    figures = report.total
    if not figures.items:
        return "Inga ärenden med kostnader finns registrerade för perioden."
    sentences = [
        f"Under perioden har {figures.items} internationella ärenden registrerats med en begärd "
        f"kostnad om sammanlagt {format_amount(figures.requested)}.",
        f"Av detta har {format_amount(figures.approved)} tillstyrkts eller beslutats och "
        f"{format_amount(figures.rejected)} avstyrkts eller avskrivits; "
        f"{format_amount(figures.pending)} avser ärenden som ännu inte är avgjorda.",
    ]
    if figures.actual_items:
        difference = figures.difference
        direction = "mer" if difference > 0 else "mindre"
        share = percent(abs(difference), figures.estimate_of_actual)
        comparison = (
            "samma belopp som beräknat"
            if difference == 0
            else f"{format_amount(abs(difference))} ({share}) {direction} än beräknat för "
            "samma ärenden"
        )
        sentences.append(
            f"För {figures.actual_items} ärenden har det faktiska utfallet redovisats: "
            f"{format_amount(figures.actual)}, {comparison}."
        )
        if figures.over_budget:
            who = "Ett" if figures.over_budget == 1 else str(figures.over_budget)
            sentences.append(
                f"{who} av dem överskred den tillstyrkta kostnaden med mer än "
                f"{round(report.over_share * 100)}{NBSP}%."
            )
    return " ".join(sentences)


def _year_kind_table(report: CostReport) -> str:
    rows: list[list[str]] = []
    for year in report.years:
        kinds = report.by_year_kind[year]
        order: list[str] = [kind.value for kind in Kind if kind.value in kinds]
        order += sorted(code for code in kinds if code not in order)
        for code in order:
            rows.append([str(year), kind_label(code), *_money_cells(kinds[code])])
        rows.append([f"**Summa {year}**", "", *_money_cells(report.year_total(year))])
    rows.append(["**Totalt**", "", *_money_cells(report.total)])
    return _table(["År", "Typ", *MONEY_HEADER], rows, right_from=2)


def _change(report: CostReport) -> list[str]:
    year = report.year
    if year is None:
        return []
    now, before = total(report.current.values()), total(report.previous.values())
    blocks = [f"### Förändring från {year - 1} till {year}"]
    if not before.items:
        blocks.append(
            f"Urvalet har inga ärenden från motsvarande period {year - 1} att jämföra med."
        )
        return blocks
    change = now.requested - before.requested
    trend = "ökade" if change > 0 else "minskade" if change < 0 else "var oförändrade"
    sentence = f"De begärda kostnaderna {trend}"
    if change:
        sentence += f" med {format_amount(abs(change))} ({percent(abs(change), before.requested)})"
    sentence += (
        f", från {format_amount(before.requested)} ({before.items} ärenden) till "
        f"{format_amount(now.requested)} ({now.items} ärenden). Tillstyrkta och beslutade "
        f"kostnader var {format_amount(now.approved)} mot {format_amount(before.approved)} "
        "året före."
    )
    blocks.append(sentence)
    codes = [k.value for k in Kind if k.value in report.current or k.value in report.previous]
    rows = []
    for code in codes:
        old = report.previous.get(code, Figures()).requested
        new = report.current.get(code, Figures()).requested
        rows.append(
            [
                kind_label(code),
                format_amount(old),
                format_amount(new),
                signed_amount(new - old),
                percent(new - old, old, signed=True) or "ny",
            ]
        )
    header = ["Typ", f"Begärt {year - 1}", f"Begärt {year}", "Förändring", "Förändring %"]
    blocks.append(_table(header, rows))
    return blocks


def _commitment_row(item: Commitment, share: float) -> list[str]:
    actual = "–" if item.actual is None else format_amount(item.actual)
    if bucket_of(item.status) is Bucket.APPROVED and over_budget(item.estimate, item.actual, share):
        actual += " (över)"
    return [
        cell(item.dnr),
        cell(item.title),
        kind_label(item.kind),
        cell(item.requested_by),
        str(item.year),
        status_label(item.status),
        format_amount(item.estimate),
        actual,
    ]


def _largest(report: CostReport) -> list[str]:
    blocks = ["### De största åtagandena"]
    if not report.largest:
        blocks.append("Inga ärenden med kostnader under perioden.")
        return blocks
    blocks.append(
        "De största begärda kostnaderna bland ärenden som inte har avstyrkts eller "
        "avskrivits. Sekretessbelagda ärenden ingår i summorna ovan men namnges inte."
    )
    header = ["Dnr", "Ärende", "Typ", "Nämnd/bolag", "År", "Status", "Beräknat", "Utfall"]
    blocks.append(
        _table(header, (_commitment_row(c, report.over_share) for c in report.largest), 6)
    )
    return blocks


def _grouped(report: CostReport) -> list[str]:
    if report.grouping in (Grouping.YEAR, Grouping.KIND):
        return []
    blocks = [f"### Per {report.grouping.label}"]
    if report.grouping.shared:
        blocks.append(
            "Varje ärendes kostnad är fördelad lika på dess deltagare; beloppen är avrundade "
            "till hela kronor."
        )
    rows = [[cell(row.label), *_money_cells(row.figures)] for row in report.rows]
    blocks.append(_table([report.grouping.label.capitalize(), *MONEY_HEADER], rows))
    return blocks


def costs_markdown(report: CostReport) -> str:
    """The årsredovisning's section on international commitments."""
    blocks = [
        f"## Internationella åtaganden och deras kostnader, {inline(period_text(report))}",
        _summary(report),
        "### Kostnader per år och ärendetyp",
        _year_kind_table(report),
        *_change(report),
        *_largest(report),
        *_grouped(report),
        (
            "*Om beloppen: begärt avser samtliga ärenden som har registrerats för beredning i"
            " Internationella beredningen, oavsett utgång. Tillstyrkt/beslutat och "
            "avstyrkt/avskrivet är delar av det begärda beloppet; utfall är vad den begärande"
            " nämnden eller bolaget har redovisat i efterhand. Beloppen redovisas var för sig"
            " och ska inte läggas samman. Året avser evenemangets startdatum, annars det "
            "datum ärendet kom in.*"
        ),
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


# --- CSV -------------------------------------------------------------------------------------

CSV_HEADER = [
    "Antal ärenden", "Begärt (kr)", "Tillstyrkt/beslutat (kr)", "Avstyrkt/avskrivet (kr)",
    "Under behandling (kr)", "Utfall (kr)", "Ärenden med utfall", "Beräknat för ärenden med "
    "utfall (kr)", "Avvikelse (kr)", "Avvikelse (%)", "Över tillstyrkt kostnad (antal)",
]  # fmt: skip


def _csv_text(value: object) -> str:
    """A cell Excel shows as text: a leading =, +, - or @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_START) else text


def _csv_figures(figures: Figures) -> list[str]:
    deviation = percent(figures.difference, figures.estimate_of_actual, signed=True)
    return [
        str(figures.items),
        str(figures.requested),
        str(figures.approved),
        str(figures.rejected),
        str(figures.pending),
        str(figures.actual),
        str(figures.actual_items),
        str(figures.estimate_of_actual),
        str(figures.difference),
        (deviation or "").replace(NBSP + "%", "").replace(MINUS, "-"),
        str(figures.over_budget),
    ]


def costs_csv(report: CostReport) -> str:
    """For Swedish Excel: `;` between fields, UTF-8 with a BOM, decimal comma, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if report.grouping is Grouping.YEAR:
        writer.writerow(["År", "Typ", *CSV_HEADER])
        for year in report.years:
            for code, figures in report.by_year_kind[year].items():
                writer.writerow([year, kind_label(code), *_csv_figures(figures)])
        writer.writerow(["Totalt", "", *_csv_figures(report.total)])
    else:
        writer.writerow([report.grouping.label.capitalize(), *CSV_HEADER])
        for row in report.rows:
            writer.writerow([_csv_text(row.label), *_csv_figures(row.figures)])
        writer.writerow(["Totalt", *_csv_figures(report.total)])
    return BOM + out.getvalue()


# --- JSON ------------------------------------------------------------------------------------


def _figures_json(figures: Figures) -> dict[str, Any]:
    return {
        "items": figures.items,
        "requested": figures.requested,
        "approved": figures.approved,
        "rejected": figures.rejected,
        "pending": figures.pending,
        "actual": figures.actual,
        "actual_items": figures.actual_items,
        "estimate_of_actual": figures.estimate_of_actual,
        "difference": figures.difference,
        "over_budget": figures.over_budget,
    }


def _row_json(row: CostRow) -> dict[str, Any]:
    return {"key": row.key or None, "label": row.label, **_figures_json(row.figures)}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def costs_json(report: CostReport) -> str:
    document = {
        "period": {"from": _iso(report.filter.start), "to": _iso(report.filter.end)},
        "grouping": report.grouping.value,
        "over_budget_share": report.over_share,
        "total": _figures_json(report.total),
        "rows": [_row_json(row) for row in report.rows],
        "by_year_kind": [
            {"year": year, "kind": code, **_figures_json(figures)}
            for year in report.years
            for code, figures in report.by_year_kind[year].items()
        ],
        "largest": [
            {
                "id": c.id,
                "dnr": c.dnr,
                "title": c.title,
                "kind": c.kind,
                "requested_by": c.requested_by,
                "year": c.year,
                "status": c.status,
                "estimate": c.estimate,
                "actual": c.actual,
            }
            for c in report.largest
        ],
        "change": {
            "year": report.year,
            "current": {code: _figures_json(f) for code, f in report.current.items()},
            "previous": {code: _figures_json(f) for code, f in report.previous.items()},
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
