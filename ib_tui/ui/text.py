"""User text on screen: always plain `Text`, never markup, never terminal control.

A title may hold `[bold red]`, an escape sequence or a right-to-left override (pasted from an
e-mail, or hostile). Rich `Text` never parses markup; this module also makes control characters
visible instead of letting them reach the terminal.
"""

from __future__ import annotations

import re

from rich.text import Text

_VISIBLE = {"\x1b": "␛", "\x07": "␇", "\x08": "␈", "\x7f": "␡"}
# C0/C1 controls (not \n, \t), and the bidirectional overrides/isolates that can reorder a line.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\r\n\t]+")


def clean(value: object, *, multiline: bool = False) -> str:
    """The text with every control character replaced by a visible stand-in."""
    text = "" if value is None else str(value)
    if not multiline:
        text = _BREAKS.sub(" ", text)
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub(lambda match: _VISIBLE.get(match[0], "�"), text)


def plain(value: object, style: str = "", *, multiline: bool = False) -> Text:
    return Text(clean(value, multiline=multiline), style=style)
