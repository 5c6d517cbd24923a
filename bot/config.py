"""Typed settings: the only reader of the environment and of `.env`."""

import logging
from typing import Annotated, TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SLACK_API_URL = "https://slack.com/api/"
DRIVERS = ("sqlite", "sqlite+pysqlite", "postgres", "postgresql", "postgresql+psycopg")


class ConfigError(Exception):
    """Settings that cannot run the app, with every problem listed."""


class DatabaseSettings(BaseSettings):
    """What every command needs: where the data lives and how much to log."""

    model_config = SettingsConfigDict(
        env_file=".env", env_ignore_empty=True, extra="ignore", frozen=True
    )

    database_url: str = "sqlite:///ooo.db"
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        """Accept SQLite and PostgreSQL URLs, the two databases ooo is tested on."""
        try:
            driver = make_url(value).drivername
        except ArgumentError:
            raise ValueError("is not a database URL, e.g. sqlite:///ooo.db") from None
        if driver not in DRIVERS:
            raise ValueError("use a sqlite:/// or postgresql:// URL (psycopg 3 is the driver)")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        """Accept only level names the logging module knows."""
        level = value.upper()
        if level not in logging.getLevelNamesMapping():
            raise ValueError("use DEBUG, INFO, WARNING or ERROR")
        return level


class Settings(DatabaseSettings):
    """Everything `ooo run` reads from the environment."""

    slack_bot_token: str
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_URL
    port: Annotated[int, Field(ge=1, le=65535)] = 3000
    # Mentions (ids, links, senders, times; never text) and event ids are forgotten after this.
    ooo_retention_days: Annotated[int, Field(ge=1, le=3650)] = 30

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: str) -> str:
        """Catch a user or app token pasted where the bot token belongs."""
        if not value.startswith("xoxb-"):
            raise ValueError("must be a bot token, starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: str | None) -> str | None:
        """Catch a bot or user token pasted where the app-level token belongs."""
        if value is not None and not value.startswith("xapp-"):
            raise ValueError("must be an app-level token, starting with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        """Keep the base URL joinable with a method name."""
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _can_verify_requests(self) -> "Settings":
        """HTTP mode must verify Slack's signatures; Socket Mode authenticates by app token."""
        if self.slack_app_token is None and not self.slack_signing_secret:
            raise ValueError("SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN is set")
        return self


SettingsT = TypeVar("SettingsT", bound=DatabaseSettings)


def load_settings(kind: type[SettingsT]) -> SettingsT:
    """Read settings, or raise ConfigError naming every missing or invalid variable."""
    try:
        return kind()
    except ValidationError as error:
        raise ConfigError(_describe(error)) from None


def _describe(error: ValidationError) -> str:
    """Turn pydantic's report into one line per environment variable."""
    lines = []
    for problem in error.errors():
        name = "_".join(str(part) for part in problem["loc"]).upper()
        reason = "is missing" if problem["type"] == "missing" else problem["msg"]
        reason = reason.removeprefix("Value error, ")
        lines.append(f"  {name}: {reason}" if name else f"  {reason}")
    return "Configuration problems:\n" + "\n".join(lines)
