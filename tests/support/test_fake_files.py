"""The fake's file upload flow: an upload URL, exactly the bytes announced, then completing it."""

import json
import urllib.error
import urllib.request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.conftest import ALICE, BOB, GENERAL
from tests.support.fake_slack import FakeSlack

CSV = b"name,days\r\nalice,3\r\n"


def announce(slack: WebClient, length: int = len(CSV), **extra: str) -> tuple[str, str]:
    """Step one: the upload URL and the file id."""
    answer = slack.files_getUploadURLExternal(filename="team.csv", length=length, **extra)
    return str(answer["upload_url"]), str(answer["file_id"])


def send(url: str, data: bytes) -> int:
    """Step two: POST the bytes to the upload URL; its HTTP status."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST")) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_it_shares_a_file_uploaded_in_three_steps_in_a_dm(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    dm = slack.conversations_open(users=ALICE)["channel"]["id"]
    url, file_id = announce(slack)
    assert url.startswith(fake_slack.url)
    assert send(url, CSV) == 200
    done = slack.files_completeUploadExternal(
        files=[{"id": file_id, "title": "Team"}], channel_id=dm, initial_comment="Here it is"
    )
    assert done["files"][0]["id"] == file_id
    [shared] = fake_slack.files_in(ALICE)
    assert (shared.content, shared.title, shared.comment) == (CSV, "Team", "Here it is")
    assert fake_slack.last_dm(ALICE)["files"][0]["id"] == file_id  # type: ignore[index]


def test_the_sdks_upload_v2_takes_exactly_that_path(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    slack.files_upload_v2(content=CSV, filename="team.csv", title="Team", channel=GENERAL)
    [shared] = fake_slack.files_in(GENERAL)
    assert shared.content == CSV and shared.filename == "team.csv"
    called = [c.method for c in fake_slack.calls]
    assert called == ["files.getUploadURLExternal", "files.completeUploadExternal"]


def test_a_completed_file_shared_nowhere_stays_private(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    url, file_id = announce(slack)
    send(url, CSV)
    slack.files_completeUploadExternal(files=[{"id": file_id}])
    assert fake_slack.files_in(GENERAL) == [] and fake_slack.files_in(ALICE) == []


def test_it_refuses_bytes_of_another_length_than_announced(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.allow("length_mismatch", "file_not_found")
    url, file_id = announce(slack, length=len(CSV) + 1)
    assert send(url, CSV) == 400
    assert [r.method for r in fake_slack.rejections] == ["upload_url"]
    with pytest.raises(SlackApiError, match="file_not_found"):
        slack.files_completeUploadExternal(files=[{"id": file_id}], channel_id=GENERAL)


def test_it_answers_404_for_an_upload_url_it_never_gave(fake_slack: FakeSlack) -> None:
    fake_slack.allow("not_found")
    assert send(f"{fake_slack.url}/upload/v1/T0001/F0NOPE", CSV) == 404


@pytest.mark.parametrize(
    ("files", "error"),
    [
        ([{"id": "F0UNKNOWN"}], "file_not_found"),
        ("not json", "invalid_arguments"),
        ([], "invalid_arguments"),
        ([{"title": "no id"}], "invalid_arguments"),
    ],
)
def test_it_refuses_to_complete_files_it_does_not_know(
    fake_slack: FakeSlack, slack: WebClient, files: object, error: str
) -> None:
    fake_slack.allow(error)
    raw = files if isinstance(files, str) else json.dumps(files)
    with pytest.raises(SlackApiError, match=error):
        slack.api_call("files.completeUploadExternal", data={"files": raw})


def test_it_refuses_to_complete_a_file_never_uploaded(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.allow("file_not_found")
    _url, file_id = announce(slack)
    with pytest.raises(SlackApiError, match="file_not_found"):
        slack.files_completeUploadExternal(files=[{"id": file_id}], channel_id=GENERAL)


def test_it_refuses_to_complete_a_file_twice(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("file_not_found")
    url, file_id = announce(slack)
    send(url, CSV)
    slack.files_completeUploadExternal(files=[{"id": file_id}], channel_id=GENERAL)
    with pytest.raises(SlackApiError, match="file_not_found"):
        slack.files_completeUploadExternal(files=[{"id": file_id}], channel_id=GENERAL)


def test_it_refuses_to_share_where_the_bot_cannot_post(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.add_channel("C0QUIET", "quiet", members=[ALICE])
    fake_slack.add_channel("C0SECRET", "secret", members=[ALICE], is_private=True)
    fake_slack.allow("not_in_channel", "channel_not_found")
    for channel, error in (("C0QUIET", "not_in_channel"), ("C0SECRET", "channel_not_found")):
        url, file_id = announce(slack)
        send(url, CSV)
        with pytest.raises(SlackApiError, match=error):
            slack.files_completeUploadExternal(files=[{"id": file_id}], channel_id=channel)
    assert fake_slack.files_in("C0QUIET") == [] and fake_slack.files_in("C0SECRET") == []


def test_only_the_uploader_completes_a_file(fake_slack: FakeSlack, slack: WebClient) -> None:
    bob = WebClient(
        base_url=fake_slack.api_url, token=fake_slack.grant_user_token(BOB, ["files:write"])
    )
    fake_slack.allow("access_denied")
    url, file_id = announce(slack)
    send(url, CSV)
    with pytest.raises(SlackApiError, match="access_denied"):
        bob.files_completeUploadExternal(files=[{"id": file_id}])


@pytest.mark.parametrize(
    ("length", "extra", "error"),
    [
        (0, {}, "missing_argument"),
        (10, {"alt_txt": "x" * 1001}, "alt_txt_too_large"),
        (10, {"snippet_type": "spreadsheet"}, "unknown_snippet_type"),
        (2_000_000, {"snippet_type": "csv"}, "snippet_too_large"),
    ],
)
def test_it_refuses_an_upload_slack_would_refuse(
    fake_slack: FakeSlack, slack: WebClient, length: int, extra: dict[str, str], error: str
) -> None:
    fake_slack.allow(error)
    with pytest.raises(SlackApiError, match=error):
        announce(slack, length=length, **extra)


def test_it_needs_the_files_write_scope(fake_slack: FakeSlack) -> None:
    token = fake_slack.grant_user_token(ALICE, ["chat:write"])
    fake_slack.allow("missing_scope")
    with pytest.raises(SlackApiError, match="missing_scope"):
        WebClient(base_url=fake_slack.api_url, token=token).files_getUploadURLExternal(
            filename="team.csv", length=3
        )


def test_the_retired_files_upload_is_refused(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("method_deprecated")
    with pytest.raises(SlackApiError, match="method_deprecated"):
        slack.api_call("files.upload", data={"content": "a,b", "channels": GENERAL})


def test_an_upload_told_to_fail_keeps_no_bytes_then_the_next_one_goes_through(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.fail_next_upload(503)
    url, file_id = announce(slack)
    assert send(url, CSV) == 503
    with pytest.raises(SlackApiError) as refused:
        slack.files_completeUploadExternal(files=[{"id": file_id}])
    assert refused.value.response["error"] == "file_not_found"
    fake_slack.allow("file_not_found")
    assert send(url, CSV) == 200
    slack.files_completeUploadExternal(files=[{"id": file_id}])
