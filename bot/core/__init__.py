"""The pure core: dates and responders, with no Slack and no SQL."""
