"""Key overrides from config.toml's [keys]: binding id → keys, checked against every binding
the app declares, applied with `App.set_keymap`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator, Sequence

from textual.binding import Binding

from ib_tui.config import Config, ConfigError


def declared_bindings() -> Iterator[Binding]:
    """Every Binding in the UI's classes and module-level lists (screens are imported lazily
    elsewhere, so this walks the package)."""
    import ib_tui.ui

    for module_info in pkgutil.walk_packages(ib_tui.ui.__path__, "ib_tui.ui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            candidates: Sequence[object] = []
            if inspect.isclass(value) and value.__module__ == module.__name__:
                candidates = value.__dict__.get("BINDINGS", [])
            elif isinstance(value, list | tuple):
                candidates = value
            yield from (binding for binding in candidates if isinstance(binding, Binding))


def binding_ids() -> set[str]:
    return {binding.id for binding in declared_bindings() if binding.id}


def check_keys(config: Config) -> None:
    """An unknown binding id is a ConfigError naming it (and its line)."""
    if not config.keys:
        return
    known = binding_ids()
    for binding_id in config.keys:
        if binding_id not in known:
            line = config.line_of(binding_id)
            where = f"{config.path}, rad {line}" if line else str(config.path)
            close = sorted(k for k in known if k.split(".")[0] == binding_id.split(".")[0])
            hint = f" Finns: {', '.join(close)}." if close else ""
            raise ConfigError(
                f"{where}: [keys] har ett okänt bindnings-id {binding_id!r}.{hint} Alla id:n "
                f"står i README (Konfigurationsfilen)."
            )
