"""The user's config file, `config.toml` in the platform's config dir (or $IB_TUI_CONFIG).

It holds what belongs to a person or a computer rather than to the database: the theme (saved
when it is changed in the app), key overrides by binding id, the default database, the export
folder, the name in the history and the Word template. The database's own settings (the
principles') stay in the database.

Read and written with tomlkit, which keeps the user's comments and layout when the app saves
the theme. A broken file is a `ConfigError` naming the file and the line; `ib-tui --no-config`
starts on the defaults anyway.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from ib_tui.errors import InvalidInput

ENV_CONFIG = "IB_TUI_CONFIG"
ENV_DB = "IB_TUI_DB"
ENV_EXPORT_DIR = "IB_TUI_EXPORT_DIR"

# key → (type, Swedish description); what `ib-tui config show` lists and the README documents.
KEYS: dict[str, tuple[type, str]] = {
    "theme": (str, "färgtema, t.ex. textual-light för projektorn (sparas när du byter i appen)"),
    "database": (str, "databasfil som öppnas när --db inte anges"),
    "export_dir": (str, "mapp för exporter från appen (standard: Dokument/ib-tui)"),
    "user": (str, "namn i ändringshistoriken (standard: inloggad användare)"),
    "docx_template": (str, "Word-mall (.docx) för exporterade dokument"),
    "keys": (dict, 'tangenter per bindnings-id, t.ex. "item.edit" = "r"'),
}

TEMPLATE = """\
# ib-tui: inställningar för den här datorn (TOML). Databasens egna inställningar
# (principernas) ändras med `ib-tui settings`.
#
# theme = "textual-light"          # färgtema; sparas när du byter tema i appen
# database = "~/ib/ib.db"          # databas när --db inte anges
# export_dir = "~/Dokument/ib-tui" # mapp för exporter från appen
# user = "Anna Andersson"          # namn i ändringshistoriken
# docx_template = "~/mallar/ib.docx"
#
# [keys]                           # tangenter per bindnings-id (se ? i appen)
# "item.edit" = "r"
"""


class ConfigError(InvalidInput):
    """The config file cannot be used as it stands; says which file and line."""


@dataclass(frozen=True)
class Config:
    path: Path
    theme: str | None = None
    database: Path | None = None
    export_dir: Path | None = None
    user: str | None = None
    docx_template: Path | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    key_lines: Mapping[str, int] = field(default_factory=dict)  # binding id → its line
    exists: bool = False
    ignored: bool = False  # --no-config: defaults, and nothing is saved

    def line_of(self, binding_id: str) -> int | None:
        return self.key_lines.get(binding_id)

    @property
    def saves(self) -> bool:
        return not self.ignored


def config_path() -> Path:
    override = os.environ.get(ENV_CONFIG)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("ib-tui", False)) / "config.toml"


def default_export_dir() -> Path:
    """A folder the user sees (Dokument/ib-tui), not the hidden data dir."""
    override = os.environ.get(ENV_EXPORT_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_documents_dir()) / "ib-tui"


def defaults(path: Path | None = None, *, ignored: bool = False) -> Config:
    return Config(path=path or config_path(), ignored=ignored)


def load_config(path: Path | None = None) -> Config:
    """The config at `path` (default: config_path()); a missing file is the defaults."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return defaults(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"kan inte läsa konfigurationsfilen {path}: {error}") from error
    try:
        document = tomlkit.parse(text).unwrap()
    except ParseError as error:
        raise ConfigError(
            f"{path}, rad {error.line}: {_reason(error)}. Rätta filen, eller starta med "
            f"standardinställningar: ib-tui --no-config"
        ) from error
    return _from_document(path, text, document)


def _reason(error: Exception) -> str:
    """tomlkit's message without its own "at line X col Y" (the line is said once, first)."""
    return re.sub(r"\s*at line \d+ col \d+\s*$", "", str(error)) or "ogiltig TOML"


def _from_document(path: Path, text: str, document: dict[str, Any]) -> Config:
    def problem(key: str, message: str) -> ConfigError:
        line = _line_of(text, key)
        where = f"{path}, rad {line}" if line else str(path)
        return ConfigError(
            f"{where}: {message}. Rätta filen, eller starta med standardinställningar: "
            f"ib-tui --no-config"
        )

    for key, value in document.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise problem(key, f"okänd inställning {key!r} (kända: {known})")
        wanted, _ = KEYS[key]
        if not isinstance(value, wanted):
            kind = "en text inom citattecken" if wanted is str else "en tabell [keys]"
            raise problem(key, f"{key} ska vara {kind}")
    keys = document.get("keys", {})
    for binding_id, keystring in keys.items():
        if not isinstance(keystring, str) or not keystring.strip():
            raise problem(binding_id, f'[keys] {binding_id} ska vara tangenter som text, t.ex. "r"')

    def as_path(key: str) -> Path | None:
        value = document.get(key)
        return Path(value).expanduser() if value else None

    return Config(
        path=path,
        theme=document.get("theme") or None,
        database=as_path("database"),
        export_dir=as_path("export_dir"),
        user=document.get("user") or None,
        docx_template=as_path("docx_template"),
        keys=dict(keys),
        key_lines={binding_id: _line_of(text, binding_id) or 0 for binding_id in keys},
        exists=True,
    )


def _line_of(text: str, key: str) -> int | None:
    """The line where `key` is assigned (bare or quoted), for messages."""
    pattern = re.compile(rf"^\s*(\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def save_value(path: Path, key: str, value: str) -> None:
    """Sets one top-level key, keeping every comment and the rest of the file as it was;
    creates the file (with the commented template) if there is none. Written atomically."""
    import tomlkit

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = TEMPLATE
    document = tomlkit.parse(text)
    document[key] = value  # tomlkit puts a new key before the first table
    _write(path, tomlkit.dumps(document))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
