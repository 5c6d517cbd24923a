"""manifest.yml is a valid Slack app manifest asking for exactly the bot scopes the code needs."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from referencing import Registry
from referencing.jsonschema import DRAFT7

from bot.accounts.connected import USER_SCOPES
from bot.accounts.installs import BOT_SCOPES, REDIRECT_PATH
from tests.support.fake_slack_checks import API_REF, REPO

# Slack's manifest schema and example manifests, copied unmodified (see its SOURCE and LICENSE).
SCHEMA_DIR = REPO / "tests" / "data" / "slack-manifest-schema"

# Methods the code calls with a person's own user token (a connected account), not the bot's.
USER_TOKEN_METHODS = frozenset(
    {"users.profile.get", "users.profile.set", "dnd.info", "dnd.setSnooze", "dnd.endSnooze"}
)
# Methods the app calls with its client id and secret, no token at all.
APP_CREDENTIAL_METHODS = frozenset({"oauth.v2.access"})
# Bot scopes no Web API method needs: `commands` is what lets the app own a slash command.
SCOPES_WITHOUT_METHODS = frozenset({"commands"})

# slack-sdk helpers that call several Web API methods, by the methods they call.
SDK_FLOWS = {
    "files_upload_v2": ("files.getUploadURLExternal", "files.completeUploadExternal"),
}
METHOD_CALL = re.compile(r"\.(\w+)\(")
API_CALL = re.compile(r"""\bapi_call\(\s*["']([\w.]+)["']""")
SAY_CALL = re.compile(r"(?<!def )\bsay\(")  # Bolt's say() posts with chat.postMessage


@cache
def manifest() -> dict[str, Any]:
    """The app manifest."""
    loaded: dict[str, Any] = yaml.safe_load((REPO / "manifest.yml").read_text())
    return loaded


@cache
def validator() -> Draft7Validator:
    """Slack's manifest schema, with its remote `$ref`s served from the local copies."""
    text = (SCHEMA_DIR / "manifest.schema.json").read_text()
    urls = set(re.findall(r'"\$ref":\s*"(https://[^"#]+)"', text))
    local = {url: SCHEMA_DIR / "schemas" / url.rsplit("/", 1)[1] for url in urls}
    registry: Registry[Any] = Registry().with_resources(
        (url, DRAFT7.create_resource(json.loads(path.read_text()))) for url, path in local.items()
    )
    return Draft7Validator(json.loads(text), registry=registry)


def problems(document: Any) -> list[str]:
    """Schema violations, one line each."""
    errors = validator().iter_errors(document)
    return sorted(f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors)


def test_the_manifest_is_a_valid_slack_manifest() -> None:
    assert problems(manifest()) == []


@pytest.mark.parametrize(
    "example",
    sorted((SCHEMA_DIR / "tests" / "manifests").glob("*/*.json")),
    ids=lambda p: p.parent.name + "/" + p.name,
)
def test_slacks_own_examples_pass_or_fail_as_named(example: Path) -> None:
    found = problems(json.loads(example.read_text()))
    assert bool(found) == (".invalid." in example.name), found


@cache
def method_ref(method: str) -> dict[str, Any]:
    """A Web API method's reference entry."""
    ref: dict[str, Any] = json.loads((API_REF / "methods" / f"{method}.json").read_text())
    return ref


@cache
def calls_in_bot() -> dict[str, list[str]]:
    """Every Web API method the code under bot/ calls, with where it calls it."""
    python_names = {
        p.stem.replace(".", "_"): p.stem for p in (API_REF / "methods").glob("*.*.json")
    }
    calls: dict[str, list[str]] = {}
    for path in sorted((REPO / "bot").rglob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            names = METHOD_CALL.findall(line)
            methods = [python_names[n] for n in names if n in python_names]
            methods += [m for n in names for m in SDK_FLOWS.get(n, ())]
            methods += API_CALL.findall(line) + ["chat.postMessage"] * len(SAY_CALL.findall(line))
            for method in methods:
                calls.setdefault(method, []).append(f"{path.relative_to(REPO)}:{number}")
    return calls


def bot_scopes() -> set[str]:
    """The bot scopes the manifest asks for."""
    return set(manifest()["oauth_config"]["scopes"]["bot"])


def bot_event_scopes() -> dict[str, list[str]]:
    """Each subscribed bot event with the scopes that can grant it (any one will do)."""
    events = {
        e["name"]: e.get("scopes", [])
        for e in json.loads((API_REF / "events" / "events.json").read_text())
    }
    subscribed = manifest().get("settings", {}).get("event_subscriptions", {}).get("bot_events", [])
    return {name: events[name] for name in subscribed}


def user_scopes() -> set[str]:
    """The user scopes the manifest asks for."""
    return set(manifest()["oauth_config"]["scopes"]["user"])


def test_the_install_link_asks_for_exactly_the_manifests_bot_scopes() -> None:
    assert set(BOT_SCOPES) == bot_scopes() and len(BOT_SCOPES) == len(bot_scopes())


def test_the_connect_link_asks_for_exactly_the_manifests_user_scopes() -> None:
    assert set(USER_SCOPES) == user_scopes() and len(USER_SCOPES) == len(user_scopes())


def test_the_user_scopes_cover_every_method_called_with_a_user_token() -> None:
    uncovered = {
        method: method_ref(method)["scope"]["user"]
        for method in USER_TOKEN_METHODS
        if not user_scopes() & set(method_ref(method)["scope"]["user"])
    }
    assert uncovered == {}


def test_the_redirect_url_is_ooos_oauth_callback() -> None:
    [url] = manifest()["oauth_config"]["redirect_urls"]
    assert url.endswith(REDIRECT_PATH)


def test_the_scan_finds_the_codes_web_api_calls() -> None:
    assert calls_in_bot(), "found no Web API calls under bot/: the scan is broken or bot/ is empty"


def test_the_code_calls_only_real_methods() -> None:
    unknown = [m for m in calls_in_bot() if not (API_REF / "methods" / f"{m}.json").is_file()]
    assert unknown == []


def test_the_bot_scopes_cover_every_method_the_code_calls() -> None:
    assert calls_in_bot()
    uncovered = {
        method: (method_ref(method)["scope"]["bot"], where)
        for method, where in calls_in_bot().items()
        if method not in USER_TOKEN_METHODS
        and method_ref(method).get("scope", {}).get("bot")
        and not bot_scopes() & set(method_ref(method)["scope"]["bot"])
    }
    assert uncovered == {}, "add one of the listed scopes to manifest.yml"


def test_the_code_calls_no_user_token_only_method_with_the_bot() -> None:
    assert calls_in_bot()
    user_only = {
        method: where
        for method, where in calls_in_bot().items()
        if method not in USER_TOKEN_METHODS | APP_CREDENTIAL_METHODS
        and not method_ref(method).get("no_scope_required")
        and not method_ref(method).get("scope", {}).get("bot")
    }
    assert user_only == {}, "these methods accept only user tokens"


def test_the_bot_scopes_cover_every_subscribed_event() -> None:
    uncovered = {
        name: scopes
        for name, scopes in bot_event_scopes().items()
        if scopes and not bot_scopes() & set(scopes)
    }
    assert uncovered == {}


def test_every_bot_scope_is_needed() -> None:
    assert calls_in_bot()
    needed = set(SCOPES_WITHOUT_METHODS)
    for method in set(calls_in_bot()) - USER_TOKEN_METHODS:
        needed |= set(method_ref(method).get("scope", {}).get("bot") or [])
    for scopes in bot_event_scopes().values():
        needed |= set(scopes)
    assert bot_scopes() - needed == set(), "no called method or subscribed event needs these scopes"
