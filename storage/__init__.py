"""Persistence: SQLModel tables, engine and sessions, queries and migrations."""
