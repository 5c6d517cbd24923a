"""The responder capability: its use cases, drafting, forwarding, follow-ups, Home tab and kinds."""
