"""The catalog's wording of every reason a calendar feed could not be read."""

from bot.calendars.fetching.failures import Failure, FeedError
from bot.texts import N_, _
from bot.texts.numbers import number

WORDINGS: dict[Failure, str] = {
    Failure.NOT_A_URL: N_(
        "That is not a calendar link. Paste the secret iCal address your calendar gives "
        "(it starts with https:// or webcal://)."
    ),
    Failure.TOO_LONG: N_(
        "That link is longer than {limit} characters, longer than any calendar's address. "
        "Paste only the secret iCal address of your calendar."
    ),
    Failure.TWO_URLS: N_(
        "That has more than one link. Paste only the secret iCal address of your calendar."
    ),
    Failure.NOT_HTTPS: N_(
        "ooo reads calendars only over a secure connection: use the https:// link to the "
        "calendar on {host}."
    ),
    Failure.REFUSED_ADDRESS: N_(
        "{host} is on a private or reserved network, so ooo won't fetch it. Use the "
        "calendar's public link."
    ),
    Failure.UNRESOLVABLE: N_("ooo can't find {host}. Check the link for typos."),
    Failure.UNREACHABLE: N_("ooo couldn't connect to {host}. Check the link, or try again later."),
    Failure.TIMEOUT: N_("{host} took too long to answer. Try again later."),
    Failure.INSECURE: N_(
        "{host}'s secure connection could not be verified (its certificate is not valid), "
        "so ooo won't read it."
    ),
    Failure.BAD_RESPONSE: N_("{host} answered with something ooo can't read as a calendar."),
    Failure.TOO_LARGE: N_(
        "The calendar on {host} is larger than {megabytes} MB, more than ooo reads. Share a "
        "calendar with fewer events, such as one for your absences only."
    ),
    Failure.TOO_MANY_REDIRECTS: N_(
        "{host} sent ooo from link to link without reaching a calendar. Check the link."
    ),
    Failure.HTTP_STATUS: N_(
        "{host} answered with error {status} instead of the calendar. Check that the link is "
        "still valid: a secret address stops working once it is reset."
    ),
}


def word(error: FeedError) -> str:
    """Say why a feed could not be read, to the reader being spoken to."""
    params = dict(error.params)
    if "host" in params:
        params["host"] = as_typed(params["host"])
    if "limit" in params:
        params["limit"] = number(int(params["limit"]))
    return _(WORDINGS[Failure(error.code)], **params)


def as_typed(host: str) -> str:
    """A host as people write it: "bücher.example", not its DNS form "xn--bcher-kva.example"."""
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host
