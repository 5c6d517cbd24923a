"""What the responder modal remembers always fits Slack's 3,000-character private_metadata."""

from dataclasses import replace

import pytest

from bot.blocks.responder_form import METADATA_MAX, Meta

PALMS = "🌴" * 200
ORIGIN = "https://hooks.slack.com/actions/T0001/1234567890123/" + "a" * 24


@pytest.mark.parametrize(
    "meta",
    [
        Meta("Europe/Paris", "fr-FR", 7, 3, applied=PALMS, preview=f"Press Enter “{PALMS}”"),
        Meta("Europe/Paris", "fr-FR", 7, 3, applied="&" * 200, preview="&amp;" * 600),
        Meta("UTC", "en-US", None, 1, applied=PALMS, suggested=PALMS * 5, preview=PALMS * 3),
    ],
)
def test_it_fits_long_typed_words_in_private_metadata(meta: Meta) -> None:
    raw = replace(meta, origin=ORIGIN).dump()
    assert len(raw) <= METADATA_MAX
    kept = Meta.load(raw)
    assert (kept.tz, kept.locale, kept.responder_id, kept.version, kept.origin) == (
        meta.tz,
        meta.locale,
        meta.responder_id,
        meta.version,
        ORIGIN,
    )


def test_it_keeps_everything_that_fits() -> None:
    meta = Meta("Europe/Paris", "fr-FR", 7, 3, applied="demain", suggested="Je suis absent.")
    assert Meta.load(meta.dump()) == meta
