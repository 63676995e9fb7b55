"""Flashcards: each card's FSRS state, and every review given.

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-01

Card ids are the decks' content hashes, not foreign keys: decks are files, not rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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

    op.create_table(
        "card_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("log", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_card_reviews"),
    )
    op.create_index("ix_card_reviews_card_id", "card_reviews", ["card_id"])
    op.create_index("ix_card_reviews_reviewed_at", "card_reviews", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index("ix_card_reviews_reviewed_at", table_name="card_reviews")
    op.drop_index("ix_card_reviews_card_id", table_name="card_reviews")
    op.drop_table("card_reviews")
    op.drop_index("ix_card_states_due", table_name="card_states")
    op.drop_index("ix_card_states_deck", table_name="card_states")
    op.drop_table("card_states")
