"""Writes the default Word template, ib_tui/data/ib-mall.docx.

    python scripts/make_docx_template.py

A municipal document's look: A4 with 2.5 cm margins, the letterhead "Stockholms stad /
Internationella beredningen" in the header, "Sida X av Y" in the footer, serif body text and
black sans-serif headings. The exports keep the template's header, footer, page and styles and
replace its body, so a city that wants its own letterhead saves a .docx of its own and names it
in config.toml (`docx_template`). Re-run this only to change the default."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "ib_tui" / "data" / "ib-mall.docx"
BODY_FONT, HEADING_FONT = "Times New Roman", "Arial"


def field(paragraph, code: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            run._r.append(placeholder)


def main() -> None:
    document = Document()
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)

    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 16), (2, 13), (3, 12), (4, 12)):
        style = document.styles[f"Heading {level}"]
        style.font.name, style.font.size = HEADING_FONT, Pt(size)
        style.font.bold, style.font.italic = True, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if level > 1 else 0)
        style.paragraph_format.space_after = Pt(6)
        # Word prefers a theme font (Calibri Light) over the named one: drop the theme's.
        fonts = style.element.rPr.rFonts
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)
    title = document.styles["Title"]
    title.font.name, title.font.size = HEADING_FONT, Pt(18)

    header = section.header.paragraphs[0]
    letterhead = header.add_run("STOCKHOLMS STAD")
    letterhead.bold, letterhead.font.name, letterhead.font.size = True, HEADING_FONT, Pt(10)
    header.add_run().add_break()
    organ = header.add_run("Internationella beredningen")
    organ.font.name, organ.font.size = HEADING_FONT, Pt(10)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Sida ")
    field(footer, "PAGE")
    footer.add_run(" av ")
    field(footer, "NUMPAGES")

    document.add_paragraph("(Mallens innehåll ersätts av dokumentet.)")
    document.core_properties.title = "Internationella beredningen"
    document.core_properties.author = "Stockholms stad"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
