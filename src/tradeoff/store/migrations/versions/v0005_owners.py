"""Flashcards and settings per learner: an owner on card states and reviews, user settings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-03-01

Until now `card_states` was keyed by card id alone, so in accounts mode every user shared
one schedule. Card states and reviews get a nullable owner, as sessions and drills did in
0004: NULL is the machine's one user (single-user mode and the CLI), so every row already
here stays that user's. A card id is then unique per owner, which needs a new key:
`card_states` is rebuilt with a surrogate `id` and two partial unique indexes (one for the
NULL owner, one for accounts; a plain UNIQUE would let NULL owners repeat). The rebuild is
written out (rename, create, copy, drop) rather than left to batch mode so the same steps
run on SQLite and PostgreSQL; nothing references `card_states`, so the drop cascades to
nothing. `card_reviews` only gains a column, added as in 0004 (inline REFERENCES on
SQLite). `user_settings` holds an account's settings page.

Downgrading deletes the card states and reviews that belong to accounts: the older schema
has one schedule per card and would hand them to the single user.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL = sa.text("owner_id IS NULL")
OWNED = sa.text("owner_id IS NOT NULL")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    constraint = "fk_card_reviews_owner_id_users"
    if _sqlite():
        op.execute(
            f"ALTER TABLE card_reviews ADD COLUMN owner_id INTEGER CONSTRAINT {constraint}"
            " REFERENCES users (id)"
        )
    else:
        op.add_column("card_reviews", sa.Column("owner_id", sa.Integer(), nullable=True))
        op.create_foreign_key(constraint, "card_reviews", "users", ["owner_id"], ["id"])
    op.create_index("ix_card_reviews_owner_id", "card_reviews", ["owner_id"])

    # Index and constraint names are per schema, not per table: free them before the new
    # table takes them.
    op.drop_index("ix_card_states_due", table_name="card_states")
    op.drop_index("ix_card_states_deck", table_name="card_states")
    op.rename_table("card_states", "card_states_v4")
    if not _sqlite():
        op.execute(
            "ALTER TABLE card_states_v4 RENAME CONSTRAINT pk_card_states TO pk_card_states_v4"
        )
    op.create_table(
        "card_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("card_id", sa.String(length=64), nullable=False),
        sa.Column("deck", sa.String(length=100), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name="fk_card_states_owner_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_card_states"),
    )
    op.create_index("ix_card_states_deck", "card_states", ["deck"])
    op.create_index("ix_card_states_due", "card_states", ["due"])
    _unique_indexes()
    op.execute(
        "INSERT INTO card_states (owner_id, card_id, deck, state, due)"
        " SELECT NULL, card_id, deck, state, due FROM card_states_v4 ORDER BY card_id"
    )
    op.drop_table("card_states_v4")

    op.create_table(
        "user_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("base_url", sa.Text(), nullable=True),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column("timeout", sa.Float(), nullable=True),
        sa.Column("api_key", sa.Text(), nullable=True),
        sa.Column("new_per_day", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_settings_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_settings"),
    )


def _unique_indexes() -> None:
    op.create_index(
        "uq_card_states_local_card_id",
        "card_states",
        ["card_id"],
        unique=True,
        sqlite_where=LOCAL,
        postgresql_where=LOCAL,
    )
    op.create_index(
        "uq_card_states_owner_id_card_id",
        "card_states",
        ["owner_id", "card_id"],
        unique=True,
        sqlite_where=OWNED,
        postgresql_where=OWNED,
    )


def downgrade() -> None:
    op.drop_table("user_settings")

    op.execute("DELETE FROM card_states WHERE owner_id IS NOT NULL")
    op.drop_index("uq_card_states_owner_id_card_id", table_name="card_states")
    op.drop_index("uq_card_states_local_card_id", table_name="card_states")
    op.drop_index("ix_card_states_due", table_name="card_states")
    op.drop_index("ix_card_states_deck", table_name="card_states")
    op.rename_table("card_states", "card_states_v5")
    if not _sqlite():
        op.execute(
            "ALTER TABLE card_states_v5 RENAME CONSTRAINT pk_card_states TO pk_card_states_v5"
        )
    op.create_table(
        "card_states",
        sa.Column("card_id", sa.String(length=64), nullable=False),
        sa.Column("deck", sa.String(length=100), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("card_id", name="pk_card_states"),
    )
    op.create_index("ix_card_states_deck", "card_states", ["deck"])
    op.create_index("ix_card_states_due", "card_states", ["due"])
    op.execute(
        "INSERT INTO card_states (card_id, deck, state, due)"
        " SELECT card_id, deck, state, due FROM card_states_v5"
    )
    op.drop_table("card_states_v5")

    op.execute("DELETE FROM card_reviews WHERE owner_id IS NOT NULL")
    op.drop_index("ix_card_reviews_owner_id", table_name="card_reviews")
    if not _sqlite():
        op.drop_constraint("fk_card_reviews_owner_id_users", "card_reviews", type_="foreignkey")
    op.drop_column("card_reviews", "owner_id")
