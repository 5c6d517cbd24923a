"""Every reason a feed could not be read is worded for a person, naming the host, never the URL."""

import pytest

from bot.calendars.fetching.failures import Failure, FeedError
from bot.calendars.fetching.problems import WORDINGS, word
from bot.texts import speaking

# The parameters each code carries when the fetcher raises it.
PARAMS = {
    Failure.NOT_A_URL: {},
    Failure.TWO_URLS: {},
    Failure.TOO_LONG: {"limit": "2000"},
    Failure.HTTP_STATUS: {"host": "calendar.example", "status": "404"},
    Failure.TOO_LARGE: {"host": "calendar.example", "megabytes": "5"},
}


@pytest.mark.parametrize("failure", list(Failure))
def test_it_words_every_failure_with_the_parameters_it_carries(failure: Failure) -> None:
    params = PARAMS.get(failure, {"host": "calendar.example"})
    with speaking("en-US"):
        said = word(FeedError(failure, params))
    assert WORDINGS.get(failure)
    assert "{" not in said
    assert ("calendar.example" in said) == ("host" in params)


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (
            FeedError("refused_address", {"host": "10.0.0.7"}),
            "10.0.0.7 is on a private or reserved network, so ooo won't fetch it. "
            "Use the calendar's public link.",
        ),
        (
            FeedError("too_large", {"host": "calendar.example", "megabytes": "5"}),
            "The calendar on calendar.example is larger than 5 MB, more than ooo reads. Share a "
            "calendar with fewer events, such as one for your absences only.",
        ),
    ],
)
def test_it_fills_in_what_the_failure_names(error: FeedError, said: str) -> None:
    assert word(error) == said
