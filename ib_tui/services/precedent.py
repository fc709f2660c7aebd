"""`p` on an item and `ib-tui precedent`: what did we do last time?"""

from __future__ import annotations

from ib_tui.domain.model import Item
from ib_tui.domain.precedent import Precedents
from ib_tui.services.context import ServiceContext
from ib_tui.store import ItemRepository
from ib_tui.store.precedent import PrecedentQueries

LIMIT = 200  # the most recent similar items shown; the per-year summary counts all of them


def find_precedents(
    context: ServiceContext, item: Item, limit: int = LIMIT, *, include_confidential: bool = False
) -> Precedents:
    """Earlier items like `item`, most recent first, with their decisions and costs per year;
    confidential ones as placeholders unless `include_confidential` (domain/confidentiality.py).

    Runs on the caller's thread with the context's own connection: a worker opens its own
    `Services` on the same file."""
    repository = ItemRepository(context.store)
    queries = PrecedentQueries(repository, context.store.connection)
    similar, matched, per_year, basis = queries.similar(item, limit)
    found = Precedents(item, tuple(similar), matched, tuple(per_year), basis)
    return found.for_audience(include_confidential=include_confidential)
