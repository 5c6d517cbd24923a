"""A fake Slack Web API over real HTTP on loopback, as strict as Slack about what it accepts."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Any, TypeVar

from tests.support import (
    fake_slack_chat,
    fake_slack_files,
    fake_slack_history,
    fake_slack_members,
    fake_slack_profile,
)
from tests.support import fake_slack_views as views
from tests.support.fake_slack_blocks import check_blocks
from tests.support.fake_slack_checks import SlackError, Token, check_call, manifest_bot_scopes
from tests.support.fake_slack_http import SlackHTTPHandler
from tests.support.fake_slack_limits import Limits
from tests.support.fake_slack_oauth import TOKENLESS, FakeOAuth, OAuthApp, now_utc
from tests.support.fake_slack_state import (
    BOT_USER_ID,
    HANDLERS,
    Args,
    Channel,
    User,
    Workspace,
    channel_json,
)

T = TypeVar("T")
METHOD_MODULES = (
    fake_slack_chat,
    fake_slack_files,
    fake_slack_history,
    fake_slack_members,
    fake_slack_profile,
    views,
)  # importing them registers their Web API methods


@dataclass(frozen=True)
class Call:
    """One Web API request as the fake received it."""

    method: str
    args: Args
    token: str | None
    at: float


@dataclass(frozen=True)
class Answer:
    """What the fake sends back for one call: HTTP status, extra headers and JSON body."""

    body: dict[str, Any]
    status: int = 200
    headers: dict[str, str] | None = None
    # No answer at all: the connection is closed, as when Slack is unreachable.
    drop: bool = False


@dataclass(frozen=True)
class Failure:
    """A failure to answer the next calls of a method with, as Slack sometimes does."""

    error: str
    status: int = 200
    retry_after: int | None = None


@dataclass(frozen=True)
class Rejection:
    """A call the fake answered with `ok: false`, as Slack would have."""

    method: str
    error: str
    args: Args


class _SlackServer(ThreadingHTTPServer):
    """A threaded server whose accept queue holds every worker of several replicas at once."""

    # The default of 5 drops connections when a burst of workers all call at once.
    request_queue_size = 128
    daemon_threads = True


class FakeSlack:
    """Slack's Web API, response URLs and view store, served on 127.0.0.1.

    It starts with one workspace (`team_id`); `add_workspace` adds more, and `team(id)` is a
    view of the same fake whose arranging and inspecting methods act on that workspace.
    """

    def __init__(
        self,
        *,
        bot_token: str = "xoxb-ooo-test",
        app_token: str = "xapp-1-ooo-test",
        bot_scopes: Iterable[str] | None = None,
        team_id: str = "T0001",
        enterprise_id: str | None = None,
        trigger_ttl: float = 3.0,
        now: Callable[[], datetime] = now_utc,
    ) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.team_id = team_id
        scopes = manifest_bot_scopes() if bot_scopes is None else frozenset(bot_scopes)
        self._tokens = {
            bot_token: Token(bot_token, BOT_USER_ID, scopes, team_id=team_id),
            app_token: Token(
                app_token, BOT_USER_ID, frozenset({"connections:write"}), team_id=team_id
            ),
        }
        self._now = now
        self._oauth = FakeOAuth(self._tokens, now)
        self._ws = Workspace(team_id, enterprise_id, trigger_ttl, now=now)
        self._ws.users[BOT_USER_ID] = User(BOT_USER_ID, "ooo", is_bot=True)
        self._workspaces = {team_id: self._ws}
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._rejections: list[Rejection] = []
        self._allowed: set[str] = set()
        self._errors: dict[str, str] = {}
        self._delays: dict[str, float] = {}
        self._responses: dict[str, list[dict[str, Any]]] = {}
        self._next_failures: dict[str, list[Failure | None]] = {}
        self._slow: dict[str, float] = {}
        self._upload_failures: list[tuple[int, str]] = []
        self.limits = Limits()
        self._server = _SlackServer(("127.0.0.1", 0), SlackHTTPHandler)
        self._server.fake = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.api_url = f"{self.url}/api/"
        self._ws.base_url = self.url
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    # Arranging workspaces and the app.

    def add_workspace(self, team_id: str, *, enterprise_id: str | None = None) -> FakeSlack:
        """Another workspace (in an Enterprise Grid org if given), with the bot user in it."""
        with self._lock:
            ws = Workspace(team_id, enterprise_id, self._ws.trigger_ttl, now=self._now)
            ws.base_url = self.url
            ws.users[BOT_USER_ID] = User(BOT_USER_ID, "ooo", is_bot=True)
            self._workspaces[team_id] = ws
        return self.team(team_id)

    def team(self, team_id: str) -> FakeSlack:
        """This fake, arranged and inspected in another of its workspaces."""
        view = copy.copy(self)
        view._ws, view.team_id = self._workspaces[team_id], team_id
        return view

    def register_app(self, client_id: str, client_secret: str, *, rotation: bool = False) -> None:
        """The app's OAuth credentials, and whether its tokens rotate (expire, refresh once)."""
        with self._lock:
            self._oauth.app = OAuthApp(client_id, client_secret, rotation)

    def approve(
        self,
        installer: str,
        scopes: Iterable[str],
        *,
        org_wide: bool = False,
        user_scopes: Iterable[str] = (),
    ) -> str:
        """A person of this workspace allows the app on Slack's page: the code Slack redirects
        with. `org_wide` installs it for the whole Enterprise Grid org; user scopes add the
        installer's own token."""
        with self._lock:
            return self._oauth.approve(
                team_id=None if org_wide else self.team_id,
                enterprise_id=self._ws.enterprise_id,
                installer=installer,
                scopes=frozenset(scopes),
                user_scopes=frozenset(user_scopes),
            )

    def issued_secrets(self) -> list[str]:
        """Every OAuth code, token and refresh token the fake issued, revoked ones included."""
        with self._lock:
            return list(self._oauth.secrets)

    def installed_tokens(self, team_id: str | None, *, org: str | None = None) -> list[str]:
        """The tokens OAuth issued that still work in one workspace (or org-wide in one org)."""
        with self._lock:
            return self._oauth.working(team_id, org)

    # Arranging the workspace.

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        tz: str = "Europe/Paris",
        locale: str = "en-US",
        is_bot: bool = False,
        real_name: str | None = None,
        deleted: bool = False,
        home_team: str | None = None,
        role: str = "member",
        enterprise: str | None = None,
    ) -> None:
        """Add a person (or another bot); `deleted` deactivates them, `home_team` makes them a guest
        from another organization, seen only in the shared channels they are in; `role` makes them
        an "admin", "owner" or "primary_owner" of the workspace; `enterprise` is the Enterprise
        Grid org of someone from another workspace (theirs may be this one's)."""
        with self._lock:
            self._ws.users[user_id] = User(
                user_id, name, tz, locale, is_bot, real_name, deleted, home_team, role, enterprise
            )

    def add_channel(
        self,
        channel_id: str,
        name: str,
        *,
        members: Iterable[str] = (),
        is_private: bool = False,
        is_mpim: bool = False,
    ) -> None:
        """Add a channel (or a group DM); the bot ("UBOT") is a member only if listed."""
        with self._lock:
            self._ws.channels[channel_id] = Channel(
                channel_id, name, set(members), is_private or is_mpim, is_mpim=is_mpim
            )

    def open_dm(self, first: str, second: str) -> str:
        """The direct message between two people (the bot is not in it), created once."""
        with self._lock:
            pair = tuple(sorted((first, second)))
            for channel in self._ws.channels.values():
                if channel.im_pair == pair:
                    return channel.id
            channel_id = f"D{self.team_id[-4:]}P{len(self._ws.channels) + 1:03d}"
            self._ws.channels[channel_id] = Channel(
                channel_id, "", set(pair), True, im_pair=(pair[0], pair[1])
            )
            return channel_id

    def add_usergroup(
        self, usergroup_id: str, handle: str, name: str, users: Iterable[str] = ()
    ) -> None:
        """Add a user group such as @design."""
        group = {
            "id": usergroup_id,
            "team_id": self.team_id,
            "is_usergroup": True,
            "handle": handle,
            "name": name,
            "description": "",
            "date_delete": 0,
            "users": list(users),
        }
        with self._lock:
            self._ws.usergroups[usergroup_id] = group

    def post_as(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """A person writes in a conversation: kept in its history, returned as the event."""
        with self._changed:
            channel = self._ws.conversation(channel_id)
            assert user_id in channel.members, f"{user_id} is not in {channel_id}"
            event = {"type": "message", "user": user_id, "text": text, "ts": self._ws.next_ts()}
            event |= {"team": self.team_id, "user_team": self.team_id, "channel": channel.id}
            event["channel_type"] = _channel_type(channel)
            if thread_ts:
                event["thread_ts"] = thread_ts
            event |= fields
            self._ws.messages.setdefault(channel.id, []).append(copy.deepcopy(event))
            self._changed.notify_all()
        return event

    def leave(self, channel_id: str, user_id: str) -> None:
        """A person (or the bot, "UBOT") leaves a channel, or a user group (`S…`)."""
        with self._lock:
            if channel_id.startswith("S"):
                users = self._ws.usergroups[channel_id]["users"]
                users[:] = [u for u in users if u != user_id]
            else:
                self._ws.channels[channel_id].members.discard(user_id)

    def grant_user_token(self, user_id: str, scopes: Iterable[str]) -> str:
        """A user token (`xoxp-`) for this person with these user scopes."""
        token = f"xoxp-{user_id.lower()}-{len(self._tokens)}"
        with self._lock:
            self._tokens[token] = Token(token, user_id, frozenset(scopes), team_id=self.team_id)
        return token

    def set_status_as(self, user_id: str, text: str, emoji: str = "", expiration: int = 0) -> None:
        """A person sets their own status in Slack."""
        with self._lock:
            self._ws.statuses[user_id] = (text, emoji, expiration)

    def status_of(self, user_id: str) -> tuple[str, str, int]:
        """A person's status as Slack shows it now: text, emoji, expiration (0: none)."""
        with self._lock:
            return fake_slack_profile.status_of(self._ws, user_id)

    def snooze_as(self, user_id: str, end: int | None) -> None:
        """A person snoozes their notifications until a Unix time, or (None) ends the snooze."""
        with self._lock:
            if end is None:
                self._ws.snoozes.pop(user_id, None)
            else:
                self._ws.snoozes[user_id] = end

    def snooze_of(self, user_id: str) -> int | None:
        """When a person's snooze ends (Unix time), or None when their notifications are on."""
        with self._lock:
            return fake_slack_profile.snooze_end(self._ws, user_id)

    def issue_trigger(self, user_id: str) -> str:
        """A single-use trigger_id for this person, valid for `trigger_ttl` seconds."""
        with self._lock:
            return views.issue_trigger(self._ws, user_id)

    def new_response_url(self) -> str:
        """A response_url served by this fake; what is POSTed to it is kept for `responses`."""
        with self._lock:
            url = f"{self.url}/response/{len(self._responses) + 1}"
            self._responses[url] = []
        return url

    def serve_socket_mode(self, url: str) -> None:
        """Point `apps.connections.open` at a Socket Mode server (a FakeSocketMode)."""
        with self._lock:
            self._ws.socket_url = url

    def archive(self, channel_id: str) -> None:
        """Archive a channel: nothing can be posted in it any more."""
        with self._lock:
            self._ws.channels[channel_id].is_archived = True

    def fail_next(
        self,
        method: str,
        error: str,
        *,
        times: int = 1,
        status: int = 200,
        retry_after: int | None = None,
    ) -> None:
        """Answer the next `times` calls of a method with an error, as Slack sometimes does."""
        with self._lock:
            self._next_failures.setdefault(method, []).extend(
                [Failure(error, status, retry_after)] * times
            )
            self._allowed.add(error)

    def rate_limit_next(
        self, method: str, *, retry_after: int = 1, times: int = 1, after: int = 0
    ) -> None:
        """Refuse the next calls of a method with HTTP 429 and a Retry-After, as Slack does;
        `after` calls are answered first (a limit reached partway through paging)."""
        with self._lock:
            self._next_failures.setdefault(method, []).extend([None] * after)
        self.fail_next(method, "ratelimited", times=times, status=429, retry_after=retry_after)

    def fail_next_upload(self, status: int = 500, text: str = "internal_error") -> None:
        """Answer the next bytes POSTed to an upload URL with this HTTP status (keeping none of
        them), as Slack's upload server sometimes does midway through the upload flow."""
        with self._lock:
            self._upload_failures.append((status, text))

    def slow_down(self, method: str, seconds: float) -> None:
        """Carry out calls of a method at once but answer them only after `seconds`."""
        with self._lock:
            self._slow[method] = seconds

    def allow(self, *errors: str) -> None:
        """Expect these errors: they no longer fail `assert_no_rejections`."""
        with self._lock:
            self._allowed.update(errors)

    def fail(self, method: str, error: str | None) -> None:
        """Answer every call to `method` with this error from now on (None: answer again)."""
        with self._lock:
            if error is None:
                self._errors.pop(method, None)
                return
            self._errors[method] = error
            self._allowed.add(error)

    def delay(self, method: str, seconds: float) -> None:
        """Answer calls to `method` only after `seconds`, like a slow or throttled Slack."""
        with self._lock:
            self._delays[method] = seconds

    def delay_every_call(self, seconds: float) -> None:
        """Answer every call only after `seconds`, like Slack's own pace (about 0.1 s)."""
        self.limits.delay_every = seconds

    def outage(self, seconds: float, *, status: int = 503, drop: bool = False) -> None:
        """Be down for `seconds` (real time): answer every call with `status`, or (`drop`) close
        the connection unanswered; `end_outage` ends it sooner."""
        self.limits.outage(seconds, status=status, drop=drop)

    def end_outage(self) -> None:
        """Answer again."""
        self.limits.end_outage()

    def enforce_rate_limits(self) -> None:
        """Refuse calls beyond each method's tier per workspace (chat.postMessage: one a second
        per conversation) with HTTP 429 and the Retry-After Slack would send."""
        self.limits.enforce_tiers()

    def distributed_outside_marketplace(self) -> None:
        """History reads of such an app: one call a minute per workspace and method, 15 items."""
        self.limits.distributed()

    def paginate(self, page_size: int) -> None:
        """Return at most `page_size` items a page, however many were asked for."""
        with self._lock:
            self._ws.page_size = page_size

    # Inspecting what happened.

    @property
    def calls(self) -> list[Call]:
        """Every Web API call so far, oldest first."""
        with self._lock:
            return list(self._calls)

    @property
    def rejections(self) -> list[Rejection]:
        """Every call answered with `ok: false`, oldest first."""
        with self._lock:
            return list(self._rejections)

    def calls_to(self, method: str) -> list[Args]:
        """The arguments of every call to one method."""
        return [call.args for call in self.calls if call.method == method]

    def assert_no_rejections(self) -> None:
        """Fail unless every rejected call was expected with `allow`."""
        unexpected = [r for r in self.rejections if r.error not in self._allowed]
        assert not unexpected, "Slack would have rejected:\n" + "\n".join(map(repr, unexpected))

    def responses(self, url: str) -> list[dict[str, Any]]:
        """The JSON bodies POSTed to a response_url, oldest first."""
        with self._lock:
            return copy.deepcopy(self._responses[url])

    def user(self, user_id: str) -> dict[str, Any] | None:
        """A person as `users.info` shows them, or None."""
        with self._lock:
            user = self._ws.users.get(user_id)
            return self._ws.user_json(user, include_locale=True) if user else None

    def channel(self, channel_id: str) -> dict[str, Any] | None:
        """A conversation as `conversations.info` shows it, or None."""
        with self._lock:
            found = self._ws.channels.get(channel_id)
            return channel_json(found) if found else None

    def view(self, view_id: str) -> dict[str, Any] | None:
        """The current version of a stored view, or None."""
        with self._lock:
            return copy.deepcopy(self._ws.views.get(view_id))

    def is_open(self, view_id: str) -> bool:
        """Whether a modal is still on someone's screen."""
        with self._lock:
            return any(view_id in stack for stack in self._ws.stacks.values())

    def modal(self, user_id: str) -> dict[str, Any] | None:
        """The modal on top of a person's screen, or None."""
        with self._lock:
            stack = self._ws.stacks.get(user_id)
            return self.view(stack[-1]) if stack else None

    def home(self, user_id: str) -> dict[str, Any] | None:
        """The Home tab last published for a person, or None."""
        with self._lock:
            view_id = self._ws.homes.get(user_id)
            return self.view(view_id) if view_id else None

    def messages_to(self, conversation_id: str) -> list[dict[str, Any]]:
        """Messages in a conversation (a person's id means the bot's DM with them), newest last."""
        with self._lock:
            channel_id = self._ws.dms.get(conversation_id, conversation_id)
            return copy.deepcopy(self._ws.messages.get(channel_id, []))

    def all_messages(self) -> list[dict[str, Any]]:
        """Every message in every conversation."""
        with self._lock:
            return [copy.deepcopy(m) for ms in self._ws.messages.values() for m in ms]

    def notified_in(self, conversation_id: str) -> set[str]:
        """Everyone the messages in a conversation notified, by mention, group or broadcast."""
        with self._lock:
            messages = self._ws.messages.get(conversation_id, [])
            return {person for m in messages for person in fake_slack_chat.notified(self._ws, m)}

    def files_in(self, conversation_id: str) -> list[fake_slack_files.File]:
        """Files shared in a conversation (a person's id means the bot's DM with them), with
        their bytes, oldest first."""
        with self._lock:
            channel_id = self._ws.dms.get(conversation_id, conversation_id)
            return [copy.deepcopy(f) for f in self._ws.files.values() if channel_id in f.shared_in]

    def last_dm(self, user_id: str) -> dict[str, Any] | None:
        """The latest message the bot sent a person in their DM, or None."""
        messages = self.messages_to(user_id)
        return messages[-1] if messages else None

    def ephemerals_to(self, user_id: str) -> list[dict[str, Any]]:
        """Ephemeral messages shown to a person through chat.postEphemeral, newest last."""
        with self._lock:
            return [copy.deepcopy(e) for e in self._ws.ephemerals if e["user"] == user_id]

    def ephemerals_seen(
        self, user_id: str, channel_id: str, thread_ts: str | None = None
    ) -> list[dict[str, Any]]:
        """The ephemeral messages a person sees in a channel, or inside one of its threads."""
        return [
            e
            for e in self.ephemerals_to(user_id)
            if e["channel"] == channel_id and e["thread_ts"] == thread_ts and e["shown"]
        ]

    def wait_for(self, predicate: Callable[[], T | None], timeout: float = 2.0) -> T:
        """Wait until `predicate()` is truthy (re-checked after every call) and return it."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (result := predicate()):
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"timed out after {timeout}s waiting for {predicate}"
                self._changed.wait(remaining)
        return result

    # Serving.

    def answer_submission(self, user_id: str, view_id: str, answer: dict[str, Any]) -> None:
        """Apply the app's answer to a view submission to the modal stack, as Slack would."""
        with self._changed:
            try:
                views.answer_submission(self._ws, user_id, view_id, answer)
            except SlackError as error:
                self._rejections.append(Rejection("view_submission", error.error, answer))
            self._changed.notify_all()

    def handle(self, method: str, args: Args, token: str | None) -> Answer:
        """Answer one Web API call and record it; a delayed method starts late, a slowed one
        is carried out at once but answered late."""
        with self._lock:
            delay = self._delays.get(method, self.limits.delay_every)
        time.sleep(delay)  # outside the lock: other calls go on meanwhile
        refused = self._refused(method, args, token)
        if refused is not None:
            return refused
        answer = self._answer(method, args, token)
        with self._lock:
            slow = self._slow.get(method, 0.0)
        time.sleep(slow)
        return answer

    def _refused(self, method: str, args: Args, token: str | None) -> Answer | None:
        """The answer of an outage or a rate limit, recorded like any refused call."""
        known = self._tokens.get(token or "")
        team_id = known.team_id if known is not None else None
        refusal = self.limits.refusal(method, team_id, str(args.get("channel") or ""))
        if refusal is None:
            limit = self.limits.history_limit(method)
            if limit is not None:
                args["limit"] = min(int(args.get("limit") or 100), limit)
            return None
        if refusal.drop:
            return Answer({}, drop=True)
        with self._changed:
            self._calls.append(Call(method, args, token, time.monotonic()))
            self._rejections.append(Rejection(method, refusal.error, args))
            self._allowed.add(refusal.error)
            self._changed.notify_all()
        headers = {"Retry-After": str(refusal.retry_after)} if refusal.retry_after else None
        return Answer({"ok": False, "error": refusal.error}, refusal.status, headers)

    def _answer(self, method: str, args: Args, token: str | None) -> Answer:
        with self._changed:
            self._calls.append(Call(method, args, token, time.monotonic()))
            failures = self._next_failures.get(method)
            failure = failures.pop(0) if failures else None
            if failure is not None:
                self._rejections.append(Rejection(method, failure.error, args))
                self._changed.notify_all()
                headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else None
                return Answer({"ok": False, "error": failure.error}, failure.status, headers)
            try:
                body = {"ok": True, **self._run_method(method, args, token)}
            except SlackError as error:
                body = error.body()
            except Exception as bug:  # a bug in the fake must fail the test, not hang it
                body = SlackError("fake_internal_error", [repr(bug)]).body()
            if not body["ok"]:
                self._rejections.append(Rejection(method, body["error"], args))
            self._changed.notify_all()
            return Answer(body)

    def _run_method(self, method: str, args: Args, token: str | None) -> dict[str, Any]:
        """Check a call as Slack does, then run it in the workspace its token is bound to."""
        if method in TOKENLESS:
            return self._oauth.exchange(args)
        caller = check_call(method, args, token, self._tokens)
        if caller.expires_at is not None and caller.expires_at <= self._now():
            raise SlackError("token_expired")
        if method in self._errors:
            raise SlackError(self._errors[method])
        if method == "auth.revoke":
            return self._oauth.revoke(caller)
        if method == "apps.uninstall":
            return self._oauth.uninstall(args, caller)
        handler = HANDLERS.get(method)
        if handler is None:
            raise SlackError("fake_not_implemented", [f"the fake does not model {method}"])
        return handler(self._workspace_of(caller), copy.deepcopy(args), caller)

    def _workspace_of(self, caller: Token) -> Workspace:
        """A token's workspace; an org-wide token acts in the first workspace of its org."""
        if caller.team_id is not None:
            return self._workspaces[caller.team_id]
        return next(ws for ws in self._workspaces.values() if ws.enterprise_id == caller.org)

    def receive_upload(self, path: str, data: bytes) -> tuple[int, str]:
        """Bytes POSTed to an upload URL the fake handed out: the upload server's status and
        text (404: no such upload, 400: not the length announced)."""
        team_id, _, file_id = path.removeprefix("/upload/v1/").partition("/")
        with self._changed:
            ws = self._workspaces.get(team_id)
            status, text = (404, "not_found")
            if self._upload_failures:
                status, text = self._upload_failures.pop(0)
                self._allowed.add(text)
            elif ws is not None:
                status, text = fake_slack_files.receive(ws, file_id, data)
            if status != 200:
                self._rejections.append(Rejection("upload_url", text, {"file_id": file_id}))
            self._changed.notify_all()
            return status, text

    def record_response(self, url: str, body: dict[str, Any]) -> int:
        """Keep a body POSTed to a response_url; its HTTP status (404: never issued, 400: bad)."""
        with self._changed:
            if url not in self._responses:
                return 404
            problems = check_blocks(body["blocks"], max_blocks=50) if "blocks" in body else []
            if problems:
                self._rejections.append(Rejection("response_url", "invalid_blocks", body))
                return 400
            self._responses[url].append(body)
            self._changed.notify_all()
            return 200


def _channel_type(channel: Channel) -> str:
    """The `channel_type` of a message event in this conversation."""
    if channel.im_user or channel.im_pair:
        return "im"
    if channel.is_mpim:
        return "mpim"
    return "group" if channel.is_private else "channel"
