"""The precedent query: earlier items of the same kind with the same forum name, or the same
partner, city and country, most recent first, with their decisions and costs per year.

"Same forum name" is an FTS match on the title's significant words (numbers and short words
left out, so "Eurocities årsmöte 2019" finds every year's "Eurocities årsmöte"). Everything is
indexed except the place match, a scan that costs ~0.1 s at 1M items; the screen runs it in a
worker.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

from ib_tui.domain.model import Item, Kind
from ib_tui.domain.precedent import Precedent, YearCost
from ib_tui.store.items import ItemRepository

# Kinds where the place names the partner (a delegation from Shanghai, an agreement with Riga).
# For a conference the forum's name is its identity: its host city changes every year.
PLACE_KINDS = frozenset({Kind.VISIT, Kind.COOPERATION})
_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
STOP_WORDS = frozenset(
    ("och", "att", "med", "för", "från", "till", "som", "vid", "inom", "under", "mot", "deltagande")
)
MAX_WORDS = 4


def title_words(title: str) -> list[str]:
    """The words that name the forum or partner: no numbers, no short or common words."""
    words: list[str] = []
    for word in _WORD.findall(title):
        if len(word) >= 3 and word.casefold() not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def similar_clause(item: Item) -> tuple[str, list[object], str]:
    """WHERE clause for the items similar to `item`, its parameters, and a description."""
    params: list[object] = [item.kind.value, item.id or 0]
    alternatives: list[str] = []
    basis: list[str] = []
    if words := title_words(item.title):
        match = " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
        alternatives.append("id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(f"title : ({match})")
        basis.append("samma ord i rubriken (" + " ".join(words) + ")")
    if item.agreement and item.agreement.partner:
        alternatives.append("agreement_partner = ?")
        params.append(item.agreement.partner)
        basis.append(f"samma part ({item.agreement.partner})")
    if item.kind in PLACE_KINDS and item.city:
        alternatives.append("(city = ? AND coalesce(country, '') = ?)")
        params.extend([item.city, item.country or ""])
        basis.append(f"samma ort ({item.place})")
    if not alternatives:
        alternatives.append("0")
    where = f"kind = ? AND id != ? AND ({' OR '.join(alternatives)})"
    if item.received:
        where += " AND received <= ?"
        params.append(item.received.isoformat())
    return where, params, " eller ".join(basis) or "inget att jämföra med"


class PrecedentQueries:
    def __init__(self, repository: ItemRepository, connection: sqlite3.Connection) -> None:
        self.repository = repository
        self.connection = connection

    def similar(self, item: Item, limit: int) -> tuple[list[Precedent], int, list[YearCost], str]:
        where, params, basis = similar_clause(item)
        ids = [
            row[0]
            for row in self.connection.execute(
                f"SELECT id FROM items WHERE {where} ORDER BY received DESC, id DESC LIMIT ?",
                [*params, limit],
            )
        ]
        per_year = [
            YearCost(int(year), count, total, secret, secret_total)
            for year, count, total, secret, secret_total in self.connection.execute(
                f"SELECT substr(received, 1, 4), count(*), coalesce(sum(cost_total), 0), "
                f"coalesce(sum(confidential), 0), "
                f"coalesce(sum(CASE WHEN confidential THEN cost_total ELSE 0 END), 0) "
                f"FROM items WHERE {where} GROUP BY 1 ORDER BY 1",
                params,
            )
        ]
        matched = sum(year.items for year in per_year)
        items = self.repository.get_many(ids, self.connection)
        return [self._with_outcome(item) for item in items], matched, per_year, basis

    def _with_outcome(self, item: Item) -> Precedent:
        """The latest decision row and the latest status row of the item's trail."""
        decision = self.connection.execute(
            "SELECT new_value, note, at FROM item_history WHERE item_id = ? AND action = "
            "'decision' AND field = 'decision' ORDER BY id DESC LIMIT 1",
            (item.id,),
        ).fetchone()
        status = self.connection.execute(
            "SELECT note FROM item_history WHERE item_id = ? AND field = 'status' "
            "ORDER BY id DESC LIMIT 1",
            (item.id,),
        ).fetchone()
        return Precedent(
            item,
            decision=decision[0] if decision else None,
            decision_text=decision[1] if decision else None,
            decided_at=datetime.fromisoformat(decision[2]) if decision else None,
            status_note=status[0] if status else None,
        )
