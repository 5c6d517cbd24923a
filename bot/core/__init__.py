"""The pure core: dates, responders, policy and teams, with no Slack and no SQL."""
