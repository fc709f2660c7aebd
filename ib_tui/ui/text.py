"""User text on screen: always plain `Text`, never markup, never terminal control.

A title may hold `[bold red]`, an escape sequence or a right-to-left override (pasted from an
e-mail, or hostile). Rich `Text` never parses markup; `clean` (shared with the CLI) also makes
control characters visible instead of letting them reach the terminal.
"""

from __future__ import annotations

from rich.text import Text

from ib_tui.domain.text import clean

__all__ = ["clean", "plain", "shorten"]


def plain(value: object, style: str = "", *, multiline: bool = False) -> Text:
    return Text(clean(value, multiline=multiline), style=style)


def shorten(text: str, width: int) -> str:
    """The text cut to `width` characters with an ellipsis, for a column that must not push
    the ones after it out of view."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
