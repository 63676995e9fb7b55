"""Accounts and coach review: users, sign-ins, shares, comments, coach scores, secrets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-02-01

Sessions and drills get a nullable owner: rows from single-user mode (and the CLI) have
none. SQLite cannot add a foreign key with ALTER TABLE ... ADD CONSTRAINT, and a batch
rebuild of `sessions` would cascade the drop of the old table to its events (see 0003), so
on SQLite the column is added with its REFERENCES clause inline, which SQLite allows for a
column whose default is NULL. That clause carries no ON DELETE: SQLAlchemy reads an inline
clause's name and options back as empty, so the models declare none either (no account is
deleted yet; deleting one will mean deleting its sessions first). Every type is a plain
SQLAlchemy type, so the same file builds the schema on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNED = ("sessions", "drills")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
    )
    op.create_index("ix_users_email", "users", ["email"], unique=True)

    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_auth_sessions_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_auth_sessions"),
    )
    op.create_index("ix_auth_sessions_key_hash", "auth_sessions", ["key_hash"], unique=True)
    op.create_index("ix_auth_sessions_user_id", "auth_sessions", ["user_id"])
    op.create_index("ix_auth_sessions_expires_at", "auth_sessions", ["expires_at"])

    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_shares_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["users.id"], name="fk_shares_coach_id_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
    )
    op.create_index("ix_shares_token", "shares", ["token"], unique=True)
    op.create_index("ix_shares_session_id", "shares", ["session_id"])
    op.create_index("ix_shares_coach_id", "shares", ["coach_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("share_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=254), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("turn_seq", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["share_id"], ["shares.id"], name="fk_comments_share_id_shares", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_comments_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name="fk_comments_author_id_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_comments"),
    )
    op.create_index("ix_comments_share_id", "comments", ["share_id"])
    op.create_index("ix_comments_session_id", "comments", ["session_id"])
    op.create_index("ix_comments_read_at", "comments", ["read_at"])

    op.create_table(
        "coach_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("share_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=254), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["share_id"],
            ["shares.id"],
            name="fk_coach_scores_share_id_shares",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_coach_scores_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name="fk_coach_scores_author_id_users",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_coach_scores"),
    )
    op.create_index("ix_coach_scores_share_id", "coach_scores", ["share_id"], unique=True)
    op.create_index("ix_coach_scores_session_id", "coach_scores", ["session_id"])

    op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_app_secrets"),
    )

    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in OWNED:
        constraint = f"fk_{table}_owner_id_users"
        if sqlite:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN owner_id INTEGER CONSTRAINT {constraint}"
                " REFERENCES users (id)"
            )
        else:
            op.add_column(table, sa.Column("owner_id", sa.Integer(), nullable=True))
            op.create_foreign_key(constraint, table, "users", ["owner_id"], ["id"])
        op.create_index(f"ix_{table}_owner_id", table, ["owner_id"])


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(OWNED):
        op.drop_index(f"ix_{table}_owner_id", table_name=table)
        if not sqlite:
            op.drop_constraint(f"fk_{table}_owner_id_users", table, type_="foreignkey")
        # SQLite 3.35+ drops a column with an inline REFERENCES clause without a rebuild.
        op.drop_column(table, "owner_id")
    op.drop_table("app_secrets")
    op.drop_index("ix_coach_scores_session_id", table_name="coach_scores")
    op.drop_index("ix_coach_scores_share_id", table_name="coach_scores")
    op.drop_table("coach_scores")
    op.drop_index("ix_comments_read_at", table_name="comments")
    op.drop_index("ix_comments_session_id", table_name="comments")
    op.drop_index("ix_comments_share_id", table_name="comments")
    op.drop_table("comments")
    op.drop_index("ix_shares_coach_id", table_name="shares")
    op.drop_index("ix_shares_session_id", table_name="shares")
    op.drop_index("ix_shares_token", table_name="shares")
    op.drop_table("shares")
    op.drop_index("ix_auth_sessions_expires_at", table_name="auth_sessions")
    op.drop_index("ix_auth_sessions_user_id", table_name="auth_sessions")
    op.drop_index("ix_auth_sessions_key_hash", table_name="auth_sessions")
    op.drop_table("auth_sessions")
    op.drop_index("ix_users_email", table_name="users")
    op.drop_table("users")
