"""Alembic migrations of the practice store; a package only so its files ship and type-check."""
