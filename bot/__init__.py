"""ooo: a self-service out-of-office responder for Slack."""
