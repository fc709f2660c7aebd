"""User text made safe for a terminal: control characters become visible stand-ins.

A title may hold an escape sequence (`\\x1b[2J` clears the screen), a bell, or a right-to-left
override (pasted from an e-mail, or hostile). Stored text is kept as it came; what is shown, on the
TUI or printed by the CLI, goes through `clean`.
"""

from __future__ import annotations

import re

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
