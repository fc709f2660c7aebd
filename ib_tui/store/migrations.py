"""Numbered schema migrations, tracked in `PRAGMA user_version`.

Migration N takes the schema from version N-1 to N. Each runs in its own transaction together
with the version bump, so a crash in the middle leaves the previous version intact. Never edit a
migration that has shipped: add the next number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from ib_tui.errors import SchemaTooNewError
from ib_tui.store import trail
from ib_tui.store.totals import MIGRATION_TOTALS

COST_COLUMNS = (
    "cost_travel", "cost_accommodation", "cost_fees", "cost_meals", "cost_gifts",
    "cost_transport", "cost_other",
)  # fmt: skip

_FLAG = "INTEGER NOT NULL DEFAULT 0 CHECK ({0} IN (0, 1))"


def _flags(*names: str) -> str:
    return ",\n".join(f"    {name} {_FLAG.format(name)}" for name in names)


_COSTS = ",\n".join(
    f"    {name} INTEGER NOT NULL DEFAULT 0 CHECK ({name} >= 0)" for name in COST_COLUMNS
)

MIGRATION_1 = (
    f"""
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    dnr TEXT,
    requested_by TEXT,
    received TEXT NOT NULL,
    starts TEXT,
    ends TEXT,
    summary TEXT,
    city TEXT,
    country TEXT,
    guests INTEGER CHECK (guests >= 0),
{_COSTS},
    cost_total INTEGER GENERATED ALWAYS AS ({" + ".join(COST_COLUMNS)}) STORED,
{_flags("digital", "invitation_letter", "priority_visit", "political_level", "foreign_policy")},
{_flags("extra_resources", "city_wide", "eu_project", "confidential")},
    agreement_type TEXT,
    agreement_partner TEXT,
    agreement_theme TEXT,
    agreement_ends TEXT,
    agreement_signed TEXT,
    aid_funder TEXT,
    aid_fully_funded INTEGER,
    orientation TEXT,
    status TEXT NOT NULL DEFAULT 'received',
    status_changed TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
""",
    # One index per sort order of the list, with id as the tie-breaker, and the common filters
    # in front of the default order.
    "CREATE INDEX items_by_received ON items (received, id)",
    "CREATE INDEX items_by_starts ON items (starts, id)",
    "CREATE INDEX items_by_cost ON items (cost_total, id)",
    "CREATE INDEX items_by_status ON items (status, received, id)",
    "CREATE INDEX items_by_kind ON items (kind, received, id)",
    "CREATE INDEX items_by_dnr ON items (dnr)",
    """
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL
)
""",
    "CREATE INDEX participants_by_item ON participants (item_id, position)",
    # The audit trail: every change to an item, in the transaction that made it. The status
    # history is the rows with field = 'status'.
    """
CREATE TABLE item_history (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    note TEXT
)
""",
    "CREATE INDEX item_history_by_item ON item_history (item_id, id)",
    """
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE,
    time TEXT NOT NULL DEFAULT '13:00',
    place TEXT NOT NULL DEFAULT 'Stadshuset',
    status TEXT NOT NULL DEFAULT 'planned'
)
""",
    """
CREATE TABLE agenda_entries (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_id INTEGER REFERENCES items (id),
    heading TEXT,
    UNIQUE (meeting_id, item_id)
)
""",
    "CREATE INDEX agenda_entries_by_meeting ON agenda_entries (meeting_id, position)",
    "CREATE INDEX agenda_entries_by_item ON agenda_entries (item_id)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Full-text search over the list's text columns. unicode61 with remove_diacritics 0 keeps
    # å, ä, ö apart from a and o, as Swedish does; prefix indexes make as-you-type cheap.
    """
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, dnr, city, country, requested_by,
    content = 'items', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
)
""",
    """
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, title, summary, dnr, city, country, requested_by)
    VALUES (new.id, new.title, new.summary, new.dnr, new.city, new.country, new.requested_by);
END
""",
    """
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, summary, dnr, city, country, requested_by)
    VALUES ('delete', old.id, old.title, old.summary, old.dnr, old.city, old.country,
            old.requested_by);
END
""",
    """
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, dnr, city, country, requested_by
ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, summary, dnr, city, country, requested_by)
    VALUES ('delete', old.id, old.title, old.summary, old.dnr, old.city, old.country,
            old.requested_by);
    INSERT INTO items_fts (rowid, title, summary, dnr, city, country, requested_by)
    VALUES (new.id, new.title, new.summary, new.dnr, new.city, new.country, new.requested_by);
END
""",
)

# Data safety: each history row records the item version it produced, so the trail groups one
# save's field changes together and a conflict can say who saved what since a given version.
MIGRATION_HISTORY_VERSION = ("ALTER TABLE item_history ADD COLUMN version INTEGER",)

# Meetings (issue 4): the minutes' facts on the meeting, the agenda entry's own fields, decisions,
# remarks, the member roster, attendance per meeting and per §, and delegation decisions.
MIGRATION_MEETINGS = (
    "ALTER TABLE meetings ADD COLUMN justerare TEXT",
    "ALTER TABLE meetings ADD COLUMN adjusted_on TEXT",
    "ALTER TABLE meetings ADD COLUMN posted_on TEXT",
    "ALTER TABLE agenda_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'item'",
    "ALTER TABLE agenda_entries ADD COLUMN presenter TEXT",
    "ALTER TABLE agenda_entries ADD COLUMN proposal TEXT",  # att-clauses, one per line
    "ALTER TABLE agenda_entries ADD COLUMN paragraph INTEGER",
    "ALTER TABLE agenda_entries ADD COLUMN tabled_from TEXT",
    "ALTER TABLE agenda_entries ADD COLUMN discussion TEXT",
    """
CREATE TABLE decisions (
    entry_id INTEGER PRIMARY KEY REFERENCES agenda_entries (id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    clauses TEXT NOT NULL,
    reason TEXT,
    decided_at TEXT NOT NULL,
    user TEXT NOT NULL
)
""",
    """
CREATE TABLE remarks (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES agenda_entries (id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reservation', 'note')),
    text TEXT NOT NULL
)
""",
    "CREATE INDEX remarks_by_entry ON remarks (entry_id, id)",
    """
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    name TEXT,
    role TEXT NOT NULL
)
""",
    """
INSERT INTO members (position, title, role) VALUES
    (1, 'KS ordförande', 'chair'),
    (2, 'KF ordförande', 'member'),
    (3, 'KF 1:e vice ordförande', 'member'),
    (4, 'KS 1:e vice ordförande', 'member'),
    (5, 'Sekreterare', 'secretary')
""",
    """
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members (id),
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    PRIMARY KEY (meeting_id, member_id)
)
""",
    """
CREATE TABLE entry_absences (
    entry_id INTEGER NOT NULL REFERENCES agenda_entries (id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (entry_id, member)
)
""",
    """
CREATE TABLE delegation_decisions (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id),
    decided_on TEXT NOT NULL,
    delegate TEXT NOT NULL,
    decision TEXT NOT NULL,
    reported_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    user TEXT NOT NULL
)
""",
    "CREATE INDEX delegation_by_date ON delegation_decisions (decided_on, id)",
    "CREATE INDEX agenda_entries_by_paragraph ON agenda_entries (paragraph)",
)

# Item format v2 (issue 11): the facts the strategy's routing and the reception rules ask for.
# Every column is NULL for the items stored before: "not stated", so they judge as they did.
MIGRATION_ITEM_FORMAT_V2 = (
    "ALTER TABLE items ADD COLUMN on_behalf_of_ks INTEGER CHECK (on_behalf_of_ks IN (0, 1))",
    "ALTER TABLE items ADD COLUMN purpose TEXT",
    "ALTER TABLE items ADD COLUMN membership_type TEXT",
    "ALTER TABLE items ADD COLUMN membership_new INTEGER CHECK (membership_new IN (0, 1))",
    "ALTER TABLE items ADD COLUMN reception_event TEXT",
    "ALTER TABLE items ADD COLUMN reception_participants INTEGER"
    " CHECK (reception_participants >= 0)",
    "ALTER TABLE items ADD COLUMN reception_participants_abroad INTEGER"
    " CHECK (reception_participants_abroad >= 0)",
    "ALTER TABLE items ADD COLUMN reception_level TEXT",
    "ALTER TABLE items ADD COLUMN budgeted INTEGER CHECK (budgeted IN (0, 1))",
    "ALTER TABLE items ADD COLUMN staff_commitment TEXT",
)
# The OSL ground of a confidential item (issue 12). Items stored before it have none; the
# public outputs then name the law without a paragraph (domain/confidentiality.py).
MIGRATION_CONFIDENTIAL_GROUND = ("ALTER TABLE items ADD COLUMN confidential_ground TEXT",)
# IB is a beredning (issue 10, docs/meetings.md): what the meetings recorded as decisions are IB's
# positions; the decision is the one registered afterwards (finansborgarrådet on delegation, KS,
# KF, a nämnd). The organ (name, kind) becomes a setting; a registered decision carries who
# decided, the delegation point or KS/KF meeting, its att-clauses and dnr, whether it granted
# the application, and when it was reported to kommunstyrelsen. Existing delegation decisions
# stay decisions; an item "beslutad" only by IB's position becomes tillstyrkt/avstyrkt/lyft/
# noterat, with a row in its history saying why.
_IB_ITEM_ENTRIES = "SELECT id FROM agenda_entries WHERE item_id IS NOT NULL"
_LATEST_POSITION = """(
    SELECT d.outcome FROM decisions d
    JOIN agenda_entries e ON e.id = d.entry_id JOIN meetings m ON m.id = e.meeting_id
    WHERE e.item_id = items.id ORDER BY m.date DESC, d.decided_at DESC LIMIT 1
)"""
_REINTERPRETED = f"""
    status = 'decided' AND id NOT IN (SELECT item_id FROM delegation_decisions)
    AND {_LATEST_POSITION} IN ('endorsed', 'opposed', 'raised_to_ks', 'noted')
"""
MIGRATION_BEREDNING = (
    """
CREATE TABLE organ (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('beredning', 'deciding'))
)
""",
    "INSERT INTO organ (id, name, kind) VALUES (1, 'Internationella beredningen', 'beredning')",
    "ALTER TABLE decisions ADD COLUMN referred_to TEXT",
    "ALTER TABLE delegation_decisions ADD COLUMN body TEXT NOT NULL DEFAULT 'delegation'",
    "ALTER TABLE delegation_decisions ADD COLUMN delegation_point TEXT",
    "ALTER TABLE delegation_decisions ADD COLUMN meeting_ref TEXT",
    "ALTER TABLE delegation_decisions ADD COLUMN clauses TEXT",
    "ALTER TABLE delegation_decisions ADD COLUMN decision_dnr TEXT",
    "ALTER TABLE delegation_decisions ADD COLUMN granted INTEGER CHECK (granted IN (0, 1))",
    "ALTER TABLE delegation_decisions ADD COLUMN reported_on TEXT",
    # The positions on items, in the beredning's words.
    f"""
UPDATE decisions SET outcome = CASE outcome
    WHEN 'approved' THEN 'endorsed' WHEN 'rejected' THEN 'opposed'
    WHEN 'to_ks' THEN 'raised_to_ks' WHEN 'to_kf' THEN 'raised_to_ks'
    WHEN 'no_action' THEN 'noted' ELSE outcome END
WHERE entry_id IN ({_IB_ITEM_ENTRIES})
""",
    # The standard entries: what was approved or noted there was agreed or noted.
    f"""
UPDATE decisions SET outcome = CASE outcome WHEN 'noted' THEN 'noted' ELSE 'agreed' END
WHERE entry_id NOT IN ({_IB_ITEM_ENTRIES})
""",
    # The clauses the old outcomes wrote by themselves: the new sentence says it ("Beredningen
    # avstyrker ansökan."), and the återremiss reason is kept apart, so it is said once.
    """
UPDATE decisions SET clauses = '' WHERE clauses IN (
    'bifalla förslaget', 'avslå förslaget', 'bordlägga ärendet till nästa sammanträde',
    'hänskjuta ärendet till kommunstyrelsen', 'hänskjuta ärendet till kommunfullmäktige',
    'lämna ärendet utan åtgärd', 'anteckna informationen'
) OR clauses LIKE 'återremittera ärendet%'
""",
    # IB's agenda lists the delegation decisions för kännedom; they are reported to KS.
    """
UPDATE decisions SET outcome = 'noted', clauses = '' WHERE entry_id IN (
    SELECT id FROM agenda_entries WHERE kind = 'delegation'
    AND heading = 'Anmälan av delegationsbeslut'
)
""",
    """
UPDATE agenda_entries SET heading = 'Delegationsbeslut för kännedom', proposal = NULL
WHERE kind = 'delegation' AND heading = 'Anmälan av delegationsbeslut'
""",
    f"""
INSERT INTO item_history (item_id, at, user, action, field, old_value, new_value, note, version)
SELECT id, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), 'ib-tui', 'migration', 'status', 'decided',
    {_LATEST_POSITION}, 'Beredningens ställningstagande, inte ett beslut: ärendet är beslutat '
    || 'först när finansborgarrådets, kommunstyrelsens eller nämndens beslut registreras.',
    version
FROM items WHERE {_REINTERPRETED}
""",
    f"UPDATE items SET status = {_LATEST_POSITION} WHERE {_REINTERPRETED}",
)

# Costs (issue 13): what the requester reported it really cost (NULL until reported), and the
# cost overview's keys as virtual columns so that covering indexes serve its GROUP BYs without
# touching the table: the cost date (the event's start, else the day it came in), its year, and
# the status's money bucket (domain/costs.py; the status sets are repeated here because a
# migration must not change when the code does).
ACTUAL_COLUMNS = tuple(f"actual_{column.removeprefix('cost_')}" for column in COST_COLUMNS)
_ACTUAL_TOTAL = (
    f"CASE WHEN {' AND '.join(f'{c} IS NULL' for c in ACTUAL_COLUMNS)} THEN NULL "
    f"ELSE {' + '.join(f'coalesce({c}, 0)' for c in ACTUAL_COLUMNS)} END"
)
MIGRATION_COSTS = (
    *(
        f"ALTER TABLE items ADD COLUMN {column} INTEGER CHECK ({column} >= 0)"
        for column in ACTUAL_COLUMNS
    ),
    f"ALTER TABLE items ADD COLUMN actual_total INTEGER GENERATED ALWAYS AS ({_ACTUAL_TOTAL}) "
    "VIRTUAL",
    "ALTER TABLE items ADD COLUMN cost_date TEXT GENERATED ALWAYS AS "
    "(coalesce(starts, received)) VIRTUAL",
    "ALTER TABLE items ADD COLUMN cost_year INTEGER GENERATED ALWAYS AS "
    "(CAST(substr(coalesce(starts, received), 1, 4) AS INTEGER)) VIRTUAL",
    "ALTER TABLE items ADD COLUMN cost_bucket TEXT GENERATED ALWAYS AS (CASE "
    "WHEN status IN ('endorsed', 'decided') THEN 'approved' "
    "WHEN status IN ('opposed', 'written_off') THEN 'rejected' ELSE 'pending' END) VIRTUAL",
    # The first view (year × kind × bucket) in index order, so no sorter runs; the date range
    # and the confidential filter are read from the index too.
    "CREATE INDEX items_costs_by_year ON items (cost_year, kind, cost_bucket, cost_date, "
    "confidential, cost_total, actual_total)",
    # The two commonest regroupings, likewise covered.
    "CREATE INDEX items_costs_by_requester ON items (requested_by, cost_bucket, cost_date, "
    "confidential, cost_total, actual_total)",
    "CREATE INDEX items_costs_by_country ON items (country, cost_bucket, cost_date, "
    "confidential, cost_total, actual_total)",
)


# The trail (issue 12): non-item changes get their own table; both tables carry a hash chained
# to the row before (store/trail.py). The rows already there are chained in id order.
MIGRATION_TRAIL: tuple[str | Callable[[sqlite3.Connection], object], ...] = (
    """
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    note TEXT,
    hash TEXT
)
""",
    "CREATE INDEX audit_by_entity ON audit (entity, entity_id, id)",
    "ALTER TABLE item_history ADD COLUMN hash TEXT",
    lambda connection: trail.chain_existing(connection, "item_history"),
    trail.trigger_sql("item_history"),
    trail.trigger_sql("audit"),
)

# Substring search (issue 14): Swedish compounds ("konferens" in "Klimatkonferensen", "smörg" in
# "räksmörgås") in the short columns. The trigram tokenizer folds case but, unlike
# remove_diacritics, keeps å, ä and ö apart from a and o (SQLite 3.34+; the option to strip
# diacritics only came in 3.45). detail=full, because a substring longer than three letters is a
# phrase of trigrams; columnsize=0, since nothing ranks by it. The summary stays in the word
# index only: a trigram index over it measured +400 MB and 42 s at 1M items. The rebuild
# indexes the items already stored.
TRIGRAM_COLUMNS = "title, city, country, requested_by, dnr"
MIGRATION_TRIGRAM = (
    f"""
CREATE VIRTUAL TABLE items_trigram USING fts5 (
    {TRIGRAM_COLUMNS},
    content = 'items', content_rowid = 'id',
    tokenize = 'trigram', detail = full, columnsize = 0
)
""",
    "INSERT INTO items_trigram (items_trigram) VALUES ('rebuild')",
    f"""
CREATE TRIGGER items_trigram_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_trigram (rowid, {TRIGRAM_COLUMNS})
    VALUES (new.id, new.title, new.city, new.country, new.requested_by, new.dnr);
END
""",
    f"""
CREATE TRIGGER items_trigram_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_trigram (items_trigram, rowid, {TRIGRAM_COLUMNS})
    VALUES ('delete', old.id, old.title, old.city, old.country, old.requested_by, old.dnr);
END
""",
    f"""
CREATE TRIGGER items_trigram_update AFTER UPDATE OF {TRIGRAM_COLUMNS} ON items BEGIN
    INSERT INTO items_trigram (items_trigram, rowid, {TRIGRAM_COLUMNS})
    VALUES ('delete', old.id, old.title, old.city, old.country, old.requested_by, old.dnr);
    INSERT INTO items_trigram (rowid, {TRIGRAM_COLUMNS})
    VALUES (new.id, new.title, new.city, new.country, new.requested_by, new.dnr);
END
""",
)
# Placing an item on an agenda seeks the last item or opening entry before the closing ones
# (store/meetings/agenda.py) instead of reading the whole agenda (issue 14).
MIGRATION_AGENDA_BY_KIND = (
    "CREATE INDEX agenda_entries_by_kind ON agenda_entries (meeting_id, kind, position)",
)

Migration = Sequence[str | Callable[[sqlite3.Connection], object]]
MIGRATIONS: Sequence[Migration] = (
    MIGRATION_1,
    MIGRATION_HISTORY_VERSION,
    MIGRATION_MEETINGS,
    MIGRATION_ITEM_FORMAT_V2,
    MIGRATION_CONFIDENTIAL_GROUND,
    MIGRATION_COSTS,
    MIGRATION_TRAIL,
    MIGRATION_BEREDNING,
    MIGRATION_TRIGRAM,
    MIGRATION_TOTALS,
    MIGRATION_AGENDA_BY_KIND,
)
LATEST = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> int:
    """Brings the schema to LATEST; returns the number of migrations applied."""
    current = schema_version(connection)
    if current > LATEST:
        raise SchemaTooNewError(current, LATEST)
    for number in range(current + 1, LATEST + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another instance may have migrated while we waited for the lock.
            if schema_version(connection) >= number:
                connection.execute("ROLLBACK")
                continue
            trail.register(connection)  # the chain's function, for triggers and Python steps
            for statement in MIGRATIONS[number - 1]:
                if callable(statement):
                    statement(connection)
                else:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return max(0, LATEST - current)
