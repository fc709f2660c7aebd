"""`ib-tui completion bash|zsh`: a shell completion script generated from the parser (shtab),
so it always knows every command and flag of this version.

    ib-tui completion bash > ~/.local/share/bash-completion/completions/ib-tui
    ib-tui completion zsh > ~/.zfunc/_ib-tui     (with fpath+=~/.zfunc before compinit)
"""

from __future__ import annotations

import argparse
import sys

from ib_tui.cli.common import EXIT_OK


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    completion = commands.add_parser(
        "completion", help="skriv ett skript för tab-komplettering i bash eller zsh",
        description="Skriver ett kompletteringsskript på stdout, t.ex. ib-tui completion bash > "
        "~/.local/share/bash-completion/completions/ib-tui",
    )  # fmt: skip
    completion.add_argument("shell", choices=["bash", "zsh"], metavar="SKAL", help="bash eller zsh")


def completion(args: argparse.Namespace) -> int:
    import shtab

    from ib_tui.cli import build_parser  # the whole parser, built here to avoid an import cycle

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return EXIT_OK


COMMANDS = {"completion": completion}
