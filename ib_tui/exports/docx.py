"""Word documents (.docx) of the meeting's documents, for the city's filing.

The DOCX is built from the very Markdown the exports already produce (parsed with markdown-it),
so a change to a document's content shows in both formats: headings become Word headings,
paragraphs keep their bold and italics and line breaks, lists become list paragraphs (the
agenda's numbers are written out, so they match the Markdown), tables become Word tables.

The styles, the page and the letterhead come from a template: the default one shipped in
`ib_tui/data/ib-mall.docx` (made by `scripts/make_docx_template.py`), or the city's own
(config.toml's `docx_template`). The template's body is replaced; its header, footer, page
settings and styles stay.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ib_tui.errors import InvalidInput

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

DEFAULT_TEMPLATE = "ib-mall.docx"
MARKDOWN = MarkdownIt("commonmark").enable("table")
LIST_INDENT_CM = 0.75  # per nesting level


class TemplateError(InvalidInput):
    """The Word template cannot be used (missing, not a .docx)."""


def default_template() -> bytes:
    return resources.files("ib_tui").joinpath(f"data/{DEFAULT_TEMPLATE}").read_bytes()


def markdown_to_docx(
    markdown: str, *, title: str, template: Path | None = None, author: str = ""
) -> bytes:
    """The document as .docx bytes; `title` goes to the file's properties."""
    from docx import Document

    source = default_template() if template is None else _read_template(template)
    try:
        document = Document(io.BytesIO(source))
    except Exception as error:  # python-docx raises zipfile/lxml/KeyError on a bad file
        raise TemplateError(f"Word-mallen {template} går inte att använda: {error}") from error
    _clear_body(document)
    _Writer(document).write(MARKDOWN.parse(markdown))
    properties = document.core_properties
    properties.title = title
    properties.author = author or "Internationella beredningen"
    properties.comments = "Skapad av ib-tui"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read_template(path: Path) -> bytes:
    try:
        return path.expanduser().read_bytes()
    except OSError as error:
        raise TemplateError(f"Word-mallen {path} går inte att läsa: {error.strerror}") from error


def _clear_body(document: DocxDocument) -> None:
    """Removes the template's body content but keeps its section settings (the last sectPr)."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


@dataclass
class _ListLevel:
    ordered: bool
    number: int
    first_paragraph: bool = False


@dataclass
class _Writer:
    document: DocxDocument
    lists: list[_ListLevel] = field(default_factory=list)
    table: Table | None = None
    row: int = -1
    column: int = 0
    quote: int = 0

    def write(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self._token(tokens, index)

    def _token(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        match token.type:
            case "heading_open":
                level = min(int(token.tag[1]), 4)
                heading = self.document.add_heading(level=level)
                self._inline(heading, tokens[index + 1])
                return index + 3
            case "paragraph_open":
                paragraph = self._paragraph()
                self._inline(paragraph, tokens[index + 1])
                return index + 3
            case "bullet_list_open":
                self.lists.append(_ListLevel(ordered=False, number=0))
            case "ordered_list_open":
                start = int(token.attrGet("start") or 1)
                self.lists.append(_ListLevel(ordered=True, number=start - 1))
            case "bullet_list_close" | "ordered_list_close":
                self.lists.pop()
            case "list_item_open":
                self.lists[-1].number += 1
                self.lists[-1].first_paragraph = True
            case "blockquote_open":
                self.quote += 1
            case "blockquote_close":
                self.quote -= 1
            case "table_open":
                return self._table(tokens, index)
            case "fence" | "code_block":
                paragraph = self._paragraph()
                paragraph.add_run(token.content.rstrip("\n"))
            case "hr":
                self.document.add_paragraph()
        return index + 1

    def _paragraph(self) -> Paragraph:
        from docx.shared import Cm

        paragraph = self.document.add_paragraph(style=self._style("Quote") if self.quote else None)
        if not self.lists:
            return paragraph
        level = self.lists[-1]
        depth = len(self.lists)
        indent = Cm(LIST_INDENT_CM * depth)
        paragraph.paragraph_format.left_indent = indent
        if level.first_paragraph:
            level.first_paragraph = False
            marker = f"{level.number}." if level.ordered else "–"
            paragraph.paragraph_format.first_line_indent = -Cm(LIST_INDENT_CM)
            paragraph.add_run(f"{marker}\t")
        return paragraph

    def _style(self, name: str) -> str | None:
        """The template's style by that name, if it has one (a city template may not)."""
        styles = self.document.styles
        return name if any(style.name == name for style in styles) else None

    def _inline(self, paragraph: Paragraph, inline: Token) -> None:
        bold = italic = False
        for child in inline.children or []:
            match child.type:
                case "text" | "code_inline" | "html_inline":
                    run = paragraph.add_run(child.content)
                    run.bold = bold or None
                    run.italic = italic or None
                case "strong_open":
                    bold = True
                case "strong_close":
                    bold = False
                case "em_open":
                    italic = True
                case "em_close":
                    italic = False
                case "softbreak":
                    paragraph.add_run(" ")
                case "hardbreak":
                    paragraph.add_run().add_break()

    def _table(self, tokens: list[Token], index: int) -> int:
        """A Markdown table as a Word table (header row bold), sized by a first pass."""
        rows: list[list[Token]] = []
        header_rows = 0
        in_head = False
        end = index
        for end in range(index, len(tokens)):
            token = tokens[end]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                rows.append([])
                header_rows += in_head
            elif token.type == "inline":
                rows[-1].append(token)
            elif token.type == "table_close":
                break
        columns = max((len(row) for row in rows), default=0)
        if not rows or not columns:
            return end + 1
        table = self.document.add_table(rows=len(rows), cols=columns)
        style = self._style("Table Grid")
        if style:
            table.style = style
        for row_number, row in enumerate(rows):
            for column, inline in enumerate(row):
                cell = table.cell(row_number, column)
                self._inline(cell.paragraphs[0], inline)
                if row_number < header_rows:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        return end + 1
