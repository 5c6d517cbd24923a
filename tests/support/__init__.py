"""Test support: a fake Slack Web API, a signed-request driver and a fake clock."""
