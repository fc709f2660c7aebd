"""The escaping functions, as properties over any text: what goes in is what renders."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ib_tui.domain.text import clean
from ib_tui.exports.escape import cell, heading, inline, lines, shorten

MD = MarkdownIt("commonmark").enable("table")
ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def rendered(markdown: str) -> tuple[str, list[str]]:
    """The text markdown-it reads (other inline tokens shown as <type>), and the block tokens."""
    tokens = MD.parse(markdown)
    parts = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            else:
                parts.append(f"<{child.type}>")
    return "".join(parts), [token.type for token in tokens]


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_inline_renders_as_the_text_itself(text):
    markdown = "Rubrik: " + inline(text)
    shown, blocks = rendered(markdown)
    assert blocks == ["paragraph_open", "inline", "paragraph_close"], markdown
    assert shown == ("Rubrik: " + clean(text).strip()).rstrip(" "), markdown


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_inline_at_a_line_start_opens_no_block(text):
    escaped = inline(text)
    if not escaped:
        return
    _, blocks = rendered(f"- {escaped}\n\n{escaped}\n")
    assert blocks == [
        "bullet_list_open", "list_item_open", "paragraph_open", "inline", "paragraph_close",
        "list_item_close", "bullet_list_close", "paragraph_open", "inline", "paragraph_close",
    ]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_heading_is_one_heading(text):
    shown, blocks = rendered(f"## § 1 {heading(text)}\n")
    assert blocks == ["heading_open", "inline", "heading_close"]
    assert shown == f"§ 1 {clean(text).strip()}".rstrip(" ")


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, min_size=2, max_size=2))
def test_cells_keep_their_columns(texts):
    markdown = "| a | b |\n| --- | --- |\n| " + " | ".join(cell(t) for t in texts) + " |\n"
    tokens = MD.parse(markdown)
    cells = [tokens[i + 1] for i, token in enumerate(tokens) if token.type == "td_open"]
    assert len(cells) == 2, markdown
    assert [rendered_inline(c) for c in cells] == [clean(t).strip() or "–" for t in texts]


def rendered_inline(token) -> str:
    return "".join(child.content for child in token.children if child.type == "text")


def test_lines_keep_paragraph_breaks_and_drop_runs_of_blank_lines():
    assert lines("a\n\n\n# b\n\n") == ["a", "", "\\# b"]
    assert lines("") == []


def test_shorten():
    assert shorten("Kort.") == "Kort."
    text = "Första meningen är här. " * 20
    assert shorten(text, 100).endswith("här.") and len(shorten(text, 100)) <= 100
    assert shorten("ord " * 100, 50).endswith(" …")
