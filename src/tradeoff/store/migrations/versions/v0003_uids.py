"""Stable ids (uid) for sessions, drills and card reviews, so imports can skip what exists.

Revision ID: 0003
Revises: 0002
Create Date: 2026-01-10

Existing rows get the uid an old export of them would get on import (see store/keys.py), so
importing a backup made before this revision does not add its sessions a second time. The
column is added with a server default because SQLite cannot add a NOT NULL column without
one, and no table is rebuilt: rebuilding `sessions` with foreign keys on would cascade the
drop of the old table to every event.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from tradeoff.store.columns import UTCDateTime
from tradeoff.store.keys import UID_LENGTH, LegacyKeys

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, kind, time column, name column): what identifies a row that has no uid yet.
TABLES = (
    ("sessions", "session", "started_at", "problem_id"),
    ("drills", "drill", "at", "problem_id"),
    ("card_reviews", "card-review", "reviewed_at", "card_id"),
)


def upgrade() -> None:
    connection = op.get_bind()
    for name, kind, moment, label in TABLES:
        op.add_column(
            name,
            sa.Column("uid", sa.String(length=UID_LENGTH), nullable=False, server_default=""),
        )
        table = sa.table(
            name,
            sa.column("id", sa.Integer()),
            sa.column("uid", sa.String()),
            sa.column(moment, UTCDateTime()),
            sa.column(label, sa.String()),
        )
        keys = LegacyKeys()
        rows = connection.execute(
            sa.select(table.c.id, table.c[moment], table.c[label]).order_by(table.c.id)
        ).all()
        for row_id, when, what in rows:
            connection.execute(
                table.update().where(table.c.id == row_id).values(uid=keys.uid(kind, when, what))
            )
        op.create_index(f"ix_{name}_uid", name, ["uid"], unique=True)


def downgrade() -> None:
    for name, _kind, _moment, _label in reversed(TABLES):
        op.drop_index(f"ix_{name}_uid", table_name=name)
        # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch rebuild: see above.
        op.drop_column(name, "uid")
