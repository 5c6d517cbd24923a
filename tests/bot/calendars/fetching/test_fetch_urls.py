"""The feed URL in what a person typed: Slack's escaped forms read, anything else refused."""

import pytest

from bot.calendars.fetching.fetch import FeedError, feed_url

GOOGLE = (
    "https://calendar.google.com/calendar/ical/alice%40example.com/"
    "private-0123456789abcdef/basic.ics"
)
OUTLOOK = "https://outlook.office365.com/owa/calendar/abc@example.com/def/calendar.ics"


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        (GOOGLE, GOOGLE),
        (f"<{GOOGLE}>", GOOGLE),
        (f"<{GOOGLE}|Alice's calendar>", GOOGLE),
        (f"  <{OUTLOOK}>\n", OUTLOOK),
        (
            "<https://cal.example.com/feed.ics?user=alice&amp;token=s3cret|my feed>",
            "https://cal.example.com/feed.ics?user=alice&token=s3cret",
        ),
        # Only Slack's three escapes are undone: `&copy` in a query stays as typed.
        (
            "https://cal.example.com/f.ics?a=1&amp;copy=2&amp;lt=3",
            "https://cal.example.com/f.ics?a=1&copy=2&lt=3",
        ),
        (
            "webcal://p01-caldav.icloud.com/published/2/abc",
            "https://p01-caldav.icloud.com/published/2/abc",
        ),
        ("webcals://cal.example.com/f.ics", "https://cal.example.com/f.ics"),
        ("WEBCAL://Cal.Example.COM/F.ics", "https://cal.example.com/F.ics"),
        ("http://cal.internal:8080/f.ics", "http://cal.internal:8080/f.ics"),
        ("https://cal.example.com/f.ics#today", "https://cal.example.com/f.ics"),
        ("https://[2001:db8::1]:8443/f.ics", "https://[2001:db8::1]:8443/f.ics"),
        ("https://bob:hunter22@cal.example.com/f.ics", "https://cal.example.com/f.ics"),
        (
            "https://bücher.example/kalender/é.ics",
            "https://xn--bcher-kva.example/kalender/%C3%A9.ics",
        ),
    ],
)
def test_it_reads_the_url_in_what_a_person_typed(typed: str, url: str) -> None:
    assert feed_url(typed) == url


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "my calendar",
        "calendar.google.com/calendar/ical/basic.ics",
        "ftp://cal.example.com/f.ics",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "<mailto:alice@example.com|alice@example.com>",
        "https://",
        "https:///f.ics",
        "https://cal.example.com:99999/f.ics",
        "https://cal.example.com/my calendar.ics",
        "https://cal.example.com/f.ics\r\nX-Evil: 1",
    ],
)
def test_it_refuses_what_is_not_a_feed_url(typed: str) -> None:
    with pytest.raises(FeedError) as refused:
        feed_url(typed)
    assert refused.value.code == "not_a_url"
    assert refused.value.params == {}


def test_it_says_a_link_longer_than_any_calendars_is_too_long() -> None:
    with pytest.raises(FeedError) as refused:
        feed_url("https://cal.example.com/" + "a" * 2000)
    assert refused.value.code == "too_long"
    assert refused.value.params == {"limit": "2000"}


def test_it_takes_the_longest_url_allowed() -> None:
    url = "https://cal.example.com/" + "a" * (2000 - len("https://cal.example.com/"))
    assert feed_url(f"<{url}>") == url
