"""Writes the man page docs/ib-tui.1 from the command-line parser (argparse-manpage), so it
lists exactly the commands and flags of this version.

    python scripts/make_manpage.py        # then: man ./docs/ib-tui.1

Re-run it after a change to the command line; tests/cli/test_completion_and_man.py checks
that the generated page covers every command."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "ib-tui.1"


def manpage() -> str:
    import os

    from argparse_manpage.manpage import Manpage

    from ib_tui import __version__
    from ib_tui.cli import build_parser

    os.environ["COLUMNS"] = "80"  # argparse wraps help text to the terminal: the same everywhere

    parser = build_parser()
    data = {
        "prog": "ib-tui",
        "project_name": "ib-tui",
        "description": "Internationella beredningen i Stockholms stad",
        "long_description": parser.description,
        "url": "",
        "version": __version__,
        "date": f"ib-tui {__version__}",  # not today's date: the page changes only with the CLI
        "manual_title": "ib-tui",
        "authors": ["Stockholms stad, Internationella beredningen"],
    }
    return str(Manpage(parser, _data=data, format="single-commands-section"))


def main() -> None:
    OUT.write_text(manpage(), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
