"""Typed settings: the only reader of the environment and of `.env`."""

import logging
import os
from typing import Annotated, ClassVar, TypeVar
from urllib.parse import urlsplit

from cryptography.fernet import Fernet
from pydantic import Field, ValidationError, ValidationInfo, field_validator
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
    # Mentions (ids, links, senders, times; never text) and event ids are forgotten after this,
    # and so is everything about a person this long after Slack deactivated them.
    ooo_retention_days: Annotated[int, Field(ge=1, le=3650)] = 30

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


class VaultSettings(DatabaseSettings):
    """What commands on stored tokens need: the database and the key sealing the tokens."""

    ooo_encryption_key: str | None = None

    @field_validator("ooo_encryption_key")
    @classmethod
    def _key(cls, value: str | None) -> str | None:
        """Refuse a key Fernet cannot use, before anything is sealed with it."""
        if value is not None:
            try:
                Fernet(value)
            except ValueError:
                raise ValueError("is not a key; make one with `ooo keys generate`") from None
        return value


def calendar_hosts(text: str) -> frozenset[str]:
    """The `host:port` pairs in OOO_CALENDAR_ALLOW_HOSTS, as the feed fetcher compares them:
    hosts in lower case, IPv6 ones without brackets. ValueError names an entry that is none."""
    pairs = set()
    for entry in filter(None, (part.strip() for part in text.split(","))):
        host, _, port = entry.rpartition(":")
        host = host.removeprefix("[").removesuffix("]").lower()
        number = int(port) if port.isascii() and port.isdigit() else 0
        if not host or not 1 <= number <= 65535 or any(c in host for c in "/@[] "):
            raise ValueError(f"{entry!r} is not host:port, e.g. calendar.internal:8443")
        pairs.add(f"{host}:{number}")
    return frozenset(pairs)


# What switches on distributed mode (any number of workspaces, over OAuth), besides no bot token.
DISTRIBUTED = ("slack_client_id", "slack_client_secret", "slack_state_secret", "ooo_encryption_key")


class Settings(VaultSettings):
    """Everything `ooo run` reads from the environment.

    One workspace with SLACK_BOT_TOKEN (Socket Mode when an app token is set); without it, any
    number of workspaces installed over OAuth, which is served over HTTP.
    """

    serve_http: ClassVar[bool] = False

    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_state_secret: str | None = None
    # Declared after the distributed settings and before the app token: their checks read it.
    slack_bot_token: Annotated[str | None, Field(validate_default=True)] = None
    # Declared before the signing secret, whose check depends on it.
    slack_app_token: str | None = None
    slack_signing_secret: Annotated[str | None, Field(validate_default=True)] = None
    slack_api_url: str = SLACK_API_URL
    port: Annotated[int, Field(ge=1, le=65535)] = 3000
    # How long a worker may hold an effect it is delivering before another may take it over.
    effect_lease_seconds: Annotated[int, Field(ge=3, le=3600)] = 30
    # How often each connected calendar feed is read again, and how far ahead it is read.
    ooo_calendar_refresh_seconds: Annotated[int, Field(ge=60, le=86400)] = 900
    ooo_calendar_horizon_days: Annotated[int, Field(ge=1, le=730)] = 90
    # `host:port` pairs whose feeds may be fetched over http or at a private address (an
    # internal calendar server; the tests' local one), comma-separated.
    ooo_calendar_allow_hosts: str = ""
    # Where people's calendar clients reach this server: the start of every published feed URL.
    ooo_public_url: str | None = None
    # The language of posts many people read when whoever set them up is unknown.
    ooo_default_locale: str = "en-US"

    @field_validator("ooo_calendar_allow_hosts")
    @classmethod
    def _calendar_hosts(cls, value: str) -> str:
        """Refuse an entry that is not `host:port` at start-up, naming it."""
        calendar_hosts(value)
        return value

    @field_validator("ooo_public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        """Accept the start of a URL calendar clients can reach; a feed URL is built onto it."""
        if not value:
            return None
        parts = urlsplit(value.strip())
        try:
            parts.port  # noqa: B018 (reading it checks it)
        except ValueError:
            raise ValueError("has a port that is no number") from None
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("is not an http(s) URL, e.g. https://ooo.example.com")
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ValueError("must be a plain URL: no query, fragment or password")
        return value.strip().rstrip("/")

    @property
    def distributed(self) -> bool:
        """Whether workspaces install ooo over OAuth, rather than one bot token running it."""
        return self.slack_bot_token is None

    @property
    def connects_accounts(self) -> bool:
        """Whether people can connect their own accounts: the OAuth settings are all there,
        beside a bot token or in distributed mode."""
        return all(getattr(self, name) for name in DISTRIBUTED)

    @property
    def socket_mode(self) -> bool:
        """Whether `ooo run` connects over Socket Mode rather than serving HTTP."""
        return self.slack_app_token is not None and not self.serve_http

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Catch a user or app token pasted where the bot token belongs; without one, name
        whatever distributed mode still lacks (an invalid setting was reported already)."""
        if value is not None:
            if not value.startswith("xoxb-"):
                raise ValueError("must be a bot token, starting with xoxb-")
            return value
        lacking = [
            name.upper() for name in DISTRIBUTED if name in info.data and not info.data[name]
        ]
        if len(lacking) == len(DISTRIBUTED):
            raise ValueError(
                "is missing (one workspace); to install in any number of workspaces set "
                + ", ".join(lacking)
                + " instead"
            )
        if lacking:
            raise ValueError(
                "is not set, so ooo installs over OAuth, which needs " + ", ".join(lacking)
            )
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Catch a bot or user token pasted where the app-level token belongs.

        Distributed mode serves its install pages over HTTP, so it has no use for Socket Mode.
        """
        if value is not None and not value.startswith("xapp-"):
            raise ValueError("must be an app-level token, starting with xapp-")
        if value is not None and info.data.get("slack_bot_token", "") is None:
            raise ValueError("Socket Mode serves one workspace: unset it, or set SLACK_BOT_TOKEN")
        return value

    @field_validator("slack_signing_secret")
    @classmethod
    def _can_verify_requests(cls, value: str | None, info: ValidationInfo) -> str | None:
        """HTTP must verify Slack's signatures; Socket Mode authenticates by app token.

        A field validator, not a model one, so it is reported beside every other problem; an
        app token that failed its own check is absent from `info.data` and not judged twice.
        """
        socket_mode = info.data.get("slack_app_token", "") is not None and not cls.serve_http
        if not value and not socket_mode:
            raise ValueError("is required to serve HTTP (Socket Mode needs SLACK_APP_TOKEN)")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        """Keep the base URL joinable with a method name."""
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"


class HttpSettings(Settings):
    """`ooo run --http`: HTTP even when an app token is set, so a signing secret is required."""

    serve_http = True


SettingsT = TypeVar("SettingsT", bound=DatabaseSettings)


def load_settings(kind: type[SettingsT]) -> SettingsT:
    """Read settings, or raise ConfigError naming every missing or invalid variable.

    Slack's variables are then taken out of the environment: Bolt reads several by itself,
    warns about a token it was handed twice, and silently switches to OAuth (dropping the bot
    token) when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are both set. The encryption key goes
    too, so nothing that reads the environment later can find it.
    """
    try:
        settings = kind()
    except ValidationError as error:
        raise ConfigError(_describe(error)) from None
    taken = [n for n in os.environ if n.upper().startswith("SLACK_") or n == "OOO_ENCRYPTION_KEY"]
    for name in taken:
        del os.environ[name]
    return settings


def problem(variable: str, reason: str) -> ConfigError:
    """A problem found after reading the settings, worded like the others."""
    return ConfigError(_report([f"  {variable}: {reason}"]))


def _report(lines: list[str]) -> str:
    return "Configuration problems:\n" + "\n".join(lines)


def _describe(error: ValidationError) -> str:
    """Turn pydantic's report into one line per environment variable."""
    lines = []
    for found in error.errors():
        name = "_".join(str(part) for part in found["loc"]).upper()
        reason = "is missing" if found["type"] == "missing" else found["msg"]
        reason = reason.removeprefix("Value error, ")
        lines.append(f"  {name}: {reason}" if name else f"  {reason}")
    return _report(lines)
