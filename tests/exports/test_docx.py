"""Word documents: the same text and structure as the Markdown (golden dumps read back with
python-docx), the template's letterhead kept, a city template used, a bad one refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from ib_tui.exports import agenda_markdown, minutes_markdown, notes_markdown
from ib_tui.exports.docx import TemplateError, markdown_to_docx
from tests.exports.fixtures import build_record
from tests.exports.golden import check_golden

RENDERERS = {"agenda": agenda_markdown, "minutes": minutes_markdown, "notes": notes_markdown}


def dump(content: bytes) -> str:
    """What a reader of the Word file sees, paragraph by paragraph with its style, bold runs
    marked **, then each table row; the text the golden files hold."""
    document = Document(io.BytesIO(content))
    lines = []
    for paragraph in document.paragraphs:
        text = "".join(
            f"**{run.text}**" if run.bold and run.text.strip() else run.text
            for run in paragraph.runs
        )
        lines.append(f"[{paragraph.style.name}] {text}".replace("\n", "⏎"))
    for number, table in enumerate(document.tables, start=1):
        for row in table.rows:
            lines.append(f"[tabell {number}] " + " | ".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", RENDERERS)
def test_golden_text_and_structure(name: str) -> None:
    markdown = RENDERERS[name](build_record())
    check_golden(f"{name}.docx.txt", dump(markdown_to_docx(markdown, title=name)))


def test_headings_paragraphs_and_tables_follow_the_markdown() -> None:
    markdown = (
        "# Rubrik\n\nEn **fet** och *kursiv* rad\\\nny rad\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    )
    document = Document(io.BytesIO(markdown_to_docx(markdown, title="T")))
    heading, body = document.paragraphs
    assert heading.style.name == "Heading 1" and heading.text == "Rubrik"
    assert [run.text for run in body.runs if run.bold] == ["fet"]
    assert [run.text for run in body.runs if run.italic] == ["kursiv"]
    assert body.text == "En fet och kursiv rad\nny rad"
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [["A", "B"], ["1", "2"]]
    assert document.core_properties.title == "T"


def test_the_default_template_is_a_municipal_letterhead() -> None:
    document = Document(io.BytesIO(markdown_to_docx("# X\n", title="X")))
    section = document.sections[0]
    assert "STOCKHOLMS STAD" in section.header.paragraphs[0].text
    assert "Internationella beredningen" in section.header.paragraphs[0].text
    assert "Sida" in section.footer.paragraphs[0].text
    assert round(section.page_width.cm) == 21 and round(section.page_height.cm, 1) == 29.7
    assert "Mallens innehåll" not in "\n".join(p.text for p in document.paragraphs)


def test_a_city_template_keeps_its_header_and_styles(tmp_path: Path) -> None:
    template = Document()
    template.sections[0].header.paragraphs[0].text = "Exempelkommunen – Kommunstyrelsen"
    template.add_paragraph("Exempeltext som ska bort")
    path = tmp_path / "mall.docx"
    template.save(path)
    document = Document(io.BytesIO(markdown_to_docx("# Lista\n\nText\n", title="L", template=path)))
    assert document.sections[0].header.paragraphs[0].text == "Exempelkommunen – Kommunstyrelsen"
    assert [p.text for p in document.paragraphs] == ["Lista", "Text"]


def test_a_missing_or_broken_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="går inte att läsa"):
        markdown_to_docx("x", title="x", template=tmp_path / "finns-inte.docx")
    broken = tmp_path / "trasig.docx"
    broken.write_text("inte en docx")
    with pytest.raises(TemplateError, match="går inte att använda"):
        markdown_to_docx("x", title="x", template=broken)


def test_export_docx_through_the_entry_point(demo_services, tmp_path: Path, capsys) -> None:
    from ib_tui.cli import main

    database = str(demo_services.store.path)
    target = tmp_path / "lista.docx"
    assert main(["export", "agenda", "2026-12-09", "--db", database,
                 "--format", "docx", "-o", str(target)]) == 0  # fmt: skip
    document = Document(target)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Föredragningslista – Internationella beredningen"
    assert any("Medlemskap i Eurocities" in text for text in texts)
    assert main(["export", "notes", "2026-10-21", "--db", database, "--format", "docx"]) == 0
    out = capsys.readouterr().out
    assert "2026-10-21-minnesanteckningar.docx" in out
