"""Acting as a responder's owner with their connected account: their status and their snooze."""
