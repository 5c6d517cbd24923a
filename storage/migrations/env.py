"""Alembic environment: on the connection storage.db.migrate hands over, or on DATABASE_URL."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)


def run_migrations(connection: Connection) -> None:
    """Compare with or migrate to the models; SQLite alters tables in batches (copy and swap)."""
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_from_the_command_line() -> None:
    """`alembic upgrade head`, `alembic revision --autogenerate`: on the app's own database."""
    from bot.config import DatabaseSettings, load_settings
    from storage.db import make_engine, migration_connection

    if context.config.config_file_name:
        fileConfig(context.config.config_file_name, disable_existing_loggers=False)
    engine = make_engine(load_settings(DatabaseSettings).database_url)
    try:
        with migration_connection(engine) as connection:
            run_migrations(connection)
    finally:
        engine.dispose()


given = context.config.attributes.get("connection")
if given is None:
    run_from_the_command_line()
else:
    run_migrations(given)
